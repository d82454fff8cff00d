import { utf8ToBytes } from '@noble/hashes/utils.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportBundle } from '../../../src/db/exchangeExport.ts';
import { exchangeTables } from '../../../src/db/exchangeTables.ts';
import { ensureStationKey } from '../../../src/db/keyStore.ts';
import { loadStation } from '../../../src/db/station.ts';
import { generateDemoIncidents } from '../../../src/demo/demoMunicipality.ts';
import { pickData } from '../../../src/domain/recordMeta.ts';
import type { RecordOf } from '../../../src/domain/recordSchemas.ts';
import { recordTypes } from '../../../src/domain/recordTypes.ts';
import { createStoredRecord, reviseStoredRecord } from '../../../src/domain/storedRecord.ts';
import { emptySystem } from '../../../src/domain/system.ts';
import { joinBytes } from '../../../src/exchange/age/ageStream.ts';
import { toBundleRecord, type BundleRecord } from '../../../src/exchange/bundleRecord.ts';
import { signAndSerializeBundle } from '../../../src/exchange/bundleSignature.ts';
import { createBundle } from '../../../src/exchange/createBundle.ts';
import type { UnsignedBundle } from '../../../src/exchange/bundleFormat.ts';
import { createStation, departmentForm, type TestStation } from './exchangeHelpers.ts';
import { stubExportWorkers } from './exportWorkerFake.ts';

// Issue 9: the export reads its records a chunk at a time and writes each record's canonical
// JSON while the next chunk is read. The file must stay byte for byte what serialising the whole
// envelope at once wrote (the same records, key, bundle id, time and sequence), across chunks,
// record types and conflict siblings.

const COUNT = 2_300; // three chunks of the export's reads
const AT = '2026-11-21T00:00:00.000Z';
let station: TestStation;

afterEach(() => vi.unstubAllGlobals());

beforeEach(async () => {
  station = await createStation(departmentForm);
  const { id } = (await loadStation())!;
  const incidents = generateDemoIncidents(COUNT, ['00000000-0000-4000-8000-00000000a001'], {
    seed: 3,
  }).map((data) => createStoredRecord('incident', data, id, AT));
  await station.db.incidents.bulkPut(incidents);
  await station.db.systems.put(
    createStoredRecord('system', { ...emptySystem(), name: '住民記録システム' }, id, AT),
  );
  // A conflict sibling on the record that ends the first chunk, and one on the last record.
  const sorted = [...incidents].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const record of [sorted[999]!, sorted.at(-1)!]) {
    const sibling = reviseStoredRecord(
      'incident',
      record,
      { ...pickData(record), cause: '別の端末での変更' } as never,
      id,
      '2026-11-22T00:00:00.000Z',
    );
    await exchangeTables(station.db).conflicts.put({
      type: 'incident',
      id: record.id,
      rev: sibling.rev,
      record: sibling,
    });
  }
});

/** The file as the export wrote it before issue 9's change: the whole envelope serialised once. */
async function wholeEnvelopeText(exported: UnsignedBundle): Promise<string> {
  const { conflicts } = exchangeTables(station.db);
  const siblings = await conflicts.toArray();
  const records: BundleRecord[] = [];
  for (const type of recordTypes)
    for (const row of (await station.db.recordTable(type).toArray()) as RecordOf<typeof type>[])
      records.push(
        toBundleRecord(
          type,
          row as never,
          siblings.filter((s) => s.type === type && s.id === row.id).map((s) => s.record) as never,
        ),
      );
  const unsigned = createBundle({
    issuer: exported.issuer,
    sequence: exported.sequence,
    kind: exported.kind,
    records,
    attachments: [],
    createdAt: exported.createdAt,
    bundleId: exported.bundleId,
    recordsFromStore: true,
  });
  return (await signAndSerializeBundle(unsigned, (await ensureStationKey()).privateKey)).text;
}

/** Exports everything and checks the file is byte for byte the whole envelope serialised once. */
async function expectSameBytesAsWholeEnvelope() {
  const result = (await exportBundle({ kind: 'full', types: [...recordTypes] }))!;
  await result.recorded;
  const { text } = result;
  expect(result.records).toBe(COUNT + 1);
  const parsed = JSON.parse(text) as UnsignedBundle & { records: BundleRecord[] };
  // In table order, as one read of each table gave them.
  const ids = parsed.records.filter((r) => r.type === 'incident').map((r) => r.id);
  expect(ids).toEqual([...ids].sort());
  expect(parsed.records.filter((r) => r.conflicts)).toHaveLength(2);
  const expected = await wholeEnvelopeText(parsed);
  // Where they part, if they do: a failing toBe would diff two 5 MB strings for minutes.
  let at = 0;
  while (at < text.length && text[at] === expected[at]) at++;
  expect(text.slice(at - 80, at + 80)).toBe(expected.slice(at - 80, at + 80));
  expect(text.length).toBe(expected.length);
  // What the screen hands to the download: the same text's UTF-8 bytes.
  const handedOver = joinBytes(result.file.parts as Uint8Array[]);
  expect(Buffer.compare(handedOver, utf8ToBytes(expected))).toBe(0);
}

describe('export read and written a chunk at a time', () => {
  it('writes the same bytes as serialising the whole envelope at once', async () => {
    expect(typeof Worker).toBe('undefined');
    await expectSameBytesAsWholeEnvelope();
  });

  it('writes the same bytes when two workers serialise half the records each', async () => {
    const workers = stubExportWorkers();
    await expectSameBytesAsWholeEnvelope();
    // Two shares that meet inside the incidents, in the file's order.
    const shares = workers.requests.flatMap((r) => (r.share ? [r.share] : []));
    expect(shares.map((share) => share.segments.map((s) => [s.type, s.from, s.to]))).toEqual([
      [
        ['system', null, null],
        ['incident', null, expect.any(String)],
      ],
      [
        ['incident', shares[0]!.segments[1]!.to, null],
        ...recordTypes.slice(2).map((type) => [type, null, null]),
      ],
    ]);
  });

  it('a delta begun at once after a full export, marks not awaited, finds nothing new', async () => {
    const full = await exportBundle({ kind: 'full', types: ['incident'] });
    expect(full?.records).toBe(COUNT);
    expect(await exportBundle({ kind: 'delta', types: ['incident'] })).toBeNull();
    expect((await station.db.settings.get('lastExportAt'))?.value).toMatch(/^\d{4}-/);
  });
});
