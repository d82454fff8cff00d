import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  checkRevision,
  computeRevision,
  extendHistory,
  MAX_ACCEPTED_GENERATION,
  revisionGeneration,
  type RevisionProblem,
} from '../../../src/domain/revision.ts';

// The rev rule at its edges (issue 12, items 5–7 and 21): each row is one way a received leaf can
// break the rule, checked against a valid chain r1 ← r2 ← r3 of data {n: 1}, {n: 2}, {n: 3}.
const r1 = computeRevision(null, false, { n: 1 });
const r2 = computeRevision(r1, false, { n: 2 });
const r3 = computeRevision(r2, false, { n: 3 });
const other2 = computeRevision(r1, false, { n: 'other' });
const gen0 = `0-${'0'.repeat(32)}`;

/** rev, ancestors, data → the problem (null: the rule holds). */
const table: [string, string, string[], unknown, RevisionProblem | null][] = [
  ['a first revision', r1, [], { n: 1 }, null],
  ['a third revision with its whole ancestry', r3, [r2, r1], { n: 3 }, null],
  ['a third revision with only its parent known', r3, [r2], { n: 3 }, null],
  ['other data under the same rev', r3, [r2, r1], { n: 4 }, 'mismatch'],
  ['its own rev among its ancestors', r2, [r2, r1], { n: 2 }, 'selfAncestor'],
  ['an ancestor named twice', r3, [r2, r1, r1], { n: 3 }, 'badAncestry'],
  ['an ancestor of a higher generation', r2, [r1, r3], { n: 2 }, 'badAncestry'],
  ['an ancestor of the same generation', r2, [r1, other2], { n: 2 }, 'badAncestry'],
  ['no ancestor one generation below (parent missing)', r3, [r1], { n: 3 }, 'badAncestry'],
  ['a first revision claiming an ancestor', r1, [gen0], { n: 1 }, 'badAncestry'],
  ['a second revision without ancestry', r2, [], { n: 2 }, 'badAncestry'],
];

describe('checkRevision', () => {
  it.each(table)('%s', (_, rev, revisions, data, problem) => {
    expect(checkRevision({ rev, revisions, deleted: false }, data)).toBe(problem);
  });

  it('covers the deletion flag: the same data as a tombstone is another rev', () => {
    expect(checkRevision({ rev: r3, revisions: [r2, r1], deleted: true }, { n: 3 })).toBe(
      'mismatch',
    );
    const tomb = computeRevision(r2, true, {});
    expect(checkRevision({ rev: tomb, revisions: [r2, r1], deleted: true }, {})).toBeNull();
  });

  it('refuses a generation beyond what the app can carry on, and accepts the limit', () => {
    const at = (generation: number) => `${generation}-${'a'.repeat(32)}`;
    expect(
      checkRevision({ rev: at(MAX_ACCEPTED_GENERATION + 1), revisions: [], deleted: false }, {}),
    ).toBe('generationTooHigh');
    expect(
      checkRevision({ rev: at(MAX_ACCEPTED_GENERATION), revisions: [], deleted: false }, {}),
    ).not.toBe('generationTooHigh');
  });
});

describe('revision helpers', () => {
  it('reads the generation of multi-digit revs', () => {
    expect(revisionGeneration(`12-${'0'.repeat(32)}`)).toBe(12);
    expect(revisionGeneration(r3)).toBe(3);
  });

  it('starts no history for a first revision', () => {
    expect(extendHistory(null, [r1])).toEqual([]);
    expect(extendHistory(r2, [r1])).toEqual([r2, r1]);
  });

  it('refuses to canonicalise what JSON cannot hold', () => {
    expect(() => canonicalJson(undefined)).toThrow('cannot be canonicalised');
    expect(canonicalJson({ b: [1, 'x'], a: null })).toBe('{"a":null,"b":[1,"x"]}');
  });
});
