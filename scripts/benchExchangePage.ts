/**
 * Browser side of the exchange benchmark (scripts/benchExchange.ts), bundled by Vite and served
 * on the app's own origin, so it can prepare the app's database directly: a department PC with
 * `count` incidents (the sender) or an IT-section PC trusting that department's key (the
 * receiver). Nothing here is timed except the floors: the same rows written by a bare Dexie
 * bulkPut, and JSON.parse of the file that the app imported.
 */
import { Dexie } from 'dexie';
import { SonaeDatabase, schemaVersions } from '../src/db/database.ts';
import { INCIDENT_LIST_TABLE } from '../src/db/incidentListStore.ts';
import { incidentListRowOf } from '../src/domain/incidentSearch.ts';
import { setDatabase } from '../src/db/instance.ts';
import { saveStation } from '../src/db/station.ts';
import { ensureStationKey, trustKey } from '../src/db/keyStore.ts';
import { generateDemoIncidents } from '../src/demo/demoMunicipality.ts';
import { createStoredRecord } from '../src/domain/storedRecord.ts';
import { createId } from '../src/domain/ids.ts';
import { hasNativeEd25519 } from '../src/exchange/webCryptoEd25519.ts';

/** The rows every figure is about: `count` demo incidents, the same for every run (seeded). */
function benchIncidents(count: number, stationId: string) {
  const at = '2026-11-01T00:00:00.000Z';
  const systemIds = Array.from(
    { length: 12 },
    (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  );
  const data = generateDemoIncidents(count, systemIds, {
    seed: 7,
    spanDays: 365 * 3,
    now: new Date('2026-11-01T09:00:00+09:00'),
  });
  return data.map((fields) => createStoredRecord('incident', fields, stationId, at));
}

async function freshDatabase(name: string): Promise<SonaeDatabase> {
  await Dexie.delete(name);
  const db = new SonaeDatabase(name);
  setDatabase(db);
  return db;
}

/** The department PC: a station, its key and `count` incidents. Returns what the receiver trusts. */
async function setUpSender(databaseName: string, count: number) {
  const db = await freshDatabase(databaseName);
  const station = await saveStation({
    municipality: '架空市',
    department: '市民課',
    terminal: '窓口PC-01',
    staffName: '',
    role: 'department',
  });
  const records = benchIncidents(count, station.id);
  for (let at = 0; at < records.length; at += 5000)
    await db.incidents.bulkPut(records.slice(at, at + 5000));
  const key = await ensureStationKey();
  db.close();
  return {
    publicKeyPem: key.publicKeyPem,
    fingerprint: key.fingerprint,
    compactJsonBytes: new TextEncoder().encode(JSON.stringify(records)).length,
  };
}

/** The IT section's PC, trusting the department's key. */
async function setUpReceiver(databaseName: string, publicKeyPem: string, fingerprint: string) {
  const db = await freshDatabase(databaseName);
  await saveStation({
    municipality: '架空市',
    department: '情報政策課',
    terminal: '管理PC-01',
    staffName: '',
    role: 'it-section',
  });
  const trusted = await trustKey({
    publicKeyPem,
    label: '市民課',
    role: 'department',
    confirmedFingerprint: fingerprint,
  });
  db.close();
  if (!trusted.ok) throw new Error(`trustKey: ${JSON.stringify(trusted)}`);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/**
 * The floors, measured in this page: JSON.parse of the chosen file, and the same `count` rows
 * written by one bare Dexie bulkPut into a table with the incidents' indexes (no list rows, no
 * snapshot, no audit), into a database of its own.
 */
async function measureFloors(count: number, runs: number) {
  const input = document.querySelector<HTMLInputElement>('#file')!;
  const text = await input.files![0]!.text();
  const parse: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    JSON.parse(text);
    parse.push(performance.now() - started);
  }
  const rows = benchIncidents(count, createId());
  const bulkPut: number[] = [];
  for (let i = 0; i < runs; i++) {
    await Dexie.delete('sonae-bench-floor');
    const floor = new Dexie('sonae-bench-floor');
    floor.version(1).stores({ incidents: schemaVersions[0]!.stores.incidents! });
    await floor.open();
    const started = performance.now();
    await floor.table('incidents').bulkPut(rows);
    bulkPut.push(performance.now() - started);
    floor.close();
  }
  await Dexie.delete('sonae-bench-floor');
  return { parseMs: median(parse), bulkPutMs: median(bulkPut), nativeEd25519: hasNativeEd25519() };
}

/**
 * The department PC of setUpSender as a build of Dexie version 9 left it (before the list became
 * segments, issue 9): every table but the segments, and one list row per incident. The app's next
 * open runs the upgrade to version 10 (scripts/bench-upgrade.ts times it).
 */
async function setUpVersion9(databaseName: string, count: number) {
  await setUpSender(databaseName, count);
  const current = new SonaeDatabase(databaseName);
  await current.open();
  const tables = new Map<string, unknown[]>();
  for (const table of current.tables)
    if (table.name !== INCIDENT_LIST_TABLE) tables.set(table.name, await table.toArray());
  current.close();
  await Dexie.delete(databaseName);
  const old = new Dexie(databaseName);
  for (const { version, stores } of schemaVersions.filter((v) => v.version <= 9))
    old.version(version).stores(stores);
  await old.open();
  for (const [name, rows] of tables) await old.table(name).bulkPut(rows);
  const incidents = tables.get('incidents') as Parameters<typeof incidentListRowOf>[0][];
  await old.table('incidentList').bulkPut(incidents.map((record) => incidentListRowOf(record)));
  old.close();
}

Object.assign(window, {
  sonaeBench: { setUpSender, setUpReceiver, measureFloors, setUpVersion9 },
});
document.body.dataset.ready = 'true';
