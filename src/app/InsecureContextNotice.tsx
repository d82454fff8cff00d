import { useState } from 'react';
import { Link } from 'react-router';
import { detectOfflineSupport } from './serviceWorker.ts';
import { OFFLINE_HELP } from './offlineStatusText.ts';
import './offline.css';

// DO NOT RENAME: stored in each user's localStorage; renaming shows the note again to everyone.
export const INSECURE_NOTICE_DISMISSED_KEY = 'sonae.insecureContextNotice.dismissed';

function isDismissed(): boolean {
  try {
    return window.localStorage.getItem(INSECURE_NOTICE_DISMISSED_KEY) === '1';
  } catch {
    // localStorage can be switched off by policy; then the note simply shows each time.
    return false;
  }
}

function rememberDismissal(): void {
  try {
    window.localStorage.setItem(INSECURE_NOTICE_DISMISSED_KEY, '1');
  } catch {
    // See isDismissed: closing still works for this page view.
  }
}

/**
 * Shown once (until closed) where the browser refuses a service worker, typically a
 * plain-HTTP intranet origin: the app works, but cannot open while the server is down.
 * Says what the administrator can do and that the data belongs to this exact address.
 */
export function InsecureContextNotice() {
  const [support] = useState(detectOfflineSupport);
  const [isHidden, setHidden] = useState(isDismissed);
  if (support === 'supported' || isHidden) return null;
  const { origin, hostname } = window.location;
  const close = () => {
    rememberDismissal();
    setHidden(true);
  };
  return (
    <aside className="banner banner-info insecure-notice" aria-labelledby="insecure-notice-title">
      <h2 id="insecure-notice-title">
        {support === 'insecure'
          ? 'この接続ではオフラインで開けません（管理者の方へ）'
          : 'このブラウザーではオフラインで開けません（管理者の方へ）'}
      </h2>
      {support === 'insecure' ? (
        <p>
          備えは暗号化されていない接続（<code>{origin}</code>
          ）で開かれています。ブラウザーはこの接続でオフライン用の保存（サービスワーカー）を許可しないため、サーバーやネットワークが止まると画面を開けません。入力・保存・印刷・データ交換はこのまま使えます。
        </p>
      ) : (
        <p>
          このブラウザーではオフライン用の保存（サービスワーカー）が使えません。プライベートウィンドウで開いているか、ポリシーで無効になっています。入力・保存・印刷・データ交換はこのまま使えます。
        </p>
      )}
      <p>オフラインで開けるようにするには、情報システム担当が次のどれかを行ってください。</p>
      <ul>
        <li>庁内認証局の証明書でサーバーを HTTPS にし、https:// のアドレスで開く。</li>
        <li>
          Edge・Chrome: ポリシー <code>OverrideSecurityRestrictionsOnInsecureOrigin</code> に{' '}
          <code>{origin}</code> を追加する。
        </li>
        <li>
          Firefox: 設定 <code>dom.securecontext.allowlist</code>（ホスト名のカンマ区切り）に{' '}
          <code>{hostname}</code> を追加する。
        </li>
      </ul>
      <p>
        データはこのブラウザーの中に、アドレス（<code>{origin}</code>
        ：ホスト名とポート番号まで）ごとに保存されます。アドレスが変わると、それまでのデータは見えなくなります（消えてはいません）。HTTPS
        に切り替えるときなど、移す前に「設定 →
        バックアップ」でバックアップを作り、新しいアドレスの最初の画面で「復元」してください。
      </p>
      <p>
        詳しい手順: <Link to={OFFLINE_HELP.conditions.to}>{OFFLINE_HELP.conditions.label}</Link>
      </p>
      <button type="button" onClick={close}>
        閉じる
      </button>
    </aside>
  );
}
