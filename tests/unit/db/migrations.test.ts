import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import {
  CURRENT_SCHEMA_VERSION,
  recordTables,
  schemaVersions,
  SonaeDatabase,
} from '../../../src/db/database.ts';
import { buildDemoData } from '../../../src/demo/demoMunicipality.ts';
import { recordTypes } from '../../../src/domain/recordTypes.ts';

const STATION_ID = '00000000-0000-4000-8000-000000000001';

/**
 * Writes a database the way the build of schema version `version` did: Dexie with only the
 * versions up to it, nothing of the current code's later upgrades.
 */
async function writeDatabaseAtVersion(indexedDB: IDBFactory, version: number) {
  const old = new Dexie('sonae', { indexedDB, IDBKeyRange });
  for (const v of schemaVersions.filter((s) => s.version <= version))
    old.version(v.version).stores(v.stores);
  await old.open();
  const demo = buildDemoData(STATION_ID, new Date('2026-11-01T00:00:00Z'));
  // Types added in a later version have no table in the old database (and no demo rows).
  for (const type of recordTypes)
    if (old.tables.some((t) => t.name === recordTables[type]))
      await old.table(recordTables[type]).bulkPut(demo[type]);
  await old.table('settings').put({
    key: 'station',
    value: {
      id: STATION_ID,
      municipality: '架空市',
      department: '市民課',
      terminal: 'PC',
      staffName: '',
    },
  });
  await old.table('drafts').put({
    key: 'incident:new',
    value: { data: { title: '書きかけ' } },
    savedAt: '2026-11-01T00:00:00.000Z',
  });
  await old.table('attachments').put({ id: STATION_ID, blob: new Blob(['screen']) });
  await old.table('audit').add({
    at: '2026-11-01T00:00:00.000Z',
    stationId: STATION_ID,
    actor: '',
    action: 'demo',
    recordType: null,
    recordId: null,
    rev: null,
    summary: 'demo',
  });
  old.close();
  return demo;
}

describe('schema migrations', () => {
  it('declares versions in increasing order', () => {
    const versions = schemaVersions.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(CURRENT_SCHEMA_VERSION).toBe(versions.at(-1));
  });

  for (const { version } of schemaVersions) {
    it(`opens a database written at version ${version} and loses nothing`, async () => {
      const indexedDB = new IDBFactory();
      const demo = await writeDatabaseAtVersion(indexedDB, version);
      const db = new SonaeDatabase('sonae', { indexedDB, IDBKeyRange });
      await db.open();
      expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
      for (const type of recordTypes) {
        const stored = await db.recordTable(type).toArray();
        expect(stored).toHaveLength(demo[type].length);
        expect(new Map(stored.map((r) => [r.id, r]))).toEqual(
          new Map(demo[type].map((r) => [r.id, r])),
        );
      }
      expect((await db.drafts.get('incident:new'))?.value).toEqual({ data: { title: '書きかけ' } });
      expect(await db.attachments.get(STATION_ID)).toBeDefined();
      expect(await db.audit.count()).toBe(1);
      expect(await db.settings.get('station')).toBeDefined();
      db.close();
    });
  }
});
