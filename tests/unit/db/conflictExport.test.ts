import { beforeEach, describe, expect, it } from 'vitest';
import { saveRecord } from '../../../src/db/records.ts';
import { exchangeTables } from '../../../src/db/exchangeTables.ts';
import { pickData } from '../../../src/domain/recordMeta.ts';
import { createStation, departmentForm, itForm, trustStation } from './exchangeHelpers.ts';
import type { TestStation } from './exchangeHelpers.ts';
import { exportFrom, importInto, leafRevs, newIncident } from './syncHelpers.ts';

// Issue #12, item 1: a PC holding an unresolved conflict must still export, and the conflict
// must arrive whole on the next PC (siblings used to be written with `id: undefined`, which the
// bundle schema refuses, so 「すべて」 failed with 「保存できませんでした（Error）」).

let dept: TestStation;
let it_: TestStation;
let other: TestStation;

beforeEach(async () => {
  dept = await createStation(departmentForm);
  it_ = await createStation(itForm);
  other = await createStation({ ...departmentForm, department: '税務課', terminal: '窓口PC-09' });
  await trustStation(it_, dept, 'department', '市民課');
  await trustStation(dept, it_, 'it-section', '情報政策課');
  await trustStation(other, it_, 'it-section', '情報政策課');
});

describe('exporting a record in conflict', () => {
  it('exports the record with its siblings, and another station receives the same conflict', async () => {
    const incident = await newIncident(dept, '窓口端末が固まる');
    await importInto(it_, await exportFrom(dept));
    dept.use();
    await saveRecord(
      'incident',
      { ...pickData(incident), symptoms: '画面が白くなる' },
      { id: incident.id },
    );
    it_.use();
    await saveRecord(
      'incident',
      { ...pickData(incident), cause: 'メモリ不足' },
      { id: incident.id },
    );
    await importInto(it_, await exportFrom(dept, 'delta'));
    const conflicted = await leafRevs(it_, 'incident', incident.id);
    expect(conflicted).toHaveLength(2);

    // Both a full and a delta export succeed on the PC that holds the conflict.
    const full = await exportFrom(it_, 'full');
    const bundle = JSON.parse(full.text) as { records: { conflicts?: object[] }[] };
    expect(bundle.records[0]!.conflicts).toHaveLength(1);
    expect(bundle.records[0]!.conflicts![0]).not.toHaveProperty('id');
    await expect(exportFrom(it_, 'delta')).rejects.toThrow('nothing exported');

    const { preview } = await importInto(other, full);
    expect(preview.rows).toEqual([expect.objectContaining({ change: 'conflict' })]);
    expect(await leafRevs(other, 'incident', incident.id)).toEqual(conflicted);
    expect(await exchangeTables(other.db).conflicts.count()).toBe(1);
    // The receiver can export the conflict onward as well.
    expect((await exportFrom(other, 'full')).text).toContain('"conflicts"');
  });
});
