// @vitest-environment node
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/domain/canonicalJson.ts';
import { buildFixtureBundle } from '../../fixtures/bundles/fixtureRecords.ts';

// The fast serialiser signs every bundle and must equal RFC 8785 exactly: the `canonicalize`
// package (the reference implementation) is the oracle.

/** JSON values with the member names that stress member order: digits, case, non-ASCII, astral. */
const key = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '0',
    '1',
    '10',
    '9',
    '01',
    '-1',
    '4294967294',
    '4294967295',
    'a',
    'B',
    '_',
    'é',
    '日本',
    '😀',
    '\u007f',
  ),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ unit: 'grapheme' }),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(key, tie('value'), { maxKeys: 6 }),
  ),
})).value;

describe('canonicalJson', () => {
  it('equals the canonicalize package on any JSON value, sorted or not', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
        // Parsed back, members arrive in canonical order: the fast path (no copy) must agree too.
        const parsed: unknown = JSON.parse(canonicalize(value)!);
        expect(canonicalJson(parsed)).toBe(canonicalize(value));
      }),
      { numRuns: 500 },
    );
  });

  it('equals it on a whole bundle, as built and as parsed back', () => {
    const bundle = buildFixtureBundle();
    expect(canonicalJson(bundle)).toBe(canonicalize(bundle));
    expect(canonicalJson(JSON.parse(canonicalJson(bundle)))).toBe(canonicalize(bundle));
  });

  it('puts array-index member names where RFC 8785 does, not where JavaScript enumerates them', () => {
    // JavaScript lists "1" and "10" before "a" and "10" before "9" in numeric order; RFC 8785 sorts text.
    expect(canonicalJson({ b: 1, 10: 2, 9: 3, a: 4 })).toBe('{"10":2,"9":3,"a":4,"b":1}');
  });

  it('keeps a member named __proto__ as a member when it sorts the others', () => {
    const value: unknown = JSON.parse('{"b":1,"__proto__":{"x":2},"a":3}');
    expect(canonicalJson(value)).toBe(canonicalize(value));
    expect(canonicalJson(value)).toBe('{"__proto__":{"x":2},"a":3,"b":1}');
  });

  it('refuses what RFC 8785 cannot represent, like the reference', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
    expect(() => canonicalJson([Infinity])).toThrow();
    expect(() => canonicalJson({ text: 'a\ud800b' })).toThrow();
    expect(() => canonicalJson({ ['\udc00']: 1 })).toThrow();
    expect(canonicalJson({ text: '😀' })).toBe('{"text":"😀"}');
  });

  it('serialises objects with toJSON (a Date) as the reference does', () => {
    const value = { at: new Date('2026-11-21T00:05:00.000Z'), b: [new Date(0)] };
    expect(canonicalJson(value)).toBe(canonicalize(value));
  });
});
