import { useState } from 'react';
import { Link } from 'react-router';
import { useExportFacts } from '../db/storageHealth.ts';
import { useLastBackupAt } from '../db/backupState.ts';
import { formatDateTimeJa } from '../domain/dateTime.ts';
import {
  EXPORT_REMINDER_DAYS,
  daysSince,
  formatUsageShare,
  isExportOverdue,
} from '../domain/storageHealth.ts';
import { formatBytes } from '../features/common/formatBytes.ts';
import {
  requestPersistentStorage,
  useBrowserStorage,
  type BrowserStorageInfo,
} from './browserStorage.ts';
import { describeAppVersion } from './buildInfo.ts';
import { describeOfflineStatus } from './offlineStatusText.ts';
import { useServiceWorkerState } from './serviceWorker.ts';
import './offline.css';

/** The 設定 screen's section on offline use, storage safety and the last export. */
export function StorageHealthPanel() {
  const { offline } = useServiceWorkerState();
  const offlineText = describeOfflineStatus(offline);
  const { info, refresh } = useBrowserStorage();
  const facts = useExportFacts();
  const lastBackupAt = useLastBackupAt();
  const now = new Date();
  const isOverdue = facts !== undefined && isExportOverdue(facts, now);
  return (
    <section className="card storage-health" aria-labelledby="storage-health-title">
      <h2 id="storage-health-title">保存領域とオフライン</h2>
      {isOverdue && (
        <p className="banner banner-error" role="status">
          {facts.lastExportAt
            ? `最後の書き出しから${daysSince(facts.lastExportAt, now)}日たっています。`
            : `使い始めてから${EXPORT_REMINDER_DAYS}日以上、一度も書き出していません。`}
          この端末が故障するとデータを失います。<Link to="/exchange">データ交換</Link>
          で書き出し、決められた媒体に保存してください。
        </p>
      )}
      <dl>
        <dt>オフライン</dt>
        <dd>
          <strong>{offlineText.label}</strong>
          <br />
          {offlineText.detail}
          {offlineText.help ? (
            <>
              {' '}
              <Link to={offlineText.help.to}>{offlineText.help.label}</Link>
            </>
          ) : null}
        </dd>
        <dt>保存領域の保護</dt>
        <dd>
          <PersistenceStatus info={info} onChanged={refresh} />
        </dd>
        <dt>使用量</dt>
        <dd>{describeUsage(info)}</dd>
        <dt>空き容量</dt>
        <dd>{describeFree(info)}</dd>
        <dt>最後のバックアップ</dt>
        <dd>
          {lastBackupAt === undefined
            ? '確認中…'
            : lastBackupAt
              ? formatDateTimeJa(lastBackupAt)
              : 'まだ作成していません（下の「バックアップ」で作成できます）'}
        </dd>
        <dt>最後の書き出し</dt>
        <dd>
          {facts === undefined
            ? '確認中…'
            : facts.lastExportAt
              ? formatDateTimeJa(facts.lastExportAt)
              : 'まだ書き出していません'}
        </dd>
        <dt>データの置き場所</dt>
        <dd>
          この端末のブラウザーの中（<code>{window.location.origin}</code>
          ）。アドレスのホスト名やポート番号が変わると、ここにあるデータは見えなくなります。別のアドレスや別の端末へ移すときは、下の「バックアップ」で作成したファイルを移し先の「復元」で読み込んでください。
        </dd>
        <dt>版</dt>
        <dd>{describeAppVersion()}</dd>
      </dl>
    </section>
  );
}

function PersistenceStatus({
  info,
  onChanged,
}: {
  info: BrowserStorageInfo | undefined;
  onChanged: () => void;
}) {
  const [refusal, setRefusal] = useState(false);
  if (info === undefined) return <>確認中…</>;
  if (!info.isAvailable)
    return (
      <>
        この接続（HTTP
        など）では確認できません。このアドレスは暗号化されていない接続（http://）のため、ブラウザーにデータの保護を頼めません。ディスクの空きが少なくなると、ブラウザーがデータを消すことがあります。情報システム担当に
        HTTPS
        での配信（または信頼するサイトとしての登録）を依頼し、それまでは定期的にバックアップを作成してください。
      </>
    );
  if (info.isPersisted === null) return <>このブラウザーでは確認できません。</>;
  if (info.isPersisted)
    return <>保護されています（容量が足りなくなってもブラウザーは消しません）。</>;
  const protect = async () => {
    const granted = await requestPersistentStorage();
    setRefusal(!granted);
    onChanged();
  };
  return (
    <>
      保護されていません。ディスクの空きが少なくなると、ブラウザーがデータを消すことがあります。
      <button type="button" onClick={() => void protect()}>
        保存領域を保護する
      </button>
      {refusal && (
        <span role="status">
          {' '}
          ブラウザーが保護を認めませんでした。備えをブックマークに登録して日常的に使うと認められやすくなります。定期的な書き出しも続けてください。
        </span>
      )}
    </>
  );
}

/** What the browser still lets this origin store: a restore needs about twice its file. */
function describeFree(info: BrowserStorageInfo | undefined): string {
  if (info === undefined) return '確認中…';
  if (info.usage === null || info.quota === null)
    return 'ブラウザーが教えてくれません（http:// の接続など）。';
  return `約 ${formatBytes(Math.max(0, info.quota - info.usage))}`;
}

const NOT_KNOWN_HERE = 'この接続（HTTP など）では確認できません。';

function describeUsage(info: BrowserStorageInfo | undefined): string {
  if (info === undefined) return '確認中…';
  if (info.usage === null || info.quota === null) return NOT_KNOWN_HERE;
  const share = formatUsageShare(info.usage, info.quota);
  return `約 ${formatBytes(info.usage)}（上限 約 ${formatBytes(info.quota)}${share ? `、${share}` : ''}）`;
}
