import { z } from './zodLocale.ts';
import {
  addDays,
  holidayName,
  tokyoDateParts,
  tokyoInstant,
  weekdayOf,
  type ClosureDay,
} from './holidays.ts';

// Business hours of a contact's desk, and whether it answers at a given instant.
// All wall-clock reasoning is Asia/Tokyo (see holidays.ts), never the PC's zone.

const TIME_MESSAGE = '時刻は「09:00」の形で入力してください';
const START_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const END_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
export const END_BEFORE_START_MESSAGE =
  '終了時刻が開始時刻より前です。夜をまたぐ場合は「翌日まで」にしてください';
export const OVERNIGHT_END_MESSAGE =
  '「翌日まで」のときは、終了時刻を開始時刻より前にしてください（例: 22:00〜翌6:00。24時間なら 0:00〜24:00）';

/** 'HH:MM' → minutes since midnight ('24:00' → 1440). */
function toMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

const rangeSchema = z
  .strictObject({
    /** Weekdays as in Date#getDay: 0 = Sunday … 6 = Saturday; the days the range opens. */
    days: z
      .array(z.number().int().min(0).max(6))
      .min(1, { error: '曜日を選んでください' })
      .max(7)
      .refine((days) => new Set(days).size === days.length, {
        error: '同じ曜日が重なっています',
      }),
    start: z.string().regex(START_TIME, { error: TIME_MESSAGE }),
    end: z.string().regex(END_TIME, { error: TIME_MESSAGE }),
    /** Closes at `end` on the following day (a night desk, 22:00〜翌6:00). */
    overnight: z.boolean(),
  })
  .superRefine((range, ctx) => {
    if (!START_TIME.test(range.start) || !END_TIME.test(range.end)) return;
    const after = toMinutes(range.end) > toMinutes(range.start);
    if (!range.overnight && !after)
      ctx.addIssue({ code: 'custom', path: ['end'], message: END_BEFORE_START_MESSAGE });
    if (range.overnight && toMinutes(range.end) >= toMinutes(range.start))
      ctx.addIssue({ code: 'custom', path: ['end'], message: OVERNIGHT_END_MESSAGE });
  });
export type BusinessHoursRange = z.infer<typeof rangeSchema>;

/**
 * When a desk answers. Each range opens on each listed day at `start` and closes at `end` that
 * day (or the next day when `overnight`); the closing minute itself is closed. With
 * `closedOnHolidays`, ranges that would start on a holiday or closure day do not open.
 */
export const businessHoursSchema = z.strictObject({
  ranges: z
    .array(rangeSchema)
    .min(1, { error: '受付時間を1つ以上入力してください' })
    .max(14, { error: '受付時間は14件まで入力できます' }),
  closedOnHolidays: z.boolean(),
});
export type BusinessHours = z.infer<typeof businessHoursSchema>;

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

const WEEKDAY_NAMES = '日月火水木金土';

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

const UNREGISTERED_TEXT = availabilityLabels.unknown;
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

export type BusinessHoursTextResult =
  { ok: true; value: BusinessHours | null } | { ok: false; message: string };

const DASHES = /[\u2010-\u2015\u2212\u30fc\uff70\u2500\u2501\u301c\uff5e~]|から/g;
const TIME = String.raw`\d{1,2}(?::\d{2}|時(?:\d{1,2}分|半)?)`;
const TIME_RANGE = new RegExp(
  String.raw`^(.*?)(${TIME})\s*-\s*(翌日?|翌朝)?\s*(${TIME})(?:まで)?\s*(.*)$`,
);
const ALL_DAY = /^(.*?)(?:24時間|終日)(?:営業|受付|対応)?\s*(.*)$/;
/** A note about days off: 「祝日・閉庁日は休み」「祝日も受付」「土日祝休み」「年末年始を除く」. */
const DAYS_OFF_NOTE =
  /^(?:[日月火水木金土・、,と\s]|曜日?|祝祭?日?|祭日|休日|閉庁日|年末年始|及び|および)+(?:は|も|を)?(お?休み|休業|休館|休|除く|除き|定休日?|営業|受付|対応|可|開庁)$/;
const HOLIDAY_WORD = /祝|祭日|休日|閉庁日|年末年始/;
const CLOSED_VERB = /休|除/;
const DAY_TOKEN =
  /平日|毎日|全日|年中無休|無休|365日|週末|祝祭?日?|祭日|([日月火水木金土])-([日月火水木金土])|[日月火水木金土]|[・と]/y;

interface DaysText {
  days: number[];
  /** 「祝」 was listed among the days (土日祝): open on holidays, taken loosely. */
  holidays: boolean;
}

/** Reads 「平日」「月-金」「土日祝」「月・水・金」「毎日」; null when the text is something else. */
function parseDays(text: string): DaysText | null {
  const s = text.replace(/曜日?|\s/g, '');
  const result: DaysText = { days: [], holidays: false };
  DAY_TOKEN.lastIndex = 0;
  while (DAY_TOKEN.lastIndex < s.length) {
    const m = DAY_TOKEN.exec(s);
    if (!m) return null;
    const token = m[0];
    if (token === '平日') result.days.push(1, 2, 3, 4, 5);
    else if (/毎日|全日|無休|365日/.test(token)) {
      result.days.push(0, 1, 2, 3, 4, 5, 6);
      result.holidays ||= token !== '毎日' && token !== '全日';
    } else if (token === '週末') result.days.push(6, 0);
    else if (/祝|祭/.test(token)) result.holidays = true;
    else if (m[1] && m[2]) {
      const from = WEEKDAY_NAMES.indexOf(m[1]);
      const span = (WEEKDAY_NAMES.indexOf(m[2]) - from + 7) % 7;
      for (let i = 0; i <= span; i++) result.days.push((from + i) % 7);
    } else if (WEEKDAY_NAMES.includes(token)) result.days.push(WEEKDAY_NAMES.indexOf(token));
  }
  return result;
}

/** 「8:30」「8時半」「17時15分」 → '08:30' (range checks are left to the schema). */
function toTimeText(text: string): string {
  const m = /^(\d{1,2})(?::(\d{2})|時(?:(\d{1,2})分|(半))?)$/.exec(text);
  const hour = Number(m?.[1]);
  const minute = m?.[4] ? 30 : Number(m?.[2] ?? m?.[3] ?? 0);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** Splits on 「、」「,」「/」「;」 and line breaks, but not inside parentheses. */
function splitSegments(text: string): string[] | null {
  const segments = [''];
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth < 0 || depth > 1) return null;
    if (depth === 0 && /[、,/;\n\r]/.test(ch)) segments.push('');
    else segments[segments.length - 1] += ch;
  }
  return depth === 0 ? segments.map((s) => s.trim()).filter(Boolean) : null;
}

interface ParseState {
  ranges: BusinessHoursRange[];
  pendingDays: number[];
  holidayOpen: boolean;
  holidayClosed: boolean;
}

/** Applies a days-off note; false when the text is not one. */
function readNote(text: string, state: ParseState): boolean {
  const m = DAYS_OFF_NOTE.exec(text.trim());
  if (!m) return false;
  if (HOLIDAY_WORD.test(text)) {
    if (CLOSED_VERB.test(m[1] ?? '')) state.holidayClosed = true;
    else state.holidayOpen = true;
  }
  return true;
}

/** Reads the free text around a time: days before it, days or a note after it, notes in (). */
function readDaysAround(parts: string[], state: ParseState): number[] | null {
  const days: number[] = [...state.pendingDays];
  for (const part of parts) {
    if (part.trim() === '' || readNote(part, state)) continue;
    const parsed = parseDays(part);
    if (!parsed) return null;
    days.push(...parsed.days);
    state.holidayOpen ||= parsed.holidays;
  }
  state.pendingDays = [];
  return days;
}

/** One segment such as 「月-金 8:30-17:15(祝日休み)」; false when it cannot be read. */
function readSegment(segment: string, state: ParseState): boolean {
  const notes = [...segment.matchAll(/\(([^()]*)\)/g)].map((m) => m[1] ?? '');
  const rest = segment.replace(/\([^()]*\)/g, ' ').trim();
  const timed = TIME_RANGE.exec(rest);
  const allDay = timed ? null : ALL_DAY.exec(rest);
  if (!timed && !allDay) {
    const days = readDaysAround([rest, ...notes], state);
    if (!days) return false;
    state.pendingDays = days; // 「月、水 9:00-12:00」: the days run on into the next segment
    return true;
  }
  const around = timed ? [timed[1], timed[5], ...notes] : [allDay?.[1], allDay?.[2], ...notes];
  const days = readDaysAround(
    around.map((p) => p ?? ''),
    state,
  );
  if (!days) return false;
  if (timed) {
    const start = toTimeText(timed[2] ?? '');
    const end = toTimeText(timed[4] ?? '');
    const overnight =
      Boolean(timed[3]) || (END_TIME.test(end) && toMinutes(end) < toMinutes(start));
    state.ranges.push({ days, start, end, overnight });
  } else {
    state.ranges.push({
      days: days.length ? days : [0, 1, 2, 3, 4, 5, 6],
      start: '00:00',
      end: '24:00',
      overnight: false,
    });
  }
  return true;
}

/** Quotes what the person typed (line breaks shown as 「 / 」) and says what to fix. */
function unreadable(text: string, reason: string): BusinessHoursTextResult {
  const quoted = text.trim().replace(/\s*[\r\n]+\s*/g, ' / ');
  return { ok: false, message: `受付時間「${quoted}」を読み取れません。${reason}` };
}

/**
 * Reads business hours as staff type them in Excel (「平日 8:30-17:15」「土日祝 9:00～12:00」
 * 「毎日 22:00-翌6:00」「24時間」); empty or 「受付時間未登録」 means not registered (null).
 * Without a note on holidays, desks open every day are taken to open on holidays and others not.
 */
export function parseBusinessHoursText(text: string): BusinessHoursTextResult {
  const normalized = text
    .normalize('NFKC')
    .replace(DASHES, '-')
    .replace(/[ \t]+/g, ' ')
    .trim();
  if (normalized === '' || normalized === UNREGISTERED_TEXT || normalized === '未登録')
    return { ok: true, value: null };
  const segments = splitSegments(normalized);
  if (!segments) return unreadable(text, '括弧の対応を確かめてください');
  const state: ParseState = {
    ranges: [],
    pendingDays: [],
    holidayOpen: false,
    holidayClosed: false,
  };
  for (const segment of segments) {
    if (readSegment(segment, state)) continue;
    const part = segments.length > 1 ? `「${segment}」の部分を` : '';
    return unreadable(text, `${part}「月〜金 8:30〜17:15」のように曜日と時刻で書いてください`);
  }
  if (state.pendingDays.length) return unreadable(text, '曜日に続けて時刻を書いてください');
  if (state.ranges.some((r) => r.days.length === 0))
    return unreadable(text, '曜日を書いてください（例:「月〜金 8:30〜17:15」）');
  if (state.holidayOpen && state.holidayClosed)
    return unreadable(text, '祝日に受け付けるかどうかが食い違っています');
  const ranges = state.ranges.map((r) => ({
    ...r,
    days: [...new Set(r.days)].sort((a, b) => a - b),
  }));
  const closedOnHolidays =
    state.holidayClosed || (!state.holidayOpen && !ranges.every((r) => r.days.length === 7));
  const result = businessHoursSchema.safeParse({ ranges, closedOnHolidays });
  if (!result.success) return unreadable(text, result.error.issues[0]?.message ?? '');
  return { ok: true, value: result.data };
}
