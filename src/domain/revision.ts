import { canonicalJson } from './canonicalJson.ts';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
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

/** RFC 8785 canonical JSON of a JSON-compatible value (fast: see canonicalJson.ts). */
export { canonicalJson };

export function revisionGeneration(rev: string): number {
  return Number(rev.slice(0, rev.indexOf('-')));
}

const encoder = new TextEncoder();
/** Reused for every hash: an import checks 10,000 revs, and a fresh array each was a tenth of it. */
let scratch = new Uint8Array(64 * 1024);

/** UTF-8 of `text` in the scratch buffer (valid until the next call). */
function utf8Scratch(text: string): Uint8Array {
  // A UTF-16 code unit never takes more than 3 bytes in UTF-8.
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  return scratch.subarray(0, encoder.encodeInto(text, scratch).written);
}

/** Computes the revision id of a new state that follows `parentRev` (null for a first write). */
export function computeRevision(parentRev: string | null, deleted: boolean, data: unknown): string {
  const generation = parentRev ? revisionGeneration(parentRev) + 1 : 1;
  const digest = sha256(utf8Scratch(canonicalJson({ parent: parentRev, deleted, data })));
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

/**
 * Highest generation accepted from a file. The rev format allows nine digits; a record accepted
 * must stay editable for a long time, so a file may not come near that end.
 */
export const MAX_ACCEPTED_GENERATION = 100_000_000;

/** Why a received record's rev does not hold, named for the person (revisionProblemLabels). */
export type RevisionProblem = 'generationTooHigh' | 'selfAncestor' | 'badAncestry' | 'mismatch';

export const revisionProblemLabels: Record<RevisionProblem, string> = {
  generationTooHigh: `版の世代番号が大きすぎます（${MAX_ACCEPTED_GENERATION.toLocaleString('ja-JP')} まで）`,
  selfAncestor: '版の履歴に自分自身が含まれています',
  badAncestry: '版の履歴が正しくありません（親の版がないか、世代番号が合いません）',
  mismatch: '版の識別子が内容と一致しません（内容が書き換えられています）',
};

/**
 * The rev rule, checked on every record as received, before any upgrade: a rev is
 * `<generation>-<hash>` of `{parent, deleted, data}`, where the parent is an ancestor exactly one
 * generation below (null for generation 1), every ancestor is of a lower generation, and none
 * repeats. So a rev names one content, and two stations holding the same rev hold the same data.
 * Returns null when the rule holds.
 */
export function checkRevision(
  leaf: { rev: string; revisions: readonly string[]; deleted: boolean },
  data: unknown,
): RevisionProblem | null {
  const generation = revisionGeneration(leaf.rev);
  if (generation > MAX_ACCEPTED_GENERATION) return 'generationTooHigh';
  if (leaf.revisions.includes(leaf.rev)) return 'selfAncestor';
  if (new Set(leaf.revisions).size !== leaf.revisions.length) return 'badAncestry';
  if (leaf.revisions.some((rev) => revisionGeneration(rev) >= generation)) return 'badAncestry';
  const parents =
    generation === 1
      ? [null]
      : leaf.revisions.filter((rev) => revisionGeneration(rev) === generation - 1);
  if (parents.length === 0 || (generation === 1 && leaf.revisions.length > 0)) return 'badAncestry';
  return parents.some((parent) => computeRevision(parent, leaf.deleted, data) === leaf.rev)
    ? null
    : 'mismatch';
}
