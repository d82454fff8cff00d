// 点検 (the review list, issue 15): what needs attention, most urgent first. Pure: no DOM, no
// storage; dates are Tokyo calendar dates (PRODUCT.md, decision 8), whatever the PC's zone.

import { addDays, tokyoDateParts } from './holidays.ts';
import { addMonths, monthPeriod } from './reportPeriod.ts';
import type { RecordOf } from './recordSchemas.ts';
import type { RecordType } from './recordTypes.ts';

/** Months after which a record is due again; the IT section sets them in sonae.config.json. */
export interface ReviewPeriods {
  procedureMonths: number;
  contactMonths: number;
  drillMonths: number;
  levelDrillMonths: number;
}

/** What the rules read. Deleted records must already be left out (the queries do that). */
export interface ReviewInputs {
  procedures: readonly Pick<
    RecordOf<'procedure'>,
    'id' | 'title' | 'lastReviewedOn' | 'createdAt'
  >[];
  contacts: readonly Pick<RecordOf<'contact'>, 'id' | 'name' | 'confirmedOn' | 'createdAt'>[];
  systems: readonly Pick<RecordOf<'system'>, 'id' | 'name' | 'createdAt'>[];
  levels: readonly Pick<RecordOf<'incidentLevel'>, 'id' | 'level' | 'name' | 'createdAt'>[];
  drills: readonly Pick<
    RecordOf<'drill'>,
    'systemId' | 'level' | 'status' | 'plannedOn' | 'startedAt' | 'endedAt'
  >[];
  /** Open follow-ups only. */
  followUps: readonly Pick<
    RecordOf<'followUp'>,
    'id' | 'targetType' | 'targetId' | 'text' | 'createdAt'
  >[];
  /** The station's last whole-station backup (ISO instant), or null if never. */
  lastBackupAt: string | null;
}

export interface ReviewSettings {
  periods: ReviewPeriods;
  backupReminderDays: number;
}

// DO NOT REORDER without reading sortReviewItems: the order of kinds is the order of urgency.
export const reviewItemKinds = [
  'followUp',
  'backup',
  'procedure',
  'contact',
  'systemDrill',
  'levelDrill',
] as const;
export type ReviewItemKind = (typeof reviewItemKinds)[number];

/** One line of 点検. */
export interface ReviewItem {
  kind: ReviewItemKind;
  /** Unique in the list (kind and record id). */
  key: string;
  /** The record the line is about (for a follow-up: the follow-up itself); null for the backup. */
  recordType: RecordType | null;
  recordId: string | null;
  /** What to show: the record's name, or the follow-up's text. */
  title: string;
  /** The last time it was done (reviewed, confirmed, drilled, backed up); null = never. */
  lastOn: string | null;
  /**
   * The Tokyo date from which it is due. A record never reviewed (confirmed, drilled) is due
   * from the day it was registered; a follow-up from the day it was opened; a station never
   * backed up has no such day (null).
   */
  dueSince: string | null;
  /** A follow-up's target. */
  target?: { type: RecordOf<'followUp'>['targetType']; id: string };
}

/** Today's date on the Tokyo calendar. */
function tokyoDate(value: Date | string): string {
  return tokyoDateParts(typeof value === 'string' ? new Date(value) : value).ymd;
}

/**
 * The date `months` calendar months after `ymd`: the same day of the month, or the month's last
 * day when it has no such day (31 August + 6 months = 28 February; 29 February + 12 months =
 * 28 February), as the Civil Code (民法143条) counts periods and as reviewDueOn already does.
 */
export function addMonthsToDate(ymd: string, months: number): string {
  const month = addMonths(ymd.slice(0, 7), months);
  const last = monthPeriod(month).to;
  const candidate = `${month}-${ymd.slice(8, 10)}`;
  return candidate > last ? last : candidate;
}

/** The Tokyo date of a finished drill: when it ended, else started, else its planned date. */
function drillDateOf(drill: ReviewInputs['drills'][number]): string | null {
  if (drill.status !== 'done') return null;
  if (drill.endedAt) return tokyoDate(drill.endedAt);
  if (drill.startedAt) return tokyoDate(drill.startedAt);
  return drill.plannedOn || null;
}

/** The latest date per key, over the finished drills. */
function latestDrillDates<K>(
  drills: ReviewInputs['drills'],
  keyOf: (drill: ReviewInputs['drills'][number]) => K | null,
): Map<K, string> {
  const latest = new Map<K, string>();
  for (const drill of drills) {
    const on = drillDateOf(drill);
    const key = keyOf(drill);
    if (on === null || key === null) continue;
    const known = latest.get(key);
    if (!known || on > known) latest.set(key, on);
  }
  return latest;
}

/**
 * The line for a record last done on `lastOn` (null = never, counted from `createdAt`), or null
 * while it is not yet due. Due on the day `months` after, as the procedure flag counts.
 */
function dueItem(
  today: string,
  months: number,
  fields: {
    kind: ReviewItemKind;
    recordType: RecordType;
    recordId: string;
    title: string;
    lastOn: string | null;
  },
  createdAt: string,
): ReviewItem | null {
  const dueSince = fields.lastOn ? addMonthsToDate(fields.lastOn, months) : tokyoDate(createdAt);
  if (today < dueSince) return null;
  return { ...fields, key: `${fields.kind}:${fields.recordId}`, dueSince };
}

/** The backup line, or null when the last backup is recent enough. */
function backupItem(today: string, lastBackupAt: string | null, days: number): ReviewItem | null {
  const lastOn = lastBackupAt ? tokyoDate(lastBackupAt) : null;
  const dueSince = lastOn ? addDays(lastOn, days) : null;
  if (dueSince && today < dueSince) return null;
  const title = 'この端末のバックアップ';
  return {
    kind: 'backup',
    key: 'backup',
    recordType: null,
    recordId: null,
    title,
    lastOn,
    dueSince,
  };
}

/**
 * Most urgent first: open follow-ups (a drill showed something wrong), then an overdue backup
 * (everything on this PC is at stake), then the rest by kind; within a kind, the longest due
 * first (never-done items by their registration date), then by name.
 */
// One collator, and dates compared as plain strings: localeCompare goes through ICU on every
// call, which made 1,400 items take 30 ms to sort.
const byName = new Intl.Collator('ja');
/** YYYY-MM-DD in calendar order; null (never backed up) first. */
const compareDates = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1;

export function sortReviewItems(items: readonly ReviewItem[]): ReviewItem[] {
  const rank = (item: ReviewItem) => reviewItemKinds.indexOf(item.kind);
  return [...items].sort(
    (a, b) =>
      rank(a) - rank(b) || compareDates(a.dueSince, b.dueSince) || byName.compare(a.title, b.title),
  );
}

/** Everything that needs attention at `now`, most urgent first. */
export function listReviewItems(
  inputs: ReviewInputs,
  settings: ReviewSettings,
  now: Date,
): ReviewItem[] {
  const today = tokyoDate(now);
  const { periods } = settings;
  const items: (ReviewItem | null)[] = [];
  for (const f of inputs.followUps)
    items.push({
      kind: 'followUp',
      key: `followUp:${f.id}`,
      recordType: 'followUp',
      recordId: f.id,
      title: f.text,
      lastOn: null,
      dueSince: tokyoDate(f.createdAt),
      target: { type: f.targetType, id: f.targetId },
    });
  items.push(backupItem(today, inputs.lastBackupAt, settings.backupReminderDays));
  for (const p of inputs.procedures)
    items.push(
      dueItem(
        today,
        periods.procedureMonths,
        {
          kind: 'procedure',
          recordType: 'procedure',
          recordId: p.id,
          title: p.title,
          lastOn: p.lastReviewedOn,
        },
        p.createdAt,
      ),
    );
  for (const c of inputs.contacts)
    items.push(
      dueItem(
        today,
        periods.contactMonths,
        {
          kind: 'contact',
          recordType: 'contact',
          recordId: c.id,
          title: c.name,
          lastOn: c.confirmedOn ?? null,
        },
        c.createdAt,
      ),
    );
  const bySystem = latestDrillDates(inputs.drills, (d) => d.systemId || null);
  for (const s of inputs.systems)
    items.push(
      dueItem(
        today,
        periods.drillMonths,
        {
          kind: 'systemDrill',
          recordType: 'system',
          recordId: s.id,
          title: s.name,
          lastOn: bySystem.get(s.id) ?? null,
        },
        s.createdAt,
      ),
    );
  const byLevel = latestDrillDates(inputs.drills, (d) => d.level);
  for (const l of inputs.levels)
    items.push(
      dueItem(
        today,
        periods.levelDrillMonths,
        {
          kind: 'levelDrill',
          recordType: 'incidentLevel',
          recordId: l.id,
          title: `レベル${l.level} ${l.name}`,
          lastOn: byLevel.get(l.level) ?? null,
        },
        l.createdAt,
      ),
    );
  return sortReviewItems(items.filter((item): item is ReviewItem => item !== null));
}
