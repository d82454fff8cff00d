import { useLiveQuery } from 'dexie-react-hooks';
import { isInstantText, nowIso } from '../domain/dateFormat.ts';
import type { BackupFacts, ExportFacts } from '../domain/storageHealth.ts';
import { loadLastBackupAt } from './backupState.ts';
import { getDatabase } from './instance.ts';

// DO NOT RENAME: settings key stored in IndexedDB; the data exchange export writes it.
export const LAST_EXPORT_AT_KEY = 'lastExportAt';

/** When data was last exported from this PC (ISO instant), or null if never. */
export async function loadLastExportAt(): Promise<string | null> {
  const row = await getDatabase().settings.get(LAST_EXPORT_AT_KEY);
  return isInstantText(row?.value) ? row.value : null;
}

/** Notes a finished export; the exchange calls this after the file is written. */
export async function saveLastExportAt(at: string = nowIso()): Promise<void> {
  await getDatabase().settings.put({ key: LAST_EXPORT_AT_KEY, value: at });
}

/** The facts the export reminder is decided from (see isExportOverdue). */
export async function loadExportFacts(): Promise<ExportFacts> {
  const db = getDatabase();
  const [lastExportAt, oldest] = await Promise.all([
    loadLastExportAt(),
    db.audit.orderBy('seq').first(),
  ]);
  return { lastExportAt, firstUseAt: oldest?.at ?? null };
}

/** Live export facts; `undefined` while loading. */
export function useExportFacts(): ExportFacts | undefined {
  return useLiveQuery(loadExportFacts, []);
}

/** The facts the backup reminder is decided from (see isBackupOverdue). */
export async function loadBackupFacts(): Promise<BackupFacts> {
  const [lastBackupAt, oldest] = await Promise.all([
    loadLastBackupAt(),
    getDatabase().audit.orderBy('seq').first(),
  ]);
  return { lastBackupAt, firstUseAt: oldest?.at ?? null };
}

/** Live backup facts; `undefined` while loading. */
export function useBackupFacts(): BackupFacts | undefined {
  return useLiveQuery(loadBackupFacts, []);
}
