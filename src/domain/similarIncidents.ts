// 過去の事例: which past incidents look like the one being typed. Pure apart from its cache.

import type { IncidentListRow, LiveIncidentRow } from './incidentSearch.ts';
import { errorCodeOf } from './reportRecurring.ts';
import { normalizeForSearch } from './text.ts';

/** What the person has typed so far in the incident form. */
export interface SimilarQuery {
  errorMessage: string;
  systemId: string;
  /** Title and symptoms (any free text describing what happened). */
  text: string;
  /** The incident being edited, never suggested to itself. */
  excludeId?: string | undefined;
}

export type SimilarReason = 'code' | 'system' | 'wording';

export const similarReasonLabels: Record<SimilarReason, string> = {
  code: '同じエラーコード',
  system: '同じシステム',
  wording: '似た症状',
};

export interface SimilarIncident {
  row: LiveIncidentRow;
  /** Higher is closer: 4 for the same code, 2 for the same system, plus wording overlap (0–1). */
  score: number;
  reasons: SimilarReason[];
}

/**
 * Bigrams are packed as two UTF-16 code units in one integer and kept sorted, so a row costs a
 * few hundred bytes (a Set of strings per row would not fit 50,000 rows) and the overlap with
 * the query is one merge of two sorted arrays.
 */
function bigramsOf(folded: string): Uint32Array {
  const grams = new Set<number>();
  for (let i = 0; i + 1 < folded.length; i++) {
    const a = folded.charCodeAt(i);
    const b = folded.charCodeAt(i + 1);
    // Whitespace and line breaks between fields make no wording.
    if (a <= 32 || b <= 32) continue;
    grams.add(((a << 16) | b) >>> 0);
  }
  return Uint32Array.from(grams).sort();
}

/** How many of the (sorted) query bigrams occur in the (sorted) row bigrams. */
function sharedCount(query: Uint32Array, row: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < query.length && j < row.length) {
    const q = query[i]!;
    const r = row[j]!;
    if (q === r) {
      shared++;
      i++;
      j++;
    } else if (q < r) i++;
    else j++;
  }
  return shared;
}

/** Character-bigram overlap of two texts, 0–1: the share of `query`'s bigrams found in `text`. */
export function bigramSimilarity(query: string, text: string): number {
  const q = bigramsOf(normalizeForSearch(query));
  return q.length === 0 ? 0 : sharedCount(q, bigramsOf(normalizeForSearch(text))) / q.length;
}

/** Below this share of the query's bigrams, wording alone does not make an incident similar. */
const MIN_WORDING = 0.3;

/** Closer first; between equals, the more recent first. */
function before(a: SimilarIncident, b: SimilarIncident): boolean {
  return a.score > b.score || (a.score === b.score && a.row.occurredAt > b.row.occurredAt);
}

/** Inserts into the sorted top-`top` list; no sort of every match (all of a system may match). */
function keepTop(list: SimilarIncident[], item: SimilarIncident, top: number): void {
  if (list.length >= top && !before(item, list[list.length - 1]!)) return;
  let at = list.length;
  while (at > 0 && before(item, list[at - 1]!)) at--;
  list.splice(at, 0, item);
  if (list.length > top) list.pop();
}

interface RowFeatures {
  rev: string;
  code: string | null;
  grams: Uint32Array;
}

export interface SimilarIncidentFinder {
  /**
   * Indexes `rows` ahead of the first keystroke, a chunk per call of the returned step (true when
   * done), so a screen can spread the work over several tasks instead of one long one.
   */
  prepare(rows: readonly IncidentListRow[], chunk?: number): () => boolean;
  find(query: SimilarQuery, rows: readonly IncidentListRow[], top?: number): SimilarIncident[];
}

/** The live rows of one list, with an inverted index from bigram to row positions. */
interface RowsIndex {
  live: LiveIncidentRow[];
  codes: (string | null)[];
  postings: Map<number, number[]>;
}

/** The query's bigrams: an error code counts as a code, not as wording. */
function wordingOf(query: SimilarQuery, code: string | null): Uint32Array {
  let message = normalizeForSearch(query.errorMessage);
  if (code) message = message.replace(code, ' ');
  return bigramsOf(`${message}\n${normalizeForSearch(query.text)}`);
}

/**
 * A finder that remembers each row's code and bigrams by id and rev, and an inverted index per
 * list of rows (the incident log hands a new list only when an incident changes), so a keystroke
 * costs only the postings of the query's few bigrams, not a pass over every row's text.
 */
export function createSimilarIncidentFinder(): SimilarIncidentFinder {
  const cache = new Map<string, RowFeatures>();
  const indexes = new WeakMap<readonly IncidentListRow[], RowsIndex>();
  const featuresOf = (row: LiveIncidentRow): RowFeatures => {
    const cached = cache.get(row.id);
    if (cached && cached.rev === row.rev) return cached;
    const features = {
      rev: row.rev,
      code: errorCodeOf(row.errorMessage),
      grams: bigramsOf(row.text),
    };
    cache.set(row.id, features);
    return features;
  };
  /** Indexes `rows` `chunk` rows per call of the returned step, which says when it is done. */
  const indexing = (rows: readonly IncidentListRow[], chunk: number) => {
    const index: RowsIndex = { live: [], codes: [], postings: new Map() };
    let next = 0;
    return (): RowsIndex | null => {
      if (indexes.has(rows)) return indexes.get(rows)!;
      const end = Math.min(rows.length, next + chunk);
      for (; next < end; next++) {
        const row = rows[next]!;
        if (row.deleted === true) continue;
        const features = featuresOf(row);
        const at = index.live.push(row) - 1;
        index.codes.push(features.code);
        for (const gram of features.grams) {
          const list = index.postings.get(gram);
          if (list) list.push(at);
          else index.postings.set(gram, [at]);
        }
      }
      if (next < rows.length) return null;
      indexes.set(rows, index);
      return index;
    };
  };
  const indexOf = (rows: readonly IncidentListRow[]): RowsIndex =>
    indexes.get(rows) ?? indexing(rows, rows.length)()!;
  return {
    prepare(rows, chunk = 1000) {
      const step = indexing(rows, chunk);
      return () => step() !== null;
    },
    find(query, rows, top = 5) {
      const code = errorCodeOf(query.errorMessage) ?? errorCodeOf(query.text);
      const wording = wordingOf(query, code);
      // Nothing typed yet: a preset system alone says nothing about what happened.
      if (!code && wording.length === 0) return [];
      const { live, codes, postings } = indexOf(rows);
      const shared = new Uint16Array(live.length);
      for (const gram of wording) for (const at of postings.get(gram) ?? []) shared[at]!++;
      const found: SimilarIncident[] = [];
      for (let at = 0; at < live.length; at++) {
        const row = live[at]!;
        const sameCode = code !== null && codes[at] === code;
        const sameSystem = query.systemId !== '' && row.systemId === query.systemId;
        const overlap = wording.length ? shared[at]! / wording.length : 0;
        const similar = overlap >= MIN_WORDING;
        if ((!sameCode && !sameSystem && !similar) || row.id === query.excludeId) continue;
        const reasons: SimilarReason[] = [];
        if (sameCode) reasons.push('code');
        if (sameSystem) reasons.push('system');
        if (similar) reasons.push('wording');
        // Weights such that wording (at most 1) never lifts an incident over a stronger reason.
        const score = (sameCode ? 4 : 0) + (sameSystem ? 2 : 0) + overlap;
        keepTop(found, { row, score, reasons }, top);
      }
      return found;
    },
  };
}
