import {
  auditActionLabels,
  auditEntryFieldLabels,
  type AuditColumn,
  type AuditEntry,
} from '../domain/audit.ts';
import { formatAuditTime } from '../domain/auditFilter.ts';
import { recordTypeLabels } from '../domain/recordTypes.ts';
import { toCsv, type CsvCell } from './csv.ts';

/** Each column's cell; the header and order come from auditEntryFieldLabels (one label source). */
const cells: Record<AuditColumn, (entry: AuditEntry) => CsvCell> = {
  at: (e) => formatAuditTime(e.at, true),
  action: (e) => auditActionLabels[e.action],
  recordType: (e) => (e.recordType ? recordTypeLabels[e.recordType] : ''),
  summary: (e) => e.summary,
  actor: (e) => e.actor,
  releaseName: (e) => e.release?.name ?? '',
  releaseCount: (e) => e.release?.count ?? null,
  releaseWhere: (e) => e.release?.where ?? '',
  // An import names its records in a list (decision 9); a cell holds how many, not 10,000 ids.
  recordId: (e) => e.recordId ?? (e.recordIds?.length ? `（${e.recordIds.length}件の記録）` : ''),
  rev: (e) => e.rev ?? '',
  stationId: (e) => e.stationId,
  releaseSha256: (e) => e.release?.sha256 ?? '',
};

const columns = Object.keys(auditEntryFieldLabels) as AuditColumn[];

/** Audit entries as a CSV for Excel, in the order given (the screen's: newest first). */
export function auditEntriesToCsv(entries: readonly AuditEntry[]): string {
  return toCsv(
    columns.map((column) => auditEntryFieldLabels[column]),
    entries.map((entry) => columns.map((column) => cells[column](entry))),
  );
}
