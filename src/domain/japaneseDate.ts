// 和暦 for official printouts (PRODUCT.md decision 8): 「令和8年11月29日（2026年）」, on the Tokyo
// calendar whatever the PC's zone. Pure: Intl only, no DOM.
//
// The first year of an era is written 「元年」 (令和元年), as official documents do. ICU versions
// differ (some print 「元」, some 「1」), so the year is taken from formatToParts and normalised
// here rather than trusting the engine's whole string.

const TIME_ZONE = 'Asia/Tokyo';

const japanese = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  timeZone: TIME_ZONE,
  era: 'long',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

const gregorian = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

type PartName = 'era' | 'year' | 'month' | 'day' | 'hour' | 'minute';

function partsOf(format: Intl.DateTimeFormat, date: Date): Partial<Record<PartName, string>> {
  const parts: Partial<Record<PartName, string>> = {};
  for (const part of format.formatToParts(date))
    if (part.type !== 'literal') parts[part.type as PartName] = part.value;
  return parts;
}

function toDate(value: Date | string): Date | null {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? null : date;
}

/** 「令和元年」「令和8年」: the era year of a date in Tokyo, 元年 for the first year. */
function eraYear(date: Date): string {
  const { era = '', year = '' } = partsOf(japanese, date);
  const number = year === '元' ? 1 : Number(year);
  return `${era}${number === 1 ? '元' : String(number)}年`;
}

/** The era an instant falls in, in Tokyo: 「令和」. Empty for an invalid value. */
export function japaneseEraName(value: Date | string): string {
  const date = toDate(value);
  return date ? (partsOf(japanese, date).era ?? '') : '';
}

/**
 * An instant as a Tokyo calendar date in 和暦 with 西暦: 「令和8年11月29日（2026年）」.
 * '—' for an invalid value.
 */
export function formatJapaneseDate(value: Date | string): string {
  const date = toDate(value);
  if (!date) return '—';
  const g = partsOf(gregorian, date);
  return `${eraYear(date)}${Number(g.month)}月${Number(g.day)}日（${g.year}年）`;
}

/** An instant in 和暦 with 西暦 and the Tokyo clock: 「令和8年11月29日（2026年） 9:05」. */
export function formatJapaneseDateTime(value: Date | string): string {
  const date = toDate(value);
  if (!date) return '—';
  const g = partsOf(gregorian, date);
  return `${formatJapaneseDate(date)} ${Number(g.hour)}:${(g.minute ?? '').padStart(2, '0')}`;
}

/**
 * A calendar date ('YYYY-MM-DD', no zone: e.g. a procedure's last review) in 和暦 with 西暦.
 * Read at noon in Tokyo so no zone can move it to the day before. '—' when empty or malformed.
 */
export function formatJapaneseCalendarDate(ymd: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd ?? '');
  if (!m) return '—';
  return formatJapaneseDate(new Date(`${m[1]}-${m[2]}-${m[3]}T12:00:00+09:00`));
}
