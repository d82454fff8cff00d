import { beforeEach, describe, expect, it } from 'vitest';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { saveRecord } from '../../../src/db/records.ts';
import { applyImport, ImportRefusedError, prepareImport } from '../../../src/db/exchangeImport.ts';
import { exchangeTables } from '../../../src/db/exchangeTables.ts';
import { restoreSnapshot } from '../../../src/db/snapshots.ts';
import { ensureStationKey, replaceStationKey } from '../../../src/db/keyStore.ts';
import { describeBundleError } from '../../../src/exchange/bundleErrors.ts';
import { checkReplay } from '../../../src/exchange/bundleTrust.ts';
import { pickData } from '../../../src/domain/recordMeta.ts';
import {
  countAll,
  createStation,
  departmentForm,
  itForm,
  trustStation,
  type TestStation,
} from './exchangeHelpers.ts';
import { exportFrom, importInto, newIncident } from './syncHelpers.ts';

// Issue #12, items 3 and 4: a sequence number never refuses a file. A replay is recognised by
// what it carries: the same file (SHA-256) imported and not undone is refused as 「変更なし」;
// a file whose revisions are all known merges as 「変更なし」. Late, out-of-order and
// restarted-counter files are merged.

let dept: TestStation;
let it_: TestStation;

beforeEach(async () => {
  dept = await createStation(departmentForm);
  it_ = await createStation(itForm);
  await trustStation(it_, dept, 'department', '市民課');
});

async function prepareOn(station: TestStation, file: { fileName: string; text: string }) {
  station.use();
  return prepareImport(file.fileName, utf8ToBytes(file.text));
}

describe('late and out-of-order files', () => {
  it('merges file 2 after file 3, keeping the edit only file 2 carries', async () => {
    const a = await newIncident(dept, 'A');
    const b = await newIncident(dept, 'B');
    await importInto(it_, await exportFrom(dept, 'full'));
    dept.use();
    await saveRecord('incident', { ...pickData(a), symptoms: '2の編集' }, { id: a.id });
    const file2 = await exportFrom(dept, 'delta');
    await saveRecord('incident', { ...pickData(b), symptoms: '3の編集' }, { id: b.id });
    const file3 = await exportFrom(dept, 'delta');
    expect([file2.sequence, file3.sequence]).toEqual([2, 3]);

    expect((await importInto(it_, file3)).applied.counts).toMatchObject({ updated: 1 });
    const late = await importInto(it_, file2);
    expect(late.applied.counts).toMatchObject({ updated: 1 });
    expect(await it_.db.incidents.get(a.id)).toMatchObject({ symptoms: '2の編集' });
    expect(await it_.db.incidents.get(b.id)).toMatchObject({ symptoms: '3の編集' });
  });

  it('shows a different file whose revisions are all known as 変更なし, without a snapshot', async () => {
    await newIncident(dept, 'A');
    const first = await exportFrom(dept, 'full');
    const second = await exportFrom(dept, 'full');
    await importInto(it_, second);
    const { preview, applied } = await importInto(it_, first);
    expect(preview.rows.map((r) => r.change)).toEqual(['unchanged']);
    expect(applied.counts).toMatchObject({ new: 0, updated: 0, unchanged: 1 });
    expect(await exchangeTables(it_.db).snapshots.count()).toBe(1);
  });
});

describe('the same file again', () => {
  it('is refused as already imported (変更なし) and changes nothing', async () => {
    await newIncident(dept, 'A');
    const file = await exportFrom(dept, 'full');
    await importInto(it_, file);
    const before = await countAll(it_.db);
    const again = await prepareOn(it_, file);
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(again.error).toMatchObject({ kind: 'alreadyImported', fileName: file.fileName });
    expect(describeBundleError(again.error)).toContain('変更なし');
    expect(await countAll(it_.db)).toEqual(before);
  });

  it('is refused at confirm time when another tab imported it meanwhile', async () => {
    await newIncident(dept, 'A');
    const file = await exportFrom(dept, 'full');
    const one = await prepareOn(it_, file);
    const two = await prepareOn(it_, file);
    if (!one.ok || !two.ok) throw new Error('prepare');
    await applyImport(one.preview);
    const before = await countAll(it_.db);
    const refusal = applyImport(two.preview);
    await expect(refusal).rejects.toBeInstanceOf(ImportRefusedError);
    await expect(refusal).rejects.toMatchObject({ error: { kind: 'alreadyImported' } });
    expect(await countAll(it_.db)).toEqual(before);
  });

  it('is accepted again once its import was undone', async () => {
    await newIncident(dept, 'A');
    const file = await exportFrom(dept, 'full');
    await importInto(it_, file);
    const [snapshot] = await exchangeTables(it_.db).snapshots.toArray();
    await restoreSnapshot(snapshot!.seq!);
    expect((await importInto(it_, file)).applied.counts.new).toBe(1);
  });

  it('checkReplay: only a live import with the same SHA-256 is a replay', () => {
    const row = { sha256: 'ab', at: '2026-11-21T01:00:00.000Z', fileName: 'f.sonae.json' };
    expect(checkReplay('ab', [])).toEqual({ ok: true });
    expect(checkReplay('ab', [{ ...row, sha256: 'cd' }])).toEqual({ ok: true });
    expect(checkReplay('ab', [{ ...row, undoneAt: '2026-11-22T00:00:00.000Z' }])).toEqual({
      ok: true,
    });
    expect(checkReplay('ab', [row])).toEqual({
      ok: false,
      error: { kind: 'alreadyImported', importedAt: row.at, fileName: row.fileName },
    });
  });
});

describe('a replaced PC whose key was restored from the backup', () => {
  it('starts its counter at 1 again, and its files are accepted', async () => {
    await newIncident(dept, 'A');
    for (let i = 0; i < 3; i += 1) await importInto(it_, await exportFrom(dept, 'full'));
    dept.use();
    const { privateKey } = await ensureStationKey();

    const replacement = await createStation(departmentForm);
    replacement.use();
    await replaceStationKey(privateKey);
    const b = await newIncident(replacement, '新しいPCで記録');
    const file = await exportFrom(replacement, 'full');
    expect(file.sequence).toBe(1);
    const { applied } = await importInto(it_, file);
    expect(applied.counts.new).toBe(1);
    expect(await it_.db.incidents.get(b.id)).toMatchObject({ title: '新しいPCで記録' });
  });
});
