import { useLiveQuery } from 'dexie-react-hooks';
import { isInstantText, nowIso } from '../domain/dateFormat.ts';
import { getDatabase } from './instance.ts';

// DO NOT RENAME: settings key stored in IndexedDB. A whole-station backup (src/exchange/backup/)
// carries it along with the other settings, so a restored station remembers its last backup.
export const LAST_BACKUP_AT_KEY = 'lastBackupAt';

/** When this station was last backed up (ISO instant), or null if never. */
export async function loadLastBackupAt(): Promise<string | null> {
  const row = await getDatabase().settings.get(LAST_BACKUP_AT_KEY);
  return isInstantText(row?.value) ? row.value : null;
}

/** Notes a finished backup; called once the file has been handed to the browser. */
export async function saveLastBackupAt(at: string = nowIso()): Promise<void> {
  await getDatabase().settings.put({ key: LAST_BACKUP_AT_KEY, value: at });
}

/** Live time of the last backup; `undefined` while loading. */
export function useLastBackupAt(): string | null | undefined {
  return useLiveQuery(loadLastBackupAt, []);
}
