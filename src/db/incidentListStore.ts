import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Dexie,
  Middleware,
  Table,
  Transaction,
} from 'dexie';
import { incidentListRowOf, type IncidentListRow } from '../domain/incidentSearch.ts';
import type { SonaeDatabase } from './database.ts';

// DO NOT RENAME: stored in every user's IndexedDB (Dexie version 5, database.ts). The incident
// table's name is repeated here because database.ts imports this module (no cycle).
export const INCIDENT_LIST_TABLE = 'incidentList';
const INCIDENTS = 'incidents';

/** The list rows, one per incident record (tombstones included, see incidentSearch.ts). */
export function incidentListTable(db: Dexie): Table<IncidentListRow, string> {
  return db.table(INCIDENT_LIST_TABLE) as Table<IncidentListRow, string>;
}

function hasListStore(trans: DBCoreTransaction): boolean {
  // An upgrade transaction of a version before 5 has no list table yet: version 5 builds it.
  const names = (trans as unknown as IDBTransaction).objectStoreNames;
  return names ? names.contains(INCIDENT_LIST_TABLE) : false;
}

/** The list-table writes that mirror one write to the incident table. */
function listMutationsFor(
  req: DBCoreMutateRequest,
  res: DBCoreMutateResponse,
): DBCoreMutateRequest[] {
  const { trans } = req;
  switch (req.type) {
    case 'add':
    case 'put': {
      const values = req.values.filter((_, i) => !(i in res.failures));
      return values.length
        ? [{ type: 'put', trans, values: values.map((v) => incidentListRowOf(v)) }]
        : [];
    }
    case 'delete':
      return [{ type: 'delete', trans, keys: req.keys }];
    case 'deleteRange':
      return [{ type: 'deleteRange', trans, range: req.range }];
  }
}

/** Makes the list rows of `ids` match the incident table (after a write that partly failed). */
async function realignRows(
  incidents: DBCoreTable,
  list: DBCoreTable,
  trans: DBCoreTransaction,
  ids: string[],
): Promise<void> {
  const stored: unknown[] = await incidents.getMany({ trans, keys: ids });
  const gone = ids.filter((_, i) => stored[i] === undefined);
  const present = stored.filter((record) => record !== undefined);
  if (gone.length) await list.mutate({ type: 'delete', trans, keys: gone });
  if (present.length)
    await list.mutate({
      type: 'put',
      trans,
      values: present.map((r) => incidentListRowOf(r as Parameters<typeof incidentListRowOf>[0])),
    });
}

/**
 * Keeps the list rows in step with the incident table inside the same transaction, whoever
 * writes: saveRecord, an import's merge, conflict resolution, a snapshot restore, the demo loader
 * or a later upgrade. A read-write transaction on the incidents always includes the list table,
 * so a write and its row commit or fail together.
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
        if (name === INCIDENT_LIST_TABLE)
          // Rows are derived, so a copy of the whole database (carryOver.ts adds every table's
          // rows after the incidents, whose writes already made them) overwrites, never fails.
          return {
            ...table,
            mutate: (req) => table.mutate(req.type === 'add' ? { ...req, type: 'put' } : req),
          } satisfies DBCoreTable;
        if (name !== INCIDENTS) return table;
        return {
          ...table,
          async mutate(req) {
            if (!hasListStore(req.trans)) return table.mutate(req);
            const list = down.table(INCIDENT_LIST_TABLE);
            if (req.type === 'put' && req.values.length) {
              // The rows are computed and queued while IndexedDB writes the records (an import
              // of 10,000 waited for each batch, then for its rows). When any record is not
              // written, the rows of this write are aligned with what the table holds.
              const rows = req.values.map((v) => incidentListRowOf(v));
              const [written, listed] = await Promise.allSettled([
                table.mutate(req),
                list.mutate({ type: 'put', trans: req.trans, values: rows }),
              ]);
              if (written.status === 'fulfilled' && written.value.numFailures === 0) {
                if (listed.status === 'rejected') throw listed.reason;
                return written.value;
              }
              const realign = realignRows(
                table,
                list,
                req.trans,
                rows.map((row) => row.id),
              );
              if (written.status === 'fulfilled') {
                await realign;
                return written.value;
              }
              // The write's own error is the one to report (the transaction may be gone).
              await realign.catch(() => undefined);
              throw written.reason;
            }
            const res = await table.mutate(req);
            for (const listReq of listMutationsFor(req, res)) await list.mutate(listReq);
            return res;
          },
        } satisfies DBCoreTable;
      },
    };
  },
};

/**
 * Version 5's upgrade: a row for every incident already stored, 1,000 records at a time so the
 * page is never frozen by one long task (50,000 incidents in one read held it for 3.4 s).
 */
export async function buildIncidentList(tx: Transaction): Promise<void> {
  const incidents = tx.table(INCIDENTS) as Table<Record<string, unknown>, string>;
  const list = tx.table(INCIDENT_LIST_TABLE) as Table<IncidentListRow, string>;
  for (let after: string | null = null; ;) {
    const next = await rebuildChunk(incidents, list, after, 1000);
    if (next === null) return;
    after = next;
  }
}

/**
 * Rewrites the rows of the next `chunkSize` records after the id `after` (null: from the first)
 * and removes the rows in that span whose record is gone. Returns the last id written, or null
 * when no record is left (every row after `after` is then removed too).
 */
async function rebuildChunk(
  incidents: Table<Record<string, unknown>, string>,
  list: Table<IncidentListRow, string>,
  after: string | null,
  chunkSize: number,
): Promise<string | null> {
  const records =
    after === null
      ? await incidents.orderBy(':id').limit(chunkSize).toArray()
      : await incidents.where(':id').above(after).limit(chunkSize).toArray();
  const last = records.at(-1)?.id as string | undefined;
  if (last === undefined) {
    await (after === null ? list.clear() : list.where(':id').above(after).delete());
    return null;
  }
  const span =
    after === null
      ? list.where(':id').belowOrEqual(last)
      : list.where(':id').between(after, last, false, true);
  const ids = new Set(records.map((r) => r.id));
  const gone = (await span.primaryKeys()).filter((id) => !ids.has(id));
  if (gone.length) await list.bulkDelete(gone);
  await list.bulkPut(records.map((r) => incidentListRowOf(r)));
  return last;
}

/**
 * True when the rows match the incident table as far as a cheap look can tell (the same count,
 * and the row of the newest change holds that change). They drift only when something writes
 * the incidents without this code: an older build of Sonae served again from the same folder, or
 * a benchmark writing IndexedDB directly. One read transaction, so a save cannot fall between the
 * looks. The rows have no `updatedAt` index since Dexie version 9: every index entry is a write
 * per row, and an import of 10,000 paid for it (issue 9).
 */
export async function isIncidentListInStep(db: SonaeDatabase): Promise<boolean> {
  const list = incidentListTable(db);
  return db.transaction('r', [db.incidents, list], async () => {
    // The records are counted through their updatedAt index (IndexedDB walks its small entries
    // instead of the whole records); the rows are small, so their own count is cheap.
    const [records, rows, newest] = await Promise.all([
      db.incidents.orderBy('updatedAt').count(),
      list.count(),
      db.incidents.orderBy('updatedAt').reverse().first(),
    ]);
    if (records !== rows) return false;
    if (!newest) return true;
    const row = await list.get(newest.id);
    return row !== undefined && row.rev === newest.rev && row.updatedAt === newest.updatedAt;
  });
}

/**
 * Writes every row again from the incident table, `chunkSize` records per transaction (each
 * reads its records and writes their rows together, so a save in between is never overwritten
 * by an older row), and removes rows whose record is gone.
 */
export async function rebuildIncidentList(db: SonaeDatabase, chunkSize = 1000): Promise<void> {
  const list = incidentListTable(db);
  const incidents = db.incidents as unknown as Table<Record<string, unknown>, string>;
  for (let after: string | null = null; ;) {
    const from: string | null = after;
    after = await db.transaction('rw', [incidents, list], () =>
      rebuildChunk(incidents, list, from, chunkSize),
    );
    if (after === null) return;
  }
}
