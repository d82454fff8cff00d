import { SonaeDatabase } from './database.ts';

let current: SonaeDatabase | null = null;

/** The app's database, opened on first use. */
export function getDatabase(): SonaeDatabase {
  current ??= new SonaeDatabase();
  return current;
}

/** Replaces the app's database (tests give each case its own IndexedDB). */
export function setDatabase(db: SonaeDatabase): void {
  current = db;
}
