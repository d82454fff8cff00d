import type { RecordOf } from '../domain/recordSchemas.ts';
import { recordTypes, type RecordType } from '../domain/recordTypes.ts';
import { canonicalJson } from '../domain/canonicalJson.ts';
import type { BundleRecord } from '../exchange/bundleRecord.ts';
import { canonicalBundleRecord } from '../exchange/createBundle.ts';
import { recordTables } from './database.ts';
import { exchangeTables, type ExportedRevRow } from './exchangeTables.ts';
import type { ExportOptions } from './exchangeExport.ts';
import { getDatabase } from './instance.ts';

// What an export holds (src/db/exchangeExport.ts): the records read from this PC's database and
// serialised as they are read.

type AnyRecord = RecordOf<RecordType>;

export interface Collected {
  records: BundleRecord[];
  /** The records' canonical JSON in UTF-8, a part per chunk read (see startSigningBundle). */
  json: Uint8Array[];
  exported: ExportedRevRow[];
  attachmentIds: Set<string>;
}

/**
 * Records read from IndexedDB at a time (the next chunk is read while this one is serialised),
 * and export marks written at a time.
 */
export const READ_CHUNK = 1000;

/**
 * Reads the chosen records with their conflict siblings (for a delta only unexported ones) and
 * writes each one's canonical JSON as it goes. Chunks are asked for one ahead, so IndexedDB
 * (about two thirds of the reading, off the page's thread) reads the next chunk while the page
 * serialises this one; in one read, the page waited for all 10,000 rows and then serialised them.
 */
export async function collectRecords(
  options: Pick<ExportOptions, 'kind' | 'types'>,
): Promise<Collected> {
  const db = getDatabase();
  const { conflicts, exportedRevs } = exchangeTables(db);
  const tables = options.types.map((type) => db.table(recordTables[type]));
  const types = recordTypes.filter((t) => options.types.includes(t));
  // In primary-key order, as one toArray() read them: the same records give the same file.
  const read = (type: RecordType, after?: string) => {
    const table = db.recordTable(type);
    return (after === undefined ? table.orderBy(':id') : table.where(':id').above(after))
      .limit(READ_CHUNK)
      .toArray() as Promise<AnyRecord[]>;
  };
  return db.transaction('r', [...tables, conflicts, exportedRevs], async () => {
    // Everything that does not depend on another read is asked for at once (each read waited for
    // in turn cost a round trip to IndexedDB): the siblings, the marks (after a first export a
    // row per record) and the first chunk of every type.
    const firstChunks = types.map((type) => read(type));
    // Should the transaction fail, those not awaited yet must not be reported as unhandled.
    for (const chunk of firstChunks) chunk.catch(() => undefined);
    const [siblingRows, exportedRows] = await Promise.all([
      conflicts.toArray(),
      exportedRevs.toArray(),
    ]);
    const already = new Map<string, Set<string>>();
    for (const row of exportedRows) already.set(`${row.type}/${row.id}`, new Set(row.revs));
    const collected: Collected = { records: [], json: [], exported: [], attachmentIds: new Set() };
    const encoder = new TextEncoder();
    for (const [i, type] of types.entries()) {
      const siblingsOf = new Map<string, AnyRecord[]>();
      for (const row of siblingRows) {
        if (row.type !== type) continue;
        const list = siblingsOf.get(row.id);
        if (list) list.push(row.record);
        else siblingsOf.set(row.id, [row.record]);
      }
      let next: Promise<AnyRecord[]> | null = firstChunks[i]!;
      while (next) {
        const rows: AnyRecord[] = await next;
        next = rows.length === READ_CHUNK ? read(type, rows[rows.length - 1]!.id) : null;
        const texts: string[] = [];
        for (const record of rows) {
          const siblings = siblingsOf.get(record.id) ?? [];
          const revs = [record.rev, ...siblings.map((s) => s.rev)];
          const seen = already.size ? already.get(`${type}/${record.id}`) : undefined;
          const isExported = seen !== undefined && revs.every((rev) => seen.has(rev));
          if (isExported && options.kind === 'delta') continue;
          const bundled = canonicalBundleRecord(type, record as never, siblings as never[]);
          collected.records.push(bundled);
          texts.push(canonicalJson(bundled));
          // Only rows that change are written back: a full export of 10,000 records stays cheap.
          if (!isExported) collected.exported.push({ type, id: record.id, revs });
          for (const leaf of [record, ...siblings])
            for (const ref of (leaf as { attachments?: { id: string }[] }).attachments ?? [])
              collected.attachmentIds.add(ref.id);
        }
        if (texts.length) collected.json.push(encoder.encode(texts.join(',')));
      }
    }
    return collected;
  });
}
