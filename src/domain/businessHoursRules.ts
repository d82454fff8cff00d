import {
  addDays,
  holidayName,
  tokyoDateParts,
  tokyoInstant,
  weekdayOf,
  type ClosureDay,
} from './holidays.ts';
import type { BusinessHours, BusinessHoursRange } from './businessHours.ts';

// Whether a desk answers at a given instant, and its hours in words: apart from the schema of
// businessHours.ts so that the outage screen needs no zod (issue 9). Asia/Tokyo throughout.

/** Minutes since midnight of 'HH:MM' (24:00 is 1440). */
export function toMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

const MINUTES_PER_DAY = 24 * 60;
const DAY_MS = MINUTES_PER_DAY * 60 * 1000;
/** How far nextChangeAt looks: a week plus a day, so a weekly desk always shows its next opening. */
const LOOKAHEAD_DAYS = 8;

interface Interval {
  start: number;
  end: number;
}

/** The open intervals (epoch ms) of the ranges that start on one Tokyo date. */
function intervalsStartingOn(
  hours: BusinessHours,
  ymd: string,
  closures: readonly ClosureDay[],
): Interval[] {
  if (hours.closedOnHolidays && holidayName(ymd, closures) !== null) return [];
  const weekday = weekdayOf(ymd);
  return hours.ranges
    .filter((range) => range.days.includes(weekday))
    .map((range) => ({
      start: tokyoInstant(ymd, toMinutes(range.start)).getTime(),
      end: tokyoInstant(
        ymd,
        toMinutes(range.end) + (range.overnight ? MINUTES_PER_DAY : 0),
      ).getTime(),
    }));
}

/** Whether the desk answers at an instant (an overnight range from yesterday may still run). */
export function isOpenAt(hours: BusinessHours, at: Date, closures: readonly ClosureDay[]): boolean {
  const t = at.getTime();
  const today = tokyoDateParts(at).ymd;
  return [addDays(today, -1), today].some((day) =>
    intervalsStartingOn(hours, day, closures).some((i) => i.start <= t && t < i.end),
  );
}

/** Open intervals starting from yesterday on, sorted, with touching ones joined (no fake changes). */
function mergedIntervals(
  hours: BusinessHours,
  today: string,
  closures: readonly ClosureDay[],
): Interval[] {
  const all: Interval[] = [];
  for (let i = -1; i <= LOOKAHEAD_DAYS + 1; i++)
    all.push(...intervalsStartingOn(hours, addDays(today, i), closures));
  all.sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const next of all) {
    const last = merged.at(-1);
    if (last && next.start <= last.end) last.end = Math.max(last.end, next.end);
    else merged.push({ ...next });
  }
  return merged;
}

/** The next opening or closing instant after `at`, or null when none comes within 8 days. */
export function nextChangeAt(
  hours: BusinessHours,
  at: Date,
  closures: readonly ClosureDay[],
): Date | null {
  const t = at.getTime();
  const limit = t + LOOKAHEAD_DAYS * DAY_MS;
  const current = mergedIntervals(hours, tokyoDateParts(at).ymd, closures).find((i) => i.end > t);
  if (!current) return null;
  const change = current.start > t ? current.start : current.end;
  return change <= limit ? new Date(change) : null;
}

export type AvailabilityState = 'open' | 'closed' | 'unknown';
export const availabilityLabels = {
  open: '受付中',
  closed: '時間外',
  unknown: '受付時間未登録',
} as const satisfies Record<AvailabilityState, string>;

export interface PhoneToCall {
  label: string;
  number: string;
}

/** The parts of a contact that decide whom to call now. */
export interface ContactHours {
  phones: readonly PhoneToCall[];
  afterHoursPhone: string;
  businessHours: BusinessHours | null;
}

export interface ContactAvailability {
  state: AvailabilityState;
  label: (typeof availabilityLabels)[AvailabilityState];
  callNumber: PhoneToCall | null;
  note: string;
}

function firstPhone(contact: ContactHours): ContactAvailability['callNumber'] {
  const phone = contact.phones.find((p) => p.number.trim() !== '');
  return phone ? { label: phone.label, number: phone.number } : null;
}

function availability(
  state: AvailabilityState,
  callNumber: PhoneToCall | null,
  missingNote: string,
): ContactAvailability {
  return {
    state,
    label: availabilityLabels[state],
    callNumber,
    note: callNumber ? '' : missingNote,
  };
}

/** Whether a contact answers now and which number to dial: the after-hours one when closed. */
export function contactAvailabilityAt(
  contact: ContactHours,
  at: Date,
  closures: readonly ClosureDay[],
): ContactAvailability {
  const noPhone = '電話番号が登録されていません';
  if (!contact.businessHours) return availability('unknown', firstPhone(contact), noPhone);
  if (isOpenAt(contact.businessHours, at, closures))
    return availability('open', firstPhone(contact), noPhone);
  const afterHours = contact.afterHoursPhone.trim();
  return availability(
    'closed',
    afterHours ? { label: '時間外', number: afterHours } : null,
    '時間外の連絡先は登録されていません',
  );
}

export const WEEKDAY_NAMES = '日月火水木金土';

/** '08:30' → '8:30', as people write times on signs. */
function formatClock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A change instant relative to now: 「17:15」, 「翌6:00」 / 「24:00」 (closing), or 「12月1日(月) 8:30」. */
function formatChange(change: Date, at: Date, isClosing: boolean): string {
  const c = tokyoDateParts(change);
  const today = tokyoDateParts(at).ymd;
  if (c.ymd === today) return formatClock(c.minutes);
  if (isClosing && c.ymd === addDays(today, 1))
    return c.minutes === 0 ? '24:00' : `翌${formatClock(c.minutes)}`;
  const [, month, day] = c.ymd.split('-').map(Number);
  return `${month}月${day}日(${WEEKDAY_NAMES[c.weekday]}) ${formatClock(c.minutes)}`;
}

/** 「17:15まで」 / 「次は 12月1日(月) 8:30から」, to show beside 受付中 / 時間外; '' when hours are unknown. */
export function describeAvailability(
  hours: BusinessHours | null,
  at: Date,
  closures: readonly ClosureDay[],
): string {
  if (!hours) return '';
  const change = nextChangeAt(hours, at, closures);
  if (isOpenAt(hours, at, closures))
    return change ? `${formatChange(change, at, true)}まで` : '24時間受付';
  return change ? `次は ${formatChange(change, at, false)}から` : 'この先1週間は受付がありません';
}

// ── Text form: what 連絡先 shows and prints, and what staff type into the CSV's 受付時間 column.

export const UNREGISTERED_TEXT = availabilityLabels.unknown;
const MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0];

/** Weekdays Monday first, runs of three or more as 「月〜金」: 「月〜金」「土・日」「月・水・金」. */
function formatDays(days: readonly number[]): string {
  if (new Set(days).size === 7) return '毎日';
  const parts: string[] = [];
  let run: string[] = [];
  for (const day of [...MONDAY_FIRST, -1]) {
    if (days.includes(day)) {
      run.push(WEEKDAY_NAMES.charAt(day));
      continue;
    }
    if (run.length >= 3) parts.push(`${run[0]}〜${run.at(-1)}`);
    else parts.push(...run);
    run = [];
  }
  return parts.join('・');
}

function formatRange(range: BusinessHoursRange): string {
  const days = formatDays(range.days);
  const start = toMinutes(range.start);
  const end = toMinutes(range.end);
  if (!range.overnight && start === 0 && end === MINUTES_PER_DAY) return `24時間（${days}）`;
  return `${days} ${formatClock(start)}〜${range.overnight ? '翌' : ''}${formatClock(end)}`;
}

/** 「月〜金 8:30〜17:15（祝日・閉庁日は休み）」: for lists, printouts and the CSV export. */
export function formatBusinessHours(hours: BusinessHours | null): string {
  if (!hours) return UNREGISTERED_TEXT;
  const ranges = hours.ranges.map(formatRange).join('、');
  if (hours.closedOnHolidays) return `${ranges}（祝日・閉庁日は休み）`;
  // 「毎日」 already says holidays are included; otherwise say so, or readers assume the opposite.
  return hours.ranges.every((r) => r.days.length === 7) ? ranges : `${ranges}（祝日も受付）`;
}
