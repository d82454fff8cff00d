import { Dexie } from 'dexie';
import type { IncidentRecord } from '../domain/incident.ts';
import { isLiveIncidentRow, type LiveIncidentRow } from '../domain/incidentSearch.ts';
import {
  combineSearchChunks,
  searchChunkOf,
  type IncidentSearchIndex,
  type SearchChunk,
} from '../domain/incidentSearchIndex.ts';
import type { SonaeDatabase } from './database.ts';
import { getDatabase } from './instance.ts';
import {
  INCIDENT_LIST_TABLE,
  incidentListTable,
  isIncidentListInStep,
  rebuildIncidentList,
} from './incidentListStore.ts';

/** Rows read per request: small enough that parsing one chunk stays far below a 50 ms task. */
export const LIST_CHUNK_SIZE = 2000;

/** The newest `limit` incidents' rows, newest first: what the log shows before the rest. */
export async function loadNewestIncidentRows(
  db: SonaeDatabase,
  limit: number,
): Promise<LiveIncidentRow[]> {
  // Tombstone rows have no occurredAt, so the index holds only live incidents.
  const rows = await incidentListTable(db).orderBy('occurredAt').reverse().limit(limit).toArray();
  return rows.filter(isLiveIncidentRow);
}

/**
 * Every live row, read oldest first in chunks through the occurredAt index (each chunk is its
 * own request, so the page keeps answering keys between them) and prepared for search as it
 * arrives. A chunk ends with every row of its last timestamp, so equal times are never split.
 */
export async function loadIncidentSearchIndex(
  db: SonaeDatabase,
  chunkSize = LIST_CHUNK_SIZE,
): Promise<IncidentSearchIndex> {
  const list = incidentListTable(db);
  const chunks: SearchChunk[] = [];
  // Chunks are separate transactions: a save in between may move a row across them, so keep
  // each id once (the change it made triggers a fresh load anyway).
  const seen = new Set<string>();
  let after: string | null = null;
  for (;;) {
    const part: LiveIncidentRow[] = (
      after === null
        ? await list.orderBy('occurredAt').limit(chunkSize).toArray()
        : await list.where('occurredAt').above(after).limit(chunkSize).toArray()
    ).filter(isLiveIncidentRow);
    if (part.length === 0) break;
    let rows = part;
    const last = part.at(-1)!.occurredAt;
    if (part.length === chunkSize) {
      const tied = (await list.where('occurredAt').equals(last).toArray()).filter(
        isLiveIncidentRow,
      );
      rows = [...part.filter((r) => r.occurredAt !== last), ...tied];
    }
    const fresh = rows.filter((r) => !seen.has(r.id));
    for (const r of fresh) seen.add(r.id);
    chunks.push(searchChunkOf(fresh));
    if (part.length < chunkSize) break;
    after = last;
  }
  return combineSearchChunks(chunks);
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
 * Calls `onChange` after every committed write to the list rows, in this tab or another one
 * (Dexie's storagemutated event, which Dexie also relays between tabs). Returns the unsubscribe.
 */
export function watchIncidentList(db: SonaeDatabase, onChange: () => void): () => void {
  const prefix = `idb://${db.name}/${INCIDENT_LIST_TABLE}/`;
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
 * Opens the incident log: reports the newest `firstPage` rows, checks the rows are in step with
 * the records (rebuilding them if not), then reports the whole index, then a fresh index after
 * every change, until the returned function is called.
 */
export function followIncidentList(
  db: SonaeDatabase,
  firstPage: number,
  report: (progress: IncidentListProgress) => void,
  onError: (error: unknown) => void,
): () => void {
  let stopped = false;
  // Until the first full read starts, changes are our own rebuild's (or in that read anyway).
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
    // The newest rows first, whatever the check finds: the first screen waits for nothing else.
    const inStep = isIncidentListInStep(db);
    inStep.catch(() => undefined); // awaited below; a failure reaches onError once, from there
    const newest = await loadNewestIncidentRows(db, firstPage);
    if (stopped) return;
    report({ newest });
    if (!(await inStep)) {
      await rebuildIncidentList(db);
      if (stopped) return;
      report({ newest: await loadNewestIncidentRows(db, firstPage) });
    }
    if (stopped) return;
    started = true;
    await loadIndex();
  })().catch(onError);
  return () => {
    stopped = true;
    unwatch();
  };
}
