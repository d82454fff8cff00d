import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { schemaVersions, SonaeDatabase } from '../../../src/db/database.ts';
import { incidentListRows, loadIncidentSearchIndex } from '../../../src/db/incidentListRead.ts';
import { createStoredRecord } from '../../../src/domain/storedRecord.ts';
import { emptyIncident } from '../../../src/domain/incident.ts';

// Dexie version 7 writes the incident log's rows again, so that incidents recorded before the
// 「手順書の更新待ち」 filter existed carry its flag too (issue 17).
describe('Dexie version 7 (incident log rows with 手順書の更新待ち)', () => {
  it('gives a resolved incident with cause and countermeasure, but no manual update, the flag', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('sonae', { indexedDB, IDBKeyRange });
    for (const v of schemaVersions.filter((s) => s.version <= 6))
      old.version(v.version).stores(v.stores);
    await old.open();
    const base = {
      title: '証明書が印刷できない',
      systemId: '00000000-0000-4000-8000-0000000000b1',
      occurredAt: '2026-11-01T01:00:00.000Z',
      status: 'resolved' as const,
      cause: '帳票サーバーの停止',
      countermeasure: 'サービスを再起動した',
    };
    const waiting = createStoredRecord('incident', emptyIncident(base), 'st', base.occurredAt);
    const updated = createStoredRecord(
      'incident',
      emptyIncident({ ...base, manualUpdated: true }),
      'st',
      base.occurredAt,
    );
    await old.table('incidents').bulkPut([waiting, updated]);
    // The rows as version 6 wrote them: without the flag.
    await old.table('incidentList').bulkPut([
      { id: waiting.id, occurredAt: base.occurredAt, updatedAt: waiting.updatedAt },
      { id: updated.id, occurredAt: base.occurredAt, updatedAt: updated.updatedAt },
    ]);
    old.close();

    const db = new SonaeDatabase('sonae', { indexedDB, IDBKeyRange });
    await db.open();
    // The log's first read builds the list from the records (version 10 dropped the old rows),
    // as version 7 once rewrote them.
    await loadIncidentSearchIndex(db);
    const rows = await incidentListRows(db);
    expect(rows.get(waiting.id)).toMatchObject({ awaitingManualUpdate: true });
    expect(rows.get(updated.id)).not.toHaveProperty('awaitingManualUpdate');
    db.close();
  });
});
