import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { SonaeDatabase } from '../../../src/db/database.ts';
import { getDatabase, openAppDatabase, setDatabase } from '../../../src/db/instance.ts';
import { LEGACY_DATABASE_NAME, databaseNameForPath } from '../../../src/db/databaseName.ts';
import { CARRY_OVER_KEY, LEGACY_CLAIM_KEY, readCarryOver } from '../../../src/db/carryOver.ts';
import { countDemoRecords, loadDemoData } from '../../../src/db/demoLoader.ts';
import { loadStation, saveStation } from '../../../src/db/station.ts';
import { ensureStationKey } from '../../../src/db/keyStore.ts';
import { demoStation } from '../../../src/demo/demoMunicipality.ts';

const opened: SonaeDatabase[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  vi.restoreAllMocks();
});

/** The app's database for `path` on one simulated browser profile (`indexedDB`). */
async function openCopy(indexedDB: IDBFactory, path: string): Promise<SonaeDatabase> {
  const db = openAppDatabase(path, { indexedDB, IDBKeyRange });
  opened.push(db);
  await db.open();
  setDatabase(db);
  return db;
}

/** A station as an older build left it: everything under the one shared name `sonae`. */
async function writeLegacyStation(indexedDB: IDBFactory) {
  const legacy = new SonaeDatabase(LEGACY_DATABASE_NAME, { indexedDB, IDBKeyRange });
  setDatabase(legacy);
  await loadDemoData();
  const key = await ensureStationKey();
  await legacy.drafts.put({ key: 'incident:new', value: { title: '書きかけ' }, savedAt: 'x' });
  await legacy.attachments.put({ id: 'a1', blob: new Blob(['screen']) });
  const station = (await loadStation())!;
  const counts = Object.fromEntries(
    await Promise.all(legacy.tables.map(async (t) => [t.name, await t.count()] as const)),
  );
  const demoRecords = await countDemoRecords();
  legacy.close();
  return { station, key, demoRecords, counts };
}

async function legacyClaim(indexedDB: IDBFactory) {
  const legacy = new SonaeDatabase(LEGACY_DATABASE_NAME, { indexedDB, IDBKeyRange });
  try {
    return (await legacy.settings.get(LEGACY_CLAIM_KEY))?.value;
  } finally {
    legacy.close();
  }
}

describe('one database per deployment path', () => {
  it('keeps two copies on one host apart', async () => {
    const indexedDB = new IDBFactory();
    const a = await openCopy(indexedDB, '/sonae/');
    await saveStation({ ...demoStation, terminal: '本番PC' });
    const b = await openCopy(indexedDB, '/sonae.new/');
    expect(a.name).toBe('sonae:/sonae/');
    expect(b.name).toBe('sonae:/sonae.new/');
    expect(await loadStation()).toBeNull();
    await saveStation({ ...demoStation, terminal: '検証PC' });
    setDatabase(a);
    expect((await loadStation())?.terminal).toBe('本番PC');
    // The same folder spelled differently is the same database.
    expect((await openCopy(indexedDB, '/Sonae/index.html')).name).toBe(a.name);
    expect((await loadStation())?.terminal).toBe('本番PC');
  });

  it('opens the folder of the page by default', () => {
    setDatabase(null as unknown as SonaeDatabase);
    expect(getDatabase().name).toBe(databaseNameForPath(location.pathname));
  });
});

describe('carrying over the legacy database', () => {
  it('moves every table once, with an audit entry, and leaves the legacy database in place', async () => {
    const indexedDB = new IDBFactory();
    const legacy = await writeLegacyStation(indexedDB);
    const db = await openCopy(indexedDB, '/city/sonae/');

    expect(await loadStation()).toEqual(legacy.station);
    expect(await ensureStationKey()).toEqual(legacy.key);
    expect(await countDemoRecords()).toBe(legacy.demoRecords);
    expect((await db.drafts.get('incident:new'))?.value).toEqual({ title: '書きかけ' });
    expect(await db.attachments.get('a1')).toMatchObject({ id: 'a1' });
    for (const table of db.tables) {
      // settings gains the marker; audit gains the line that says what happened
      const extra = table.name === 'settings' || table.name === 'audit' ? 1 : 0;
      expect(await table.count(), table.name).toBe((legacy.counts[table.name] ?? 0) + extra);
    }
    const carried = await readCarryOver(db);
    expect(carried).toMatchObject({ status: 'carried', from: 'sonae' });
    const last = await db.audit.orderBy('seq').last();
    expect(last).toMatchObject({ stationId: legacy.station.id, action: 'settings' });
    expect(last?.summary).toContain('/city/sonae/');
    expect(await legacyClaim(indexedDB)).toMatchObject({ path: '/city/sonae/' });

    // Reopening never carries again.
    db.close();
    const again = await openCopy(indexedDB, '/city/sonae/');
    expect(await again.audit.count()).toBe((legacy.counts.audit ?? 0) + 1);
    expect(await readCarryOver(again)).toEqual(carried);
    // The legacy database still holds its data (only the claim marker was added).
    const old = new SonaeDatabase(LEGACY_DATABASE_NAME, { indexedDB, IDBKeyRange });
    opened.push(old);
    expect(await old.incidents.count()).toBe(legacy.counts.incidents);
  });

  it('gives a second copy on another path nothing: the station, its key and records move once', async () => {
    const indexedDB = new IDBFactory();
    await writeLegacyStation(indexedDB);
    await openCopy(indexedDB, '/sonae/');
    const second = await openCopy(indexedDB, '/sonae.new/');
    expect(await loadStation()).toBeNull();
    expect(await second.incidents.count()).toBe(0);
    expect(await readCarryOver(second)).toMatchObject({
      status: 'movedElsewhere',
      movedTo: '/sonae/',
    });
  });

  it('lets exactly one of two copies opened at the same moment take the data', async () => {
    const indexedDB = new IDBFactory();
    await writeLegacyStation(indexedDB);
    const [a, b] = await Promise.all([
      openCopy(indexedDB, '/a/sonae/'),
      openCopy(indexedDB, '/b/sonae/'),
    ]);
    const statuses = [(await readCarryOver(a))?.status, (await readCarryOver(b))?.status];
    expect(statuses.sort()).toEqual(['carried', 'movedElsewhere']);
  });

  it('does not bring the data back after this copy was erased', async () => {
    const indexedDB = new IDBFactory();
    await writeLegacyStation(indexedDB);
    const db = await openCopy(indexedDB, '/sonae/');
    db.close();
    await new Promise<void>((done) => {
      const request = indexedDB.deleteDatabase(db.name);
      request.onsuccess = () => done();
    });
    const fresh = await openCopy(indexedDB, '/sonae/');
    expect(await loadStation()).toBeNull();
    expect(await fresh.incidents.count()).toBe(0);
  });

  it('leaves a copy that already has data alone, and the legacy data unclaimed', async () => {
    const indexedDB = new IDBFactory();
    const first = openAppDatabase('/sonae/', { indexedDB, IDBKeyRange });
    opened.push(first);
    // Written before the carry-over ever ran (e.g. by a build that had no carry-over hook).
    const plain = new SonaeDatabase(first.name, { indexedDB, IDBKeyRange });
    await plain.drafts.put({ key: 'x', value: 1, savedAt: 'x' });
    plain.close();
    await writeLegacyStation(indexedDB);
    await first.open();
    expect(await readCarryOver(first)).toMatchObject({ status: 'notEmpty' });
    expect(await legacyClaim(indexedDB)).toBeUndefined();
  });

  it('creates no legacy database where there was none', async () => {
    const indexedDB = new IDBFactory();
    const db = await openCopy(indexedDB, '/sonae/');
    expect(await readCarryOver(db)).toMatchObject({ status: 'noLegacy' });
    expect((await indexedDB.databases()).map((d) => d.name)).toEqual([db.name]);
    expect((await db.settings.get(CARRY_OVER_KEY))?.value).toBeDefined();
  });

  it('tells a tab still running the old build to reload', async () => {
    const indexedDB = new IDBFactory();
    await writeLegacyStation(indexedDB);
    const oldTab = new SonaeDatabase(LEGACY_DATABASE_NAME, { indexedDB, IDBKeyRange });
    opened.push(oldTab);
    await oldTab.open();
    const versionChange = vi.fn();
    oldTab.on('versionchange', versionChange);
    // Dexie's own note on closing the old connection: expected here.
    vi.spyOn(console, 'warn').mockImplementationOnce(() => {});
    await openCopy(indexedDB, '/sonae/');
    expect(versionChange).toHaveBeenCalledOnce();
    // An old build can still open it (Dexie opens a newer version it knows the tables of).
    const reopened = new SonaeDatabase(LEGACY_DATABASE_NAME, { indexedDB, IDBKeyRange });
    opened.push(reopened);
    expect(await reopened.incidents.count()).toBeGreaterThan(0);
  });

  it('releases its claim when the copy fails, so the next open tries again', async () => {
    const indexedDB = new IDBFactory();
    const legacy = await writeLegacyStation(indexedDB);
    const db = openAppDatabase('/sonae/', { indexedDB, IDBKeyRange });
    opened.push(db);
    const tableProto = Object.getPrototypeOf(db.incidents) as { bulkAdd: () => Promise<unknown> };
    const bulkAdd = vi
      .spyOn(tableProto, 'bulkAdd')
      .mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    await expect(db.open()).rejects.toThrow();
    bulkAdd.mockRestore();
    expect(await legacyClaim(indexedDB)).toBeUndefined();
    // The app opens again on the next page load; here, by hand.
    await db.open();
    expect(await db.incidents.count()).toBe(legacy.counts.incidents);
    expect(await readCarryOver(db)).toMatchObject({ status: 'carried' });
  });
});
