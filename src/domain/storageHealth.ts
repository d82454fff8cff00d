/** How long staff may go without exporting before the app reminds them. */
export const EXPORT_REMINDER_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

/** When data was last carried off this PC, and when this PC started keeping data. */
export interface ExportFacts {
  /** ISO instant of the last export, or null if there never was one. */
  lastExportAt: string | null;
  /** ISO instant of the oldest audit entry (first-run setup), or null on a fresh install. */
  firstUseAt: string | null;
}

/** Whole days from `iso` to `now`; null when `iso` is missing or unreadable. */
export function daysSince(iso: string | null, now: Date): number | null {
  if (!iso) return null;
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return null;
  return Math.max(0, Math.floor((now.getTime() - then) / DAY_MS));
}

/**
 * True when the data on this PC has gone `EXPORT_REMINDER_DAYS` or more without an export.
 * A PC that never exported is measured from its first use, so a fresh install is not nagged.
 */
export function isExportOverdue(facts: ExportFacts, now: Date): boolean {
  const since = daysSince(facts.lastExportAt ?? facts.firstUseAt, now);
  return since !== null && since >= EXPORT_REMINDER_DAYS;
}

/** The share of the quota in use, e.g. 「0.52%」, or null when there is no usable quota. */
export function formatUsageShare(usage: number, quota: number): string | null {
  if (!Number.isFinite(quota) || quota <= 0 || !Number.isFinite(usage) || usage < 0) return null;
  const percent = (usage / quota) * 100;
  if (percent > 0 && percent < 0.01) return '0.01%未満';
  return `${percent < 10 ? percent.toFixed(2) : percent.toFixed(0)}%`;
}

/** When this station was last backed up whole, and when it started keeping data. */
export interface BackupFacts {
  lastBackupAt: string | null;
  firstUseAt: string | null;
}

/**
 * True when `days` (sonae.config.json `backupReminderDays`, default 30) or more have passed
 * since the last whole-station backup; a station never backed up counts from its first use.
 */
export function isBackupOverdue(facts: BackupFacts, days: number, now: Date): boolean {
  const since = daysSince(facts.lastBackupAt ?? facts.firstUseAt, now);
  return since !== null && since >= days;
}

/**
 * The reminder speaks once a day: when a backup is overdue and nobody closed it today
 * (`dismissedOn`, a Tokyo date YYYY-MM-DD, or null).
 */
export function shouldRemindBackup(isOverdue: boolean, dismissedOn: string | null, today: string) {
  return isOverdue && dismissedOn !== today;
}
