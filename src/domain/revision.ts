import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from './zodLocale.ts';

/**
 * Revisions follow CouchDB's model so a future replicator can speak the same language as the
 * file importer: `<generation>-<content hash>`, where the hash covers the parent revision, the
 * tombstone flag and the record's data in RFC 8785 canonical form. The same edit made from
 * the same parent therefore gets the same revision id on every station.
 */
export const revSchema = z.string().regex(/^[1-9][0-9]{0,8}-[0-9a-f]{32}$/, {
  error: 'リビジョンの形式が正しくありません',
});

/** Ancestors kept per record (newest first). CouchDB keeps 1000; we exchange files, not streams. */
export const MAX_REVISION_HISTORY = 100;

/** RFC 8785 canonical JSON of a JSON-compatible value. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value cannot be canonicalised');
  return text;
}

export function revisionGeneration(rev: string): number {
  return Number(rev.slice(0, rev.indexOf('-')));
}

/** Computes the revision id of a new state that follows `parentRev` (null for a first write). */
export function computeRevision(parentRev: string | null, deleted: boolean, data: unknown): string {
  const generation = parentRev ? revisionGeneration(parentRev) + 1 : 1;
  const digest = sha256(utf8ToBytes(canonicalJson({ parent: parentRev, deleted, data })));
  return `${generation}-${bytesToHex(digest).slice(0, 32)}`;
}

/** The ancestry after moving from `parentRev` (with its own history) to a child revision. */
export function extendHistory(
  parentRev: string | null,
  parentHistory: readonly string[],
): string[] {
  if (!parentRev) return [];
  return [parentRev, ...parentHistory].slice(0, MAX_REVISION_HISTORY);
}
