/**
 * Browser side of `scripts/bench-export.ts STEPS=1`: the steps of an export of `count` demo
 * incidents timed one by one in the page, on the database the exchange benchmark prepares
 * (reading, the bundle form, canonical JSON, UTF-8, Ed25519, the Blob), each the median of
 * `runs`, to see where the click → download time goes. Asserts nothing.
 */
import { SonaeDatabase } from '../src/db/database.ts';
import { setDatabase } from '../src/db/instance.ts';
import { ensureStationKey } from '../src/db/keyStore.ts';
import { loadStation } from '../src/db/station.ts';
import { exportBundle } from '../src/db/exchangeExport.ts';
import { collectRecords, prepareExportWorkers } from '../src/db/exportRecords.ts';
import { canonicalJson } from '../src/domain/canonicalJson.ts';
import type { RecordOf } from '../src/domain/recordSchemas.ts';
import { toBundleRecord } from '../src/exchange/bundleRecord.ts';
import { signBytesAsync } from '../src/exchange/webCryptoEd25519.ts';
import './benchExchangePage.ts';
import { timedMedian } from './benchTiming.ts';

const timed = timedMedian;

type Setup = { setUpSender(name: string, count: number): Promise<unknown> };

async function steps(count: number, runs: number) {
  const setup = (window as unknown as { sonaeBench: Setup }).sonaeBench;
  await setup.setUpSender('sonae-bench-export-steps', count);
  const db = new SonaeDatabase('sonae-bench-export-steps');
  setDatabase(db);
  const out: Record<string, number> = {};
  [out.stationAndKey] = await timed(runs, async () => [
    await loadStation(),
    await ensureStationKey(),
  ]);
  const key = await ensureStationKey();
  const [readAll, rows] = await timed(runs, () =>
    db.transaction('r', db.incidents, () => db.incidents.toArray()),
  );
  out.readAll = readAll;
  [out.readKeys] = await timed(runs, () =>
    db.transaction('r', db.incidents, () => db.incidents.toCollection().primaryKeys()),
  );
  for (const size of [500, 2000]) {
    [out[`readChunked${size}`]] = await timed(runs, () =>
      db.transaction('r', db.incidents, async () => {
        const keys = await db.incidents.toCollection().primaryKeys();
        const parts: Promise<unknown[]>[] = [];
        for (let at = 0; at < keys.length; at += size) {
          const next = keys[at + size];
          const range =
            next === undefined
              ? db.incidents.where(':id').aboveOrEqual(keys[at]!)
              : db.incidents.where(':id').between(keys[at]!, next, true, false);
          parts.push(range.toArray());
        }
        return (await Promise.all(parts)).flat();
      }),
    );
  }
  // Raw IndexedDB: the backend's time (request → success event) apart from deserialising.
  const backend: number[] = [];
  const deserialise: number[] = [];
  for (let i = 0; i < runs; i++) {
    const idb = db.backendDB();
    await new Promise<void>((resolve, reject) => {
      const started = performance.now();
      const request = idb.transaction('incidents', 'readonly').objectStore('incidents').getAll();
      request.onsuccess = () => {
        const arrived = performance.now();
        const length = (request.result as unknown[]).length;
        deserialise.push(performance.now() - arrived);
        backend.push(arrived - started);
        resolve(void length);
      };
      request.onerror = () => reject(request.error);
    });
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
  out.rawBackend = median(backend);
  out.rawDeserialise = median(deserialise);
  const records = rows as RecordOf<'incident'>[];
  const [bundleForm, bundled] = await timed(runs, () =>
    records.map((r) => toBundleRecord('incident', r)),
  );
  out.bundleForm = bundleForm;
  const envelope = { attachments: [], bundleId: 'x', records: bundled, sequence: 1 };
  const [canonical, text] = await timed(runs, () => canonicalJson(envelope));
  out.canonical = canonical;
  [out.stringifyOnly] = await timed(runs, () => JSON.stringify(envelope));
  [out.perRecordCanonical] = await timed(runs, () =>
    bundled.map((r) => canonicalJson(r)).join(','),
  );
  const [encode, bytes] = await timed(runs, () => new TextEncoder().encode(text));
  out.encode = encode;
  [out.sign] = await timed(runs, () => signBytesAsync(bytes, key.privateKey));
  [out.blobOfString] = await timed(runs, () => new Blob([text]).size);
  [out.blobOfBytes] = await timed(runs, () => new Blob([bytes]).size);
  [out.decode] = await timed(runs, () => new TextDecoder().decode(bytes).length);
  // The export as it is now: the records read and serialised a chunk at a time, then the whole
  // of exportBundle (each run waits, untimed, for the marks and 持ち出し記録 it left going).
  // The records' part alone: on the page (no worker), in workers started by the call (cold), and
  // in workers warmed up a second before (as the export screen does when it opens).
  const full = { kind: 'full', types: ['incident'] } as const;
  const noWorker = globalThis.Worker;
  [out.collectOnPage] = await timed(runs, async () => {
    Object.assign(globalThis, { Worker: undefined });
    try {
      return await collectRecords(full);
    } finally {
      Object.assign(globalThis, { Worker: noWorker });
    }
  });
  [out.collectColdWorkers] = await timed(runs, () => collectRecords(full));
  const warmTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    prepareExportWorkers();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const started = performance.now();
    await collectRecords(full);
    warmTimes.push(performance.now() - started);
  }
  out.collectWarmWorkers = [...warmTimes].sort((a, b) => a - b)[warmTimes.length >> 1]!;
  const exports: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = await exportBundle({ kind: 'full', types: ['incident'] });
    exports.push(performance.now() - started);
    await Promise.all([result?.recorded, result?.released]);
  }
  out.exportBundle = [...exports].sort((a, b) => a - b)[exports.length >> 1]!;
  return out;
}

Object.assign(window, {
  sonaeExportBench: { steps },
});
