import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { CURRENT_SCHEMA_VERSION, schemaVersions, SonaeDatabase } from '../../../src/db/database.ts';
import { exchangeTables, type RevSignerRow } from '../../../src/db/exchangeTables.ts';
import { revSignerKey } from '../../../src/db/revSignerSets.ts';
import { recordedSigners } from '../../../src/db/importAuthors.ts';
import { withCurrentTables, type TableRows } from '../../../src/db/backupRestore.ts';
import type { AuditAuthor } from '../../../src/domain/audit.ts';

// Dexie version 8 (issue 9): who signed each received revision moves from one row per revision
// (`revSigners`, versions 4–7) to one row per import (`revSignerSets`). A database of version 7
// and a backup made by a release before it both come back with every signer.

const A = '00000000-0000-4000-8000-0000000000aa';
const B = '00000000-0000-4000-8000-0000000000bb';
const rev = (n: number, c: string) => `${n}-${c.repeat(32)}`;
const author = (label: string, keyId: string): AuditAuthor => ({
  source: 'key',
  label,
  role: 'department',
  keyId,
});
const first = author('市民課', 'k1');
const second = author('税務課', 'k2');
const legacyRows: RevSignerRow[] = [
  { type: 'incident', id: A, rev: rev(1, 'a'), signer: first, importSeq: 1 },
  { type: 'contact', id: B, rev: rev(1, 'b'), signer: first, importSeq: 1 },
  { type: 'incident', id: A, rev: rev(2, 'c'), signer: second, importSeq: 2 },
];

describe('Dexie version 8: revSignerSets', () => {
  it('groups the rows of version 7 by import and still names each signer', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('sonae', { indexedDB, IDBKeyRange });
    for (const v of schemaVersions.filter((s) => s.version <= 7))
      old.version(v.version).stores(v.stores);
    await old.open();
    await old.table('revSigners').bulkAdd(legacyRows);
    old.close();

    const db = new SonaeDatabase('sonae', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name)).not.toContain('revSigners');
    const { revSignerSets } = exchangeTables(db);
    expect(await revSignerSets.toArray()).toEqual([
      {
        importSeq: 1,
        signer: first,
        // In the old table's key order.
        revs: [revSignerKey('contact', B, rev(1, 'b')), revSignerKey('incident', A, rev(1, 'a'))],
      },
      { importSeq: 2, signer: second, revs: [revSignerKey('incident', A, rev(2, 'c'))] },
    ]);
    // The same version brought again by a later import (after an undo): the later signer counts.
    await revSignerSets.put({
      importSeq: 3,
      signer: second,
      revs: [revSignerKey('contact', B, rev(1, 'b'))],
    });
    const signers = await recordedSigners(revSignerSets, [
      revSignerKey('incident', A, rev(1, 'a')),
      revSignerKey('contact', B, rev(1, 'b')),
      revSignerKey('incident', A, rev(9, 'f')),
    ]);
    expect(Object.fromEntries(signers)).toEqual({
      [revSignerKey('incident', A, rev(1, 'a'))]: first,
      [revSignerKey('contact', B, rev(1, 'b'))]: second,
    });
    db.close();
  });

  it("turns an older release's backup table into the new one, and leaves a new backup as it is", () => {
    const legacy: TableRows = new Map([['revSigners', { rows: legacyRows, keys: null }]]);
    const sets = withCurrentTables(legacy).get('revSignerSets')!;
    expect(sets.rows).toHaveLength(2);
    expect(sets.rows[0]).toMatchObject({ importSeq: 1, signer: first });

    const current: TableRows = new Map([
      ['revSigners', { rows: legacyRows, keys: null }],
      ['revSignerSets', { rows: [], keys: null }],
    ]);
    expect(withCurrentTables(current).get('revSignerSets')!.rows).toEqual([]);
  });
});
