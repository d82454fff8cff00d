import { describe, expect, it } from 'vitest';
import { isBackupOverdue, shouldRemindBackup } from '../../../src/domain/storageHealth.ts';

// Issue 14, item 3: when the backup reminder speaks.

const now = new Date('2026-11-29T03:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();

describe('isBackupOverdue', () => {
  it.each([
    [
      'last backup 30 days ago, period 30',
      { lastBackupAt: daysAgo(30), firstUseAt: daysAgo(90) },
      30,
      true,
    ],
    [
      'last backup 29 days ago, period 30',
      { lastBackupAt: daysAgo(29), firstUseAt: daysAgo(90) },
      30,
      false,
    ],
    [
      'never backed up, used for 31 days',
      { lastBackupAt: null, firstUseAt: daysAgo(31) },
      30,
      true,
    ],
    ['never backed up, used for 3 days', { lastBackupAt: null, firstUseAt: daysAgo(3) }, 30, false],
    ['a fresh install', { lastBackupAt: null, firstUseAt: null }, 30, false],
    ['the IT section set 7 days', { lastBackupAt: daysAgo(8), firstUseAt: daysAgo(90) }, 7, true],
  ])('%s', (_name, facts, days, expected) => {
    expect(isBackupOverdue(facts, days, now)).toBe(expected);
  });
});

describe('shouldRemindBackup: once a day', () => {
  it('speaks when overdue and not closed today', () => {
    expect(shouldRemindBackup(true, null, '2026-11-29')).toBe(true);
    expect(shouldRemindBackup(true, '2026-11-28', '2026-11-29')).toBe(true);
  });
  it('keeps quiet the rest of the day once closed, and when not overdue', () => {
    expect(shouldRemindBackup(true, '2026-11-29', '2026-11-29')).toBe(false);
    expect(shouldRemindBackup(false, null, '2026-11-29')).toBe(false);
  });
});
