import { CURRENT_SCHEMA_VERSION, SonaeDatabase } from './database.ts';
import { loadRecordUpgradesIfNeeded } from './recordUpgradeLoader.ts';
import { basePathOfDatabase, CARRY_OVER_KEY, databaseNameForPath } from './databaseName.ts';
import type { DexieDependencies } from './carryOver.ts';

let current: SonaeDatabase | null = null;

/**
 * The app's database, opened on first use. Each folder the app is served from gets its own
 * (`sonae:/city/sonae/`), so two copies on one host never share or overwrite each other's data.
 */
export function getDatabase(): SonaeDatabase {
  current ??= openAppDatabase(globalThis.location?.pathname ?? '/');
  return current;
}

/** Before the app's first query: loads what an older database's upgrade needs, if it is one. */
export function prepareAppDatabase(): Promise<void> {
  return loadRecordUpgradesIfNeeded(
    databaseNameForPath(globalThis.location?.pathname ?? '/'),
    CURRENT_SCHEMA_VERSION,
  );
}

/** Replaces the app's database (tests give each case its own IndexedDB). */
export function setDatabase(db: SonaeDatabase): void {
  current = db;
}

/**
 * The database of the copy served at `pathname`. Before any other query runs on it, data left
 * under the old shared name is carried over once (src/db/carryOver.ts). Sticky: should the first
 * open fail, the next one tries again; after that the check is one settings read.
 */
export function openAppDatabase(pathname: string, deps: DexieDependencies = {}): SonaeDatabase {
  const db = new SonaeDatabase(databaseNameForPath(pathname), deps);
  db.on('ready', (vip) => carryOverOnce(vip as SonaeDatabase, deps), true);
  return db;
}

/**
 * The carry-over's code (and the record schemas it validates with) loads only while its marker is
 * missing, which after the first open of a folder's database is never (issue 9: first screen).
 */
async function carryOverOnce(db: SonaeDatabase, deps: DexieDependencies): Promise<void> {
  if (basePathOfDatabase(db.name) === null) return;
  const marker = (await db.settings.get(CARRY_OVER_KEY))?.value as { status?: unknown } | undefined;
  if (typeof marker?.status === 'string') return;
  const { carryOverLegacyDatabase } = await import('./carryOver.ts');
  await carryOverLegacyDatabase(db, deps);
}
