/**
 * Browser side of scripts/bench-exchange.ts, bundled by Vite and run in real Chromium:
 * export 10,000 incidents, import them (parse + verify + validate + merge + one transaction)
 * into a second database, and write the same records with a bare bulkPut for comparison.
 */
import { SonaeDatabase } from '../src/db/database.ts';
import { setDatabase } from '../src/db/instance.ts';
import { saveStation } from '../src/db/station.ts';
import { ensureStationKey, trustKey, type StationKey } from '../src/db/keyStore.ts';
import { exportBundle } from '../src/db/exchangeExport.ts';
import { applyImport, prepareImport } from '../src/db/exchangeImport.ts';
import { generateDemoIncidents } from '../src/demo/demoMunicipality.ts';
import { createStoredRecord } from '../src/domain/storedRecord.ts';
import { createId } from '../src/domain/ids.ts';

export interface BenchFigures {
  count: number;
  fileBytes: number;
  exportMs: number;
  prepareMs: number;
  applyMs: number;
  importMs: number;
  reimportMs: number;
  bareMs: number;
}

async function freshDatabase(name: string): Promise<SonaeDatabase> {
  await SonaeDatabase.delete(name);
  const db = new SonaeDatabase(name);
  setDatabase(db);
  return db;
}

/** A fresh receiving station (the IT section) that trusts the sending department's key. */
async function openReceiver(name: string, senderKey: StationKey): Promise<void> {
  await freshDatabase(name);
  await saveStation({
    municipality: '架空市',
    department: '情報政策課',
    terminal: '管理PC',
    staffName: '',
    role: 'it-section',
  });
  await trustKey({
    publicKeyPem: senderKey.publicKeyPem,
    label: '市民課',
    role: 'department',
    confirmedFingerprint: senderKey.fingerprint,
  });
}

async function run(count: number): Promise<BenchFigures> {
  // The exporting station (a department PC) with `count` incidents.
  const sender = await freshDatabase('bench-sender');
  const station = await saveStation({
    municipality: '架空市',
    department: '市民課',
    terminal: 'PC-01',
    staffName: '',
    role: 'department',
  });
  const systemIds = Array.from({ length: 12 }, () => createId());
  const at = new Date().toISOString();
  const records = generateDemoIncidents(count, systemIds, { seed: 7, spanDays: 365 * 3 }).map(
    (data) => createStoredRecord('incident', data, station.id, at),
  );
  await sender.incidents.bulkPut(records);
  const key = await ensureStationKey();

  let started = performance.now();
  const file = await exportBundle({ kind: 'full', types: ['incident'] });
  const exportMs = performance.now() - started;
  const bytes = new TextEncoder().encode(file!.text);

  // The receiving station (the IT section), trusting the sender's key.
  await openReceiver('bench-receiver', key);

  started = performance.now();
  const prepared = await prepareImport(file!.fileName, bytes);
  const prepareMs = performance.now() - started;
  if (!prepared.ok) throw new Error(`refused: ${prepared.error.kind}`);
  started = performance.now();
  const applied = await applyImport(prepared.preview);
  const applyMs = performance.now() - started;
  if (applied.counts.new !== count) throw new Error(`imported ${applied.counts.new} of ${count}`);

  // The next file from the same sender holding the same records: everything unchanged.
  setDatabase(sender);
  const again = await exportBundle({ kind: 'full', types: ['incident'] });
  await openReceiver('bench-receiver-2', key);
  const first = await prepareImport('1', bytes);
  if (first.ok) await applyImport(first.preview);
  started = performance.now();
  const second = await prepareImport(again!.fileName, new TextEncoder().encode(again!.text));
  if (!second.ok) throw new Error(`refused: ${second.error.kind}`);
  await applyImport(second.preview);
  const reimportMs = performance.now() - started;

  // The same records written by a bare Dexie bulkPut.
  const bare = await freshDatabase('bench-bare');
  started = performance.now();
  await bare.incidents.bulkPut(records);
  const bareMs = performance.now() - started;

  return {
    count,
    fileBytes: bytes.length,
    exportMs,
    prepareMs,
    applyMs,
    importMs: prepareMs + applyMs,
    reimportMs,
    bareMs,
  };
}

(window as unknown as { runBench: typeof run }).runBench = run;
