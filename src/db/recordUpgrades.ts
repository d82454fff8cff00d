import type { Transaction } from 'dexie';
import { recordTypes, type RecordType } from '../domain/recordTypes.ts';
import { pickData, type RecordMeta } from '../domain/recordMeta.ts';
import { INITIAL_RECORD_VERSION, type RecordFields } from '../domain/recordVersion.ts';
import { upgradeLeaf } from '../domain/storedRecord.ts';

// DO NOT RENAME: the same table names as database.ts (a Dexie upgrade may not import it: the
// module graph would be circular).
const tableOf: Record<RecordType, string> = {
  system: 'systems',
  incident: 'incidents',
  contact: 'contacts',
  incidentLevel: 'incidentLevels',
  procedure: 'procedures',
  drill: 'drills',
  followUp: 'followUps',
};

/**
 * One stored row brought to the current version of its type: stamped with its schemaVersion
 * (rows from before versions existed are 1.0) and run through the same upgrade steps an import
 * uses, so a station upgrading its database reaches the same revs as one importing the same
 * records. Returns null when the row is left as it is (a newer version kept, or a failed step:
 * the row is never dropped).
 */
export function upgradeStoredRow(type: RecordType, row: Record<string, unknown>) {
  const meta = {
    ...(row as unknown as RecordMeta),
    schemaVersion: (row.schemaVersion as string | undefined) ?? INITIAL_RECORD_VERSION,
  };
  const data = pickData(meta) as RecordFields;
  const result = upgradeLeaf(type, meta, data);
  if (!result.ok) return null;
  return { ...result.data, ...result.meta };
}

/**
 * Upgrades every record and conflict sibling in the database (Dexie version 3). Runs inside
 * Dexie's upgrade transaction: all or nothing.
 */
export async function upgradeAllRecords(tx: Transaction): Promise<void> {
  // A type added in a later Dexie version has no object store yet when an older version's
  // upgrade runs (and no rows to upgrade). Dexie's own `storeNames` already lists the final ones.
  const present = new Set(Array.from(tx.idbtrans.objectStoreNames));
  for (const type of recordTypes) {
    if (!present.has(tableOf[type])) continue;
    await tx
      .table(tableOf[type])
      .toCollection()
      .modify((row: Record<string, unknown>, ref: { value: unknown }) => {
        const upgraded = upgradeStoredRow(type, row);
        if (upgraded) ref.value = upgraded;
      });
  }
  const conflicts = tx.table('conflicts');
  const rows = (await conflicts.toArray()) as {
    type: RecordType;
    id: string;
    rev: string;
    record: Record<string, unknown>;
  }[];
  for (const row of rows) {
    const upgraded = upgradeStoredRow(row.type, row.record);
    if (!upgraded) continue;
    // The rev is part of the key: an upgraded sibling replaces the old row.
    await conflicts.delete([row.type, row.id, row.rev]);
    await conflicts.put({ ...row, rev: upgraded.rev, record: upgraded });
  }
}
