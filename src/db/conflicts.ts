import { useLiveQuery } from 'dexie-react-hooks';
import type { RecordOf } from '../domain/recordSchemas.ts';
import { recordSchemas } from '../domain/recordSchemas.ts';
import { recordTypeLabels, recordTypes, type RecordType } from '../domain/recordTypes.ts';
import { nowIso } from '../domain/dateTime.ts';
import { pickData } from '../domain/recordMeta.ts';
import { recordTitle, storedRecordTitle } from '../domain/recordTitle.ts';
import { currentRecordVersion } from '../domain/storedRecord.ts';
import { compareRecordVersions, relateVersion } from '../domain/recordVersion.ts';
import { compareLeaves, resolutionMeta } from '../exchange/merge.ts';
import { recordTables, type SonaeDatabase } from './database.ts';
import { exchangeTables } from './exchangeTables.ts';
import { getDatabase } from './instance.ts';
import { appendAudit } from './auditTrail.ts';
import { requireStation } from './station.ts';
import { RecordValidationError, StaleRecordError } from './errors.ts';

type AnyRecord = RecordOf<RecordType>;

/** Every leaf of a record, winner first: the main row and its conflict siblings. */
export async function loadLeaves(
  db: SonaeDatabase,
  type: RecordType,
  id: string,
): Promise<AnyRecord[]> {
  const main = (await db.recordTable(type).get(id)) as AnyRecord | undefined;
  const siblings = await exchangeTables(db)
    .conflicts.where('[type+id]')
    .equals([type, id])
    .toArray();
  return [...(main ? [main] : []), ...siblings.map((s) => s.record)].sort(compareLeaves);
}

export interface ConflictSummary {
  type: RecordType;
  id: string;
  title: string;
  /** Number of competing versions, the shown winner included. */
  versions: number;
}

/** Every record that has unresolved concurrent versions. */
export async function listConflicts(): Promise<ConflictSummary[]> {
  const db = getDatabase();
  const rows = await exchangeTables(db).conflicts.toArray();
  const counts = new Map<string, { type: RecordType; id: string; siblings: number }>();
  for (const row of rows) {
    const key = `${row.type}/${row.id}`;
    const entry = counts.get(key) ?? { type: row.type, id: row.id, siblings: 0 };
    entry.siblings += 1;
    counts.set(key, entry);
  }
  const summaries: ConflictSummary[] = [];
  for (const { type, id, siblings } of counts.values()) {
    const main = await db.recordTable(type).get(id);
    const title = main ? storedRecordTitle(type, main) : id;
    summaries.push({ type, id, title, versions: siblings + 1 });
  }
  return summaries.sort(
    (a, b) =>
      recordTypes.indexOf(a.type) - recordTypes.indexOf(b.type) ||
      a.title.localeCompare(b.title, 'ja'),
  );
}

/**
 * The version a resolution is written at: the current one, or the newest minor version among
 * the leaves when one is newer, so the fields this code does not know are kept (not refused).
 */
function resolutionVersion(type: RecordType, leaves: readonly AnyRecord[]): string {
  const current = currentRecordVersion(type);
  return leaves
    .map((leaf) => leaf.schemaVersion)
    .filter((version) => relateVersion(version, current) === 'newerMinor')
    .reduce((a, b) => (compareRecordVersions(a, b) >= 0 ? a : b), current);
}

/**
 * Resolves a conflict with `data` (built by resolveConflictData: fields chosen from the versions,
 * list-like fields combined): writes a revision that descends from every leaf, removes the
 * siblings, and audits it, in one transaction; with `deleted` the record is resolved as deleted.
 * `leafRevs` are the versions the person saw; if another import changed them meanwhile,
 * StaleRecordError is thrown and nothing is written. Invalid data throws RecordValidationError.
 */
export async function resolveConflict(
  type: RecordType,
  id: string,
  data: unknown,
  leafRevs: readonly string[],
  options: { deleted?: boolean } = {},
): Promise<AnyRecord> {
  const deleted = options.deleted ?? false;
  const db = getDatabase();
  const { conflicts } = exchangeTables(db);
  return db.transaction(
    'rw',
    [db.table(recordTables[type]), conflicts, db.settings, db.audit],
    async (tx) => {
      const station = await requireStation(tx);
      const leaves = await loadLeaves(db, type, id);
      const seen = new Set(leafRevs);
      if (leaves.length !== seen.size || !leaves.every((l) => seen.has(l.rev)))
        throw new StaleRecordError('conflict changed since it was shown');
      const schemaVersion = resolutionVersion(type, leaves);
      const newer = schemaVersion !== currentRecordVersion(type);
      // A tombstone keeps no content (its rev covers exactly what is stored: nothing), so the
      // data is neither checked nor kept when the deletion is accepted.
      const parsed = deleted
        ? null
        : recordSchemas[type][newer ? 'looseData' : 'data'].safeParse(data);
      if (parsed && !parsed.success) throw new RecordValidationError(parsed.error.issues);
      const content = (parsed?.data ?? {}) as object;
      const now = nowIso();
      const meta = resolutionMeta(leaves, content, station.id, now, deleted);
      const record = deleted
        ? ({ ...meta, schemaVersion: currentRecordVersion(type) } as unknown as AnyRecord)
        : ({ ...content, ...meta, schemaVersion } as AnyRecord);
      const named = deleted ? pickData(leaves.find((l) => !l.deleted) ?? leaves[0]!) : content;
      await db.recordTable(type).put(record as never);
      await conflicts.where('[type+id]').equals([type, id]).delete();
      await appendAudit(station, {
        at: now,
        action: deleted ? 'delete' : 'update',
        recordType: type,
        recordId: id,
        rev: meta.rev,
        summary: `${recordTypeLabels[type]}「${recordTitle(type, named as never)}」の競合を解決（${leaves.length}版を${deleted ? '削除として' : ''}統合）`,
      });
      return record;
    },
  );
}

/** Live number of competing versions of one record (0 when there is no conflict). */
export function useConflictVersions(type: RecordType, id: string | undefined): number | undefined {
  return useLiveQuery(async () => {
    if (!id) return 0;
    const siblings = await exchangeTables(getDatabase())
      .conflicts.where('[type+id]')
      .equals([type, id])
      .count();
    return siblings ? siblings + 1 : 0;
  }, [type, id]);
}

/** Live list of conflicted records. */
export function useConflicts(): ConflictSummary[] | undefined {
  return useLiveQuery(listConflicts, []);
}

/** Live leaves of one record, winner first. */
export function useLeaves(type: RecordType, id: string): AnyRecord[] | undefined {
  return useLiveQuery(() => loadLeaves(getDatabase(), type, id), [type, id]);
}
