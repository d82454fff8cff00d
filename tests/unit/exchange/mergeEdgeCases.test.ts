import { describe, expect, it } from 'vitest';
import {
  compareLeaves,
  isAncestor,
  mergeLeaves,
  reduceLeaves,
  resolutionMeta,
  unionHistory,
} from '../../../src/exchange/merge.ts';
import { MAX_REVISION_HISTORY } from '../../../src/domain/revision.ts';
import { created, edited, type TestRecord } from './mergeHelpers.ts';

// Edges of the merge rule that the main table (merge.test.ts) does not reach, found by mutation
// testing (issue 12, item 21): generations past 9, tie-breaks read both ways, the history order.
const ID = '22222222-2222-4222-8222-222222222222';
const A1 = created(ID, 'a1');
const A2 = edited(A1, 'a2');
const A3 = edited(A2, 'a3');
const B2 = edited(A1, 'b2');
const [high2, low2] = A2.rev > B2.rev ? [A2, B2] : [B2, A2];

function chain(from: TestRecord, length: number, tag: string): TestRecord {
  let leaf = from;
  for (let i = 0; i < length; i += 1) leaf = edited(leaf, `${tag}${i}`);
  return leaf;
}

describe('compareLeaves', () => {
  it('compares generations as numbers: generation 10 beats generation 9', () => {
    const ten = chain(A1, 9, 'x');
    const nine = chain(A1, 8, 'y');
    expect(ten.rev.startsWith('10-')).toBe(true);
    expect(nine.rev.startsWith('9-')).toBe(true);
    expect(compareLeaves(ten, nine)).toBeLessThan(0);
    expect(compareLeaves(nine, ten)).toBeGreaterThan(0);
    expect(reduceLeaves([nine, ten])[0]).toBe(ten);
  });

  it('breaks a tie on the rev string in both directions', () => {
    expect(compareLeaves(high2, low2)).toBeLessThan(0);
    expect(compareLeaves(low2, high2)).toBeGreaterThan(0);
    expect(compareLeaves(low2, { ...low2 })).toBe(0);
  });

  it('puts a tombstone after a live leaf from either side', () => {
    const gone = edited(A3, 'a3', A3.updatedAt, true);
    expect(compareLeaves(gone, B2)).toBeGreaterThan(0);
    expect(compareLeaves(B2, gone)).toBeLessThan(0);
  });
});

describe('isAncestor', () => {
  it('finds an ancestor in the history', () => {
    expect(isAncestor(A1.rev, A3)).toBe(true);
    expect(isAncestor(B2.rev, A3)).toBe(false);
  });

  it('never takes a revision of the same or a higher generation for an ancestor', () => {
    expect(isAncestor(B2.rev, { ...A2, revisions: [B2.rev, A1.rev] })).toBe(false);
    expect(isAncestor(A3.rev, { ...A2, revisions: [A3.rev, A1.rev] })).toBe(false);
  });
});

describe('mergeLeaves', () => {
  it('drops a local leaf that another local leaf descends from, as an update', () => {
    const result = mergeLeaves([A2, A3], []);
    expect(result.leaves).toEqual([A3]);
    expect(result.change).toBe('updated');
  });
});

describe('unionHistory', () => {
  it('orders every known revision by generation, then by the greater rev, whatever the input order', () => {
    const expected = [A3.rev, high2.rev, low2.rev, A1.rev];
    expect(unionHistory([A3, B2])).toEqual(expected);
    expect(unionHistory([B2, A3])).toEqual(expected);
    expect(unionHistory([low2, high2, A1])).toEqual([high2.rev, low2.rev, A1.rev]);
  });

  it('orders generations as numbers and keeps the newest when it caps the history', () => {
    const long = chain(A1, MAX_REVISION_HISTORY + 4, 'z');
    const history = unionHistory([B2, long]);
    expect(history).toHaveLength(MAX_REVISION_HISTORY);
    expect(history[0]).toBe(long.rev);
    expect(history).toEqual([long.rev, ...long.revisions].slice(0, MAX_REVISION_HISTORY));
    const ten = chain(A1, 9, 'x');
    expect(unionHistory([ten]).slice(0, 2)).toEqual([ten.rev, ten.revisions[0]]);
  });
});

describe('resolutionMeta', () => {
  it('resolves to a live revision unless a deletion is asked for', () => {
    const at = '2026-11-22T00:00:00.000Z';
    expect(resolutionMeta([A3, B2], { v: 'x' }, A1.createdBy, at).deleted).toBe(false);
    expect(resolutionMeta([A3, B2], {}, A1.createdBy, at, true).deleted).toBe(true);
  });

  it('says why it refuses an empty leaf set', () => {
    expect(() => resolutionMeta([], {}, A1.createdBy, A1.createdAt)).toThrow('nothing to resolve');
  });
});
