import type { Table } from 'dexie';
import {
  incidentListRowOf,
  isLiveIncidentRow,
  type IncidentListRow,
  type LiveIncidentRow,
} from '../domain/incidentSearch.ts';
import {
  combineSearchChunks,
  searchChunkOf,
  type IncidentSearchIndex,
  type SearchChunk,
} from '../domain/incidentSearchIndex.ts';
import { nextTask } from '../domain/nextTask.ts';
import type { SonaeDatabase } from './database.ts';
import {
  incidentListTable,
  SEGMENT_ROWS,
  segmentsOf,
  type IncidentListSegment,
} from './incidentListStore.ts';

// Reading the incident log's segments (incidentListStore.ts): the fold, the drift check, the
// rebuild, the compaction and the search index. Loaded after the log's first screen (incidentListQueries.ts), which
// reads the newest incidents themselves.

/** Applies one segment to the rows by id. */
export function foldSegment(rows: Map<string, IncidentListRow>, segment: IncidentListSegment) {
  for (const row of segment.rows) rows.set(row.id, row);
}

/** What reading every segment found. */
export interface IncidentListRead {
  /** Every row (tombstones included), by id. */
  rows: Map<string, IncidentListRow>;
  segments: number;
  /** The last segment's key (null: none). */
  lastSeq: number | null;
  /**
   * The rows match the incident table as far as a cheap look can tell: as many rows as records,
   * and the row of the newest change holds that change. They drift only when something writes
   * the incidents without this code (a benchmark writing IndexedDB directly).
   */
  inStep: boolean;
}

/** Segments asked for per request: each request's result is its own task on the page. */
const SEGMENTS_PER_READ = 8;

/**
 * Reads every segment in one transaction, a few per request (so the page answers keys between
 * them), with the incident count and newest record for the drift check.
 */
export function readIncidentList(db: SonaeDatabase): Promise<IncidentListRead> {
  const list = incidentListTable(db);
  return db.transaction('r', [db.incidents, list], async () => {
    // The records are counted through their updatedAt index (IndexedDB walks its small entries
    // instead of the whole records).
    const counted = db.incidents.orderBy('updatedAt').count();
    const newestRead = db.incidents.orderBy('updatedAt').reverse().first();
    const rows = new Map<string, IncidentListRow>();
    let segments = 0;
    let lastSeq: number | null = null;
    for (;;) {
      const part: IncidentListSegment[] = await (lastSeq === null
        ? list.limit(SEGMENTS_PER_READ).toArray()
        : list.where(':id').above(lastSeq).limit(SEGMENTS_PER_READ).toArray());
      for (const segment of part) foldSegment(rows, segment);
      segments += part.length;
      if (part.length) lastSeq = part.at(-1)!.seq!;
      if (part.length < SEGMENTS_PER_READ) break;
    }
    const [records, newest] = await Promise.all([counted, newestRead]);
    const row = newest ? rows.get(newest.id) : undefined;
    const inStep =
      records === rows.size &&
      (!newest ||
        (row !== undefined && row.rev === newest.rev && row.updatedAt === newest.updatedAt));
    return { rows, segments, lastSeq, inStep };
  });
}

/** True when the rows match the incident table (see IncidentListRead.inStep). */
export async function isIncidentListInStep(db: SonaeDatabase): Promise<boolean> {
  return (await readIncidentList(db)).inStep;
}

/** Every row, by id (tests, tools). */
export async function incidentListRows(db: SonaeDatabase): Promise<Map<string, IncidentListRow>> {
  return (await readIncidentList(db)).rows;
}

/** The rows as segments of SEGMENT_ROWS, sorted by occurredAt so a later read sorts little. */
function segmentsOfRows(rows: Iterable<IncidentListRow>): IncidentListSegment[] {
  const sorted = [...rows].sort((a, b) => {
    const at = ('occurredAt' in a ? a.occurredAt : '') || '';
    const bt = ('occurredAt' in b ? b.occurredAt : '') || '';
    return at < bt ? -1 : at > bt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  return segmentsOf(sorted);
}

/** Records read per request by a rebuild. */
const READ_CHUNK = 1000;

/**
 * Writes the segments again from the incident table, in the transaction the caller holds on both
 * tables: every record read `chunkSize` at a time by id, each chunk cut into segments. One
 * transaction, so no save can fall between a chunk and the next and be overwritten by an older
 * row.
 */
async function writeFromRecords(
  incidents: Table<Record<string, unknown>, string>,
  list: Table<IncidentListSegment, number>,
  chunkSize: number,
) {
  await list.clear();
  for (let after: string | null = null; ;) {
    const records =
      after === null
        ? await incidents.orderBy(':id').limit(chunkSize).toArray()
        : await incidents.where(':id').above(after).limit(chunkSize).toArray();
    if (records.length === 0) return;
    await list.bulkAdd(segmentsOf(records.map((r) => incidentListRowOf(r))));
    after = records.at(-1)!.id as string;
  }
}

/**
 * Writes every segment again from the incident table: after the drift check failed, which is also
 * how the segments are first built (the upgrade to version 10 leaves them to the first read).
 */
export async function rebuildIncidentList(
  db: SonaeDatabase,
  chunkSize = READ_CHUNK,
): Promise<void> {
  const incidents = db.incidents as unknown as Table<Record<string, unknown>, string>;
  const list = incidentListTable(db);
  await db.transaction('rw', [incidents, list], () => writeFromRecords(incidents, list, chunkSize));
}

/** Segments beyond those a compaction would write, before compactIncidentList is worth it. */
export const COMPACT_AFTER_SEGMENTS = 32;

/** True when `read` holds enough superseded segments to be worth rewriting. */
export function needsCompaction(read: IncidentListRead): boolean {
  return read.segments > Math.ceil(read.rows.size / SEGMENT_ROWS) + COMPACT_AFTER_SEGMENTS;
}

/**
 * Replaces the segments `read` found by the rows it folded, SEGMENT_ROWS per segment, unless a
 * write came in between (then the next read compacts). Every save appends a segment of one row,
 * so without this a busy desk would read thousands of segments to open the log.
 */
export async function compactIncidentList(
  db: SonaeDatabase,
  read: IncidentListRead,
): Promise<boolean> {
  const list = incidentListTable(db);
  return db.transaction('rw', list, async () => {
    const [count, last] = await Promise.all([list.count(), list.orderBy(':id').lastKey()]);
    if (count !== read.segments || (last ?? null) !== read.lastSeq) return false;
    await list.clear();
    await list.bulkAdd(segmentsOfRows(read.rows.values()));
    return true;
  });
}

/** Rows per search chunk: small enough that preparing one stays far below a 50 ms task. */
export const LIST_CHUNK_SIZE = 2000;

const byOccurredAt = (a: LiveIncidentRow, b: LiveIncidentRow) =>
  a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id < b.id ? -1 : 1;

/**
 * Every live row, oldest first, prepared for search `chunkSize` rows at a time. The segments are
 * read in one transaction (readIncidentList); rows that drifted from the records are rebuilt
 * first, and piled-up segments compacted after.
 */
export async function loadIncidentSearchIndex(
  db: SonaeDatabase,
  chunkSize = LIST_CHUNK_SIZE,
): Promise<IncidentSearchIndex> {
  let read = await readIncidentList(db);
  if (!read.inStep) {
    await rebuildIncidentList(db);
    read = await readIncidentList(db);
  } else if (needsCompaction(read)) await compactIncidentList(db, read);
  const live = [...read.rows.values()].filter(isLiveIncidentRow).sort(byOccurredAt);
  const chunks: SearchChunk[] = [];
  for (let from = 0; from < live.length; from += chunkSize) {
    // A task per chunk, so keys typed meanwhile are answered between them.
    if (from > 0) await nextTask();
    chunks.push(searchChunkOf(live.slice(from, from + chunkSize)));
  }
  return combineSearchChunks(chunks);
}
