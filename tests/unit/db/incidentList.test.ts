import { describe, expect, it } from 'vitest';
import { Dexie, type Table } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { recordTables, schemaVersions, SonaeDatabase } from '../../../src/db/database.ts';
import { setDatabase } from '../../../src/db/instance.ts';
import { deleteRecord, saveRecord } from '../../../src/db/records.ts';
import { loadDemoData } from '../../../src/db/demoLoader.ts';
import { exportBundle } from '../../../src/db/exchangeExport.ts';
import { applyImport, prepareImport } from '../../../src/db/exchangeImport.ts';
import { exchangeTables } from '../../../src/db/exchangeTables.ts';
import { restoreSnapshot } from '../../../src/db/snapshots.ts';
import {
  SEGMENT_ROWS,
  incidentListTable,
  markNewIncidents,
} from '../../../src/db/incidentListStore.ts';
import {
  COMPACT_AFTER_SEGMENTS,
  compactIncidentList,
  incidentListRows,
  isIncidentListInStep,
  loadIncidentSearchIndex,
  needsCompaction,
  readIncidentList,
  rebuildIncidentList,
} from '../../../src/db/incidentListRead.ts';
import { buildDemoData } from '../../../src/demo/demoMunicipality.ts';
import { recordTypes } from '../../../src/domain/recordTypes.ts';
import { emptyIncident } from '../../../src/domain/incident.ts';
import { emptySystem } from '../../../src/domain/system.ts';
import { incidentListRowOf } from '../../../src/domain/incidentSearch.ts';
import { freshDatabaseWithStation } from '../../testDatabase.ts';
import { createStation, departmentForm, itForm, trustStation } from './exchangeHelpers.ts';

// The incident log's rows with their folded search text (issue 9; PRODUCT.md, decision 10):
// one per incident record since Dexie version 5, kept as segments since version 10, written in the
// same transaction as the records by whichever path writes them.

const STATION_ID = '00000000-0000-4000-8000-000000000001';

/** Every row, by id, and the row each stored incident should have. */
async function rowsAndExpected(db: SonaeDatabase) {
  const rows = [...(await incidentListRows(db)).values()];
  const records = await db.incidents.toArray();
  return {
    rows: new Map(rows.map((r) => [r.id, r])),
    expected: new Map(records.map((r) => [r.id, incidentListRowOf(r)])),
  };
}

async function expectInStep(db: SonaeDatabase) {
  const { rows, expected } = await rowsAndExpected(db);
  expect(rows).toEqual(expected);
  expect(await isIncidentListInStep(db)).toBe(true);
}

/** The database as a build of Dexie version `version` opened it (no list middleware). */
async function openAsVersion(indexedDB: IDBFactory, version: number): Promise<Dexie> {
  const old = new Dexie('sonae', { indexedDB, IDBKeyRange });
  for (const v of schemaVersions.filter((s) => s.version <= version))
    old.version(v.version).stores(v.stores);
  await old.open();
  return old;
}

/** A department and the IT section that trusts it; `importAll` carries every incident over. */
async function departmentAndItSection() {
  const dept = await createStation(departmentForm);
  const it_ = await createStation(itForm);
  await trustStation(it_, dept, 'department', '市民課');
  dept.use();
  const system = await saveRecord('system', { ...emptySystem(), name: '住民記録システム' });
  const importAll = async () => {
    const file = (await exportBundle({ kind: 'full', types: ['incident'] }))!;
    it_.use();
    const prepared = await prepareImport(file.fileName, utf8ToBytes(file.text));
    if (!prepared.ok) throw new Error(prepared.error.kind);
    await applyImport(prepared.preview);
    dept.use();
  };
  return { it_, systemId: system.id, importAll };
}

/** Three incidents in one segment, titled 旧題n（鈴木）; `id(n)` names incident n. */
async function threeInOneSegment() {
  const { db } = await freshDatabaseWithStation();
  const template = buildDemoData(STATION_ID, new Date('2026-11-01T00:00:00Z')).incident[0]!;
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  await db.incidents.bulkPut(
    [0, 1, 2].map((n) => ({ ...template, id: id(n), title: `旧題${n}（鈴木）` })),
  );
  return { db, template, id };
}

const incident = (title: string, extra = {}) =>
  emptyIncident({
    title,
    systemId: STATION_ID,
    occurredAt: '2026-11-21T00:05:00.000Z',
    ...extra,
  });

describe('the incident list rows', () => {
  it('builds a row for every incident of a version-4 database, tombstones included', async () => {
    const indexedDB = new IDBFactory();
    const old = await openAsVersion(indexedDB, 4);
    const demo = buildDemoData(STATION_ID, new Date('2026-11-01T00:00:00Z'));
    // Types added in a later version have no table in the old database (and no demo rows).
    for (const type of recordTypes)
      if (old.tables.some((t) => t.name === recordTables[type]))
        await old.table(recordTables[type]).bulkPut(demo[type]);
    const gone = demo.incident[0]!;
    await old.table('incidents').put({
      id: gone.id,
      rev: '2-' + 'f'.repeat(32),
      revisions: [gone.rev],
      createdAt: gone.createdAt,
      createdBy: gone.createdBy,
      updatedAt: '2026-11-02T00:00:00.000Z',
      updatedBy: STATION_ID,
      deleted: true,
      schemaVersion: gone.schemaVersion,
    });
    old.close();

    const db = new SonaeDatabase('sonae', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(5);
    // The upgrade leaves the list to the log's first read (its drift check finds no rows).
    expect(await isIncidentListInStep(db)).toBe(false);
    await loadIncidentSearchIndex(db);
    const { rows } = await rowsAndExpected(db);
    expect(rows.size).toBe(demo.incident.length);
    expect(rows.get(gone.id)).toEqual({
      id: gone.id,
      rev: '2-' + 'f'.repeat(32),
      updatedAt: '2026-11-02T00:00:00.000Z',
      deleted: true,
    });
    await expectInStep(db);
    // The records themselves are untouched.
    expect(await db.incidents.get(demo.incident[1]!.id)).toEqual(demo.incident[1]);
    db.close();
  });

  it('builds the rows of a large version-4 database on the first read, a thousand at a time', async () => {
    const indexedDB = new IDBFactory();
    const old = await openAsVersion(indexedDB, 4);
    const [template] = buildDemoData(STATION_ID, new Date('2026-11-01T00:00:00Z')).incident;
    const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    await old
      .table('incidents')
      .bulkPut(Array.from({ length: 2100 }, (_, n) => ({ ...template, id: id(n) })));
    old.close();

    const db = new SonaeDatabase('sonae', { indexedDB, IDBKeyRange });
    await db.open();
    await loadIncidentSearchIndex(db);
    expect((await incidentListRows(db)).size).toBe(2100);
    await expectInStep(db);
    db.close();
  });

  it('follows saves, edits and deletions in the same transaction', async () => {
    const { db } = await freshDatabaseWithStation();
    const saved = await saveRecord('incident', incident('証明書が印刷できない'));
    expect((await incidentListRows(db)).get(saved.id)).toMatchObject({
      title: '証明書が印刷できない',
      rev: saved.rev,
    });
    const edited = await saveRecord(
      'incident',
      { ...incident('証明書が印刷できない'), errorMessage: 'ＥＲＲ－７' },
      { id: saved.id, baseRev: saved.rev },
    );
    expect((await incidentListRows(db)).get(saved.id)).toMatchObject({
      rev: edited.rev,
      errorMessage: 'ＥＲＲ－７',
      text: expect.stringContaining('err-7'),
    });
    await deleteRecord('incident', saved.id);
    expect((await incidentListRows(db)).get(saved.id)).toMatchObject({ deleted: true });
    await expectInStep(db);
  });

  it('writes nothing when the record write fails', async () => {
    const { db } = await freshDatabaseWithStation();
    const saved = await saveRecord('incident', incident('一つ目'));
    await expect(
      saveRecord('incident', incident('古い版からの保存'), { id: saved.id, baseRev: '1-old' }),
    ).rejects.toThrow();
    await expect(
      db.transaction('rw', db.incidents, async () => {
        await db.incidents.put({ ...saved, title: '取り消される' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect((await incidentListRows(db)).get(saved.id)).toMatchObject({ title: '一つ目' });
    await expectInStep(db);
  });

  it('writes neither record nor row when adding the segment fails (the save is refused)', async () => {
    const { db } = await freshDatabaseWithStation();
    const saved = await saveRecord('incident', incident('一つ目'));
    await saveRecord('incident', incident('二つ目'));
    // A segment the save below leaves alone (it rewrites the first, which holds its old row).
    const kept = (await incidentListTable(db).toArray()).at(-1)!;
    // The segment is added with IndexedDB's own request (appendSegments), not awaited; make that
    // request fail (a key already taken: a ConstraintError, as a full disk would fail it), once.
    const add = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args) {
      if (this.name !== 'incidentListSegments') return add.apply(this, args);
      IDBObjectStore.prototype.add = add;
      return add.call(this, { ...(args[0] as object), seq: kept.seq });
    } as typeof add;
    try {
      // The transaction is aborted, so the save is refused as a whole.
      await expect(
        saveRecord('incident', incident('保存されない題名'), { id: saved.id, baseRev: saved.rev }),
      ).rejects.toThrow();
    } finally {
      IDBObjectStore.prototype.add = add;
    }
    expect(await db.incidents.get(saved.id)).toMatchObject({ title: '一つ目' });
    expect((await incidentListRows(db)).get(saved.id)).toMatchObject({ title: '一つ目' });
    await expectInStep(db);
  });

  it('keeps no row for a record whose write fails inside a bulk write that goes on', async () => {
    const { db } = await freshDatabaseWithStation();
    const saved = await saveRecord('incident', incident('一つ目'));
    const other = '00000000-0000-4000-8000-00000000beef';
    await db.transaction('rw', db.incidents, async () => {
      const bad = { ...saved, id: undefined as unknown as string, title: '鍵のない記録' };
      await db.incidents.bulkPut([{ ...saved, id: other, title: '二つ目' }, bad]).catch(() => {});
    });
    expect(await db.incidents.get(other)).toBeDefined();
    expect([...(await incidentListRows(db)).values()].map((r) => r.id).sort()).toEqual(
      [saved.id, other].sort(),
    );
    await expectInStep(db);
  });

  it('follows bulk writes, modify, delete and clear on the table itself', async () => {
    const { db } = await freshDatabaseWithStation();
    await loadDemoData();
    await expectInStep(db);
    await db.incidents.toCollection().modify((r: { title: string }) => {
      r.title = `${r.title}（更新）`;
    });
    await expectInStep(db);
    const first = (await db.incidents.toCollection().first())!;
    await db.incidents.delete(first.id);
    expect((await incidentListRows(db)).get(first.id)).toBeUndefined();
    await expectInStep(db);
    await db.incidents.clear();
    expect((await incidentListRows(db)).size).toBe(0);
  });

  it('follows an import and the undo of that import', async () => {
    const { it_, systemId, importAll } = await departmentAndItSection();
    await saveRecord('incident', incident('窓口で証明書が出ない', { systemId }));
    await importAll();
    expect(
      [...(await incidentListRows(it_.db)).values()].map((r) => 'title' in r && r.title),
    ).toEqual(['窓口で証明書が出ない']);
    await expectInStep(it_.db);
    const [snapshot] = await exchangeTables(it_.db).snapshots.toArray();
    it_.use();
    await restoreSnapshot(snapshot!.seq!);
    expect((await incidentListRows(it_.db)).size).toBe(0);
    await expectInStep(it_.db);
  });

  it('takes the earlier row of an incident an import updates out of storage', async () => {
    const { it_, systemId, importAll } = await departmentAndItSection();
    const first = await saveRecord(
      'incident',
      incident('鈴木花子さんの証明書が出ない', { systemId }),
    );
    await importAll();
    await saveRecord('incident', incident('証明書が出ない', { systemId }), {
      id: first.id,
      baseRev: first.rev,
    });
    await saveRecord('incident', incident('二件目', { systemId }));
    await importAll();
    const stored = JSON.stringify(await incidentListTable(it_.db).toArray());
    expect(stored).not.toContain('鈴木');
    expect(stored).toContain('二件目');
    await expectInStep(it_.db);
  });

  /** A database of the demo incidents, in step; then an older build (no list middleware) edits them. */
  async function editedByOlderBuild(
    edit: (incidents: Table, demo: ReturnType<typeof buildDemoData>) => Promise<unknown>,
  ): Promise<{ reopened: SonaeDatabase; demo: ReturnType<typeof buildDemoData> }> {
    const indexedDB = new IDBFactory();
    const db = new SonaeDatabase('sonae', { indexedDB, IDBKeyRange });
    setDatabase(db);
    await db.open();
    const demo = buildDemoData(STATION_ID, new Date('2026-11-01T00:00:00Z'));
    await db.incidents.bulkPut(demo.incident);
    await expectInStep(db);
    db.close();
    const older = new Dexie('sonae', { indexedDB, IDBKeyRange });
    for (const v of schemaVersions) older.version(v.version).stores(v.stores);
    await older.open();
    await edit(older.table('incidents'), demo);
    older.close();
    const reopened = new SonaeDatabase('sonae', { indexedDB, IDBKeyRange });
    await reopened.open();
    return { reopened, demo };
  }

  it('notices rows an older build left behind and rebuilds them', async () => {
    // An older build (no list middleware) edits one incident, adds one and deletes one.
    const { reopened, demo } = await editedByOlderBuild(async (incidents, { incident }) => {
      const [a, b] = incident;
      await incidents.put({ ...a, title: '古い版で編集', updatedAt: '2027-01-01T00:00:00.000Z' });
      await incidents.put({ ...b, id: '00000000-0000-4000-8000-0000000000ff' });
      await incidents.delete(b!.id);
    });
    const [a, b] = demo.incident;
    expect(await isIncidentListInStep(reopened)).toBe(false);
    await rebuildIncidentList(reopened, 4);
    await expectInStep(reopened);
    expect((await incidentListRows(reopened)).get(a!.id)).toMatchObject({ title: '古い版で編集' });
    expect((await incidentListRows(reopened)).get(b!.id)).toBeUndefined();
    reopened.close();
  });

  it('notices an edit by an older build that leaves the count as it was', async () => {
    const { reopened } = await editedByOlderBuild((incidents, { incident: [a] }) =>
      incidents.put({ ...a, rev: `2-${'e'.repeat(32)}`, updatedAt: '2027-01-01T00:00:00.000Z' }),
    );
    expect(await isIncidentListInStep(reopened)).toBe(false);
    reopened.close();
  });
});

describe('Dexie version 10: the list as segments', () => {
  it('drops the list rows of a version-9 database; the first read builds the segments', async () => {
    const indexedDB = new IDBFactory();
    const old = await openAsVersion(indexedDB, 9);
    const demo = buildDemoData(STATION_ID, new Date('2026-11-01T00:00:00Z'));
    await old.table('incidents').bulkPut(demo.incident);
    await old.table('incidentList').bulkPut(demo.incident.map((r) => incidentListRowOf(r)));
    old.close();

    const db = new SonaeDatabase('sonae', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(10);
    expect(db.tables.map((t) => t.name)).not.toContain('incidentList');
    // Not in the upgrade, which holds the whole database (4.5 s at 50,000: bench:upgrade).
    expect(await incidentListTable(db).count()).toBe(0);
    await loadIncidentSearchIndex(db);
    expect(await incidentListTable(db).count()).toBe(1);
    await expectInStep(db);
    expect(await db.incidents.get(demo.incident[1]!.id)).toEqual(demo.incident[1]);
    db.close();
  });

  it('appends a write as segments of SEGMENT_ROWS, however many incidents it holds', async () => {
    const { db } = await freshDatabaseWithStation();
    const [template] = buildDemoData(STATION_ID, new Date('2026-11-01T00:00:00Z')).incident;
    const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    await db.incidents.bulkPut(
      Array.from({ length: 2500 }, (_, n) => ({ ...template!, id: id(n) })),
    );
    expect(await incidentListTable(db).count()).toBe(2500 / SEGMENT_ROWS);
    await saveRecord('incident', incident('一件だけ'));
    expect(await incidentListTable(db).count()).toBe(2500 / SEGMENT_ROWS + 1);
    await expectInStep(db);
  });

  it('leaves no earlier row of an edited or deleted incident in storage (decision 5)', async () => {
    const { db } = await freshDatabaseWithStation();
    const first = await saveRecord('incident', incident('山田太郎さんの申請で停止'));
    const second = await saveRecord('incident', incident('二件目'));
    await db.incidents.bulkPut([
      { ...(await db.incidents.get(first.id))!, title: '申請者の申請で停止' },
      { ...(await db.incidents.get(second.id))!, title: '二件目（訂正）' },
    ]);
    const stored = () => incidentListTable(db).toArray();
    expect(JSON.stringify(await stored())).not.toContain('山田');
    expect((await incidentListRows(db)).get(first.id)).toMatchObject({
      title: '申請者の申請で停止',
    });
    await deleteRecord('incident', second.id);
    expect(JSON.stringify(await stored())).not.toContain('二件目');
    await db.incidents.delete(first.id);
    expect(JSON.stringify(await stored())).not.toContain('申請者');
    await expectInStep(db);
  });

  it('looks up the row of an incident marked new once it has been written in the transaction', async () => {
    const { db } = await freshDatabaseWithStation();
    const [template] = buildDemoData(STATION_ID, new Date('2026-11-01T00:00:00Z')).incident;
    const record = { ...template!, title: '最初の題名（佐藤）' };
    await db.transaction('rw', db.incidents, async (tx) => {
      markNewIncidents(tx, [record.id]);
      await db.incidents.put(record);
      await db.incidents.put({ ...record, title: '直した題名' });
    });
    expect(JSON.stringify(await incidentListTable(db).toArray())).not.toContain('佐藤');
    await expectInStep(db);
  });

  it('leaves no earlier row when writes of one transaction run in parallel (decision 5)', async () => {
    const { db, template, id } = await threeInOneSegment();
    await db.transaction('rw', db.incidents, async () => {
      await Promise.all([
        db.incidents.put({ ...template!, id: id(0), title: '新題0' }),
        db.incidents.put({ ...template!, id: id(1), title: '新題1' }),
        db.incidents.delete(id(2)),
        db.incidents.put({ ...template!, id: id(3), title: '一時の題（高橋）' }),
        db.incidents.delete(id(3)),
        // A bulk write in which one record fails: its rows are realigned, also in turn.
        db.incidents
          .bulkPut([
            { ...template!, id: id(4), title: '四件目' },
            { ...template!, id: undefined as unknown as string, title: '鍵のない記録' },
          ])
          .catch(() => {}),
        db.incidents.put({ ...template!, id: id(4), title: '四件目（訂正・伊藤）' }),
        db.incidents.put({ ...template!, id: id(4), title: '四件目（再訂正）' }),
      ]);
    });
    const stored = JSON.stringify(await incidentListTable(db).toArray());
    expect(stored).not.toContain('鈴木');
    expect(stored).not.toContain('高橋');
    expect(stored).not.toContain('伊藤');
    await expectInStep(db);
  });

  it('clears in turn with the writes of the same transaction (decision 5)', async () => {
    const { db, template, id } = await threeInOneSegment();
    await db.transaction('rw', db.incidents, async () => {
      await Promise.all([
        db.incidents.put({ ...template!, id: id(0), title: '新題（佐藤）' }),
        db.incidents.clear(),
        db.incidents.put({ ...template!, id: id(5), title: '残る題' }),
      ]);
    });
    const stored = JSON.stringify(await incidentListTable(db).toArray());
    expect(stored).not.toContain('鈴木');
    expect(stored).not.toContain('佐藤');
    expect([...(await incidentListRows(db)).keys()]).toEqual([id(5)]);
    await expectInStep(db);
  });

  it('follows the deletion of a key range', async () => {
    const { db } = await freshDatabaseWithStation();
    const [template] = buildDemoData(STATION_ID, new Date('2026-11-01T00:00:00Z')).incident;
    const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    await db.incidents.bulkPut(Array.from({ length: 10 }, (_, n) => ({ ...template!, id: id(n) })));
    await db.incidents.where(':id').between(id(3), id(6), true, false).delete();
    expect([...(await incidentListRows(db)).keys()].sort()).toEqual([0, 1, 2, 6, 7, 8, 9].map(id));
    await expectInStep(db);
  });

  it('compacts piled-up segments into as few as the rows need, unless a write came between', async () => {
    const { db } = await freshDatabaseWithStation();
    const saved = [];
    for (let n = 0; n < COMPACT_AFTER_SEGMENTS + 3; n++)
      saved.push(await saveRecord('incident', incident(`保存 ${n}`)));
    await deleteRecord('incident', saved[0]!.id);
    const before = await incidentListRows(db);
    const read = await readIncidentList(db);
    expect(needsCompaction(read)).toBe(true);
    // A save after the read: the compaction must not drop its segment.
    await saveRecord('incident', incident('あとから'));
    expect(await compactIncidentList(db, read)).toBe(false);
    await loadIncidentSearchIndex(db);
    expect(await incidentListTable(db).count()).toBe(1);
    const after = await incidentListRows(db);
    expect(after.size).toBe(before.size + 1);
    for (const [id, row] of before) expect(after.get(id)).toEqual(row);
    await expectInStep(db);
    // Segments added after a compaction still come after it.
    await saveRecord(
      'incident',
      { ...incident('保存 1（訂正）') },
      {
        id: saved[1]!.id,
        baseRev: saved[1]!.rev,
      },
    );
    expect((await incidentListRows(db)).get(saved[1]!.id)).toMatchObject({
      title: '保存 1（訂正）',
    });
  });
});
