import { HOLIDAY_NAMES, HOLIDAY_YEARS } from './holidayTable.ts';
import { decodeHolidayTable } from './holidayTableCodec.ts';
import type { ClosureDay } from './closureDays.ts';

export type { ClosureDay };

// The Tokyo calendar: wall-clock dates in Asia/Tokyo, national holidays and closure days.
//
// Japan has had no daylight saving time since 1951, so Tokyo is always UTC+9: adding nine hours
// to an instant and reading it with getUTC* gives the Tokyo wall clock whatever zone the PC is
// set to. No Intl time-zone data is needed (and none can go stale).
//
// The national holidays are @holiday-jp/holiday_jp's table, in the compact form that
// scripts/gen-holiday-table.ts writes (the package's own table is 135 KB of JavaScript on the first
// screen). Not the package's `isHoliday(date)`: it formats a Date in the PC's local zone and would
// answer for the wrong day on a non-Tokyo PC.

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** A day in Tokyo: 'YYYY-MM-DD', weekday 0 = Sunday … 6 = Saturday, minutes since midnight. */
export interface TokyoDateParts {
  ymd: string;
  weekday: number;
  minutes: number;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function utcYmd(d: Date): string {
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** Midnight UTC of a 'YYYY-MM-DD' string, the base for calendar arithmetic. */
function utcMidnight(ymd: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${ymd}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** Where an instant falls on the Tokyo wall clock, whatever the PC's time zone. */
export function tokyoDateParts(date: Date): TokyoDateParts {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new RangeError('Invalid Date');
  const shifted = new Date(time + TOKYO_OFFSET_MS);
  return {
    ymd: utcYmd(shifted),
    weekday: shifted.getUTCDay(),
    minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
  };
}

/** The instant a Tokyo wall-clock minute begins; minutes ≥ 1440 reach into later days. */
export function tokyoInstant(ymd: string, minutes: number): Date {
  return new Date(utcMidnight(ymd) - TOKYO_OFFSET_MS + minutes * MINUTE_MS);
}

/** Calendar arithmetic on 'YYYY-MM-DD' (no time zone involved). */
export function addDays(ymd: string, days: number): string {
  return utcYmd(new Date(utcMidnight(ymd) + days * DAY_MS));
}

/** Weekday of a calendar date, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(ymd: string): number {
  return new Date(utcMidnight(ymd)).getUTCDay();
}

/** 行政機関の休日に関する法律 第1条: 12月29日から翌年1月3日までは行政機関の休日。 */
export const DEFAULT_CLOSURE_DAYS: readonly ClosureDay[] = Object.freeze([
  { kind: 'yearly', from: '12-29', to: '01-03', name: '年末年始' },
]);

function isInClosure(ymd: string, closure: ClosureDay): boolean {
  if (closure.kind === 'date') return closure.date === ymd;
  const md = ymd.slice(5);
  return closure.from <= closure.to
    ? closure.from <= md && md <= closure.to
    : md >= closure.from || md <= closure.to;
}

let national: ReadonlyMap<string, string> | null = null;
const nationalHolidays = () => (national ??= decodeHolidayTable(HOLIDAY_NAMES, HOLIDAY_YEARS));

/** Why a Tokyo date is a day off (national holiday first, then a closure day), or null. */
export function holidayName(
  ymd: string,
  closures: readonly ClosureDay[] = DEFAULT_CLOSURE_DAYS,
): string | null {
  const name = nationalHolidays().get(ymd);
  if (name) return name;
  return closures.find((c) => isInClosure(ymd, c))?.name ?? null;
}

let lastYear: number | null = null;

/** The last year the bundled holiday table covers; after it, holidays are silently missed. */
export function holidayDataLastYear(): number {
  lastYear ??= Math.max(...HOLIDAY_YEARS.map((line) => Number(line.slice(0, 4))));
  return lastYear;
}

/** True from 1 January of the table's last year: time to ship an app update with new data. */
export function isHolidayDataRunningOut(now: Date): boolean {
  return Number(tokyoDateParts(now).ymd.slice(0, 4)) >= holidayDataLastYear();
}

/** The warning 設定 shows while the holiday data is running out, or null. */
export function holidayDataWarning(now: Date): string | null {
  if (!isHolidayDataRunningOut(now)) return null;
  return `祝日のデータは${holidayDataLastYear()}年までです。それ以降の祝日は判定できないため、アプリを新しい版に更新してください`;
}
