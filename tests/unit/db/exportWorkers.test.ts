import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportBundle } from '../../../src/db/exchangeExport.ts';
import { exchangeTables } from '../../../src/db/exchangeTables.ts';
import {
  collectRecords,
  prepareExportWorkers,
  releaseExportWorkers,
  SHARE_FROM_RECORDS,
  type Collected,
} from '../../../src/db/exportRecords.ts';
import { getDatabase } from '../../../src/db/instance.ts';
import { ensureStationKey } from '../../../src/db/keyStore.ts';
import { loadStation } from '../../../src/db/station.ts';
import { generateDemoIncidents } from '../../../src/demo/demoMunicipality.ts';
import { recordTypes } from '../../../src/domain/recordTypes.ts';
import { createStoredRecord } from '../../../src/domain/storedRecord.ts';
import { joinBytes } from '../../../src/exchange/age/ageStream.ts';
import { verifySignedFile } from '../../../src/exchange/bundleSignature.ts';
import type { Bundle } from '../../../src/exchange/bundleFormat.ts';
import { derivePublicKey } from '../../../src/exchange/keys.ts';
import { createStation, departmentForm } from './exchangeHelpers.ts';
import { serialiseShare } from '../../../src/db/exportWorker/serialiseRecords.ts';
import { stubExportWorkers, type FakeBehaviour } from './exportWorkerFake.ts';

// Issue 9: the export's records are serialised in two workers, half each, where the page can
// start workers, and on the page where it cannot (or a worker fails). Whichever did the work,
// the file's records, the marks for the next delta and the attachments sent must be the same.

const COUNT = SHARE_FROM_RECORDS + 300;
const AT = '2026-11-21T00:00:00.000Z';
const ALL = { kind: 'full', types: [...recordTypes] } as const;
let ids: string[];

afterEach(() => {
  releaseExportWorkers();
  vi.unstubAllGlobals();
});

beforeEach(async () => {
  const station = await createStation(departmentForm);
  const { id } = (await loadStation())!;
  const incidents = generateDemoIncidents(COUNT, ['00000000-0000-4000-8000-00000000a001'], {
    seed: 5,
  }).map((data) => createStoredRecord('incident', data, id, AT));
  // Attachment references on records in both halves (the bytes need not be on this PC).
  for (const [i, at] of [3, COUNT - 3].entries())
    Object.assign(incidents[at]!, { attachments: [{ id: `attachment-${i}` }] });
  await station.db.incidents.bulkPut(incidents);
  ids = incidents.map((r) => r.id).sort();
});

/** What collectRecords gives, in a form to compare (the parts joined as the signature joins them). */
async function collected(options: Parameters<typeof collectRecords>[0] = ALL) {
  const done: Collected = await collectRecords(options);
  return {
    text: done.json.map((part) => new TextDecoder().decode(part)).join(','),
    count: done.count,
    exported: done.exported(),
    attachmentIds: [...done.attachmentIds].sort(),
  };
}

/** Compares without diffing megabytes when they differ. */
function expectSame(actual: Awaited<ReturnType<typeof collected>>, expected: typeof actual) {
  expect(actual.text.length).toBe(expected.text.length);
  expect(actual.text === expected.text).toBe(true);
  expect({ ...actual, text: '' }).toEqual({ ...expected, text: '' });
}

async function onThePage(options: Parameters<typeof collectRecords>[0] = ALL) {
  vi.stubGlobal('Worker', undefined);
  const result = await collected(options);
  vi.unstubAllGlobals();
  return result;
}

describe('the export in workers', () => {
  it('two workers give the same records, marks and attachments as the page alone', async () => {
    const page = await onThePage();
    expect(page.count).toBe(COUNT);
    expect(page.attachmentIds).toEqual(['attachment-0', 'attachment-1']);
    const workers = stubExportWorkers();
    const shared = await collected();
    expect(workers.requests.filter((r) => r.share)).toHaveLength(2);
    expectSame(shared, page);
  });

  it('a delta leaves out what was exported before, the same in workers as on the page', async () => {
    // Marks for every other record, as an earlier export from this PC left them.
    const { exportedRevs } = exchangeTables(getDatabase());
    const stored = await getDatabase().incidents.toArray();
    await exportedRevs.bulkPut(
      stored
        .filter((_, i) => i % 2 === 0)
        .map((r) => ({ type: 'incident' as const, id: r.id, revs: [r.rev] })),
    );
    const delta = { kind: 'delta', types: ['incident'] } as const;
    const page = await onThePage(delta);
    expect(page.count).toBe(Math.floor(COUNT / 2));
    stubExportWorkers();
    const shared = await collected(delta);
    expectSame(shared, page);
  });

  it.each<FakeBehaviour>(['fails to load', 'replies with an error'])(
    'a worker that %s leaves its share to the page: the same bytes',
    async (behaviour) => {
      const page = await onThePage();
      const workers = stubExportWorkers(behaviour);
      const shared = await collected();
      expect(workers.requests.filter((r) => r.share)).toHaveLength(2);
      expect(workers.terminated).toBe(2);
      expectSame(shared, page);
    },
  );

  it('a page without Worker exports on its own thread, a file that verifies', async () => {
    vi.stubGlobal('Worker', undefined);
    const result = (await exportBundle(ALL))!;
    await result.recorded;
    const bytes = joinBytes(result.file.parts as Uint8Array[]);
    const bundle = JSON.parse(result.text) as Bundle;
    expect(result.records).toBe(COUNT);
    expect(bundle.records.map((r) => r.id)).toEqual(ids);
    const key = await ensureStationKey();
    expect(verifySignedFile(bytes, bundle, derivePublicKey(key.privateKey))).toBe(true);
    // The marks were written from what the page serialised: a delta finds nothing new.
    expect(await exportBundle({ ...ALL, kind: 'delta' })).toBeNull();
  });

  it('uses the workers warmed up when the screen opened, once, and ends them', async () => {
    const workers = stubExportWorkers();
    prepareExportWorkers();
    prepareExportWorkers(); // a second call while they wait starts none
    expect(workers.started).toBe(2);
    expect(workers.requests.every((r) => r.share === undefined && r.database)).toBe(true);
    await collected();
    expect(workers.started).toBe(2);
    expect(workers.terminated).toBe(2);
    prepareExportWorkers();
    releaseExportWorkers();
    expect(workers.started).toBe(4);
    expect(workers.terminated).toBe(4);
  });

  it('a share holds exactly the records of its key ranges, with their siblings and marks', async () => {
    const db = getDatabase();
    const stored = await db.incidents.bulkGet([ids[10]!, ids[20]!]);
    // Siblings and marks on the first record in the range and on the first one after it.
    for (const record of stored)
      await exchangeTables(db).conflicts.put({
        type: 'incident',
        id: record!.id,
        rev: `2-${'a'.repeat(32)}`,
        record: { ...record!, rev: `2-${'a'.repeat(32)}` },
      });
    await exchangeTables(db).exportedRevs.put({ type: 'incident', id: ids[20]!, revs: ['x'] });
    const share = (from: number | null, to: number | null) =>
      serialiseShare(db.backendDB(), {
        kind: 'full',
        segments: [
          {
            type: 'incident',
            store: 'incidents',
            from: from === null ? null : ids[from]!,
            to: to === null ? null : ids[to]!,
          },
        ],
      });
    const idsOf = (done: Awaited<ReturnType<typeof share>>) =>
      (
        JSON.parse(`[${done.parts.map((p) => new TextDecoder().decode(p)).join(',')}]`) as {
          id: string;
          conflicts?: unknown[];
        }[]
      ).map((r) => (r.conflicts ? `${r.id}+${r.conflicts.length}` : r.id));
    expect(idsOf(await share(10, 20))).toEqual([`${ids[10]}+1`, ...ids.slice(11, 20)]);
    expect(idsOf(await share(null, 11))).toEqual([...ids.slice(0, 10), `${ids[10]}+1`]);
    const rest = await share(COUNT - 5, null);
    expect(idsOf(rest)).toEqual(ids.slice(COUNT - 5));
    const marked = await share(20, 21);
    expect(JSON.parse(marked.exported)).toEqual([
      { type: 'incident', id: ids[20], revs: [stored[1]!.rev, `2-${'a'.repeat(32)}`] },
    ]);
  });

  it('keeps a small export on the page: no worker', async () => {
    const workers = stubExportWorkers();
    const few = await collected({ kind: 'full', types: ['system'] });
    expect(few.count).toBe(0);
    expect(workers.started).toBe(0);
  });
});
