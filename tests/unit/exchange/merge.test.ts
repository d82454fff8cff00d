import { describe, expect, it } from 'vitest';
import {
  compareLeaves,
  mergeLeaves,
  reduceLeaves,
  resolutionMeta,
  unionHistory,
  type MergeChange,
} from '../../../src/exchange/merge.ts';
import { created, edited, type TestRecord } from './mergeHelpers.ts';

// One record's history, named for the table below:
//   A1 ─ A2 ─ A3        (A2: edit on one PC, A3: its next edit)
//     └─ B2             (B2: a concurrent edit of A1 on another PC)
//   A2 ─ D3             (D3: a deletion of A2)
const ID = '11111111-1111-4111-8111-111111111111';
const A1 = created(ID, 'a1');
const A2 = edited(A1, 'a2');
const A3 = edited(A2, 'a3');
const B2 = edited(A1, 'b2', '2020-01-01T00:00:00.000Z');
const D3 = edited(A2, 'a2', A2.updatedAt, true);
const named: Record<string, TestRecord> = { A1, A2, A3, B2, D3 };
const nameOf = (r: TestRecord) => Object.keys(named).find((k) => named[k]!.rev === r.rev)!;

/** local leaves, incoming leaves → change and surviving leaves (as a set). */
const table: [string[], string[], MergeChange, string[]][] = [
  [[], ['A1'], 'new', ['A1']],
  [['A1'], ['A1'], 'unchanged', ['A1']],
  [['A1'], ['A2'], 'updated', ['A2']],
  [['A2'], ['A1'], 'unchanged', ['A2']],
  [['A1'], ['A3'], 'updated', ['A3']],
  [['A2'], ['B2'], 'conflict', ['A2', 'B2']],
  [['A2', 'B2'], ['A3'], 'conflict', ['A3', 'B2']],
  [['A2', 'B2'], ['B2'], 'unchanged', ['A2', 'B2']],
  [['A2', 'B2'], ['A1'], 'unchanged', ['A2', 'B2']],
  [['A3'], ['D3'], 'conflict', ['A3', 'D3']],
  [['A2'], ['D3'], 'updated', ['D3']],
  [['D3'], ['A2'], 'unchanged', ['D3']],
  [[], ['A2', 'B2'], 'conflict', ['A2', 'B2']],
];

describe('mergeLeaves', () => {
  it.each(table)('%j + %j → %s %j', (local, incoming, change, leaves) => {
    const result = mergeLeaves(
      local.map((n) => named[n]!),
      incoming.map((n) => named[n]!),
    );
    expect(result.change).toBe(change);
    expect(result.leaves.map(nameOf).sort()).toEqual([...leaves].sort());
  });

  it('keeps the local copy of an identical revision, so a re-import changes nothing', () => {
    const incoming = { ...A2, updatedAt: '2099-01-01T00:00:00.000Z' };
    expect(mergeLeaves([A2], [incoming]).leaves[0]).toBe(A2);
    expect(mergeLeaves([A2, B2], [incoming]).leaves).toContain(A2);
  });

  it('never lets updatedAt decide: a clock far in the future does not win', () => {
    const future = { ...B2, updatedAt: '2999-01-01T00:00:00.000Z' };
    const past = { ...B2, updatedAt: '1999-01-01T00:00:00.000Z' };
    expect(mergeLeaves([A2], [future]).leaves[0]!.rev).toBe(
      mergeLeaves([A2], [past]).leaves[0]!.rev,
    );
  });
});

describe('compareLeaves (the winner rule)', () => {
  it('prefers a live revision over a tombstone, even of a higher generation', () => {
    expect(reduceLeaves([D3, B2])[0]).toBe(B2);
  });
  it('prefers the higher generation', () => {
    expect(reduceLeaves([A3, B2])[0]).toBe(A3);
  });
  it('breaks a tie on the greater rev string, the same on every PC', () => {
    const [first, second] = A2.rev > B2.rev ? [A2, B2] : [B2, A2];
    expect(reduceLeaves([second, first])[0]).toBe(first);
    expect(compareLeaves(first, second)).toBeLessThan(0);
    expect(compareLeaves(first, first)).toBe(0);
  });
});

describe('resolutionMeta', () => {
  it('makes a revision that supersedes every leaf and names their whole history', () => {
    const meta = resolutionMeta(
      [A3, B2],
      { v: 'combined' },
      A1.createdBy,
      '2026-11-22T00:00:00.000Z',
    );
    const resolved: TestRecord = { ...A3, ...meta, v: 'combined' };
    expect(meta.rev).toMatch(/^4-/);
    expect(meta.revisions).toEqual(unionHistory([A3, B2]));
    expect(meta.revisions.slice(0, 2)).toEqual([A3.rev, A2.rev > B2.rev ? A2.rev : B2.rev]);
    expect(mergeLeaves([A3, B2], [resolved])).toMatchObject({
      change: 'updated',
      leaves: [resolved],
    });
    expect(mergeLeaves([resolved], [A3, B2]).change).toBe('unchanged');
  });

  it('gives the same rev when two PCs resolve the same way', () => {
    const one = resolutionMeta([A3, B2], { v: 'x' }, A1.createdBy, '2026-11-22T00:00:00.000Z');
    const two = resolutionMeta([B2, A3], { v: 'x' }, A1.createdBy, '2030-01-01T00:00:00.000Z');
    expect(one.rev).toBe(two.rev);
  });

  it('refuses an empty leaf set', () => {
    expect(() => resolutionMeta([], {}, A1.createdBy, A1.createdAt)).toThrow();
  });
});
