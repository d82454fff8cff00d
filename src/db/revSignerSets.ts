import type { Table, Transaction } from 'dexie';
import type { AuditAuthor } from '../domain/audit.ts';
import type { RecordType } from '../domain/recordTypes.ts';
import type { RevSignerRow } from './exchangeTables.ts';

// DO NOT RENAME: stored in every user's IndexedDB (Dexie version 8, database.ts).
export const REV_SIGNER_SETS_TABLE = 'revSignerSets';
/** The table of Dexie versions 4–7, one row per revision; read only to convert it. */
export const LEGACY_REV_SIGNERS_TABLE = 'revSigners';

/**
 * Who signed the revisions one import brought (issue 12, item 10), so a later import can name
 * whose version it replaces: ONE row per import, found by revision through the multi-entry
 * index `*revs`. Until version 8 there was a row per revision, and a 10,000-record import wrote
 * 10,000 of them; in IndexedDB the cost of a write is mostly per row (issue 9, docs/performance.md).
 * Revisions made here have none: their `updatedBy` is this PC.
 */
export interface RevSignerSetRow {
  /** The import that brought them (ImportRow.seq); undoing that import removes the row. */
  importSeq: number;
  /** The file's signer: a 'key' author (label and role as trusted on this PC then). */
  signer: AuditAuthor;
  /** `revSignerKey` of every version the import added. */
  revs: string[];
}

export function revSignerSetsTable(db: {
  table(name: string): Table;
}): Table<RevSignerSetRow, number> {
  return db.table(REV_SIGNER_SETS_TABLE) as Table<RevSignerSetRow, number>;
}

/**
 * One string per received version. Unambiguous: the type is one of a fixed set without `/`, and
 * a rev (`<generation>-<hex>`) has none either, so only the id in between may hold one.
 */
export function revSignerKey(type: RecordType, id: string, rev: string): string {
  return `${type}/${id}/${rev}`;
}

/** The rows of the old per-revision table as rows of this one (one per import, in order). */
export function groupLegacyRevSigners(rows: readonly RevSignerRow[]): RevSignerSetRow[] {
  const byImport = new Map<number, RevSignerSetRow>();
  for (const row of rows) {
    const set = byImport.get(row.importSeq);
    const key = revSignerKey(row.type, row.id, row.rev);
    if (set) set.revs.push(key);
    else byImport.set(row.importSeq, { importSeq: row.importSeq, signer: row.signer, revs: [key] });
  }
  return [...byImport.values()].sort((a, b) => a.importSeq - b.importSeq);
}

/** Dexie version 8's upgrade: the per-revision rows become one row per import. */
export async function convertLegacyRevSigners(tx: Transaction): Promise<void> {
  const rows = (await tx.table(LEGACY_REV_SIGNERS_TABLE).toArray()) as RevSignerRow[];
  if (rows.length) await tx.table(REV_SIGNER_SETS_TABLE).bulkPut(groupLegacyRevSigners(rows));
}
