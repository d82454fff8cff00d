import { utf8ToBytes, bytesToHex } from '@noble/hashes/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { deleteRecord, saveRecord } from '../../../src/db/records.ts';
import { SonaeDatabase } from '../../../src/db/database.ts';
import { setDatabase } from '../../../src/db/instance.ts';
import { readBlobBytes } from '../../../src/db/blobBytes.ts';
import { BACKUP_EXCLUDED_TABLES } from '../../../src/db/backupTables.ts';
import { emptyIncident } from '../../../src/domain/incident.ts';
import { itForm, type TestStation } from './exchangeHelpers.ts';
import { createMesh, departmentNo, exportFrom, importInto, SYSTEM_ID } from './syncHelpers.ts';

export const PHOTO_ID = '0000cccc-0000-4000-8000-0000000000b1';
export const PHOTO_BYTES = utf8ToBytes('\x89PNG fake photo bytes for the backup test');

/**
 * The IT section's station with what a backup must carry: an incident with a photo, a
 * tombstone, a conflict (two PCs edited one incident), import history, snapshots, signers and
 * trusted keys; the department's station is returned too (it trusts the IT section).
 */
export async function stationWithEverything(): Promise<{ it: TestStation; dept: TestStation }> {
  const [it, dept] = (await createMesh([itForm, departmentNo(1)])) as [TestStation, TestStation];
  it.use();
  const ref = {
    id: PHOTO_ID,
    name: 'screen.png',
    mediaType: 'image/png',
    size: PHOTO_BYTES.length,
    sha256: bytesToHex(sha256(PHOTO_BYTES)),
  };
  const base = { systemId: SYSTEM_ID, occurredAt: '2026-11-21T01:00:00.000Z' };
  await saveRecord('incident', emptyIncident({ ...base, title: '写真つき', attachments: [ref] }), {
    newAttachments: [{ id: PHOTO_ID, blob: new Blob([PHOTO_BYTES], { type: 'image/png' }) }],
  });
  const gone = await saveRecord('incident', emptyIncident({ ...base, title: '消す記録' }));
  await deleteRecord('incident', gone.id);
  const shared = await saveRecord('incident', emptyIncident({ ...base, title: '両方で編集' }));
  await importInto(dept, await exportFrom(it));
  dept.use();
  await saveRecord('incident', emptyIncident({ ...base, title: '課で編集' }), { id: shared.id });
  it.use();
  await saveRecord('incident', emptyIncident({ ...base, title: '情報で編集' }), { id: shared.id });
  await importInto(it, await exportFrom(dept));
  it.use();
  return { it, dept };
}

/** A database with no station: a cleared PC at the first-run screen. */
export function clearedPc(): TestStation {
  const db = new SonaeDatabase('sonae', { indexedDB: new IDBFactory(), IDBKeyRange });
  return { db, use: () => setDatabase(db) };
}

/** Every row of every carried table, Blobs as hex, in key order: to compare two stations. */
export async function dumpTables(db: SonaeDatabase, skipSettings: readonly string[] = []) {
  const dump: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    if (BACKUP_EXCLUDED_TABLES.includes(table.name)) continue;
    const rows = await table.toArray();
    dump[table.name] = await Promise.all(
      rows
        .filter((row) => table.name !== 'settings' || !skipSettings.includes(row.key))
        .map(async (row) =>
          table.name === 'attachments'
            ? { id: row.id, type: row.blob.type, hex: bytesToHex(await readBlobBytes(row.blob)) }
            : row,
        ),
    );
  }
  return dump;
}
