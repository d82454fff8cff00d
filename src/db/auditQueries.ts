import { useLiveQuery } from 'dexie-react-hooks';
import type { AuditEntry } from '../domain/audit.ts';
import { auditFilterPredicate } from '../domain/auditDigest.ts';
import {
  auditFilterProblem,
  auditPeriodBounds,
  recordIdInText,
  type AuditFilter,
} from '../domain/auditFilter.ts';
import type { RecordType } from '../domain/recordTypes.ts';
import { loadAuditDigests } from './auditDigestCache.ts';
import type { SonaeDatabase } from './database.ts';
import { getDatabase } from './instance.ts';

// The searchable 操作履歴 (issue 13, item 4), newest first by `seq` (insertion order), for a
// trail of 50,000 entries and more. The indexes narrow first: `action`, `at` (the period) and
// `recordId` / `*recordIds` (a whole record id in the search box) give primary keys only, which
// are intersected. What no index holds (words, who, record type) is tested on the in-memory
// digests (auditDigestCache.ts). Only the rows of the page shown are read.

const CHUNK = 500;
export const AUDIT_PAGE_SIZE = 50;

type KeyQuery = Promise<(number | undefined)[]>;

/** The keys of the entries the indexes allow, newest first; null when no index narrows. */
async function candidateKeys(db: SonaeDatabase, filter: AuditFilter): Promise<number[] | null> {
  const { audit } = db;
  const queries: KeyQuery[][] = [];
  if (filter.action) queries.push([audit.where('action').equals(filter.action).primaryKeys()]);
  const { lower, upper } = auditPeriodBounds(filter);
  if (lower || upper) {
    const period = lower
      ? upper
        ? audit.where('at').between(lower, upper)
        : audit.where('at').aboveOrEqual(lower)
      : audit.where('at').below(upper);
    queries.push([period.primaryKeys()]);
  }
  const id = recordIdInText(filter.text);
  if (id) {
    // Its own entries and the imports that changed it (one entry per import, decision 9).
    queries.push([
      audit.where('recordId').equals(id).primaryKeys(),
      audit.where('recordIds').equals(id).primaryKeys(),
    ]);
  }
  if (queries.length === 0) return null;
  const sets = await Promise.all(
    queries.map(async (union) =>
      (await Promise.all(union)).flat().filter((key) => typeof key === 'number'),
    ),
  );
  sets.sort((a, b) => a.length - b.length);
  const [smallest = [], ...others] = sets;
  const allowed = others.map((keys) => new Set(keys));
  return [...new Set(smallest)]
    .filter((key) => allowed.every((set) => set.has(key)))
    .sort((a, b) => b - a);
}

/** The entries of `keys`, in that order, read a chunk at a time. */
async function readEntries(db: SonaeDatabase, keys: readonly number[]): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for (let start = 0; start < keys.length; start += CHUNK) {
    const rows = await db.audit.bulkGet(keys.slice(start, start + CHUNK));
    for (const row of rows) if (row) entries.push(row);
  }
  return entries;
}

/**
 * Up to `max` keys of the matching entries below `before`, newest first, and how many match in
 * all. When the indexes decide the filter the count is theirs and only the keys needed are
 * taken; otherwise the digests are tested.
 */
async function matchingKeys(
  db: SonaeDatabase,
  filter: AuditFilter,
  before: number,
  max: number,
): Promise<{ keys: number[]; count: number }> {
  const candidates = await candidateKeys(db, filter);
  const hasWords = filter.text.trim() !== '' && recordIdInText(filter.text) === null;
  if (!filter.recordType && !filter.who.trim() && !hasWords) {
    if (candidates)
      return { keys: candidates.filter((k) => k < before).slice(0, max), count: candidates.length };
    const below = db.audit.where(':id').below(before).reverse();
    const [keys, count] = await Promise.all([
      Number.isFinite(max) ? below.limit(max).primaryKeys() : below.primaryKeys(),
      db.audit.count(),
    ]);
    return { keys: keys.filter((k) => typeof k === 'number'), count };
  }
  const allowed = candidates && new Set(candidates);
  const matches = auditFilterPredicate(filter);
  const digests = await loadAuditDigests(db);
  const keys: number[] = [];
  let count = 0;
  for (let i = digests.length - 1; i >= 0; i--) {
    const digest = digests[i]!;
    if ((allowed && !allowed.has(digest.seq)) || !matches(digest)) continue;
    count++;
    if (digest.seq < before && keys.length < max) keys.push(digest.seq);
  }
  return { keys, count };
}

export interface AuditPage {
  entries: AuditEntry[];
  /** The key to pass as `before` for the next (older) page; null when this is the last. */
  olderThan: number | null;
  /** How many entries match the filter in all (every page). */
  count: number;
}

/** One page of the filtered trail, newest first, below the key `before`, and the total count. */
export async function queryAuditPage(
  filter: AuditFilter,
  options: { before?: number; limit?: number } = {},
): Promise<AuditPage> {
  const limit = options.limit ?? AUDIT_PAGE_SIZE;
  if (auditFilterProblem(filter)) return { entries: [], olderThan: null, count: 0 };
  const db = getDatabase();
  // One more than a page tells whether an older page exists.
  const { keys, count } = await matchingKeys(db, filter, options.before ?? Infinity, limit + 1);
  const entries = await readEntries(db, keys.slice(0, limit));
  const olderThan = keys.length > limit ? (entries.at(-1)?.seq ?? null) : null;
  return { entries, olderThan, count };
}

/** Every entry the filter matches, newest first (what the CSV holds). */
export async function queryAuditEntries(filter: AuditFilter): Promise<AuditEntry[]> {
  if (auditFilterProblem(filter)) return [];
  const db = getDatabase();
  return readEntries(db, (await matchingKeys(db, filter, Infinity, Infinity)).keys);
}

/** Reads the trail into the search cache ahead of the first search; never fails loudly. */
export function prepareAuditSearch(): void {
  loadAuditDigests(getDatabase()).catch((error: unknown) =>
    console.warn('操作履歴の検索の準備ができませんでした。', error),
  );
}

/** How many entries the filter matches. */
export async function countAuditEntries(filter: AuditFilter): Promise<number> {
  return (await queryAuditPage(filter, { limit: 0 })).count;
}

/** `type:id` of each record the entries name that still exists (not deleted), to link to it. */
export async function loadExistingRecordKeys(entries: readonly AuditEntry[]): Promise<Set<string>> {
  const db = getDatabase();
  const idsByType = new Map<RecordType, Set<string>>();
  for (const { recordType, recordId } of entries) {
    if (!recordType || !recordId) continue;
    idsByType.set(recordType, (idsByType.get(recordType) ?? new Set()).add(recordId));
  }
  const existing = new Set<string>();
  for (const [type, ids] of idsByType) {
    const rows = await db
      .recordTable(type)
      .where(':id')
      .anyOf([...ids])
      .toArray();
    for (const row of rows) if (!row.deleted) existing.add(`${type}:${row.id}`);
  }
  return existing;
}

/** A live page of the trail, its count and which of its records can be opened. */
export function useAuditPage(
  filter: AuditFilter,
  before: number | undefined,
  limit = AUDIT_PAGE_SIZE,
): (AuditPage & { openable: Set<string> }) | undefined {
  return useLiveQuery(async () => {
    const page = await queryAuditPage(filter, { before, limit });
    const openable = await loadExistingRecordKeys(page.entries);
    return { ...page, openable };
  }, [filter, before, limit]);
}
