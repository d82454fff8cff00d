import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { SonaeDatabase, schemaVersions, CURRENT_SCHEMA_VERSION } from '../../../src/db/database.ts';
import { exchangeTables } from '../../../src/db/exchangeTables.ts';
import { firstRevisionMeta } from '../../../src/domain/recordMeta.ts';
import { emptySystem } from '../../../src/domain/system.ts';
import { emptyIncident } from '../../../src/domain/incident.ts';

const STATION = '00000000-0000-4000-8000-00000000000a';
const AT = '2026-11-21T00:00:00.000Z';

describe('Dexie version 2 (exchange tables)', () => {
  it('opens a database written by version 1 and loses nothing', async () => {
    const indexedDB = new IDBFactory();
    // A database exactly as the version-1 build wrote it.
    const v1 = new Dexie('sonae', { indexedDB, IDBKeyRange });
    v1.version(1).stores(schemaVersions[0]!.stores);
    await v1.open();
    const system = {
      ...emptySystem(),
      name: '住民記録システム',
      ...firstRevisionMeta({}, STATION, AT),
    };
    const incident = {
      ...emptyIncident({ title: '証明書が印刷できない', systemId: system.id, occurredAt: AT }),
      ...firstRevisionMeta({}, STATION, AT),
    };
    await v1.table('systems').put(system);
    await v1.table('incidents').put(incident);
    await v1.table('attachments').put({ id: STATION, blob: new Blob(['x']) });
    await v1.table('audit').add({
      at: AT,
      stationId: STATION,
      actor: '',
      action: 'create',
      recordType: 'system',
      recordId: system.id,
      rev: system.rev,
      summary: 's',
    });
    await v1.table('settings').put({ key: 'station', value: { id: STATION } });
    await v1.table('drafts').put({ key: 'd', value: { a: 1 }, savedAt: AT });
    v1.close();

    const db = new SonaeDatabase('sonae', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    // Version 3 stamps each record with the version of its shape (1.0 before versions existed).
    expect(await db.systems.get(system.id)).toEqual({ ...system, schemaVersion: '1.0' });
    expect(await db.incidents.get(incident.id)).toEqual({ ...incident, schemaVersion: '1.3' });
    expect(await db.attachments.count()).toBe(1);
    expect(await db.audit.count()).toBe(1);
    expect((await db.settings.get('station'))?.value).toEqual({ id: STATION, role: 'department' });
    expect(await db.drafts.get('d')).toMatchObject({ value: { a: 1 } });
    // The new tables exist and are empty.
    const tables = exchangeTables(db);
    for (const table of Object.values(tables)) expect(await table.count()).toBe(0);
    const stored = (await db.systems.get(system.id))!;
    await tables.conflicts.put({ type: 'system', id: system.id, rev: system.rev, record: stored });
    expect(await tables.conflicts.where('[type+id]').equals(['system', system.id]).count()).toBe(1);
    db.close();
  });

  it('keeps version 1 unchanged', () => {
    expect(schemaVersions[0]!.version).toBe(1);
    expect(Object.keys(schemaVersions[0]!.stores)).not.toContain('conflicts');
  });
});
