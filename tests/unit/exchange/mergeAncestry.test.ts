import { describe, expect, it } from 'vitest';
import { computeRevision, MAX_REVISION_HISTORY } from '../../../src/domain/revision.ts';
import {
  mergeAncestry,
  mergeLeaves,
  resolutionMeta,
  withMergedAncestry,
} from '../../../src/exchange/merge.ts';
import { created, edited, type TestRecord } from './mergeHelpers.ts';

// Issue #12, item 2: two copies of one rev (the same content and parent, by the rev rule) may
// know different ancestors. Like CouchDB's revision tree, the merge keeps their union, so a
// version one PC knows to be superseded is superseded on every PC.

const ID = '22222222-2222-4222-8222-222222222222';
const A1 = created(ID, 'a1');
const A2 = edited(A1, 'a2');
const B2 = edited(A1, 'b2');
const parentOfResolution = A2.rev > B2.rev ? A2 : B2;

/** A third concurrent version whose rev sorts below the resolution's parent. */
function lowerConcurrentEdit(): TestRecord {
  for (let i = 0; ; i += 1) {
    const candidate = edited(A1, `e${i}`);
    if (candidate.rev < parentOfResolution.rev) return candidate;
  }
}
const E2 = lowerConcurrentEdit();

/** The same resolution (A2's data) made on a PC that knows `leaves`. */
function resolvedOn(leaves: TestRecord[]): TestRecord {
  const meta = resolutionMeta(leaves, { v: 'a2' }, A1.createdBy, '2026-11-22T00:00:00.000Z');
  return { ...A2, ...meta, v: 'a2' };
}
const short = resolvedOn([A2, B2]);
const long = resolvedOn([A2, B2, E2]);

describe('copies of one rev merge their ancestry', () => {
  it('the scenario of the issue gives one rev with two different ancestries', () => {
    expect(short.rev).toBe(long.rev);
    expect(long.revisions).toContain(E2.rev);
    expect(short.revisions).not.toContain(E2.rev);
  });

  it('a PC that holds E and receives the short copy first drops E when the long one arrives', () => {
    const first = mergeLeaves([A2, B2, E2], [short]);
    expect(first.leaves.map((l) => l.rev).sort()).toEqual([short.rev, E2.rev].sort());
    const second = mergeLeaves(first.leaves, [long]);
    expect(second.change).toBe('updated');
    expect(second.historyOnly).toBe(false);
    expect(second.leaves.map((l) => l.rev)).toEqual([long.rev]);
    expect(second.leaves[0]!.revisions).toContain(E2.rev);
  });

  it('a PC that holds the short copy learns E as an ancestor: updated, history only', () => {
    const result = mergeLeaves([short], [long]);
    expect(result).toMatchObject({ change: 'updated', historyOnly: true });
    expect(result.leaves[0]!.revisions).toEqual(expect.arrayContaining(long.revisions));
    // The merged copy keeps the local metadata and the data its rev names.
    expect(result.leaves[0]).toMatchObject({ rev: short.rev, v: 'a2', updatedAt: short.updatedAt });
    // …so E arriving late is already known there: unchanged, no conflict.
    expect(mergeLeaves(result.leaves, [E2]).change).toBe('unchanged');
  });

  it('ends the same whichever copy comes first, and a second delivery changes nothing', () => {
    const viaShort = mergeLeaves(mergeLeaves([E2], [short]).leaves, [long]).leaves;
    const viaLong = mergeLeaves(mergeLeaves([E2], [long]).leaves, [short]).leaves;
    expect(viaShort.map((l) => [l.rev, [...l.revisions].sort()])).toEqual(
      viaLong.map((l) => [l.rev, [...l.revisions].sort()]),
    );
    const again = mergeLeaves(viaShort, [long, short]);
    expect(again.change).toBe('unchanged');
    expect(again.leaves[0]).toBe(viaShort[0]);
  });

  it('keeps the rev rule: the merged ancestry still holds the parent one generation below', () => {
    const merged = withMergedAncestry(short, long);
    expect(merged.revisions[0]).toBe(parentOfResolution.rev);
    expect(computeRevision(merged.revisions[0]!, false, { v: 'a2' })).toBe(merged.rev);
    expect(new Set(merged.revisions).size).toBe(merged.revisions.length);
  });

  it('returns the kept ancestry itself when the other copy adds nothing, and caps the union', () => {
    expect(mergeAncestry(long.revisions, short.revisions)).toBe(long.revisions);
    const many = Array.from({ length: MAX_REVISION_HISTORY }, (_, i) =>
      computeRevision(null, false, { i }).replace(/^1-/, `${MAX_REVISION_HISTORY + 1 - i}-`),
    );
    const older = ['1-' + 'f'.repeat(32)];
    expect(mergeAncestry(many, older)).toBe(many);
    const newer = [`${MAX_REVISION_HISTORY + 2}-${'0'.repeat(32)}`];
    const merged = mergeAncestry(many, newer);
    expect(merged).toHaveLength(MAX_REVISION_HISTORY);
    expect(merged[0]).toBe(newer[0]);
  });
});
