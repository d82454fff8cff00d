import { Dexie } from 'dexie';
import { getDatabase } from './instance.ts';

/**
 * Erases this station's whole database (records, keys, trusted keys, history) so the next start
 * is a first run. Irreversible: the UI asks twice and points to an export first.
 */
export async function eraseStation(): Promise<void> {
  const db = getDatabase();
  const name = db.name;
  db.close();
  await Dexie.delete(name);
}
