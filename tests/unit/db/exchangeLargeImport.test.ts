import { utf8ToBytes } from '@noble/hashes/utils.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyImport, prepareImport } from '../../../src/db/exchangeImport.ts';
import type { ImportProgress } from '../../../src/db/importProgress.ts';
import { ensureStationKey } from '../../../src/db/keyStore.ts';
import { createTrustedKey } from '../../../src/exchange/bundleTrust.ts';
import { decodePublicKeyPem } from '../../../src/exchange/keys.ts';
import { restoreSnapshot } from '../../../src/db/snapshots.ts';
import { exchangeTables } from '../../../src/db/exchangeTables.ts';
import { generateDemoIncidents } from '../../../src/demo/demoMunicipality.ts';
import { loadStation } from '../../../src/db/station.ts';
import { canonicalJson } from '../../../src/domain/canonicalJson.ts';
import { pickData } from '../../../src/domain/recordMeta.ts';
import { createStoredRecord, reviseStoredRecord } from '../../../src/domain/storedRecord.ts';
import { parseBundle } from '../../../src/exchange/parseBundle.ts';
import { checkBundleInWorker } from '../../../src/exchange/worker/checkBundleInWorker.ts';
import { createDepartmentAndItSection, type TestStation } from './exchangeHelpers.ts';
import { exportFrom } from './syncHelpers.ts';

// Issue 9: a large import writes its records in batches inside its one transaction, reporting
// progress, and its snapshot names its import in one write; the export writes the canonical
// one-line file without checking its stored records again. A file of many updated records must
// import too: awaiting once per record inside the transaction lost Dexie's zone after about a
// hundred (PrematureCommitError), so describeAuthors must not await per leaf.

const COUNT = 2_500;
let department: TestStation;
let it_: TestStation;

beforeEach(async () => {
  ({ department, itSection: it_ } = await createDepartmentAndItSection());
  department.use();
  const station = (await loadStation())!;
  const records = generateDemoIncidents(COUNT, ['00000000-0000-4000-8000-00000000a001'], {
    seed: 5,
  }).map((data) => createStoredRecord('incident', data, station.id, '2026-11-21T00:00:00.000Z'));
  await department.db.incidents.bulkPut(records);
});

const exportAll = () => exportFrom(department, 'full');

describe('export of a large station', () => {
  it('writes the signed canonical JSON on one line, which parseBundle accepts', async () => {
    const file = await exportAll();
    expect(file.text.indexOf('\n')).toBe(file.text.length - 1);
    const parsed = JSON.parse(file.text) as Record<string, unknown>;
    expect(file.text).toBe(`${canonicalJson(parsed)}\n`);
    const pem = decodePublicKeyPem((await ensureStationKey()).publicKeyPem);
    if (!pem.ok) throw new Error('no key');
    const trusted = createTrustedKey(pem.publicKey, '市民課', 'department');
    expect(parseBundle(utf8ToBytes(file.text), { trustedKeys: [trusted] }).ok).toBe(true);
  });
});

describe('import of a large file', () => {
  it('reports checking, comparing and writing in batches, and writes everything once', async () => {
    const file = await exportAll();
    it_.use();
    const steps: ImportProgress[] = [];
    const prepared = await prepareImport(file.fileName, utf8ToBytes(file.text), [], {
      parse: checkBundleInWorker,
      onProgress: (progress) => steps.push(progress),
    });
    if (!prepared.ok) throw new Error(prepared.error.kind);
    // The records checked, every CHECKED_EVERY (1,000).
    expect(steps).toEqual([
      { step: 'checking', done: 0, total: COUNT },
      { step: 'checking', done: 1000, total: COUNT },
      { step: 'checking', done: 2000, total: COUNT },
      { step: 'checking', done: COUNT, total: COUNT },
      { step: 'comparing', done: 0, total: COUNT },
    ]);
    const writing: number[] = [];
    const { counts } = await applyImport(prepared.preview, {
      onProgress: (progress) => writing.push(progress.done),
    });
    expect(writing).toEqual([0, 1000, 2000, COUNT]);
    expect(counts.new).toBe(COUNT);
    expect(await it_.db.incidents.count()).toBe(COUNT);
    const { revSignerSets, snapshots } = exchangeTables(it_.db);
    // Who signed what it brought: one row for the import, listing every version.
    const [signed] = await revSignerSets.toArray();
    expect(await revSignerSets.count()).toBe(1);
    expect(signed!.revs).toHaveLength(COUNT);
    const audit = await it_.db.audit.where('action').equals('import').toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.records).toHaveLength(COUNT);
    // The snapshot names its import at once (no second write) and undoes all of it.
    const [snapshot] = await snapshots.toArray();
    expect(snapshot!.importSeq).toBe((await exchangeTables(it_.db).imports.toArray())[0]!.seq);
    expect(snapshot!.changed).toHaveLength(COUNT);
    await restoreSnapshot(snapshot!.seq!);
    expect(await it_.db.incidents.count()).toBe(0);
    expect(await revSignerSets.count()).toBe(0);
  });

  it('applies and undoes 2,500 updated records in one transaction', async () => {
    const file = await exportAll();
    it_.use();
    const first = await prepareImport(file.fileName, utf8ToBytes(file.text));
    if (!first.ok) throw new Error(first.error.kind);
    await applyImport(first.preview);
    const before = await it_.db.incidents.toArray();

    // The department edits every record and sends them again: all are updates.
    department.use();
    const station = (await loadStation())!;
    const edited = (await department.db.incidents.toArray()).map((record) =>
      reviseStoredRecord(
        'incident',
        record,
        { ...pickData(record), cause: '印刷サーバーの証明書切れ' } as never,
        station.id,
        '2026-11-22T00:00:00.000Z',
      ),
    );
    await department.db.incidents.bulkPut(edited);
    const second = await exportAll();
    it_.use();
    const prepared = await prepareImport(second.fileName, utf8ToBytes(second.text));
    if (!prepared.ok) throw new Error(prepared.error.kind);
    const { counts } = await applyImport(prepared.preview);
    expect(counts.updated).toBe(COUNT);
    const snapshot = (await exchangeTables(it_.db).snapshots.toArray()).at(-1)!;
    await restoreSnapshot(snapshot.seq!);
    expect(await it_.db.incidents.toArray()).toEqual(before);
  });
});
