import { SonaeDatabase } from './database.ts';
import { databaseNameForPath } from './databaseName.ts';
import { carryOverLegacyDatabase, type DexieDependencies } from './carryOver.ts';

let current: SonaeDatabase | null = null;

/**
 * The app's database, opened on first use. Each folder the app is served from gets its own
 * (`sonae:/city/sonae/`), so two copies on one host never share or overwrite each other's data.
 */
export function getDatabase(): SonaeDatabase {
  current ??= openAppDatabase(globalThis.location?.pathname ?? '/');
  return current;
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
  db.on('ready', (vip) => carryOverLegacyDatabase(vip as SonaeDatabase, deps), true);
  return db;
}
