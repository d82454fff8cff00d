import type { Page } from 'playwright-core';
import { generateDemoIncidents } from '../../src/demo/demoMunicipality.ts';
import { createStoredRecord } from '../../src/domain/storedRecord.ts';

/**
 * Large incident logs for the speed test and `npm run bench:incidents`, written straight into the
 * page's IndexedDB (as a bulk import would leave them, but in seconds): 20 demo incidents made
 * properly in Node, cloned in the page. Incident `i` carries the error code `E-<i>` and occurred
 * 25 minutes before incident `i - 1`, so a query's hit count is known without the app's help.
 * Only the incident table is written: the app notices its list rows are missing and rebuilds them
 * on the next open of 障害記録 (src/db/incidentListStore.ts), as after an older build wrote there.
 */
export async function seedIncidents(page: Page, count: number): Promise<void> {
  await definePageNameHelper(page);
  const { stationId, systemIds } = await page.evaluate(readStationInPage);
  const at = new Date().toISOString();
  const templates = generateDemoIncidents(20, systemIds, { seed: 42, spanDays: 30 }).map((data) =>
    createStoredRecord('incident', data, stationId, at),
  );
  await page.evaluate(writeClonesInPage, { templates, count, at });
}

/** How many of `count` seeded incidents a query for an `E-<digits>` code finds. */
export function expectedCodeHits(code: string, count: number): number {
  let hits = 0;
  for (let i = 0; i < count; i += 1) if (`E-${i}`.includes(code)) hits += 1;
  return hits;
}

/**
 * tsx (which runs the benchmark) compiles with esbuild's keepNames, wrapping inner functions in
 * `__name(…)`; a function serialised into the page then needs that helper there too.
 */
export async function definePageNameHelper(page: Page): Promise<void> {
  await page.evaluate('globalThis.__name ??= (fn) => fn');
}

/**
 * `count` demo incidents made properly in Node (valid revs, as another department's PC made
 * them), written straight into the page's database: a file exported from it imports anywhere.
 */
export async function writeValidIncidents(page: Page, count: number, seed = 9): Promise<void> {
  await definePageNameHelper(page);
  const at = new Date().toISOString();
  const systemId = '00000000-0000-4000-8000-00000000a001';
  const stationId = '00000000-0000-4000-8000-00000000b001';
  const records = generateDemoIncidents(count, [systemId], { seed }).map((data) =>
    createStoredRecord('incident', data, stationId, at),
  );
  await page.evaluate(writeIncidentsInPage, records);
}

// The functions below run in the page (serialised by Playwright): self-contained, no imports.

/** The station id and system ids the demo data gave the page's database (for page.evaluate). */
export function readStationInPage(): Promise<{ stationId: string; systemIds: string[] }> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(`sonae:${location.pathname.toLowerCase()}`);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(['settings', 'systems'], 'readonly');
      const station = tx.objectStore('settings').get('station');
      const systems = tx.objectStore('systems').getAllKeys();
      tx.oncomplete = () => {
        open.result.close();
        resolve({
          stationId: (station.result as { value: { id: string } }).value.id,
          systemIds: systems.result as string[],
        });
      };
    };
  });
}

function writeClonesInPage(args: {
  templates: Record<string, unknown>[];
  count: number;
  at: string;
}): Promise<void> {
  const { templates, count, at } = args;
  const newest = Date.parse(at);
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(`sonae:${location.pathname.toLowerCase()}`);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const write = (from: number) => {
        if (from >= count) {
          db.close();
          resolve();
          return;
        }
        const tx = db.transaction('incidents', 'readwrite');
        const store = tx.objectStore('incidents');
        if (from === 0) store.clear();
        for (let i = from; i < Math.min(count, from + 5000); i += 1) {
          const template = templates[i % templates.length]!;
          store.put({
            ...template,
            id: `00000000-0000-4000-8000-${hex(i, 12)}`,
            rev: `1-${hex(i, 32)}`,
            title: `${String(template.title)}（${i + 1}）`,
            errorMessage: `E-${i} ${String(template.errorMessage)}`.trim(),
            occurredAt: new Date(newest - i * 25 * 60_000).toISOString(),
            detectedAt: null,
          });
        }
        tx.oncomplete = () => write(from + 5000);
        tx.onerror = () => reject(tx.error);
      };
      write(0);
    };
  });
}

/** Writes whole records into the page's incident table (for page.evaluate). */
export function writeIncidentsInPage(records: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(`sonae:${location.pathname.toLowerCase()}`);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('incidents', 'readwrite');
      for (const record of records) tx.objectStore('incidents').put(record);
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}
