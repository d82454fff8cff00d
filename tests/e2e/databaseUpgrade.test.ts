import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppSession } from './browser.ts';
import { schemaVersions } from '../../src/db/database.ts';
import { databaseNameForPath } from '../../src/db/databaseName.ts';
import { createStoredRecord } from '../../src/domain/storedRecord.ts';
import { emptySystem } from '../../src/domain/system.ts';
import { emptyIncident } from '../../src/domain/incident.ts';

// A PC whose database was written by an old build (Dexie version 2: before record versions and
// station roles) opens the new build: the record upgrades, which the first screen does not carry
// (issue 9), are loaded before the database opens, and only then.

const BASE = '/city/sonae/';

/** Dexie's store strings of every version up to `upTo`, merged (a null deletes a store). */
function storesUpTo(upTo: number): Record<string, string> {
  const stores: Record<string, string> = {};
  for (const { version, stores: declared } of schemaVersions)
    if (version <= upTo)
      for (const [name, spec] of Object.entries(declared))
        if (spec === null) delete stores[name];
        else stores[name] = spec;
  return stores;
}

describe('a database written by an older build', () => {
  let app: AppSession;
  const upgradeChunks: string[] = [];

  beforeAll(async () => {
    app = await openApp(BASE);
    app.page.on('request', (request) => {
      if (/\/recordUpgrades-[^/]*\.js$/.test(request.url())) upgradeChunks.push(request.url());
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('is upgraded on the first open, with the upgrades loaded for it and never again', async () => {
    const { page, server, watch } = app;
    const system = createStoredRecord(
      'system',
      { ...emptySystem(), name: '旧版で登録した住基システム' },
      'old-station',
      '2025-04-01T00:00:00.000Z',
    );
    const { schemaVersion: _dropped, ...oldSystem } = system;
    const incident = createStoredRecord(
      'incident',
      emptyIncident({
        title: '旧版で記録した帳票の印刷障害',
        systemId: system.id,
        occurredAt: '2025-04-02T00:30:00.000Z',
      }),
      'old-station',
      '2025-04-02T00:30:00.000Z',
    );
    const { schemaVersion: _droppedToo, ...oldIncident } = incident;
    // A page of the app's origin that does not start the app, to write the old database first
    // (Chromium asks for /favicon.ico for it, which the server does not have).
    await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
    await page.goto(new URL('favicon.svg', server.url).href);
    await page.evaluate(
      async ({ name, stores, rows }) => {
        await new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(name, 20); // Dexie version 2
          open.onupgradeneeded = () => {
            const db = open.result;
            for (const [store, spec] of Object.entries(stores)) {
              const [primary, ...indexes] = spec.split(',').map((s) => s.trim());
              const keyPath = primary!.replace(/^\+\+/, '');
              const os = db.createObjectStore(store, {
                keyPath: keyPath.startsWith('[') ? keyPath.slice(1, -1).split('+') : keyPath,
                autoIncrement: primary!.startsWith('++'),
              });
              for (const index of indexes.filter(Boolean)) {
                const multiEntry = index.startsWith('*');
                const path = index.replace(/^[*&]/, '');
                os.createIndex(path, path.startsWith('[') ? path.slice(1, -1).split('+') : path, {
                  multiEntry,
                  unique: index.startsWith('&'),
                });
              }
            }
          };
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(Object.keys(rows), 'readwrite');
            for (const [store, list] of Object.entries(rows))
              for (const row of list) tx.objectStore(store).put(row);
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        });
      },
      {
        name: databaseNameForPath(BASE),
        stores: storesUpTo(2),
        rows: {
          systems: [oldSystem],
          incidents: [oldIncident],
          settings: [
            {
              key: 'station',
              // No role: stations had none before Dexie version 3.
              value: {
                id: 'old-station',
                municipality: '旧版市',
                department: '情報政策課',
                terminal: '管理PC-01',
                staffName: '',
              },
            },
          ],
          audit: [
            {
              at: '2025-04-01T00:00:00.000Z',
              stationId: 'old-station',
              action: 'demo',
              summary: '',
            },
          ],
        },
      },
    );

    await page.goto(server.url);
    await page.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
    await page.getByText('旧版で登録した住基システム').first().waitFor();
    expect(upgradeChunks).toHaveLength(1);
    // The station got its role (a demo station is the IT section's) and the record its version.
    const stored = await page.evaluate(
      (name) =>
        new Promise<[unknown, unknown]>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onsuccess = () => {
            const tx = open.result.transaction(['settings', 'systems'], 'readonly');
            const station = tx.objectStore('settings').get('station');
            const systems = tx.objectStore('systems').getAll();
            tx.oncomplete = () => {
              resolve([
                (station.result as { value: { role: string } }).value.role,
                (systems.result as { schemaVersion: string }[])[0]!.schemaVersion,
              ]);
              open.result.close();
            };
          };
          open.onerror = () => reject(open.error);
        }),
      databaseNameForPath(BASE),
    );
    expect(stored).toEqual(['it-section', system.schemaVersion]);

    // The incident log's rows are not built by the upgrade but by the log's first read.
    await page.goto(`${server.url}#/incidents`);
    await page.getByText('旧版で記録した帳票の印刷障害').waitFor();
    await page.getByLabel('キーワード').fill('帳票');
    await expect.poll(() => page.locator('.result-count').textContent()).toContain('1件');

    // Now current: a reload does not load the upgrades again.
    await page.goto(server.url);
    await page.reload();
    await page.getByText('旧版で登録した住基システム').first().waitFor();
    expect(upgradeChunks).toHaveLength(1);
    expect(watch.problems).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });
});
