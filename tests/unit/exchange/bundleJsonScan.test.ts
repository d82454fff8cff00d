// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBundleJson } from '../../../src/exchange/bundleJson.ts';

// decodeBundleJson finds a repeated member name by counting (issue 9): the ':' outside strings
// against the members JSON.parse kept. These cases are the ones the count could get wrong.

const decode = (text: string) => decodeBundleJson(new TextEncoder().encode(text), 10_000_000);
const kindOf = (text: string) => {
  const result = decode(text);
  return result.ok ? 'ok' : result.error.kind;
};

// Names refused for another reason (forbiddenKey, checked first) are left out.
const forbidden = new Set(['__proto__', 'constructor', 'prototype']);
const key = fc
  .oneof(fc.string(), fc.constantFrom('a', 'a:b', ':', '12:00', '\\', '"', '日本:'))
  .filter((name) => !forbidden.has(name));
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.integer(),
    fc.string(),
    fc.constantFrom('10:30', 'a:b:c', '::', '\\u003a'),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('repeated member names', () => {
  it('accepts any JSON text without repeats, whatever its strings hold', () => {
    fc.assert(
      fc.property(json, (value) => {
        const text = JSON.stringify({ value });
        expect(decode(text)).toEqual({ ok: true, value: JSON.parse(text) });
      }),
      { numRuns: 400 },
    );
  });

  it('refuses a repeat anywhere, whatever the repeated and the kept values hold', () => {
    fc.assert(
      fc.property(
        fc.dictionary(key, json, { minKeys: 1, maxKeys: 4 }),
        json,
        fc.nat(),
        fc.boolean(),
        (object, value, pick, nested) => {
          const names = Object.keys(object);
          const name = names[pick % names.length]!;
          const inner = JSON.stringify(object);
          const repeated = `${inner.slice(0, -1)},${JSON.stringify(name)}:${JSON.stringify(value)}}`;
          const text = nested ? `{"outer":[1,${repeated}],"t":"09:00"}` : repeated;
          const result = decode(text);
          expect(result).toMatchObject({ ok: false, error: { kind: 'duplicateKey' } });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('is not fooled by an escaped colon, which JSON.parse turns into a real one', () => {
    // Without the check, the extra ':' from "\u003a" would cancel the repeated member out.
    expect(kindOf('{"k\\u003a":1,"x":1,"x":2}')).toBe('duplicateKey');
    expect(kindOf('{"k\\u003A":"\\u003a","x":1}')).toBe('ok');
  });

  it('names the repeated member, also inside a value that JSON.parse dropped', () => {
    expect(decode('{"a":{"b":"1:2","b":3},"a":"x"}')).toEqual({
      ok: false,
      error: { kind: 'duplicateKey', key: 'b' },
    });
    expect(decode('{"name":"偽","name":"本物"}')).toEqual({
      ok: false,
      error: { kind: 'duplicateKey', key: 'name' },
    });
  });
});
