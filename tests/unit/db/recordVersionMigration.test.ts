import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { SonaeDatabase, schemaVersions } from '../../../src/db/database.ts';
import { exchangeTables } from '../../../src/db/exchangeTables.ts';
import { computeRevision, checkRevision } from '../../../src/domain/revision.ts';
import { pickData } from '../../../src/domain/recordMeta.ts';
import { contactDataSchema } from '../../../src/domain/contact.ts';

const STATION = '00000000-0000-4000-8000-00000000000a';
const AT = '2026-11-21T00:00:00.000Z';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A contact exactly as builds before record versions stored it (no schemaVersion). */
function legacyContact(recordId: string, name: string, parent: string | null = null) {
  const data = {
    name,
    organization: '架空システムズ株式会社',
    department: '',
    role: '',
    kind: 'vendor',
    phones: [{ label: '代表', number: '03-0000-0000' }],
    extension: '',
    email: '',
    businessHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:45', holidays: false },
    afterHoursPhone: '',
    contractNumber: '',
    systemIds: [],
    escalationOrder: 1,
    deputyContactId: null,
    notes: '',
  };
  const rev = computeRevision(parent, false, data);
  return {
    ...data,
    id: recordId,
    rev,
    revisions: parent ? [parent] : [],
    createdAt: AT,
    createdBy: STATION,
    updatedAt: AT,
    updatedBy: STATION,
    deleted: false,
  };
}

async function writeVersion2(indexedDB: IDBFactory) {
  const old = new Dexie('sonae', { indexedDB, IDBKeyRange });
  for (const v of schemaVersions.filter((s) => s.version <= 2))
    old.version(v.version).stores(v.stores);
  await old.open();
  const live = legacyContact(id(1), '保守窓口');
  const sibling = legacyContact(id(1), '保守窓口（夜間）', null);
  const tombstoneData = legacyContact(id(2), '旧窓口');
  const {
    id: _i,
    rev: _r,
    revisions: _v,
    createdAt: _c,
    createdBy: _cb,
    updatedAt: _u,
    updatedBy: _ub,
    deleted: _d,
    ...oldContent
  } = tombstoneData;
  const tombstone = {
    ...tombstoneData,
    rev: computeRevision(tombstoneData.rev, true, oldContent),
    revisions: [tombstoneData.rev],
    deleted: true,
  };
  await old.table('contacts').bulkPut([live, tombstone]);
  await old
    .table('conflicts')
    .put({ type: 'contact', id: id(1), rev: sibling.rev, record: sibling });
  await old.table('settings').put({
    key: 'station',
    value: {
      id: STATION,
      municipality: '架空市',
      department: '情報政策課',
      terminal: 'PC',
      staffName: '',
    },
  });
  await old.table('audit').add({
    at: AT,
    stationId: STATION,
    actor: '',
    action: 'demo',
    recordType: null,
    recordId: null,
    rev: null,
    summary: 'demo',
  });
  old.close();
  return { live, sibling, tombstone };
}

describe('Dexie version 3 (record versions)', () => {
  it('upgrades stored records, siblings and the station, reaching the revs an import would', async () => {
    const indexedDB = new IDBFactory();
    const before = await writeVersion2(indexedDB);
    const db = new SonaeDatabase('sonae', { indexedDB, IDBKeyRange });
    await db.open();

    const live = (await db.contacts.get(id(1)))!;
    // 1.0 → 2.0 by its upgrade step, then stamped with the current minor (2.1: confirmedOn/By).
    expect(live.schemaVersion).toBe('2.1');
    expect(live.businessHours).toEqual({
      ranges: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:45', overnight: false }],
      closedOnHolidays: true,
    });
    // The upgrade is a new revision whose parent is the stored one, valid under the rev rule.
    expect(live.revisions).toEqual([before.live.rev]);
    expect(checkRevision(live, pickData(live))).toBeNull();
    expect(contactDataSchema.safeParse(pickData(live)).success).toBe(true);

    const tombstone = (await db.contacts.get(id(2)))!;
    expect(pickData(tombstone)).toEqual({});
    expect(tombstone.revisions[0]).toBe(before.tombstone.rev);
    expect(checkRevision(tombstone, {})).toBeNull();

    const siblings = await exchangeTables(db).conflicts.toArray();
    expect(siblings).toHaveLength(1);
    expect(siblings[0]!.rev).toBe(siblings[0]!.record.rev);
    expect(siblings[0]!.record.revisions).toEqual([before.sibling.rev]);

    expect((await db.settings.get('station'))?.value).toMatchObject({ role: 'it-section' });
    db.close();
  });

  it('gives every station that upgrades the same record the same rev', async () => {
    const revs: string[] = [];
    for (let i = 0; i < 2; i++) {
      const indexedDB = new IDBFactory();
      await writeVersion2(indexedDB);
      const db = new SonaeDatabase('sonae', { indexedDB, IDBKeyRange });
      await db.open();
      revs.push((await db.contacts.get(id(1)))!.rev);
      db.close();
    }
    expect(revs[0]).toBe(revs[1]);
  });
});
