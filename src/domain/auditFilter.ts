import { auditActions, type AuditAction } from './audit.ts';
import { idSchema } from './ids.ts';
import { addDays, tokyoDateParts, tokyoInstant } from './holidays.ts';
import { recordTypes, type RecordType } from './recordTypes.ts';

// The 操作履歴 screen's filter (issue 13, item 4): pure, so the query, the page and the tests
// agree on what an entry matching it means.

export interface AuditFilter {
  /** Inclusive calendar days YYYY-MM-DD on the Tokyo calendar (PRODUCT.md decision 8), '' = open. */
  from: string;
  to: string;
  action: AuditAction | '';
  recordType: RecordType | '';
  /** Words of the text (record name, file name, summary), or a whole record id. */
  text: string;
  /** Who: the staff name, the station id or label, or the signer of an imported file. */
  who: string;
}

export const emptyAuditFilter: AuditFilter = {
  from: '',
  to: '',
  action: '',
  recordType: '',
  text: '',
  who: '',
};

// DO NOT RENAME: these names are in links and bookmarks (#/audit?action=export).
const paramNames: Record<keyof AuditFilter, string> = {
  from: 'from',
  to: 'to',
  action: 'action',
  recordType: 'type',
  text: 'q',
  who: 'who',
};

const YMD = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: string) => YMD.test(value) && !Number.isNaN(Date.parse(value));

/** The filter a URL's query holds; unknown or malformed values fall back to "all". */
export function auditFilterFromParams(params: URLSearchParams): AuditFilter {
  const get = (key: keyof AuditFilter) => params.get(paramNames[key]) ?? '';
  const action = get('action');
  const recordType = get('recordType');
  return {
    from: isDay(get('from')) ? get('from') : '',
    to: isDay(get('to')) ? get('to') : '',
    action: (auditActions as readonly string[]).includes(action) ? (action as AuditAction) : '',
    recordType: (recordTypes as readonly string[]).includes(recordType)
      ? (recordType as RecordType)
      : '',
    text: get('text'),
    who: get('who'),
  };
}

/** The URL query of a filter: only what is set, so the whole trail has a plain URL. */
export function auditFilterToParams(filter: AuditFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(paramNames) as (keyof AuditFilter)[])
    if (filter[key]) params.set(paramNames[key], filter[key]);
  return params;
}

export function isAuditFilterActive(filter: AuditFilter): boolean {
  return Object.values(filter).some((value) => value.trim() !== '');
}

/** A period that can hold nothing, said in plain Japanese; null when the filter is usable. */
export function auditFilterProblem(filter: AuditFilter): string | null {
  if (filter.from && filter.to && filter.from > filter.to)
    return '期間の開始日が終了日より後になっています。日付を直してください。';
  return null;
}

/**
 * The period as instants, lower inclusive and upper exclusive: a Tokyo day runs from 00:00 to the
 * next day's 00:00 (JST), whatever the PC's zone. Entries store `at` as UTC ISO text ('…Z'), so
 * these compare as strings, which is how the `at` index orders them.
 */
export function auditPeriodBounds(filter: Pick<AuditFilter, 'from' | 'to'>): {
  lower: string | null;
  upper: string | null;
} {
  return {
    lower: filter.from ? tokyoInstant(filter.from, 0).toISOString() : null,
    upper: filter.to ? tokyoInstant(addDays(filter.to, 1), 0).toISOString() : null,
  };
}

/** The record id the search box holds, when it holds exactly one (pasted from a record's page). */
export function recordIdInText(text: string): string | null {
  const trimmed = text.trim().toLowerCase();
  return idSchema.safeParse(trimmed).success ? trimmed : null;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** 「2026/11/29 09:05」 (or with seconds, for the CSV) on the Tokyo clock, whatever the PC's zone. */
export function formatAuditTime(iso: string, withSeconds = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const { ymd, minutes } = tokyoDateParts(date);
  // Tokyo's offset is whole hours: the seconds are the same as in UTC.
  const seconds = withSeconds ? `:${pad2(date.getUTCSeconds())}` : '';
  return `${ymd.replaceAll('-', '/')} ${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}${seconds}`;
}
