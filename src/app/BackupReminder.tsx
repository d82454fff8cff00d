import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useBackupFacts } from '../db/storageHealth.ts';
import { daysSince, isBackupOverdue, shouldRemindBackup } from '../domain/storageHealth.ts';
import { todayInTokyo } from '../domain/procedureRules.ts';
import { useDeploymentConfig } from '../features/exchange/KeysSection.tsx';
import { deploymentSettingsOf } from '../features/exchange/deploymentConfig.ts';
import { useBackupAction } from '../features/settings/useBackupAction.ts';
import { Banner } from '../features/common/Banner.tsx';
import { askPersistenceOnce } from './browserStorage.ts';

// Per browser profile, like the station itself: the Tokyo date the reminder was last closed.
// DO NOT RENAME: stored in localStorage.
export const BACKUP_REMINDER_DISMISSED_KEY = 'sonae.backupReminder.dismissedOn';

function readDismissed(): string | null {
  try {
    return localStorage.getItem(BACKUP_REMINDER_DISMISSED_KEY);
  } catch {
    return null;
  }
}

/**
 * Under the header: when no whole-station backup was made for `backupReminderDays`
 * (sonae.config.json, default 30), says so once a day with the one-click backup.
 */
export function BackupReminder() {
  const facts = useBackupFacts();
  const config = useDeploymentConfig();
  const { run, busy, message, clear } = useBackupAction();
  const [dismissedOn, setDismissedOn] = useState(readDismissed);
  useEffect(() => void askPersistenceOnce(), []);
  if (facts === undefined || config === undefined) return null;
  const now = new Date();
  const today = todayInTokyo(now);
  const days = deploymentSettingsOf(config).backupReminderDays;
  const isOverdue = isBackupOverdue(facts, days, now);
  // Once the one-click backup ran, its result stays until closed, though no longer overdue.
  if (!message && !shouldRemindBackup(isOverdue, dismissedOn, today)) return null;

  function dismiss() {
    try {
      localStorage.setItem(BACKUP_REMINDER_DISMISSED_KEY, today);
    } catch {
      // Private mode or a full quota: the reminder simply comes back on the next load.
    }
    setDismissedOn(today);
    clear();
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
            <button type="button" disabled={busy} onClick={() => void run()}>
              {busy ? '作成中…' : '今すぐバックアップ'}
            </button>
            <button type="button" className="secondary" onClick={dismiss}>
              今日は表示しない
            </button>
            <Link to="/settings">設定で詳しく</Link>
          </span>
        </Banner>
      )}
    </section>
  );
}
