import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { SonaeDatabase } from '../src/db/database.ts';
import { setDatabase } from '../src/db/instance.ts';
import { saveStation } from '../src/db/station.ts';
import type { Station } from '../src/domain/station.ts';

/** A fresh, private IndexedDB per test: nothing leaks between cases. */
export function openFreshDatabase(): { db: SonaeDatabase; indexedDB: IDBFactory } {
  const indexedDB = new IDBFactory();
  const db = new SonaeDatabase('sonae', { indexedDB, IDBKeyRange });
  setDatabase(db);
  return { db, indexedDB };
}

/** A fresh database with a station already set up. */
export async function freshDatabaseWithStation(): Promise<{ db: SonaeDatabase; station: Station }> {
  const { db } = openFreshDatabase();
  const station = await saveStation({
    municipality: '架空市',
    department: '市民課',
    terminal: '窓口PC-01',
    staffName: '山田 花子',
    role: 'it-section',
  });
  return { db, station };
}
