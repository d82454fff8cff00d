import { nowIso } from '../domain/dateTime.ts';
import { getDatabase } from './instance.ts';
import type { DraftRow } from './database.ts';

/** Keeps an unsaved form (Blobs included) so a reload, crash or update loses nothing. */
export async function saveDraft(key: string, value: unknown): Promise<void> {
  await getDatabase().drafts.put({ key, value, savedAt: nowIso() });
}

export async function loadDraft(key: string): Promise<DraftRow | undefined> {
  return getDatabase().drafts.get(key);
}

export async function deleteDraft(key: string): Promise<void> {
  await getDatabase().drafts.delete(key);
}

/** Keys of every saved draft, for a 「下書きがあります」 hint. */
export async function listDraftKeys(): Promise<string[]> {
  return (await getDatabase().drafts.toCollection().primaryKeys()) as string[];
}
