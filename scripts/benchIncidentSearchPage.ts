/**
 * Runs in the benchmark's page (bundled by scripts/bench-incidents.ts): the app's own search
 * code over the rows the app stored, beside a plain `includes` scan of the same folded texts, so
 * both are timed on the same data in the same page, without React or the list around them.
 */
import {
  isLiveIncidentRow,
  type IncidentListRow,
  type LiveIncidentRow,
} from '../src/domain/incidentSearch.ts';
import { emptyIncidentFilter } from '../src/domain/incidentFilter.ts';
import {
  combineSearchChunks,
  searchChunkOf,
  searchIncidentIndex,
} from '../src/domain/incidentSearchIndex.ts';
import { normalizeForSearch } from '../src/domain/text.ts';

export interface PageSearchTimes {
  query: string;
  /** searchIncidentIndex, the search the list runs, each run (ms). */
  indexMs: number[];
  /** Fold the query, then `includes` on every stored text: the floor (ms). */
  scanMs: number[];
  hits: number;
}

/** Reads every stored row, prepares it as the list does, then times each query `runs` times. */
export async function timeSearchInPage(
  queries: string[],
  runs: number,
): Promise<PageSearchTimes[]> {
  const rows = await new Promise<LiveIncidentRow[]>((resolve, reject) => {
    const open = indexedDB.open(`sonae:${location.pathname.toLowerCase()}`);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      // The list's segments (src/db/incidentListStore.ts), folded and sorted as the log does.
      const read = open.result
        .transaction('incidentListSegments')
        .objectStore('incidentListSegments')
        .getAll();
      read.onsuccess = () => {
        open.result.close();
        const byId = new Map<string, IncidentListRow>();
        for (const segment of read.result as { rows: IncidentListRow[] }[])
          for (const row of segment.rows) byId.set(row.id, row);
        const live = [...byId.values()].filter(isLiveIncidentRow);
        resolve(live.sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : 1)));
      };
      read.onerror = () => reject(read.error);
    };
  });
  // The texts as read, before searchChunkOf points the rows' texts into its haystacks.
  const texts = rows.map((row) => row.text);
  const chunks = [];
  for (let at = 0; at < rows.length; at += 2000)
    chunks.push(searchChunkOf(rows.slice(at, at + 2000)));
  const index = combineSearchChunks(chunks);
  return queries.map((query) => {
    const indexMs: number[] = [];
    const scanMs: number[] = [];
    let hits = 0;
    for (let run = 0; run < runs; run += 1) {
      let started = performance.now();
      hits = searchIncidentIndex(index, { ...emptyIncidentFilter, text: query }).length;
      indexMs.push(performance.now() - started);
      started = performance.now();
      const terms = normalizeForSearch(query).split(/\s+/).filter(Boolean);
      let found = 0;
      for (const text of texts) if (terms.every((term) => text.includes(term))) found += 1;
      scanMs.push(performance.now() - started);
      if (found !== hits)
        throw new Error(`「${query}」: ${hits} found by the index, ${found} by a scan`);
    }
    return { query, indexMs, scanMs, hits };
  });
}
