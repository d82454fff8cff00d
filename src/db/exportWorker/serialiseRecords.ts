import { canonicalJson } from '../../domain/canonicalJson.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import type { RecordType } from '../../domain/recordTypes.ts';
import type { BundleKind } from '../../exchange/bundleFormat.ts';
import { canonicalBundleRecord } from '../../exchange/canonicalBundleRecord.ts';
import type { ConflictRow, ExportedRevRow } from '../exchangeTables.ts';

// The records' part of an export (src/db/exportRecords.ts), on plain IndexedDB so that a worker
// runs it without Dexie or the app's database class: a share of the records, a key range of one
// or more record tables, read and turned into canonical JSON in UTF-8. The page runs the same
// code where no worker can start, so the bytes are the same either way.

/** Records of one type with keys in [from, to) (null: no bound), read from `store`. */
export interface ExportSegment {
  type: RecordType;
  store: string;
  from: string | null;
  to: string | null;
}

/** One share of an export: its segments, in the file's order. */
export interface ExportShare {
  kind: BundleKind;
  segments: ExportSegment[];
}

export interface SerialisedShare {
  /** The records' canonical JSON in UTF-8, a part per chunk read (see startSigningBundle). */
  parts: Uint8Array[];
  count: number;
  /**
   * The export marks to write (ExportedRevRow[]) as JSON: read by the page only after the file
   * is handed over, and a string crosses from a worker far faster than 10,000 small objects.
   */
  exported: string;
  attachmentIds: string[];
}

/** Records read from IndexedDB at a time; the next chunk is read while this one is serialised. */
export const READ_CHUNK = 1000;

// The tables' names as Dexie declares them (src/db/database.ts, DO NOT RENAME there).
const CONFLICTS = 'conflicts';
const EXPORTED_REVS = 'exportedRevs';

type AnyRecord = RecordOf<RecordType>;

const encoder = new TextEncoder();
let scratch = new Uint8Array(0);

/**
 * UTF-8 of `text` in a buffer of its own: encoded into a scratch buffer, then copied out at its
 * size. In Chromium, encodeInto and the copy take about half the time of encode() on the
 * records' text (mostly Japanese, so two-byte strings).
 */
function utf8(text: string): Uint8Array {
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  const { written } = encoder.encodeInto(text, scratch);
  return scratch.slice(0, written);
}

function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function keyRange(from: string | null, to: string | null): IDBKeyRange | undefined {
  if (from !== null && to !== null) return IDBKeyRange.bound(from, to, false, true);
  if (from !== null) return IDBKeyRange.lowerBound(from);
  if (to !== null) return IDBKeyRange.upperBound(to, true);
  return undefined;
}

/**
 * The rows of a table keyed `[type, id, …]` whose id is in the segment: `[type]` sorts before
 * every `[type, id]`, and an array after every string, so `[type, []]` after every id.
 */
function compoundRange(segment: ExportSegment): IDBKeyRange {
  const lower = segment.from === null ? [segment.type] : [segment.type, segment.from];
  const upper = segment.to === null ? [segment.type, []] : [segment.type, segment.to];
  return IDBKeyRange.bound(lower, upper, false, true);
}

/** The next chunk after `after` (exclusive) in the segment, at most READ_CHUNK records. */
function readChunk(
  tx: IDBTransaction,
  segment: ExportSegment,
  after: string | null,
): Promise<AnyRecord[]> {
  const range =
    after === null
      ? keyRange(segment.from, segment.to)
      : segment.to === null
        ? IDBKeyRange.lowerBound(after, true)
        : IDBKeyRange.bound(after, segment.to, true, true);
  return result(tx.objectStore(segment.store).getAll(range, READ_CHUNK)) as Promise<AnyRecord[]>;
}

/**
 * Reads the share's records with their conflict siblings and export marks in one transaction
 * (a record, its siblings and its marks are read together) and writes each one's canonical
 * JSON as it goes, in primary-key order. A delta leaves out records whose revisions (with their
 * siblings') were all exported before. Chunks are asked for one ahead, so IndexedDB reads the
 * next while this one is serialised.
 */
export async function serialiseShare(
  db: IDBDatabase,
  share: ExportShare,
): Promise<SerialisedShare> {
  const stores = [...new Set(share.segments.map((s) => s.store)), CONFLICTS, EXPORTED_REVS];
  const tx = db.transaction(stores, 'readonly');
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
  done.catch(() => undefined);
  // Everything that does not wait on another read is asked for at once.
  const firsts = share.segments.map((segment) => readChunk(tx, segment, null));
  const siblingReads = share.segments.map(
    (segment) =>
      result(tx.objectStore(CONFLICTS).getAll(compoundRange(segment))) as Promise<ConflictRow[]>,
  );
  const markReads = share.segments.map(
    (segment) =>
      result(tx.objectStore(EXPORTED_REVS).getAll(compoundRange(segment))) as Promise<
        ExportedRevRow[]
      >,
  );
  // Should the transaction fail, reads not awaited yet must not be reported as unhandled.
  for (const read of [...firsts, ...siblingReads, ...markReads]) read.catch(() => undefined);
  const out: SerialisedShare = { parts: [], count: 0, exported: '', attachmentIds: [] };
  const exported: ExportedRevRow[] = [];
  const attachmentIds = new Set<string>();
  for (const [i, segment] of share.segments.entries()) {
    const { type } = segment;
    const siblingsOf = new Map<string, AnyRecord[]>();
    for (const row of await siblingReads[i]!) {
      const list = siblingsOf.get(row.id);
      if (list) list.push(row.record);
      else siblingsOf.set(row.id, [row.record]);
    }
    const already = new Map<string, Set<string>>();
    for (const row of await markReads[i]!) already.set(row.id, new Set(row.revs));
    let next: Promise<AnyRecord[]> | null = firsts[i]!;
    while (next) {
      const rows: AnyRecord[] = await next;
      next = rows.length === READ_CHUNK ? readChunk(tx, segment, rows.at(-1)!.id) : null;
      next?.catch(() => undefined);
      const texts: string[] = [];
      for (const record of rows) {
        const siblings = siblingsOf.get(record.id) ?? [];
        const revs = [record.rev, ...siblings.map((s) => s.rev)];
        const seen = already.size ? already.get(record.id) : undefined;
        const isExported = seen !== undefined && revs.every((rev) => seen.has(rev));
        if (isExported && share.kind === 'delta') continue;
        texts.push(canonicalJson(canonicalBundleRecord(type, record as never, siblings as never)));
        // Only rows that change are written back: a full export of 10,000 records stays cheap.
        if (!isExported) exported.push({ type, id: record.id, revs });
        for (const leaf of [record, ...siblings])
          for (const ref of (leaf as { attachments?: { id: string }[] }).attachments ?? [])
            attachmentIds.add(ref.id);
      }
      out.count += texts.length;
      if (texts.length) out.parts.push(utf8(texts.join(',')));
    }
  }
  await done;
  // Not kept between exports (on the page, it would hold megabytes for nothing).
  scratch = new Uint8Array(0);
  out.exported = JSON.stringify(exported);
  out.attachmentIds = [...attachmentIds];
  return out;
}
