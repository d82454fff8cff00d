import { z } from './zodLocale.ts';
import { toMinutes, UNREGISTERED_TEXT, WEEKDAY_NAMES } from './businessHoursRules.ts';

// Business hours of a contact's desk: the schema and the text parser. Whether a desk answers at an
// instant is businessHoursRules.ts (re-exported below), kept free of zod for the outage screen.
// All wall-clock reasoning is Asia/Tokyo (see holidays.ts), never the PC's zone.

const TIME_MESSAGE = '時刻は「09:00」の形で入力してください';
const START_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const END_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
export const END_BEFORE_START_MESSAGE =
  '終了時刻が開始時刻より前です。夜をまたぐ場合は「翌日まで」にしてください';
export const OVERNIGHT_END_MESSAGE =
  '「翌日まで」のときは、終了時刻を開始時刻より前にしてください（例: 22:00〜翌6:00。24時間なら 0:00〜24:00）';

/** 'HH:MM' → minutes since midnight ('24:00' → 1440). */
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

export {
  isOpenAt,
  nextChangeAt,
  availabilityLabels,
  contactAvailabilityAt,
  describeAvailability,
  formatBusinessHours,
} from './businessHoursRules.ts';
export type {
  AvailabilityState,
  PhoneToCall,
  ContactHours,
  ContactAvailability,
} from './businessHoursRules.ts';
