/**
 * What a write costs in Chromium's IndexedDB, by the shape of what is written (issue 9): the
 * same information as many small rows or as one row, with and without indexes. It showed that
 * an import pays mostly per ROW, not per byte or per index entry, which is why who signed each
 * version is one row per import (`revSignerSets`, Dexie version 8) and why the incident list's
 * one row per incident costs about as much as the incidents themselves (docs/performance.md).
 *
 *   COUNT=10000 RUNS=5 npx tsx scripts/bench-idb-rows.ts
 *
 * Raw IndexedDB on the app's origin (no Dexie, no app code): one read-write transaction per
 * case, puts issued in batches of 1,000 as the import issues them, timed to `complete`. Prints
 * the median of RUNS per case; asserts nothing.
 */
import { launchChromium, OFFICE_CONTEXT } from '../tests/e2e/browser.ts';
import { startBenchSite } from './benchExchange.ts';

const COUNT = Number(process.env.COUNT ?? 10_000);
const RUNS = Number(process.env.RUNS ?? 5);

/** Runs in the page: every case RUNS times, alternating, each into a fresh database. */
async function measureInPage(input: { count: number; runs: number }): Promise<[string, number][]> {
  const { count, runs } = input;
  type Setup = (db: IDBDatabase) => void;
  const open = (name: string, setup: Setup) =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => setup(request.result);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  let databases = 0;
  async function timeWrite(setup: Setup, rows: unknown[]): Promise<number> {
    const name = `bench-rows-${databases++}`;
    const db = await open(name, setup);
    const started = performance.now();
    const tx = db.transaction('rows', 'readwrite');
    const store = tx.objectStore('rows');
    for (let from = 0; from < rows.length; from += 1000)
      await new Promise<void>((resolve, reject) => {
        let last: IDBRequest | null = null;
        for (const row of rows.slice(from, from + 1000)) last = store.put(row);
        last!.onsuccess = () => resolve();
        last!.onerror = () => reject(last!.error);
      });
    await new Promise<void>((resolve) => (tx.oncomplete = () => resolve()));
    const ms = performance.now() - started;
    db.close();
    indexedDB.deleteDatabase(name);
    return ms;
  }
  const store = (keyPath: string | string[], indexes: [string, string, boolean?][] = []) =>
    ((db: IDBDatabase) => {
      const created = db.createObjectStore('rows', { keyPath });
      for (const [name, path, multiEntry] of indexes)
        created.createIndex(name, path, { multiEntry: multiEntry ?? false });
    }) satisfies Setup;
  const ids = Array.from(
    { length: count },
    (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  );
  const rev = '1-0123456789abcdef0123456789abcdef';
  const signer = {
    source: 'key',
    label: '情報システム課',
    role: 'it-section',
    keyId: '0123456789abcdef',
  };
  const keys = ids.map((id) => `incident/${id}/${rev}`);
  const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  const text = '窓口で証明書が印刷できない'.repeat(30);
  const body = '住民票の写しの発行で帳票が出力されず、窓口に待ちが出た。'.repeat(40);
  const listRows = ids.map((id, i) => {
    return { id, rev, occurredAt: at(i * 7), updatedAt: at(i), title: '証明書', text };
  });
  const cases: [string, Setup, unknown[]][] = [
    [
      `${count} rows: who signed each version (key [type+id+rev], index importSeq)`,
      store(['type', 'id', 'rev'], [['importSeq', 'importSeq']]),
      ids.map((id) => ({ type: 'incident', id, rev, signer, importSeq: 1 })),
    ],
    [
      `1 row listing ${count} versions (multi-entry index *revs)`,
      store('importSeq', [['revs', 'revs', true]]),
      [{ importSeq: 1, signer, revs: keys }],
    ],
    [
      `1 row listing ${count} versions (no index)`,
      store('importSeq'),
      [{ importSeq: 1, signer, revs: keys }],
    ],
    [
      `${count} list rows of 0.5 KB (2 indexes)`,
      store('id', [
        ['occurredAt', 'occurredAt'],
        ['updatedAt', 'updatedAt'],
      ]),
      listRows,
    ],
    [`${count} list rows of 0.5 KB (no index)`, store('id'), listRows],
    [
      `${Math.ceil(count / 1000)} rows of 1,000 list rows each (no index)`,
      store('seq'),
      Array.from({ length: Math.ceil(count / 1000) }, (_, seq) => ({
        seq,
        rows: listRows.slice(seq * 1000, seq * 1000 + 1000),
      })),
    ],
    [
      `${count} records of 2.3 KB (5 indexes, as incidents)`,
      store(
        'id',
        ['occurredAt', 'updatedAt', 'status', 'systemId', 'level'].map((k) => [k, k]),
      ),
      ids.map((id, i) => ({
        id,
        rev,
        occurredAt: at(i * 7),
        updatedAt: at(i),
        status: 'resolved',
        systemId: `system-${i % 7}`,
        level: i % 4,
        body,
      })),
    ],
  ];
  const times = cases.map(() => [] as number[]);
  for (let run = 0; run < runs; run++)
    for (const [i, [, setup, rows]] of cases.entries())
      times[i]!.push(await timeWrite(setup, rows));
  return cases.map(([label], i) => {
    const sorted = [...times[i]!].sort((a, b) => a - b);
    return [label, sorted[sorted.length >> 1]!];
  });
}

const site = await startBenchSite(process.env.SONAE_DIST ?? 'dist');
const browser = await launchChromium();
try {
  const page = await (await browser.newContext(OFFICE_CONTEXT)).newPage();
  // Any page of the app's origin: IndexedDB belongs to the origin. tsx names functions through
  // a helper the page lacks; define it before the function is sent.
  await page.goto(site.appUrl);
  await page.evaluate('globalThis.__name = (f) => f');
  const results = await page.evaluate(measureInPage, { count: COUNT, runs: RUNS });
  console.log(`IndexedDB writes in Chromium, median of ${RUNS} (one transaction each):`);
  for (const [label, ms] of results)
    console.log(`${String(Math.round(ms)).padStart(7)} ms  ${label}`);
} finally {
  await browser.close();
  await site.close();
}
