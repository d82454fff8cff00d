import { describeAuthor, type AuditAction, type AuditAuthor, type AuditEntry } from './audit.ts';
import {
  auditFilterProblem,
  auditPeriodBounds,
  recordIdInText,
  type AuditFilter,
} from './auditFilter.ts';
import { recordTypeLabels, type RecordType } from './recordTypes.ts';
import { normalizeForSearch } from './text.ts';

// What the 操作履歴 filter looks at in an entry, folded once. A search over a trail of 50,000
// entries tests digests kept in memory (the trail is append-only, so a digest never goes stale)
// instead of reading every entry from IndexedDB again on each key press.

export interface AuditDigest {
  seq: number;
  at: string;
  action: AuditAction;
  /** The record types the entry concerns: its own, or those an import changed. */
  types: readonly RecordType[];
  /**
   * The record ids it concerns, or null when left out: a cached digest drops them (an import
   * can name 10,000) and the `recordId` / `*recordIds` indexes answer a search by id instead.
   */
  ids: readonly string[] | null;
  /** Folded: summary, file or document name, record type. */
  text: string;
  /** Folded: staff name, station id and label, signers of what an import brought. */
  who: string;
}

function signersOf(entry: AuditEntry): string[] {
  const authors = new Set<string>();
  const add = (author: AuditAuthor | null) => {
    if (author) authors.add(`${describeAuthor(author)} ${author.keyId ?? ''}`);
  };
  for (const change of entry.records ?? []) {
    add(change.newBy);
    add(change.replacedBy);
  }
  return [...authors];
}

/** The digest of one entry; `withIds: false` for the in-memory cache. */
export function auditDigest(entry: AuditEntry, options: { withIds?: boolean } = {}): AuditDigest {
  const types = new Set<RecordType>(entry.recordType ? [entry.recordType] : []);
  for (const change of entry.records ?? []) types.add(change.type);
  const fold = (parts: string[]) => normalizeForSearch(parts.join('\n'));
  return {
    seq: entry.seq ?? 0,
    at: entry.at,
    action: entry.action,
    types: [...types],
    ids:
      options.withIds === false
        ? null
        : [...(entry.recordId ? [entry.recordId] : []), ...(entry.recordIds ?? [])],
    text: fold([
      entry.summary,
      entry.release?.name ?? '',
      entry.recordType ? recordTypeLabels[entry.recordType] : '',
    ]),
    who: fold([entry.actor, entry.stationId, entry.release?.where ?? '', ...signersOf(entry)]),
  };
}

/** The folded words of a query; a digest must hold every one. */
function termsOf(query: string): string[] {
  return normalizeForSearch(query).split(/\s+/).filter(Boolean);
}

/**
 * The filter as a test of one digest, worked out once (bounds, id, folded words), so nothing is
 * parsed or folded per entry. A digest without ids passes the id part: its caller narrowed by
 * the index.
 */
export function auditFilterPredicate(filter: AuditFilter): (digest: AuditDigest) => boolean {
  if (auditFilterProblem(filter)) return () => false;
  const { lower, upper } = auditPeriodBounds(filter);
  const { action, recordType } = filter;
  const id = recordIdInText(filter.text);
  const words = id ? [] : termsOf(filter.text);
  const who = termsOf(filter.who);
  return (d) =>
    !(lower && d.at < lower) &&
    !(upper && d.at >= upper) &&
    !(action && d.action !== action) &&
    !(recordType && !d.types.includes(recordType)) &&
    !(id && d.ids && !d.ids.includes(id)) &&
    words.every((word) => d.text.includes(word)) &&
    who.every((word) => d.who.includes(word));
}

/** True when `entry` passes every part of the filter. */
export function matchesAuditFilter(entry: AuditEntry, filter: AuditFilter): boolean {
  return auditFilterPredicate(filter)(auditDigest(entry));
}
