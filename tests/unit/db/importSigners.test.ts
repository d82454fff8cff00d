import { beforeEach, describe, expect, it } from 'vitest';
import { saveRecord } from '../../../src/db/records.ts';
import { exchangeTables } from '../../../src/db/exchangeTables.ts';
import { restoreSnapshot } from '../../../src/db/snapshots.ts';
import { loadAuditTrail } from '../../../src/db/hooks.ts';
import { pickData } from '../../../src/domain/recordMeta.ts';
import { itForm, type TestStation } from './exchangeHelpers.ts';
import { createMesh, departmentNo, exportFrom, importInto, newIncident } from './syncHelpers.ts';

// Issue #12, item 10: the preview names, per record, who signed the version being replaced and
// who signs the new one, and marks a department key replacing another signer's version; the
// audit trail keeps both, in ONE entry per import with a per-record list (decision 9).

let it_: TestStation;
let d1: TestStation;
let d2: TestStation;

beforeEach(async () => {
  [it_, d1, d2] = (await createMesh([itForm, departmentNo(1), departmentNo(2)])) as [
    TestStation,
    TestStation,
    TestStation,
  ];
});

/** An incident the IT section wrote the cause of, known to both departments. */
async function itIncident() {
  const x = await newIncident(it_, 'ネットワーク断');
  it_.use();
  const withCause = await saveRecord(
    'incident',
    { ...pickData(x), cause: 'L2スイッチの故障', countermeasure: '予備機に交換' },
    { id: x.id },
  );
  const file = await exportFrom(it_);
  await importInto(d1, file);
  await importInto(d2, file);
  return withCause;
}

async function editOn(station: TestStation, id: string, cause: string) {
  station.use();
  const current = (await station.db.incidents.get(id))!;
  return saveRecord('incident', { ...pickData(current), cause }, { id });
}

describe('who signed the replaced and the new version', () => {
  it('marks a department key replacing the IT section’s version, and audits both', async () => {
    const x = await itIncident();
    const edit = await editOn(d1, x.id, '原因は不明');
    const { preview } = await importInto(it_, await exportFrom(d1, 'delta'));
    expect(preview.rows).toEqual([
      expect.objectContaining({
        change: 'updated',
        replaced: {
          rev: x.rev,
          by: expect.objectContaining({ source: 'station', role: 'it-section' }),
        },
        incoming: {
          rev: edit.rev,
          by: expect.objectContaining({
            source: 'key',
            label: '第1課 窓口PC-01',
            role: 'department',
          }),
        },
        warning: '部署の鍵で、情報システム担当の版を置き換えます',
      }),
    ]);
    const imports = await it_.db.audit.where('action').equals('import').toArray();
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({
      recordIds: [x.id],
      records: [
        {
          type: 'incident',
          id: x.id,
          change: 'updated',
          replacedRev: x.rev,
          replacedBy: expect.objectContaining({ role: 'it-section' }),
          newRev: edit.rev,
          newBy: expect.objectContaining({ label: '第1課 窓口PC-01', role: 'department' }),
        },
      ],
    });
    expect(imports[0]!.summary).toContain('部署の鍵でほかの署名者の版を置き換え1件');
    // The record's own trail finds the import through `*recordIds`.
    const trail = await loadAuditTrail(x.id);
    expect(trail[0]).toMatchObject({ action: 'import', recordId: x.id, rev: edit.rev });
    expect(trail[0]!.summary).toContain('「第1課 窓口PC-01」（部署の鍵）');
  });

  it('names a version received from another department by its recorded signer', async () => {
    const x = await itIncident();
    await editOn(d1, x.id, '第1課の見立て');
    const fromD1 = await exportFrom(d1, 'delta');
    await importInto(it_, fromD1);
    await importInto(d2, fromD1);
    const byD2 = await editOn(d2, x.id, '第2課の見立て');
    const { preview } = await importInto(it_, await exportFrom(d2, 'delta'));
    expect(preview.rows[0]).toMatchObject({
      replaced: { by: { source: 'key', label: '第1課 窓口PC-01', role: 'department' } },
      incoming: { rev: byD2.rev, by: { label: '第2課 窓口PC-02' } },
      warning: '部署の鍵で、第1課 窓口PC-01の版を置き換えます',
    });
  });

  it('marks nothing when the IT section replaces, or a department replaces its own version', async () => {
    const x = await itIncident();
    await editOn(d1, x.id, '一次切り分け');
    await importInto(it_, await exportFrom(d1, 'delta'));
    await editOn(d1, x.id, '二次切り分け');
    const own = await importInto(it_, await exportFrom(d1, 'delta'));
    expect(own.preview.rows[0]).toMatchObject({ change: 'updated' });
    expect(own.preview.rows[0]!.warning).toBeUndefined();
    await editOn(it_, x.id, 'IT の結論');
    const fromIt = await importInto(d1, await exportFrom(it_, 'delta'));
    expect(fromIt.preview.rows[0]).toMatchObject({
      change: 'updated',
      replaced: { by: { source: 'station', role: 'department' } },
      incoming: { by: { source: 'key', role: 'it-section' } },
    });
    expect(fromIt.preview.rows[0]!.warning).toBeUndefined();
  });

  it('writes one audit entry for an import of several records', async () => {
    for (const title of ['A', 'B', 'C']) await newIncident(d1, title);
    await importInto(it_, await exportFrom(d1));
    const imports = await it_.db.audit.where('action').equals('import').toArray();
    expect(imports).toHaveLength(1);
    expect(imports[0]!.records).toHaveLength(3);
    expect(imports[0]!.summary).toContain('障害記録「A」');
    for (const id of imports[0]!.recordIds!)
      expect((await loadAuditTrail(id)).map((e) => e.action)).toEqual(['import']);
  });

  it('forgets who signed what an undone import brought; older rows fall back to updatedBy', async () => {
    const x = await itIncident();
    await editOn(d1, x.id, '第1課の見立て');
    const fromD1 = await exportFrom(d1, 'delta');
    await importInto(it_, fromD1);
    await importInto(d2, fromD1);
    const { revSignerSets, snapshots } = exchangeTables(it_.db);
    expect(await revSignerSets.count()).toBe(1);
    // A revision received before signers were recorded is named through the import history.
    await revSignerSets.clear();
    await editOn(d2, x.id, '第2課の見立て');
    const fromD2 = await exportFrom(d2, 'delta');
    it_.use();
    const fallback = await importInto(it_, fromD2);
    expect(fallback.preview.rows[0]).toMatchObject({
      replaced: { by: { source: 'station', label: '第1課 窓口PC-01', role: 'department' } },
    });
    expect(await revSignerSets.count()).toBe(1);
    const last = (await snapshots.toArray()).at(-1)!;
    await restoreSnapshot(last.seq!);
    expect(await revSignerSets.count()).toBe(0);
  });
});
