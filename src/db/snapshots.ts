import { useLiveQuery } from 'dexie-react-hooks';
import { recordTypes } from '../domain/recordTypes.ts';
import { nowIso } from '../domain/dateTime.ts';
import { recordTables, type SonaeDatabase } from './database.ts';
import { exchangeTables, type SnapshotRecord, type SnapshotRow } from './exchangeTables.ts';
import type { MergePlanRow } from './mergeStore.ts';
import { getDatabase } from './instance.ts';
import { appendAudit } from './auditTrail.ts';
import { requireStation } from './station.ts';
import { loadDeploymentSettings } from './deploymentSettingsCache.ts';

/** Snapshots kept: enough to step back over a morning's imports, small enough for the quota. */
export const SNAPSHOTS_KEPT = 5;

/** Every table a snapshot covers (records and conflict siblings; attachments are only added). */
export function snapshotTableNames(): string[] {
  return [...recordTypes.map((t) => recordTables[t]), 'conflicts'];
}

/**
 * Saves, as a new snapshot of import `importSeq`, the records the import changes as they were
 * before it (each plan row's `before`: main row and siblings), and drops the oldest beyond
 * SNAPSHOTS_KEPT. Only what changes is copied, so a snapshot costs about what the import writes,
 * not the whole database (issue 12, item 16). A record the import adds is noted by id alone
 * (`main: null`): undoing it deletes the record. Must run inside the import's transaction,
 * before the plan is applied. A backup merged into this station (backupMerge.ts) is not an
 * import of the history: its snapshot has `importSeq` null.
 */
export async function takeSnapshot(
  db: SonaeDatabase,
  fileName: string,
  plan: readonly MergePlanRow[],
  importSeq: number | null,
): Promise<number> {
  const { snapshots } = exchangeTables(db);
  const changed: SnapshotRecord[] = plan
    .filter((row) => row.change !== 'unchanged')
    .map(({ type, id, before }) => ({
      type,
      id,
      main: before.main ?? null,
      siblings: before.siblings.map((record) => ({ type, id, rev: record.rev, record })),
    }));
  const seq = await snapshots.add({ at: nowIso(), importSeq, fileName, changed });
  const keys = await snapshots.orderBy('seq').primaryKeys();
  if (keys.length > SNAPSHOTS_KEPT)
    await snapshots.bulkDelete(keys.slice(0, keys.length - SNAPSHOTS_KEPT));
  return seq;
}

const DAY_MS = 86_400_000;

/**
 * Drops the states before imports taken more than `days` ago (PRODUCT.md decision 5: the content
 * of a record deleted or changed by an import leaves the station once the IT section's retention
 * period has passed), with one audit entry saying how many. Returns how many went.
 */
export async function pruneSnapshots(
  db: SonaeDatabase,
  days: number,
  now: Date = new Date(),
): Promise<number> {
  const { snapshots } = exchangeTables(db);
  const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
  return db.transaction('rw', snapshots, db.audit, db.settings, async (tx) => {
    const old = await snapshots.where('at').below(cutoff).primaryKeys();
    if (old.length === 0) return 0;
    await snapshots.bulkDelete(old);
    const station = await requireStation(tx);
    await appendAudit(
      station,
      {
        action: 'delete',
        summary: `保存期間（${days}日）を過ぎた「取り込み前の状態」${old.length}件を削除`,
      },
      db,
    );
    return old.length;
  });
}

/** pruneSnapshots with the retention of sonae.config.json (its last good copy here). */
export async function pruneExpiredSnapshots(): Promise<number> {
  const { snapshotRetentionDays } = await loadDeploymentSettings();
  return pruneSnapshots(getDatabase(), snapshotRetentionDays);
}

/** Puts back what one snapshot holds: the changed records, or (older snapshots) every table. */
async function revertTo(db: SonaeDatabase, snapshot: SnapshotRow): Promise<void> {
  const { conflicts } = exchangeTables(db);
  if (!snapshot.changed) {
    for (const type of recordTypes) {
      const table = db.recordTable(type);
      await table.clear();
      await table.bulkPut((snapshot.records?.[type] ?? []) as never[]);
    }
    await conflicts.clear();
    await conflicts.bulkPut(snapshot.conflicts ?? []);
    return;
  }
  // One bulk write per table: a write of the incidents rewrites the list segments holding the
  // rows it replaces (incidentListStore.ts), once per write, so not once per record.
  for (const type of recordTypes) {
    const changed = snapshot.changed.filter((change) => change.type === type);
    if (changed.length === 0) continue;
    const table = db.recordTable(type);
    const mains = changed.flatMap(({ main }) => (main ? [main] : []));
    const gone = changed.filter(({ main }) => !main).map(({ id }) => id);
    if (mains.length) await table.bulkPut(mains as never[]);
    if (gone.length) await table.bulkDelete(gone);
  }
  for (const { type, id } of snapshot.changed)
    await conflicts.where('[type+id]').equals([type, id]).delete();
  const siblings = snapshot.changed.flatMap((change) => change.siblings);
  if (siblings.length) await conflicts.bulkPut(siblings);
}

/**
 * 「取り込み前に戻す」: puts the records back as they were before the import of snapshot `seq`,
 * undoing any later import first (newest first, each from its own snapshot), marks those imports
 * as undone (so the same files can be imported again), forgets who signed what they brought,
 * drops this and newer snapshots, and audits it. One transaction. Records no import touched
 * keep their later local edits.
 */
export async function restoreSnapshot(seq: number): Promise<void> {
  const db = getDatabase();
  const { snapshots, imports, revSignerSets } = exchangeTables(db);
  const tables = snapshotTableNames().map((name) => db.table(name));
  await db.transaction(
    'rw',
    [...tables, snapshots, imports, revSignerSets, db.settings, db.audit],
    async (tx) => {
      const station = await requireStation(tx);
      const snapshot = await snapshots.get(seq);
      if (!snapshot) throw new Error('snapshot missing');
      const newest = await snapshots.where('seq').aboveOrEqual(seq).reverse().toArray();
      for (const row of newest) await revertTo(db, row);
      const now = nowIso();
      if (snapshot.importSeq !== null) {
        await imports.where('seq').aboveOrEqual(snapshot.importSeq).modify({ undoneAt: now });
        await revSignerSets.where(':id').aboveOrEqual(snapshot.importSeq).delete();
      }
      await snapshots.where('seq').aboveOrEqual(seq).delete();
      await appendAudit(station, {
        at: now,
        action: 'import',
        summary: `「${snapshot.fileName}」の取り込み前の状態に戻した`,
      });
    },
  );
}

export interface SnapshotSummary {
  seq: number;
  at: string;
  fileName: string;
}

/** Live list of restorable snapshots, newest first (without their contents). */
export function useSnapshots(): SnapshotSummary[] | undefined {
  return useLiveQuery(async () => {
    const rows: SnapshotSummary[] = [];
    await exchangeTables(getDatabase())
      .snapshots.orderBy('seq')
      .reverse()
      .each((row) => rows.push({ seq: row.seq!, at: row.at, fileName: row.fileName }));
    return rows;
  }, []);
}
