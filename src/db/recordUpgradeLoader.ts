import type { Transaction } from 'dexie';

// The record upgrades (recordUpgrades.ts) need every record schema, and so zod: a third of the
// JavaScript of the first screen, which only a database written by an older build ever needs
// (issue 9). So database.ts does not import them; whoever opens a database that may be old loads
// them first (`loadRecordUpgradesIfNeeded`), and tests and the carry-over load them outright.

type Upgrader = (tx: Transaction) => Promise<void>;

let upgrader: Upgrader | null = null;

/** Makes the record upgrades available to Dexie's upgrade of version 3. */
export function registerRecordUpgrader(upgrade: Upgrader): void {
  upgrader = upgrade;
}

/** Loads the record upgrades (a chunk of its own in the app). */
export async function loadRecordUpgrades(): Promise<void> {
  registerRecordUpgrader((await import('./recordUpgrades.ts')).upgradeAllRecords);
}

/** Dexie's version 3 upgrade calls this; the upgrades were loaded before the database opened. */
export function runRecordUpgrades(tx: Transaction): Promise<void> {
  if (!upgrader)
    // Never silently skipped: the open fails, nothing is written, and a reload loads them.
    return Promise.reject(new Error('record upgrades were not loaded before the upgrade'));
  return upgrader(tx);
}

/**
 * Before the app's first query: loads the upgrades when the database `name` exists at a version
 * below `currentVersion` (Dexie's), or when the browser cannot say (no `indexedDB.databases`).
 * A new database is created at the current version and needs none.
 */
export async function loadRecordUpgradesIfNeeded(
  name: string,
  currentVersion: number,
  factory: Pick<IDBFactory, 'databases'> | undefined = globalThis.indexedDB,
): Promise<void> {
  if (upgrader) return;
  let stored: number | undefined;
  try {
    if (typeof factory?.databases !== 'function') return await loadRecordUpgrades();
    stored = (await factory.databases()).find((d) => d.name === name)?.version;
  } catch {
    return loadRecordUpgrades();
  }
  // IndexedDB holds Dexie's version times ten.
  if (stored !== undefined && stored < currentVersion * 10) await loadRecordUpgrades();
}
