// The period a report covers: whole Tokyo calendar days, whatever the PC's zone (PRODUCT.md,
// decision 8: month totals use Asia/Tokyo). Pure: no DOM, no storage.

import { addDays, tokyoDateParts, tokyoInstant } from './holidays.ts';

/** Inclusive Tokyo calendar dates, 'YYYY-MM-DD'. */
export interface ReportPeriod {
  from: string;
  to: string;
}

/** 'YYYY-MM' */
export type MonthKey = string;

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;
const YM = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True for a real calendar date 'YYYY-MM-DD' (no 02-30). */
export function isCalendarDate(value: string): boolean {
  return YMD.test(value) && addDays(value, 0) === value;
}

/** True for 'YYYY-MM' with a real month. */
export function isMonthKey(value: string): boolean {
  return YM.test(value);
}

/** The Tokyo month of an instant, 'YYYY-MM'; null for an unreadable one. */
export function tokyoMonthOf(value: Date | string): MonthKey | null {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return null;
  return tokyoDateParts(date).ymd.slice(0, 7);
}

/** The whole Tokyo month 'YYYY-MM'. */
export function monthPeriod(month: MonthKey): ReportPeriod {
  const first = `${month}-01`;
  const next = addMonths(month, 1);
  return { from: first, to: addDays(`${next}-01`, -1) };
}

/** 'YYYY-MM' moved by `count` months (negative: back). */
export function addMonths(month: MonthKey, count: number): MonthKey {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (mon - 1) + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** [start, end) in epoch milliseconds: from Tokyo midnight of `from` to the midnight after `to`. */
export function periodRange(period: ReportPeriod): { start: number; end: number } {
  return {
    start: tokyoInstant(period.from, 0).getTime(),
    end: tokyoInstant(addDays(period.to, 1), 0).getTime(),
  };
}

/** Every month the period touches, oldest first. */
export function monthsOf(period: ReportPeriod): MonthKey[] {
  const months: MonthKey[] = [];
  const last = period.to.slice(0, 7);
  for (let m = period.from.slice(0, 7); m <= last; m = addMonths(m, 1)) months.push(m);
  return months;
}

/** The longest period a report takes: ten years of months is already a very wide chart. */
export const MAX_PERIOD_MONTHS = 120;

/** Why a typed period cannot be used, in plain Japanese; null when it can. */
export function periodProblem(from: string, to: string): string | null {
  if (!from || !to) return '期間の開始日と終了日を両方入力してください。';
  if (!isCalendarDate(from) || !isCalendarDate(to))
    return '日付は「2026-11-01」の形で、実在する日を入力してください。';
  if (from > to) return '開始日が終了日より後になっています。';
  if (monthsOf({ from, to }).length > MAX_PERIOD_MONTHS)
    return `期間が長すぎます。${MAX_PERIOD_MONTHS / 12}年以内で指定してください。`;
  return null;
}

/** 「2026年11月」 */
export function monthLabel(month: MonthKey): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return `${year}年${mon}月`;
}

/** 「2026年11月1日〜11月30日」, or across years 「2025年12月1日〜2026年1月31日」. */
export function periodLabel(period: ReportPeriod): string {
  const [fy, fm, fd] = period.from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = period.to.split('-').map(Number) as [number, number, number];
  return `${fy}年${fm}月${fd}日〜${ty === fy ? '' : `${ty}年`}${tm}月${td}日`;
}
