import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { CURRENT_SCHEMA_VERSION, schemaVersions, SonaeDatabase } from '../../../src/db/database.ts';
import { setDatabase } from '../../../src/db/instance.ts';
import { loadAuditTrail } from '../../../src/db/hooks.ts';
import { exchangeTables } from '../../../src/db/exchangeTables.ts';
import type { AuditEntry } from '../../../src/domain/audit.ts';

// Dexie version 4 (issue 12, items 10 and 16 / decision 9): the audit trail gains the multi-entry
// index `*recordIds` and the table `revSigners` appears. Entries written before keep `recordId`
// and are still found by record, beside the one-entry-per-import rows written after.

const STATION = '00000000-0000-4000-8000-000000000001';
const RECORD = '00000000-0000-4000-8000-0000000000aa';

const base = { stationId: STATION, actor: '', recordType: null, recordId: null, rev: null };

describe('Dexie version 4', () => {
  it('keeps the audit entries of version 3 and finds both kinds of import entry by record', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('sonae', { indexedDB, IDBKeyRange });
    for (const v of schemaVersions.filter((s) => s.version <= 3))
      old.version(v.version).stores(v.stores);
    await old.open();
    await old.table('audit').add({
      ...base,
      at: '2026-11-01T00:00:00.000Z',
      action: 'import',
      recordType: 'incident',
      recordId: RECORD,
      rev: '1-' + 'a'.repeat(32),
      summary: '障害記録「古い取り込み」を取り込み（新規）',
    });
    old.close();

    const db = new SonaeDatabase('sonae', { indexedDB, IDBKeyRange });
    setDatabase(db);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await exchangeTables(db).revSignerSets.count()).toBe(0);
    const entry: AuditEntry = {
      ...base,
      at: '2026-11-02T00:00:00.000Z',
      action: 'import',
      summary: '「b.sonae.json」を取り込み',
      recordIds: [RECORD],
      records: [
        {
          type: 'incident',
          id: RECORD,
          change: 'updated',
          replacedRev: '1-' + 'a'.repeat(32),
          replacedBy: { source: 'unknown', label: '不明', role: null, keyId: null },
          newRev: '2-' + 'b'.repeat(32),
          newBy: { source: 'key', label: '市民課', role: 'department', keyId: 'k' },
        },
      ],
    };
    await db.audit.add(entry);
    expect(await db.audit.where('recordIds').equals(RECORD).count()).toBe(1);
    const trail = await loadAuditTrail(RECORD);
    expect(trail.map((e) => e.summary)).toEqual([
      expect.stringContaining('取り込み（更新）: 版 2-bbbbbbbb（署名 「市民課」（部署の鍵））'),
      '障害記録「古い取り込み」を取り込み（新規）',
    ]);
    expect(trail[0]).toMatchObject({
      recordId: RECORD,
      recordType: 'incident',
      rev: entry.records![0]!.newRev,
    });
    db.close();
  });
});
