import { Dexie } from 'dexie';
import type { IncidentRecord } from '../domain/incident.ts';
import {
  incidentListRowOf,
  isLiveIncidentRow,
  type LiveIncidentRow,
} from '../domain/incidentSearch.ts';
import type { IncidentSearchIndex } from '../domain/incidentSearchIndex.ts';
import type { SonaeDatabase } from './database.ts';
import { getDatabase } from './instance.ts';

/**
 * The newest `limit` incidents' rows, newest first: what the log shows before the rest. Read from
 * the incidents themselves through their occurredAt index (a few dozen records), so the first
 * screen never waits for the list's segments.
 */
export async function loadNewestIncidentRows(
  db: SonaeDatabase,
  limit: number,
): Promise<LiveIncidentRow[]> {
  // Tombstones have no occurredAt, so the index holds only live incidents.
  const records = await db.incidents.orderBy('occurredAt').reverse().limit(limit).toArray();
  return records.map((record) => incidentListRowOf(record)).filter(isLiveIncidentRow);
}

/** The full records of `ids`, in that order, skipping any deleted since (for the CSV). */
export async function loadIncidentRecords(
  ids: readonly string[],
  db: SonaeDatabase = getDatabase(),
): Promise<IncidentRecord[]> {
  const records = await db.incidents.bulkGet([...ids]);
  return records.filter((r): r is IncidentRecord => r !== undefined && !r.deleted);
}

/**
 * Calls `onChange` after every committed write to the incidents (which writes their list rows),
 * in this tab or another one (Dexie's storagemutated event, which Dexie also relays between
 * tabs). The segments themselves are written under Dexie, so their writes are not announced; a
 * rebuild or compaction of them changes no row. Returns the unsubscribe.
 */
export function watchIncidentList(db: SonaeDatabase, onChange: () => void): () => void {
  const prefix = `idb://${db.name}/${db.incidents.name}/`;
  const listener = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((key) => key.startsWith(prefix) || key === 'all')) onChange();
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}

export interface IncidentListProgress {
  /** The newest rows, as soon as they are read (the full index may still be loading). */
  newest?: LiveIncidentRow[];
  /** Every live row, ready to search. */
  index?: IncidentSearchIndex;
}

/**
 * Opens the incident log: reports the newest `firstPage` rows, then the whole index (its rows
 * rebuilt first if they drifted from the records), then a fresh index after every change, until
 * the returned function is called.
 */
export function followIncidentList(
  db: SonaeDatabase,
  firstPage: number,
  report: (progress: IncidentListProgress) => void,
  onError: (error: unknown) => void,
): () => void {
  let stopped = false;
  // Until the first full read starts, changes are in that read anyway.
  let started = false;
  let loading = false;
  let again = false;
  async function loadIndex() {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    try {
      do {
        again = false;
        // Loaded after the first rows: the first screen does not wait for this code.
        const { loadIncidentSearchIndex } = await import('./incidentListRead.ts');
        const index = await loadIncidentSearchIndex(db);
        if (!stopped && !again) report({ index });
      } while (again && !stopped);
    } finally {
      loading = false;
    }
  }
  const unwatch = watchIncidentList(db, () => {
    if (started && !stopped) loadIndex().catch(onError);
  });
  (async () => {
    // The newest rows first: the first screen waits for nothing else.
    const newest = await loadNewestIncidentRows(db, firstPage);
    if (stopped) return;
    report({ newest });
    started = true;
    await loadIndex();
  })().catch(onError);
  return () => {
    stopped = true;
    unwatch();
  };
}
