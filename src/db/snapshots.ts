import { useLiveQuery } from 'dexie-react-hooks';
import { recordTypes } from '../domain/recordTypes.ts';
import { nowIso } from '../domain/dateTime.ts';
import { recordTables, type SonaeDatabase } from './database.ts';
import { exchangeTables, type SnapshotRow } from './exchangeTables.ts';
import { getDatabase } from './instance.ts';
import { appendAudit } from './auditTrail.ts';
import { requireStation } from './station.ts';

/** Snapshots kept: enough to step back over a morning's imports, small enough for the quota. */
export const SNAPSHOTS_KEPT = 5;

/** Every table a snapshot covers (records and conflict siblings; attachments are only added). */
export function snapshotTableNames(): string[] {
  return [...recordTypes.map((t) => recordTables[t]), 'conflicts'];
}

/**
 * Copies every record table and the conflicts into a new snapshot and drops the oldest beyond
 * SNAPSHOTS_KEPT. Must run inside a transaction that includes those tables and `snapshots`.
 */
export async function takeSnapshot(db: SonaeDatabase, fileName: string): Promise<number> {
  const { conflicts, snapshots } = exchangeTables(db);
  const records: SnapshotRow['records'] = {};
  for (const type of recordTypes) records[type] = (await db.recordTable(type).toArray()) as never;
  const seq = await snapshots.add({
    at: nowIso(),
    importSeq: null,
    fileName,
    records,
    conflicts: await conflicts.toArray(),
  });
  const keys = await snapshots.orderBy('seq').primaryKeys();
  if (keys.length > SNAPSHOTS_KEPT)
    await snapshots.bulkDelete(keys.slice(0, keys.length - SNAPSHOTS_KEPT));
  return seq;
}

/**
 * 「取り込み前に戻す」: puts every record table and the conflicts back as they were before the
 * import of snapshot `seq`, marks that import and any later one as undone (so the same files
 * can be imported again), drops this and newer snapshots, and audits it. One transaction.
 */
export async function restoreSnapshot(seq: number): Promise<void> {
  const db = getDatabase();
  const { conflicts, snapshots, imports } = exchangeTables(db);
  const tables = snapshotTableNames().map((name) => db.table(name));
  await db.transaction('rw', [...tables, snapshots, imports, db.settings, db.audit], async (tx) => {
    const station = await requireStation(tx);
    const snapshot = await snapshots.get(seq);
    if (!snapshot) throw new Error('snapshot missing');
    for (const type of recordTypes) {
      const table = db.recordTable(type);
      await table.clear();
      await table.bulkPut((snapshot.records[type] ?? []) as never[]);
    }
    await conflicts.clear();
    await conflicts.bulkPut(snapshot.conflicts);
    const now = nowIso();
    if (snapshot.importSeq !== null)
      await imports.where('seq').aboveOrEqual(snapshot.importSeq).modify({ undoneAt: now });
    await snapshots.where('seq').aboveOrEqual(seq).delete();
    await appendAudit(station, {
      at: now,
      action: 'import',
      summary: `「${snapshot.fileName}」の取り込み前の状態に戻した`,
    });
  });
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
