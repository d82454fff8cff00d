import { recordTypes } from '../domain/recordTypes.ts';
import { recordTables } from './database.ts';
import type { ExportedRevRow } from './exchangeTables.ts';
import type { ExportOptions } from './exchangeExport.ts';
import { getDatabase } from './instance.ts';
import {
  EXPORT_WORKERS,
  releaseExportWorkers,
  serialiseShares,
  warmUpExportWorkers,
} from './exportWorker/exportReaders.ts';
import {
  READ_CHUNK,
  type ExportSegment,
  type ExportShare,
} from './exportWorker/serialiseRecords.ts';

// What an export holds (src/db/exchangeExport.ts): the records read from this PC's database and
// serialised as they are read, in shares by workers (src/db/exportWorker/).

export { READ_CHUNK };

export interface Collected {
  /** How many records the file holds. */
  count: number;
  /** The records' canonical JSON in UTF-8, in the file's order (see startSigningBundle). */
  json: Uint8Array[];
  /** The export marks to write; read after the file is handed over (see markExported). */
  exported(): ExportedRevRow[];
  attachmentIds: Set<string>;
}

/**
 * Below this many records the page serialises them alone (a chunk or two, tens of milliseconds):
 * sharing them costs a planning read and messages each way, and more should the workers not be
 * started yet.
 */
export const SHARE_FROM_RECORDS = 2 * READ_CHUNK;

/** Starts the export's workers now, so that a click on 書き出す does not wait for them. */
export function prepareExportWorkers(): void {
  if (typeof Worker !== 'undefined') warmUpExportWorkers(getDatabase().name);
}

export { releaseExportWorkers };

/**
 * Splits the chosen records (in the file's order: by type, then primary key) into equal shares,
 * one per worker, as key ranges: the counts and the keys where shares meet are read in one
 * transaction. Each share then reads its records, their siblings and marks in one transaction
 * of its own; a record changed in between is in exactly one share, as it is then.
 */
async function planShares(
  options: Pick<ExportOptions, 'kind' | 'types'>,
  shareCount: number,
): Promise<ExportShare[]> {
  const db = getDatabase();
  const types = recordTypes.filter((t) => options.types.includes(t));
  const whole = (type: (typeof types)[number]): ExportSegment => ({
    type,
    store: recordTables[type],
    from: null,
    to: null,
  });
  const single = (): ExportShare[] => [{ kind: options.kind, segments: types.map(whole) }];
  if (shareCount < 2) return single();
  const tables = types.map((type) => db.recordTable(type));
  return db.transaction('r', tables, async () => {
    const counts = await Promise.all(tables.map((table) => table.count()));
    const total = counts.reduce((sum, n) => sum + n, 0);
    if (total < SHARE_FROM_RECORDS) return single();
    // Where each share after the first begins: [type index, key], found by skipping keys.
    const cuts = await Promise.all(
      Array.from({ length: shareCount - 1 }, async (_, k) => {
        let at = Math.floor((total * (k + 1)) / shareCount);
        let t = 0;
        while (at >= counts[t]!) at -= counts[t++]!;
        const [key] = await tables[t]!.orderBy(':id').offset(at).limit(1).primaryKeys();
        return { t, key: key! };
      }),
    );
    const bounds = [{ t: 0, key: null as string | null }, ...cuts];
    return bounds.map((start, i): ExportShare => {
      const end = cuts[i];
      const segments: ExportSegment[] = [];
      for (let t = start.t; t <= (end ? end.t : types.length - 1); t++) {
        const from = t === start.t ? start.key : null;
        const to = end && t === end.t ? end.key : null;
        if (from !== null && from === to) continue;
        segments.push({ ...whole(types[t]!), from, to });
      }
      return { kind: options.kind, segments };
    });
  });
}

/**
 * Reads the chosen records with their conflict siblings (for a delta only unexported ones) and
 * their canonical JSON, in shares serialised in parallel by workers where the page can start
 * them (src/db/exportWorker/exportReaders.ts), else on the page: the same bytes either way.
 */
export async function collectRecords(
  options: Pick<ExportOptions, 'kind' | 'types'>,
): Promise<Collected> {
  const db = getDatabase();
  const canShare = typeof Worker !== 'undefined';
  const shares = await planShares(options, canShare ? EXPORT_WORKERS : 1);
  const open = async () => {
    if (!db.isOpen()) await db.open();
    return db.backendDB();
  };
  const done = await serialiseShares(db.name, open, shares);
  return {
    count: done.reduce((sum, share) => sum + share.count, 0),
    json: done.flatMap((share) => share.parts),
    exported: () => done.flatMap((share) => JSON.parse(share.exported) as ExportedRevRow[]),
    attachmentIds: new Set(done.flatMap((share) => share.attachmentIds)),
  };
}
