import { beforeEach, describe, expect, it } from 'vitest';
import { saveRecord } from '../../../src/db/records.ts';
import { exchangeTables } from '../../../src/db/exchangeTables.ts';
import { restoreSnapshot } from '../../../src/db/snapshots.ts';
import { recordTypes } from '../../../src/domain/recordTypes.ts';
import { pickData } from '../../../src/domain/recordMeta.ts';
import { emptySystem } from '../../../src/domain/system.ts';
import type { SonaeDatabase } from '../../../src/db/database.ts';
import { itForm, type TestStation } from './exchangeHelpers.ts';
import { createMesh, departmentNo, exportFrom, importInto, newIncident } from './syncHelpers.ts';

// Issue #12, item 16: the snapshot before an import copies only the records the import changes
// (it used to copy every record table, so an import that fit was refused at 20 MB of 50 MB);
// 「取り込み前に戻す」 still restores exactly.

let it_: TestStation;
let dept: TestStation;

beforeEach(async () => {
  [it_, dept] = (await createMesh([itForm, departmentNo(1)])) as [TestStation, TestStation];
});

/** Every record table and the conflicts, keyed, to compare states exactly. */
async function dump(db: SonaeDatabase) {
  const state: Record<string, unknown> = {};
  for (const type of recordTypes)
    state[type] = new Map((await db.recordTable(type).toArray()).map((r) => [r.id, r]));
  const conflicts = await exchangeTables(db).conflicts.toArray();
  state.conflicts = new Map(conflicts.map((c) => [`${c.type}/${c.id}/${c.rev}`, c]));
  return state;
}

describe('snapshots before an import', () => {
  it('hold only the records the import changes', async () => {
    it_.use();
    for (let i = 0; i < 30; i += 1) await saveRecord('system', { ...emptySystem(), name: `S${i}` });
    for (let i = 0; i < 30; i += 1) await newIncident(it_, `IT の記録${i}`);
    const sent = await newIncident(dept, '窓口で発生');
    await importInto(it_, await exportFrom(dept));
    const [snapshot] = await exchangeTables(it_.db).snapshots.toArray();
    expect(snapshot!.changed).toEqual([
      { type: 'incident', id: sent.id, main: null, siblings: [] },
    ]);
    expect(snapshot!.records).toBeUndefined();
    expect(JSON.stringify(snapshot).length).toBeLessThan(500);
  });

  it('restore exactly the state before, undoing later imports of the same records first', async () => {
    const shared = await newIncident(dept, '共有の記録');
    await importInto(it_, await exportFrom(dept));
    const local = await newIncident(it_, 'IT だけの記録');
    it_.use();
    await saveRecord('incident', { ...pickData(shared), cause: 'IT の見立て' }, { id: shared.id });
    const before = await dump(it_.db);

    // Import 1: a concurrent edit (conflict) and a new record. Import 2: the same record again.
    dept.use();
    const edited = await saveRecord(
      'incident',
      { ...pickData(shared), symptoms: '窓口の見立て' },
      { id: shared.id },
    );
    await newIncident(dept, '新しい記録');
    await importInto(it_, await exportFrom(dept, 'delta'));
    expect(await exchangeTables(it_.db).conflicts.count()).toBe(1);
    dept.use();
    await saveRecord('incident', { ...pickData(edited), symptoms: '追記' }, { id: shared.id });
    await importInto(it_, await exportFrom(dept, 'delta'));
    expect(await dump(it_.db)).not.toEqual(before);
    // A record made here after the imports, which no import touched, is kept.
    const later = await newIncident(it_, '取り込み後に IT で記録');

    // Snapshots: [the first import, import 1, import 2]; restore to before import 1.
    const [, beforeImport1] = await exchangeTables(it_.db).snapshots.orderBy('seq').toArray();
    await restoreSnapshot(beforeImport1!.seq!);
    const after = await dump(it_.db);
    expect((after.incident as Map<string, unknown>).get(later.id)).toEqual(later);
    (after.incident as Map<string, unknown>).delete(later.id);
    expect(after).toEqual(before);
    expect(await it_.db.incidents.get(local.id)).toEqual(local);
    expect(await exchangeTables(it_.db).snapshots.count()).toBe(1);
    const imports = await exchangeTables(it_.db).imports.toArray();
    expect(imports.map((row) => Boolean(row.undoneAt))).toEqual([false, true, true]);
  });

  it('still restore a snapshot written whole by an older Sonae', async () => {
    const sent = await newIncident(dept, '古い形式');
    const before = await dump(it_.db);
    const beforeRows = await it_.db.incidents.toArray();
    await importInto(it_, await exportFrom(dept));
    const { snapshots, imports } = exchangeTables(it_.db);
    const [row] = await snapshots.toArray();
    await snapshots.put({
      seq: row!.seq,
      at: row!.at,
      importSeq: (await imports.toArray())[0]!.seq!,
      fileName: row!.fileName,
      records: { incident: beforeRows },
      conflicts: [],
    });
    expect(await it_.db.incidents.get(sent.id)).toBeDefined();
    await restoreSnapshot(row!.seq!);
    expect(await dump(it_.db)).toEqual(before);
  });
});
