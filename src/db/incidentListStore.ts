import {
  cmp,
  Dexie,
  type DBCore,
  type DBCoreKeyRange,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
  type Table,
  type Transaction,
} from 'dexie';
import { incidentListRowOf, type IncidentListRow } from '../domain/incidentSearch.ts';

// The incident log's rows with their folded search text (PRODUCT.md, decision 10), kept in
// storage as SEGMENTS: every write to the incidents appends one segment holding the rows of the
// records it wrote. In Chromium's IndexedDB a write costs mostly per row: one row per incident
// made an import of 10,000 write 10,000 list rows (0.6–0.9 s, as much as the records), where ten
// segments of a thousand take about 30 ms (`npm run bench:idb-rows`, issue 9). A row an incident
// had before is taken out of its older segment in the same transaction (found through the
// multi-entry index `*ids`), so an edit or a deletion leaves no earlier text in storage
// (decision 5, «Deleting means deleting»); a new incident, an import's usual case, has none to
// take out. The log's first screen reads the newest incidents themselves
// (incidentListQueries.ts); segments that pile up are compacted (compactIncidentList).

// DO NOT RENAME: stored in every user's IndexedDB (Dexie version 10, database.ts). The incident
// table's name is repeated here because database.ts imports this module (no cycle).
export const INCIDENT_LIST_TABLE = 'incidentListSegments';
const INCIDENTS = 'incidents';
const IDS_INDEX = 'ids';

/** The rows of some incidents (live or tombstone), and their ids for the `*ids` index. */
export interface IncidentListSegment {
  seq?: number;
  ids: string[];
  rows: IncidentListRow[];
}

/**
 * Rows per segment at most. Small enough that rewriting one without a replaced row (every edit of
 * an incident does) stays cheap, large enough that an import of 10,000 writes 40 rows, not 10,000.
 */
export const SEGMENT_ROWS = 250;

/** The segments, in the order they were written. */
export function incidentListTable(db: Dexie): Table<IncidentListSegment, number> {
  return db.table(INCIDENT_LIST_TABLE) as Table<IncidentListSegment, number>;
}

export function segmentOfRows(rows: IncidentListRow[]): IncidentListSegment {
  return { ids: rows.map((row) => row.id), rows };
}

/** The rows as segments of at most SEGMENT_ROWS, in their order. */
export function segmentsOf(rows: IncidentListRow[]): IncidentListSegment[] {
  const segments: IncidentListSegment[] = [];
  for (let from = 0; from < rows.length; from += SEGMENT_ROWS)
    segments.push(segmentOfRows(rows.slice(from, from + SEGMENT_ROWS)));
  return segments;
}

function hasListStore(trans: DBCoreTransaction): boolean {
  // An upgrade transaction of a version before 10 has no segment table yet: version 10 builds it.
  // (Dexie 4's DBCore transaction is the IndexedDB transaction.)
  const names = (trans as unknown as IDBTransaction).objectStoreNames;
  return names ? names.contains(INCIDENT_LIST_TABLE) : false;
}

/** The ids a write names, as incidentListRowOf names them (no string id: the row ''). */
function idsOf(req: DBCoreMutateRequest): string[] {
  if (req.type === 'add' || req.type === 'put')
    return req.values.map((v) => {
      const { id } = v as { id?: unknown };
      return typeof id === 'string' ? id : '';
    });
  if (req.type === 'delete') return req.keys.map((key) => (typeof key === 'string' ? key : ''));
  return [];
}

// Dexie's DBCoreRangeType, an ambient const enum (not importable as a value here).
const RANGE_EQUAL = 1;
const RANGE_ANY = 3;

function inRange(id: string, range: DBCoreKeyRange): boolean {
  if (range.type === RANGE_ANY) return true;
  if (range.type === RANGE_EQUAL) return cmp(id, range.lower) === 0;
  const low = cmp(id, range.lower);
  const high = cmp(id, range.upper);
  return (range.lowerOpen ? low > 0 : low >= 0) && (range.upperOpen ? high < 0 : high <= 0);
}

/**
 * The list's side of one write, computed before the write is issued and then issued with it:
 * the segments that hold a row of an incident the write replaces or deletes, rewritten without
 * it (or deleted when nothing is left). Everything here goes through Dexie's DBCore, whose
 * promises keep the transaction's zone: awaits on raw IndexedDB requests lost it, and the
 * caller's next write then ran outside its transaction and waited for it forever.
 */
async function supersededSegments(
  list: DBCoreTable,
  trans: DBCoreTransaction,
  ids: readonly string[] | null,
  range: DBCoreKeyRange | null,
): Promise<DBCoreMutateRequest[]> {
  const index = list.schema.getIndexByKeyPath(IDS_INDEX)!;
  const queries = range
    ? [list.query({ trans, values: false, query: { index, range } })]
    : [...new Set(ids)].map((id) =>
        list.query({
          trans,
          values: false,
          query: { index, range: { type: RANGE_EQUAL, lower: id, upper: id } as DBCoreKeyRange },
        }),
      );
  const seqs = [...new Set((await Promise.all(queries)).flatMap((found) => found.result))];
  if (seqs.length === 0) return [];
  const segments = (await list.getMany({ trans, keys: seqs })) as (
    IncidentListSegment | undefined
  )[];
  const gone = new Set(ids);
  const drop = (id: string) => (range ? inRange(id, range) : gone.has(id));
  const put: IncidentListSegment[] = [];
  const emptied: number[] = [];
  segments.forEach((segment, i) => {
    if (!segment) return;
    const rows = segment.rows.filter((row) => !drop(row.id));
    if (rows.length === segment.rows.length) return;
    if (rows.length) put.push({ ...segmentOfRows(rows), seq: seqs[i] as number });
    else emptied.push(seqs[i] as number);
  });
  const writes: DBCoreMutateRequest[] = [];
  if (put.length) writes.push({ type: 'put', trans, values: put });
  if (emptied.length) writes.push({ type: 'delete', trans, keys: emptied });
  return writes;
}

/**
 * Adds segments with IndexedDB's own requests, issued now and not awaited: the transaction
 * commits only once they are done, and one that fails aborts it (the write with it). Not through
 * Dexie, whose change tracking kept every `*ids` key of an import (at 50,000 incidents the
 * longest page task while writing was 0.71 s instead of 0.36–0.41 s); the list is watched
 * through the incidents (watchIncidentList). Never awaited: an await on a request of its own
 * loses Dexie's zone.
 */
function appendSegments(trans: DBCoreTransaction, segments: IncidentListSegment[]): void {
  const store = (trans as unknown as IDBTransaction).objectStore(INCIDENT_LIST_TABLE);
  for (const segment of segments) store.add(segment);
}

/**
 * Per transaction, the moment the last write to the incidents has issued its requests. The next
 * write looks up the segments it replaces rows of only then: IndexedDB answers requests of one
 * transaction in order, so the lookup sees that write's segments (rewritten or added). Two writes
 * looking up at once would each rewrite a segment from the same copy, and the later rewrite
 * would put back the row the earlier one took out (decision 5). A Dexie promise, so awaiting it
 * keeps the transaction's zone.
 */
const lastIssued = new WeakMap<object, PromiseLike<void>>();

/** This write's turn in `trans` (lastIssued): await `previous`, call `issued` once issued. */
function takeTurn(trans: DBCoreTransaction) {
  const previous = lastIssued.get(trans);
  let issued = () => {};
  lastIssued.set(trans, new Dexie.Promise<void>((resolve) => (issued = resolve)));
  return { previous, issued };
}

/** Per transaction, incidents known to have no row yet (markNewIncidents). */
const knownNew = new WeakMap<object, Set<string>>();

/**
 * Tells the list that none of `ids` is stored yet in the transaction `tx` (an import's new
 * records, found absent by its merge in the same transaction): their writes skip the lookup of
 * older rows. In Chromium each lookup is a request of its own, and for the 10,000 new incidents
 * of an import they cost about what the rows they replace saved.
 */
export function markNewIncidents(tx: Transaction, ids: Iterable<string>): void {
  const known = knownNew.get(tx.idbtrans) ?? new Set<string>();
  for (const id of ids) known.add(id);
  knownNew.set(tx.idbtrans, known);
}

/**
 * Keeps the list in step with the incident table inside the same transaction, whoever writes:
 * saveRecord, an import's merge, conflict resolution, a snapshot restore, the demo loader or a
 * later upgrade. A read-write transaction on the incidents always includes the segments, so a
 * write and its segment commit or fail together. The segments holding rows the write replaces
 * are found first (a new incident, an import's usual case, has none); then the records, the new
 * segment and those rewrites are issued together (an import of 10,000 would otherwise wait for
 * each batch, then for its segment). Writes of one transaction issued in parallel take turns
 * for the lookup (lastIssued), so none leaves a replaced row in storage.
 */
export const incidentListMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'IncidentList',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const scope =
          mode === 'readwrite' &&
          stores.includes(INCIDENTS) &&
          !stores.includes(INCIDENT_LIST_TABLE)
            ? [...stores, INCIDENT_LIST_TABLE]
            : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== INCIDENTS) return table;
        return {
          ...table,
          async mutate(req) {
            if (!hasListStore(req.trans)) return table.mutate(req);
            const { trans } = req;
            const list = down.table(INCIDENT_LIST_TABLE);
            if (req.type === 'deleteRange' && req.range.type === RANGE_ANY) {
              // In turn too: a rewrite issued after the clear would bring a segment back.
              const { previous, issued } = takeTurn(trans);
              let both: Promise<DBCoreMutateResponse[]>;
              try {
                if (previous) await previous;
                both = Promise.all([
                  table.mutate(req),
                  list.mutate({ type: 'deleteRange', trans, range: req.range }),
                ]);
              } finally {
                issued();
              }
              return (await both)[0]!;
            }
            const ids = idsOf(req);
            const range = req.type === 'deleteRange' ? req.range : null;
            const { previous, issued } = takeTurn(trans);
            type Settled = PromiseSettledResult<DBCoreMutateResponse>;
            let settled: Promise<[Settled, ...Settled[]]>;
            try {
              if (previous) await previous;
              // Known absent once only: a second write of the same incident has a row to replace.
              const known = knownNew.get(trans);
              const looked = known ? ids.filter((id) => !known.delete(id)) : ids;
              const rewrites = await supersededSegments(list, trans, range ? null : looked, range);
              settled = Promise.allSettled([
                table.mutate(req),
                ...rewrites.map((write) => list.mutate(write)),
              ]);
              if (req.type === 'add' || req.type === 'put')
                appendSegments(trans, segmentsOf(req.values.map((v) => incidentListRowOf(v))));
            } finally {
              issued();
            }
            const [written, ...listed] = await settled;
            if (written.status === 'fulfilled' && written.value.numFailures === 0) {
              const failed = listed.find((result) => result.status === 'rejected');
              if (failed) throw (failed as PromiseRejectedResult).reason;
              return written.value;
            }
            // Some record was not written: its row is made to match what the table holds.
            const realign = async () => {
              const turn = takeTurn(trans);
              let done: Promise<unknown>;
              try {
                if (turn.previous) await turn.previous;
                const stored: unknown[] = await table.getMany({ trans, keys: ids });
                const replaced = await supersededSegments(list, trans, ids, null);
                const rows = stored
                  .filter((record) => record !== undefined)
                  .map((r) => incidentListRowOf(r as Parameters<typeof incidentListRowOf>[0]));
                done = Promise.all(replaced.map((write) => list.mutate(write)));
                if (rows.length) appendSegments(trans, segmentsOf(rows));
              } finally {
                turn.issued();
              }
              await done;
            };
            if (written.status === 'fulfilled') {
              await realign();
              return written.value;
            }
            // The write's own error is the one to report (the transaction may be gone).
            await realign().catch(() => undefined);
            throw written.reason;
          },
        } satisfies DBCoreTable;
      },
    };
  },
};
