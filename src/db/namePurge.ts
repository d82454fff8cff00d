import { recordSchemas, type RecordOf } from '../domain/recordSchemas.ts';
import { recordTypeLabels, recordTypes, type RecordType } from '../domain/recordTypes.ts';
import { recordTitle, storedRecordTitle } from '../domain/recordTitle.ts';
import { pickData } from '../domain/recordMeta.ts';
import { reviseStoredRecord } from '../domain/storedRecord.ts';
import { nowIso } from '../domain/dateTime.ts';
import { checkPurgeName, namePattern, purgeNameFromData } from '../domain/namePurge.ts';
import type { SonaeDatabase } from './database.ts';
import { exchangeTables } from './exchangeTables.ts';
import { getDatabase } from './instance.ts';
import { appendAudit } from './auditTrail.ts';
import { requireStation } from './station.ts';

/**
 * 氏名の削除 (PRODUCT.md decision 5): a departed employee's name leaves every record of this
 * station as an ordinary new revision of each record (so the next export carries it to the other
 * stations), and the states before imports and the drafts that hold it are deleted. The audit
 * trail says how many records changed but not the name; its own entries (who did what) are never
 * rewritten, and a record's versions in conflict are left for the person to resolve first.
 */

export interface NameUse {
  type: RecordType;
  id: string;
  title: string;
  hits: number;
}

export interface NameUses {
  records: NameUse[];
  /** Conflict siblings holding the name (left as they are: resolve the conflict, then purge). */
  conflicted: number;
  snapshots: number;
  drafts: number;
}

/** Thrown when the name cannot be purged; the message is for the person, in Japanese. */
export class NamePurgeError extends Error {
  override name = 'NamePurgeError';
}

// search() ignores the pattern's global flag and lastIndex.
const holds = (value: unknown, pattern: RegExp) => JSON.stringify(value).search(pattern) >= 0;

async function scan(db: SonaeDatabase, name: string) {
  const pattern = namePattern(name);
  const changes: { type: RecordType; record: RecordOf<RecordType>; data: unknown; hits: number }[] =
    [];
  for (const type of recordTypes) {
    const rows = (await db.recordTable(type).toArray()) as RecordOf<RecordType>[];
    for (const record of rows) {
      if (record.deleted) continue;
      const { data, hits } = purgeNameFromData(pickData(record), name);
      if (hits) changes.push({ type, record, data, hits });
    }
  }
  const { conflicts, snapshots } = exchangeTables(db);
  const conflicted = (await conflicts.toArray()).filter((row) => holds(row.record, pattern)).length;
  const oldSnapshots = (await snapshots.toArray()).filter((row) => holds(row, pattern));
  const drafts = (await db.drafts.toArray()).filter((row) => holds(row, pattern));
  return { changes, conflicted, oldSnapshots, drafts };
}

type Found = Awaited<ReturnType<typeof scan>>;

/** The uses found; titles from the data `after` the purge, or before it. */
function usesOf(found: Found, after: boolean): NameUses {
  return {
    records: found.changes.map(({ type, record, data, hits }) => ({
      type,
      id: record.id,
      title: recordTitle(type, (after ? data : pickData(record)) as never),
      hits,
    })),
    conflicted: found.conflicted,
    snapshots: found.oldSnapshots.length,
    drafts: found.drafts.length,
  };
}

/** Where the name stands on this station, changing nothing. */
export async function findNameUses(name: string): Promise<NameUses> {
  const problem = checkPurgeName(name);
  if (problem) throw new NamePurgeError(problem);
  return usesOf(await scan(getDatabase(), name), false);
}

/** Replaces the name everywhere in one transaction; all or nothing. */
export async function purgeName(name: string): Promise<NameUses> {
  const problem = checkPurgeName(name);
  if (problem) throw new NamePurgeError(problem);
  const db = getDatabase();
  const { conflicts, snapshots } = exchangeTables(db);
  const tables = recordTypes.map((type) => db.recordTable(type));
  return db.transaction(
    'rw',
    [...tables, conflicts, snapshots, db.drafts, db.audit, db.settings],
    async (tx) => {
      const station = await requireStation(tx);
      const found = await scan(db, name);
      const now = nowIso();
      const revised = new Map<RecordType, unknown[]>();
      for (const { type, record, data } of found.changes) {
        const checked = recordSchemas[type].data.safeParse(data);
        if (!checked.success)
          throw new NamePurgeError(
            `${recordTypeLabels[type]}「${storedRecordTitle(type, record)}」は、氏名を置き換えると入力の条件に合わなくなるため、削除できませんでした（${checked.error.issues[0]?.message ?? ''}）。その記録を編集してから、もう一度行ってください。`,
          );
        // The data as read, unknown fields of a newer Sonae included, with the name replaced.
        const list = revised.get(type) ?? [];
        list.push(reviseStoredRecord(type, record, data as never, station.id, now));
        revised.set(type, list);
      }
      // One write per table (the incidents' list segments are rewritten once per write).
      for (const [type, records] of revised) await db.recordTable(type).bulkPut(records as never[]);
      if (found.oldSnapshots.length)
        await snapshots.bulkDelete(found.oldSnapshots.map((row) => row.seq!));
      if (found.drafts.length) await db.drafts.bulkDelete(found.drafts.map((row) => row.key));
      const extra = [
        found.oldSnapshots.length ? `取り込み前の状態 ${found.oldSnapshots.length}件` : '',
        found.drafts.length ? `下書き ${found.drafts.length}件` : '',
      ].filter(Boolean);
      await appendAudit(station, {
        at: now,
        action: 'update',
        summary: `指定した氏名を記録 ${found.changes.length}件から削除${extra.length ? `（${extra.join('・')}も削除）` : ''}`,
      });
      return usesOf(found, true);
    },
  );
}
