import { Link } from 'react-router';
import type { BackupFacts } from '../domain/storageHealth.ts';
import { daysSince } from '../domain/storageHealth.ts';
import { useBackupAction } from '../features/settings/useBackupAction.ts';
import { Banner } from '../features/common/Banner.tsx';
import { useKnownRecipients } from '../features/exchange/useKnownRecipients.ts';

/**
 * The reminder itself, with the one-click backup: loaded only once a reminder is due, since the
 * backup's code is large (issue 9: first screen). BackupReminder decides when.
 */
export function BackupReminderBanner({
  facts,
  days,
  onDismiss,
}: {
  facts: BackupFacts;
  days: number;
  onDismiss: () => void;
}) {
  const { run, busy, message, clear } = useBackupAction();
  // One click encrypts to the IT section's keys; without them a passphrase must be chosen, in 設定.
  const recipients = useKnownRecipients();
  const oneClick = recipients && recipients.known.length > 0 ? recipients.known : null;
  const now = new Date();
  function dismiss() {
    clear();
    onDismiss();
  }
  const since = daysSince(facts.lastBackupAt, now);
  return (
    <section className="backup-reminder" aria-label="バックアップのお知らせ">
      {message ? (
        <Banner kind={message.kind}>
          {message.text}
          {busy ? null : (
            <button type="button" className="secondary" onClick={dismiss}>
              閉じる
            </button>
          )}
        </Banner>
      ) : (
        <Banner kind="info">
          {since === null
            ? `この端末はまだ一度もバックアップしていません（使い始めてから${daysSince(facts.firstUseAt, now) ?? days}日）。`
            : `最後のバックアップから${since}日たっています。`}
          PC が故障するとデータを失います。バックアップを作成し、承認された媒体に保存してください。
          <span className="actions">
            {oneClick ? (
              <button
                type="button"
                disabled={busy}
                onClick={() => void run({ kind: 'recipients', recipients: oneClick })}
              >
                {busy ? '作成中…' : '今すぐバックアップ'}
              </button>
            ) : null}
            <button type="button" className="secondary" onClick={dismiss}>
              今日は表示しない
            </button>
            <Link to="/settings">
              {oneClick ? '設定で詳しく' : '設定でバックアップを作成（パスフレーズを決めます）'}
            </Link>
          </span>
        </Banner>
      )}
    </section>
  );
}
