import { describe, expect, it } from 'vitest';
import {
  EXPORT_REMINDER_DAYS,
  daysSince,
  formatUsageShare,
  isExportOverdue,
} from '../../../src/domain/storageHealth.ts';

const now = new Date('2026-11-21T09:00:00+09:00');
const daysAgo = (days: number, hours = 0) =>
  new Date(now.getTime() - (days * 24 + hours) * 3600 * 1000).toISOString();

describe('isExportOverdue', () => {
  // lastExportAt, firstUseAt → overdue?
  const cases: [string | null, string | null, boolean][] = [
    [null, null, false], // fresh install: nothing to carry yet
    [null, daysAgo(6, 23), false], // in use for not quite a week
    [null, daysAgo(7), true], // a week of data, never exported
    [daysAgo(6, 23), daysAgo(400), false], // exported within the week
    [daysAgo(7), daysAgo(400), true], // exactly seven days ago
    [daysAgo(30), null, true],
    [daysAgo(0), daysAgo(30), false], // exported today
    ['not a date', daysAgo(30), false], // unreadable values never nag
  ];
  it.each(cases)('last export %s, first use %s → %s', (lastExportAt, firstUseAt, expected) => {
    expect(isExportOverdue({ lastExportAt, firstUseAt }, now)).toBe(expected);
  });

  it('uses a seven-day rule', () => {
    expect(EXPORT_REMINDER_DAYS).toBe(7);
  });
});

describe('daysSince', () => {
  it('counts whole days and never goes negative', () => {
    expect(daysSince(daysAgo(3, 5), now)).toBe(3);
    expect(daysSince(new Date(now.getTime() + 3600_000).toISOString(), now)).toBe(0);
  });

  it('returns null for a missing or unreadable instant', () => {
    expect(daysSince(null, now)).toBeNull();
    expect(daysSince('', now)).toBeNull();
    expect(daysSince('2026-13-45', now)).toBeNull();
  });
});

describe('formatUsageShare', () => {
  it.each([
    [0, 1000, '0.00%'],
    [1, 1_000_000_000, '0.01%未満'],
    [52, 10_000, '0.52%'],
    [500, 1000, '50%'],
    [1000, 1000, '100%'],
  ])('%d of %d → %s', (usage, quota, expected) => {
    expect(formatUsageShare(usage, quota)).toBe(expected);
  });

  it('gives nothing without a usable quota', () => {
    expect(formatUsageShare(10, 0)).toBeNull();
    expect(formatUsageShare(10, Number.NaN)).toBeNull();
    expect(formatUsageShare(-1, 1000)).toBeNull();
  });
});
