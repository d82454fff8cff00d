import { describe, expect, it } from 'vitest';
import packageHolidays from '@holiday-jp/holiday_jp/lib/holidays.js';
import { HOLIDAY_NAMES, HOLIDAY_YEARS } from '../../../src/domain/holidayTable.ts';
import { decodeHolidayTable, encodeHolidayTable } from '../../../src/domain/holidayTableCodec.ts';
import { holidayDataLastYear, holidayName } from '../../../src/domain/holidays.ts';

const fromPackage = Object.values(
  packageHolidays as Record<string, { date: string; name: string }>,
);

describe('the compact holiday table', () => {
  it('holds exactly the package’s holidays (regenerate with scripts/gen-holiday-table.ts)', () => {
    const table = decodeHolidayTable(HOLIDAY_NAMES, HOLIDAY_YEARS);
    expect(table.size).toBe(fromPackage.length);
    for (const { date, name } of fromPackage) expect(table.get(date), date).toBe(name);
  });

  it('round-trips through the codec', () => {
    const sample = [
      { date: '2026-11-23', name: '勤労感謝の日' },
      { date: '2026-01-01', name: '元日' },
      { date: '2027-01-01', name: '元日' },
    ];
    const { names, years } = encodeHolidayTable(sample);
    expect(years).toEqual(['2026:010100112301', '2027:010100']);
    expect([...decodeHolidayTable(names, years)]).toEqual([
      ['2026-01-01', '元日'],
      ['2026-11-23', '勤労感謝の日'],
      ['2027-01-01', '元日'],
    ]);
  });

  it('answers through holidayName and knows its last year', () => {
    expect(holidayName('2026-11-23', [])).toBe('勤労感謝の日');
    expect(holidayName('2026-11-24', [])).toBeNull();
    expect(holidayDataLastYear()).toBe(
      Math.max(...fromPackage.map((h) => Number(h.date.slice(0, 4)))),
    );
  });
});
