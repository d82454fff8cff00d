import { lazy, Suspense, useEffect, useState } from 'react';
import { useBackupFacts } from '../db/storageHealth.ts';
import { useDeploymentSettings } from '../features/common/useDeploymentSettings.ts';
import { isBackupOverdue, shouldRemindBackup } from '../domain/storageHealth.ts';
import { todayInTokyo } from '../domain/procedureRules.ts';
import { askPersistenceOnce } from './browserStorage.ts';

const BackupReminderBanner = lazy(async () => ({
  default: (await import('./BackupReminderBanner.tsx')).BackupReminderBanner,
}));

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
 * (sonae.config.json, default 30), says so once a day with the one-click backup. Once shown it
 * stays until closed, so the result of that backup can be read.
 */
export function BackupReminder() {
  const facts = useBackupFacts();
  const settings = useDeploymentSettings();
  const [dismissedOn, setDismissedOn] = useState(readDismissed);
  const [shown, setShown] = useState(false);
  useEffect(() => void askPersistenceOnce(), []);
  const now = new Date();
  const today = todayInTokyo(now);
  const due =
    facts !== undefined &&
    settings !== undefined &&
    shouldRemindBackup(
      isBackupOverdue(facts, settings.backupReminderDays, now),
      dismissedOn,
      today,
    );
  // Adjusted while rendering (React's pattern for state derived from a change), not in an effect.
  if (due && !shown) setShown(true);
  if (!shown || facts === undefined || settings === undefined) return null;

  function dismiss() {
    try {
      localStorage.setItem(BACKUP_REMINDER_DISMISSED_KEY, today);
    } catch {
      // Private mode or a full quota: the reminder simply comes back on the next load.
    }
    setDismissedOn(today);
    setShown(false);
  }

  return (
    <Suspense fallback={null}>
      <BackupReminderBanner facts={facts} days={settings.backupReminderDays} onDismiss={dismiss} />
    </Suspense>
  );
}
