import type { RecordOf } from '../domain/recordSchemas.ts';
import { recordTypes, type RecordType } from '../domain/recordTypes.ts';
import { storedRecordTitle } from '../domain/recordTitle.ts';
import { mergeLeaves, type MergeChange } from '../exchange/merge.ts';
import type { SonaeDatabase } from './database.ts';
import { exchangeTables, type ConflictRow } from './exchangeTables.ts';

type AnyRecord = RecordOf<RecordType>;

/** One validated incoming leaf. A bundle may hold several leaves of one record (a conflict). */
export interface IncomingLeaf {
  type: RecordType;
  record: AnyRecord;
}

/** What the merge will do (or did) to one record. */
export interface MergePlanRow {
  type: RecordType;
  id: string;
  title: string;
  change: MergeChange;
  /** 'updated' only because a kept revision learnt ancestors (mergeLeaves): same content. */
  historyOnly: boolean;
  /** A leaf kept from before learnt ancestors, so the next delta export must carry it again. */
  historyGrew: boolean;
  /** Winner after the merge. */
  winner: AnyRecord;
  /** Leaves after the merge beyond the winner. */
  siblings: AnyRecord[];
  /** Winner and siblings before, to write only what changed. */
  before: { main: AnyRecord | undefined; siblings: AnyRecord[] };
}

/** Records merged between pauses of a preview: at 50,000 incidents all at once were 0.3 s. */
const PLAN_SLICE = 5000;

export interface PlanOptions {
  /**
   * Ends the task every PLAN_SLICE records (nextTask), so the page keeps painting. Never inside a
   * transaction: IndexedDB commits one that waits for a task.
   */
  pause?: () => Promise<void>;
}

function groupIncoming(
  incoming: readonly IncomingLeaf[],
): Map<RecordType, Map<string, AnyRecord[]>> {
  const byType = new Map<RecordType, Map<string, AnyRecord[]>>();
  for (const { type, record } of incoming) {
    let byId = byType.get(type);
    if (!byId) byType.set(type, (byId = new Map()));
    const leaves = byId.get(record.id);
    if (leaves) leaves.push(record);
    else byId.set(record.id, [record]);
  }
  return byType;
}

/**
 * Computes the merge of `incoming` into the stored leaves, reading in bulk (one bulkGet per
 * type, one scan of the usually tiny conflicts table). Reads only: call it inside the write
 * transaction to apply, or outside it for a preview (there with `pause`).
 */
export async function planMerge(
  db: SonaeDatabase,
  incoming: readonly IncomingLeaf[],
  options: PlanOptions = {},
): Promise<MergePlanRow[]> {
  const { conflicts } = exchangeTables(db);
  const siblingRows = await conflicts.toArray();
  const siblingsOf = new Map<string, AnyRecord[]>();
  for (const row of siblingRows) {
    const key = `${row.type}/${row.id}`;
    const list = siblingsOf.get(key);
    if (list) list.push(row.record);
    else siblingsOf.set(key, [row.record]);
  }
  const plan: MergePlanRow[] = [];
  for (const [type, byId] of groupIncoming(incoming)) {
    const ids = [...byId.keys()];
    const mains = await getExisting(db, type, ids);
    for (const [i, id] of ids.entries()) {
      if (options.pause && i > 0 && i % PLAN_SLICE === 0) await options.pause();
      const main = mains[i];
      const siblings = siblingsOf.get(`${type}/${id}`) ?? [];
      const local = main ? [main, ...siblings] : siblings;
      const { leaves, change, historyOnly } = mergeLeaves(local, byId.get(id)!);
      const winner = leaves[0]!;
      // mergeLeaves returns a kept leaf as the same object unless its ancestry grew.
      const localRevs = new Set(local.map((leaf) => leaf.rev));
      const historyGrew = leaves.some((leaf) => localRevs.has(leaf.rev) && !local.includes(leaf));
      plan.push({
        type,
        id,
        title: storedRecordTitle(type, winner),
        change,
        historyOnly,
        historyGrew,
        winner,
        siblings: leaves.slice(1),
        before: { main, siblings },
      });
    }
  }
  return plan.sort((a, b) => recordTypes.indexOf(a.type) - recordTypes.indexOf(b.type));
}

/**
 * The stored rows of `ids` (undefined where absent). A large first import asks for thousands of
 * ids that do not exist yet: reading all primary keys (one getAllKeys) and fetching only the
 * present ones is then far cheaper than a get per id.
 */
async function getExisting(
  db: SonaeDatabase,
  type: RecordType,
  ids: string[],
): Promise<(AnyRecord | undefined)[]> {
  const table = db.recordTable(type);
  if (ids.length < 100) return (await table.bulkGet(ids)) as (AnyRecord | undefined)[];
  const present = new Set(await table.toCollection().primaryKeys());
  const wanted = ids.filter((id) => present.has(id));
  const rows = new Map(
    ((await table.bulkGet(wanted)) as (AnyRecord | undefined)[]).map((row, i) => [wanted[i]!, row]),
  );
  return ids.map((id) => rows.get(id));
}

/**
 * Writes the changed rows of a plan: the winner into the record's table, siblings into
 * `conflicts`, removing siblings that were superseded. A leaf is written when it is new or its
 * ancestry grew (a new object from mergeLeaves), not only when the winner's rev changed.
 * NOTE: must run inside a transaction over the record tables and `conflicts`.
 */
export async function applyMergePlan(
  db: SonaeDatabase,
  plan: readonly MergePlanRow[],
): Promise<void> {
  const { conflicts } = exchangeTables(db);
  const putByType = new Map<RecordType, AnyRecord[]>();
  const siblingPuts: ConflictRow[] = [];
  const siblingDeletes: [RecordType, string, string][] = [];
  for (const row of plan) {
    if (row.change === 'unchanged') continue;
    if (row.before.main !== row.winner) {
      const puts = putByType.get(row.type);
      if (puts) puts.push(row.winner);
      else putByType.set(row.type, [row.winner]);
    }
    const keep = new Set(row.siblings.map((s) => s.rev));
    for (const s of row.before.siblings)
      if (!keep.has(s.rev)) siblingDeletes.push([row.type, row.id, s.rev]);
    for (const s of row.siblings)
      if (!row.before.siblings.includes(s))
        siblingPuts.push({ type: row.type, id: row.id, rev: s.rev, record: s });
  }
  for (const [type, records] of putByType) await db.recordTable(type).bulkPut(records as never[]);
  if (siblingDeletes.length) await conflicts.bulkDelete(siblingDeletes);
  if (siblingPuts.length) await conflicts.bulkPut(siblingPuts);
}
