import type { LiveIncidentRow } from './incidentSearch.ts';
import type { IncidentFilter, IncidentSort } from './incidentFilter.ts';
import { isOpenStatus } from './incidentStatus.ts';
import { normalizeForSearch } from './textSearch.ts';

/**
 * The incident log in memory, built chunk by chunk as the rows are read (so no step of it is a
 * long task), oldest first. Each chunk also keeps its rows' folded texts as one string, so a term
 * is found by one native `indexOf` walk that jumps from hit to hit instead of a call per row (in
 * Chromium at 50,000 incidents: 2–3 ms for a code or a word, against 3–9 ms for `includes` per
 * row when the machine is quiet).
 */
export interface IncidentSearchIndex {
  /** Live rows, oldest first (ascending occurredAt). */
  readonly rows: readonly LiveIncidentRow[];
  readonly chunks: readonly SearchChunk[];
  /** Date.parse of each row's occurredAt, for the date filters. */
  readonly occurredMs: Float64Array;
}

export interface SearchChunk {
  readonly rows: readonly LiveIncidentRow[];
  /** The rows' texts joined by '\n': a query term never holds whitespace, so never spans rows. */
  readonly haystack: string;
  /** Start of each row's text in `haystack`, plus one past the end. */
  readonly starts: Int32Array;
  /** Date.parse of each row's occurredAt, for the date filters. */
  readonly occurredMs: Float64Array;
}

/**
 * Prepares one chunk of rows (oldest first) for searching. Each row's `text` is then replaced by
 * the same text read from the haystack (a slice, which V8 keeps as a pointer into it), so the
 * haystack holds the only copy and the text each row was read with dies young. At 50,000
 * incidents the heap after opening the log went from 74 to 52 MB, and the garbage collector's
 * pauses while it opened from 144 to 112 ms in all (issue 9; long pauses were its long tasks).
 */
export function searchChunkOf(rows: readonly LiveIncidentRow[]): SearchChunk {
  const starts = new Int32Array(rows.length + 1);
  const occurredMs = new Float64Array(rows.length);
  let at = 0;
  for (let i = 0; i < rows.length; i += 1) {
    starts[i] = at;
    at += rows[i]!.text.length + 1;
    occurredMs[i] = Date.parse(rows[i]!.occurredAt);
  }
  starts[rows.length] = at;
  const haystack = rows.map((r) => r.text).join('\n');
  for (let i = 0; i < rows.length; i += 1)
    rows[i]!.text = haystack.slice(starts[i]!, starts[i + 1]! - 1);
  return { rows, haystack, starts, occurredMs };
}

/** The index of chunks already prepared, in order (oldest first). */
export function combineSearchChunks(chunks: readonly SearchChunk[]): IncidentSearchIndex {
  const rows = chunks.flatMap((c) => c.rows);
  const occurredMs = new Float64Array(rows.length);
  let at = 0;
  for (const chunk of chunks) {
    occurredMs.set(chunk.occurredMs, at);
    at += chunk.rows.length;
  }
  return { rows, chunks, occurredMs };
}

/** An index of rows in any order, in one step (tests, a first page). */
export function buildSearchIndex(rows: readonly LiveIncidentRow[]): IncidentSearchIndex {
  const sorted = [...rows].sort((a, b) =>
    a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0,
  );
  return combineSearchChunks([searchChunkOf(sorted)]);
}

/**
 * The rows whose text holds `term`, among `within` (all rows when null). The first term is found
 * by one `indexOf` walk per chunk; a one-character term, and every further term, by `includes` on
 * the candidate rows (V8 finds a single two-byte character in a long string more slowly than in
 * many short ones, and the candidates are usually few).
 */
function rowsHolding(index: IncidentSearchIndex, term: string, within: Uint8Array | null) {
  const { rows } = index;
  const hits = new Uint8Array(rows.length);
  if (within || term.length === 1) {
    for (let i = 0; i < rows.length; i += 1)
      if ((!within || within[i]) && rows[i]!.text.includes(term)) hits[i] = 1;
    return hits;
  }
  let first = 0;
  for (const chunk of index.chunks) {
    const { haystack, starts } = chunk;
    let row = 0;
    let at = haystack.indexOf(term);
    while (at !== -1) {
      while (starts[row + 1]! <= at) row += 1;
      hits[first + row] = 1;
      at = haystack.indexOf(term, starts[row + 1]!);
    }
    first += chunk.rows.length;
  }
  return hits;
}

/** Adds the rows (among `within`) whose registered system's name holds `term`. */
function addSystemHits(
  index: IncidentSearchIndex,
  term: string,
  foldedSystemNames: ReadonlyMap<string, string>,
  within: Uint8Array | null,
  hits: Uint8Array,
): void {
  const systems = new Set<string>();
  for (const [id, name] of foldedSystemNames) if (name.includes(term)) systems.add(id);
  if (systems.size === 0) return;
  const { rows } = index;
  for (let i = 0; i < rows.length; i += 1)
    if ((!within || within[i]) && systems.has(rows[i]!.systemId)) hits[i] = 1;
}

function localDayStart(date: string): number {
  return new Date(`${date}T00:00:00`).getTime();
}

const orderCache = new WeakMap<IncidentSearchIndex, Map<IncidentSort, Int32Array>>();

/** Row positions in the order of `sort`, computed once per index and sort. */
function orderOf(index: IncidentSearchIndex, sort: IncidentSort): Int32Array {
  let cached = orderCache.get(index);
  if (!cached) orderCache.set(index, (cached = new Map()));
  const known = cached.get(sort);
  if (known) return known;
  const n = index.rows.length;
  // Rows are held oldest first, so "newest first" is the reverse and ties stay newest-first.
  const newestFirst = Int32Array.from({ length: n }, (_, i) => n - 1 - i);
  const rows = index.rows;
  const order =
    sort === 'occurredDesc'
      ? newestFirst
      : sort === 'occurredAsc'
        ? Int32Array.from({ length: n }, (_, i) => i)
        : sort === 'levelDesc'
          ? newestFirst
              .slice()
              .sort((a, b) => (rows[b]!.level ?? 0) - (rows[a]!.level ?? 0) || b - a)
          : newestFirst.slice().sort((a, b) => {
              const x = rows[a]!.updatedAt;
              const y = rows[b]!.updatedAt;
              return (x < y ? 1 : x > y ? -1 : 0) || b - a;
            });
  cached.set(sort, order);
  return order;
}

/**
 * The rows the filter shows, in its order. `systemNames` (id → registered name) lets a query
 * find incidents by their system's current name.
 */
export function searchIncidentIndex(
  index: IncidentSearchIndex,
  filter: IncidentFilter,
  systemNames: ReadonlyMap<string, string> = new Map(),
): LiveIncidentRow[] {
  const { rows } = index;
  const n = rows.length;
  // The longest term first: it usually leaves the fewest rows for the others.
  const terms = normalizeForSearch(filter.text)
    .split(/\s+/)
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  let matched: Uint8Array | null = null;
  if (terms.length) {
    const folded = new Map([...systemNames].map(([id, name]) => [id, normalizeForSearch(name)]));
    for (const term of terms) {
      const hits = rowsHolding(index, term, matched);
      addSystemHits(index, term, folded, matched, hits);
      matched = hits;
    }
  }
  const { occurredMs } = index;
  const from = filter.from ? localDayStart(filter.from) : -Infinity;
  const to = filter.to ? localDayStart(filter.to) + 86_400_000 : Infinity;
  const hasDates = from !== -Infinity || to !== Infinity;
  const order = orderOf(index, filter.sort);
  const result: LiveIncidentRow[] = [];
  for (let k = 0; k < n; k += 1) {
    const i = order[k]!;
    if (matched && !matched[i]) continue;
    const row = rows[i]!;
    if (
      filter.status === 'open'
        ? !isOpenStatus(row.status)
        : filter.status && row.status !== filter.status
    )
      continue;
    if (filter.systemId && row.systemId !== filter.systemId) continue;
    if (filter.manual === 'pending' && !row.awaitingManualUpdate) continue;
    if (
      filter.level === 'none'
        ? row.level !== null
        : filter.level && String(row.level) !== filter.level
    )
      continue;
    if (hasDates) {
      const ms = occurredMs[i]!;
      if (ms < from || ms >= to) continue;
    }
    result.push(row);
  }
  return result;
}
