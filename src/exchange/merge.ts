import { computeRevision, MAX_REVISION_HISTORY, revisionGeneration } from '../domain/revision.ts';
import type { RevisionMeta } from '../domain/recordMeta.ts';

/**
 * Merge of record revisions, CouchDB style (see docs/bundle-format.md, 「マージ」).
 *
 * A record is a set of *leaves*: revisions no other known revision descends from. `revisions`
 * (ancestors, newest first) is read as the SET of a leaf's known ancestors, so history is a DAG
 * like git's. Merging two leaf sets = union (two copies of one rev merge their ancestry), then
 * drop every leaf that is an ancestor of another leaf. One deterministic winner is shown and
 * stored in the main table; the other leaves are kept as conflict siblings until a person
 * resolves them. Because the result depends only on the union of revisions (and of ancestries),
 * merge is idempotent, commutative and associative; clocks (`updatedAt`) never take part.
 */
export interface Leaf {
  rev: string;
  revisions: readonly string[];
  deleted: boolean;
}

/** What a merge did to one record, for the import preview. */
export type MergeChange = 'new' | 'updated' | 'unchanged' | 'conflict';

export interface MergeResult<T extends Leaf> {
  /** The surviving leaves, winner first, then siblings in winner order. */
  leaves: T[];
  change: MergeChange;
  /**
   * True when the change is 'updated' only because a kept revision learnt ancestors from an
   * identical copy (same rev, so same content): the data shown does not change.
   */
  historyOnly: boolean;
}

/**
 * Winner order: a live revision beats a tombstone, then the higher generation, then the greater
 * rev string. Negative when `a` wins.
 */
export function compareLeaves(a: Leaf, b: Leaf): number {
  if (a.deleted !== b.deleted) return a.deleted ? 1 : -1;
  const generations = revisionGeneration(b.rev) - revisionGeneration(a.rev);
  if (generations !== 0) return generations;
  return a.rev < b.rev ? 1 : a.rev > b.rev ? -1 : 0;
}

/** True when `ancestor` is a known ancestor of `leaf`. */
export function isAncestor(ancestor: string, leaf: Leaf): boolean {
  // A descendant always has a higher generation: skip the scan otherwise.
  if (revisionGeneration(ancestor) >= revisionGeneration(leaf.rev)) return false;
  return leaf.revisions.includes(ancestor);
}

/**
 * The ancestry of two copies of one rev merged: the union of both, newest generation first, ties
 * by the greater rev string, capped at MAX_REVISION_HISTORY (the parent, being the newest, is
 * never cut). Returns `kept` itself when the other copy adds nothing, so callers can tell by
 * identity whether anything was learnt.
 */
export function mergeAncestry(
  kept: readonly string[],
  other: readonly string[],
): readonly string[] {
  const known = new Set(kept);
  if (other.every((rev) => known.has(rev))) return kept;
  const merged = sortHistory(new Set([...kept, ...other]));
  // With the cap, the union can come back as the kept set in another order: nothing learnt.
  return merged.length === kept.length && merged.every((rev) => known.has(rev)) ? kept : merged;
}

function sortHistory(revs: Iterable<string>): string[] {
  return [...revs]
    .sort((a, b) => revisionGeneration(b) - revisionGeneration(a) || (a < b ? 1 : a > b ? -1 : 0))
    .slice(0, MAX_REVISION_HISTORY);
}

/**
 * `kept` with the ancestors `other` (the same rev) knows beyond its own. The rev rule makes the
 * same rev the same content and parent, so only the ancestry can differ: two PCs that make the
 * same resolution, one of them knowing a third version, must both end up knowing it (CouchDB
 * merges its revision trees the same way). Returns `kept` itself when nothing is learnt.
 */
export function withMergedAncestry<T extends Leaf>(kept: T, other: Leaf): T {
  const revisions = mergeAncestry(kept.revisions, other.revisions);
  return revisions === kept.revisions ? kept : { ...kept, revisions: [...revisions] };
}

/**
 * The leaves that survive a union of `leaves`: one copy per rev (the first given is kept, with
 * the ancestry of every copy merged into it), without any leaf that another one descends from,
 * sorted winner first.
 */
export function reduceLeaves<T extends Leaf>(leaves: readonly T[]): T[] {
  const byRev = new Map<string, T>();
  for (const leaf of leaves) {
    const kept = byRev.get(leaf.rev);
    byRev.set(leaf.rev, kept ? withMergedAncestry(kept, leaf) : leaf);
  }
  const unique = [...byRev.values()];
  if (unique.length === 1) return unique;
  const ancestors = new Set<string>();
  for (const leaf of unique) for (const rev of leaf.revisions) ancestors.add(rev);
  return unique.filter((leaf) => !ancestors.has(leaf.rev)).sort(compareLeaves);
}

/**
 * Merges the incoming leaves of one record into the local ones (winner + siblings).
 * Pure: neither input is changed. A local leaf whose ancestry grows is a new object; one that
 * learns nothing is returned as given.
 */
export function mergeLeaves<T extends Leaf>(
  local: readonly T[],
  incoming: readonly T[],
): MergeResult<T> {
  // Fast path for the common re-import: one local leaf, one incoming copy of it.
  if (local.length === 1 && incoming.length === 1 && local[0]!.rev === incoming[0]!.rev) {
    const leaf = withMergedAncestry(local[0]!, incoming[0]!);
    const grew = leaf !== local[0];
    return { leaves: [leaf], change: grew ? 'updated' : 'unchanged', historyOnly: grew };
  }
  const leaves = reduceLeaves([...local, ...incoming]);
  if (local.length === 0)
    return { leaves, change: leaves.length > 1 ? 'conflict' : 'new', historyOnly: false };
  const localByRev = new Map(local.map((leaf) => [leaf.rev, leaf]));
  const sameRevs =
    leaves.length === localByRev.size && leaves.every((leaf) => localByRev.has(leaf.rev));
  if (sameRevs) {
    const grew = leaves.some((leaf) => leaf !== localByRev.get(leaf.rev));
    return { leaves, change: grew ? 'updated' : 'unchanged', historyOnly: grew };
  }
  return { leaves, change: leaves.length > 1 ? 'conflict' : 'updated', historyOnly: false };
}

/**
 * Every revision known to the leaves (their revs and ancestors), newest generation first,
 * capped at MAX_REVISION_HISTORY. Ties break on the rev string so every station agrees.
 */
export function unionHistory(leaves: readonly Leaf[]): string[] {
  const all = new Set<string>();
  for (const leaf of leaves) {
    all.add(leaf.rev);
    for (const rev of leaf.revisions) all.add(rev);
  }
  return sortHistory(all);
}

/**
 * Metadata of the revision that resolves a conflict with `data` (one leaf's data, or fields
 * combined from several). Its ancestry holds every leaf, so it supersedes all of them on every
 * station it reaches. The parent named in the hash is the highest-generation leaf, so the same
 * resolution made on two PCs gets the same rev. `deleted` resolves to a tombstone (the person
 * accepted a deletion made on another PC).
 */
export function resolutionMeta(
  leaves: readonly (Leaf & RevisionMeta)[],
  data: unknown,
  stationId: string,
  at: string,
  deleted = false,
): RevisionMeta {
  if (leaves.length === 0) throw new Error('nothing to resolve');
  const winner = [...leaves].sort(compareLeaves)[0]!;
  // The parent is the first of the merged history (highest generation, then greatest rev), so
  // the rev rule's "parent = an ancestor one generation below" holds and two PCs agree on it.
  const revisions = unionHistory(leaves);
  return {
    id: winner.id,
    rev: computeRevision(revisions[0]!, deleted, data),
    revisions,
    createdAt: winner.createdAt,
    createdBy: winner.createdBy,
    updatedAt: at,
    updatedBy: stationId,
    deleted,
  };
}
