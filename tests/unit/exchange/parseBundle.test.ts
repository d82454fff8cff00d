// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  parseBundle,
  readUnsignedBundle,
  readUnverifiedBundle,
} from '../../../src/exchange/parseBundle.ts';
import { describeBundleError, type BundleError } from '../../../src/exchange/bundleErrors.ts';
import {
  LATEST_BUNDLE_FORMAT_VERSION,
  MAX_BUNDLE_BYTES,
} from '../../../src/exchange/bundleFormat.ts';
import { serializeBundle } from '../../../src/exchange/createBundle.ts';
import {
  buildFixtureBundle,
  FIXTURE_IDS,
  FIXTURE_PNG,
} from '../../fixtures/bundles/fixtureRecords.ts';
import {
  demoTrusted,
  encode,
  otherKey,
  otherTrusted,
  readFixture,
  signedBundle,
  signedBytes,
} from './bundleHelpers.ts';

const trustedKeys = [demoTrusted];

/** Parses and expects a refusal of `kind`; returns the error for further checks. */
function expectRefused(bytes: Uint8Array, kind: BundleError['kind'], options = {}): BundleError {
  const result = parseBundle(bytes, { trustedKeys, ...options });
  if (result.ok) throw new Error(`accepted, expected ${kind}`);
  expect(result.error.kind).toBe(kind);
  expect(describeBundleError(result.error)).toMatch(/[ぁ-んァ-ヶ一-龠]/);
  return result.error;
}

/**
 * The demo bundle, indented as a person editing it by hand sees it (`jq .`), after `edit` changed
 * the raw text (for what signBundle can't make). Indented, it verifies only over its canonical form.
 */
function editedText(edit: (text: string) => string): Uint8Array {
  return encode(edit(JSON.stringify(signedBundle(), null, 2)));
}

describe('parseBundle accepts', () => {
  it('the committed demo fixture, with every record type and its attachment bytes', () => {
    const result = parseBundle(readFixture('demo.sonae.json'), { trustedKeys });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(new Set(result.bundle.records.map((r) => r.type))).toEqual(
      new Set(['system', 'incident', 'contact', 'incidentLevel', 'procedure']),
    );
    expect(result.signer).toBe(demoTrusted);
    expect(result.attachmentBytes.get(FIXTURE_IDS.attachment)).toEqual(FIXTURE_PNG);
  });

  it('a file with a UTF-8 BOM', () => {
    const bytes = readFixture('demo.sonae.json');
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    expect(parseBundle(withBom, { trustedKeys }).ok).toBe(true);
  });

  it('a re-indented file with members in another order', () => {
    const bundle = signedBundle();
    const reorder = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reorder)
        : value && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reorder(v)]),
            )
          : value;
    const text = JSON.stringify(reorder(bundle), null, '\t').replace(/\n/g, '\r\n');
    expect(text.indexOf('"signature"')).toBeLessThan(text.indexOf('"format"'));
    expect(parseBundle(encode(text), { trustedKeys }).ok).toBe(true);
    expect(parseBundle(encode(JSON.stringify(bundle)), { trustedKeys }).ok).toBe(true);
  });

  it('the same id under two record types (ids are per type)', () => {
    const bytes = signedBytes((b) => {
      const contact = b.records.find((r) => r.type === 'contact')!;
      contact.id = FIXTURE_IDS.system;
    });
    expect(parseBundle(bytes, { trustedKeys }).ok).toBe(true);
  });
});

describe('parseBundle refuses, with a Japanese reason', () => {
  it('text that is not JSON, and an empty file', () => {
    expectRefused(encode('これはメモです'), 'notJson');
    expectRefused(encode('{"format": sonae}'), 'notJson');
    expectRefused(encode('  \n'), 'empty');
  });

  it('a truncated file (cut inside a string and between members)', () => {
    const text = new TextDecoder().decode(readFixture('demo.sonae.json'));
    expectRefused(encode(text.slice(0, text.indexOf('住民記録システム') + 3)), 'truncated');
    expectRefused(encode(text.slice(0, text.lastIndexOf('"signature"'))), 'truncated');
    expectRefused(encode(text.slice(0, -3)), 'truncated');
  });

  it('bytes that are not UTF-8 (e.g. saved as Shift_JIS or UTF-16)', () => {
    expectRefused(new Uint8Array([0x7b, 0x22, 0x82, 0xa0, 0x22, 0x7d]), 'notUtf8');
    expectRefused(new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), 'notUtf8');
  });

  it.each([
    ['zip', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]],
    ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
    ['jpeg', [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]],
    ['gif', [...encode('GIF89a'), 0x01, 0x00]],
    ['pdf', [...encode('%PDF-1.7\n')]],
  ] as const)('a %s file renamed to .json, saying what it looks like', (looksLike, magic) => {
    const error = expectRefused(new Uint8Array([...magic, ...encode('{}')]), 'foreignFile');
    expect(error).toEqual({ kind: 'foreignFile', looksLike });
  });

  it('a file over the size limit, before reading it, naming the limit', () => {
    const error = expectRefused(new Uint8Array(MAX_BUNDLE_BYTES + 1), 'tooLarge');
    expect(describeBundleError(error)).toContain('200 MB');
    expectRefused(readFixture('demo.sonae.json'), 'tooLarge', { maxBytes: 1000 });
  });

  it('JSON that is not a Sonae bundle (wrong format, array, other app)', () => {
    expectRefused(
      signedBytes((b) => Object.assign(b, { format: 'excalidraw' })),
      'notSonaeBundle',
    );
    expectRefused(encode('[1,2,3]'), 'notSonaeBundle');
    expectRefused(encode('{"type":"excalidraw","version":2}'), 'notSonaeBundle');
  });

  it('a newer formatVersion, as too new (not as tampered)', () => {
    const error = expectRefused(readFixture('too-new.sonae.json'), 'tooNew');
    expect(error).toEqual({ kind: 'tooNew', formatVersion: LATEST_BUNDLE_FORMAT_VERSION + 1 });
    expect(describeBundleError(error)).toContain('更新');
    expectRefused(
      signedBytes((b) => Object.assign(b, { formatVersion: 0 })),
      'unsupportedFormatVersion',
    );
    expectRefused(
      signedBytes((b) => Object.assign(b, { formatVersion: '1' })),
      'unsupportedFormatVersion',
    );
  });

  it('a missing signature', () => {
    const { signature: _s, ...unsigned } = signedBundle();
    expectRefused(encode(JSON.stringify(unsigned)), 'missingSignature');
  });

  it.each<[string, (b: { signature: Record<string, unknown> | string }) => void]>([
    ['a short value', (b) => ((b.signature as Record<string, unknown>).value = 'abc')],
    ['padded Base64', (b) => Object.assign(b.signature, { value: `${'A'.repeat(84)}==` })],
    ['another algorithm', (b) => Object.assign(b.signature, { alg: 'RS256' })],
    [
      'a key id other than the issuer key id',
      (b) => Object.assign(b.signature, { keyId: otherTrusted.keyId }),
    ],
    ['a string instead of an object', (b) => (b.signature = 'x')],
  ])('a malformed signature: %s', (_name, change) => {
    const bundle = signedBundle() as unknown as { signature: Record<string, unknown> | string };
    change(bundle);
    expectRefused(encode(JSON.stringify(bundle)), 'malformedSignature');
  });

  it('a signature that does not verify (wrong key), and an untrusted key with its fingerprint', () => {
    expectRefused(readFixture('wrong-key.sonae.json'), 'badSignature');
    const error = expectRefused(readFixture('untrusted.sonae.json'), 'untrustedKey');
    expect(error).toMatchObject({
      keyId: otherTrusted.keyId,
      fingerprint: expect.stringMatching(/^\d{4}(-\d{4}){4}$/),
    });
    if (error.kind === 'untrustedKey')
      expect(describeBundleError(error)).toContain(error.fingerprint);
    expect(
      parseBundle(readFixture('untrusted.sonae.json'), { trustedKeys: [otherTrusted] }).ok,
    ).toBe(true);
    expectRefused(readFixture('demo.sonae.json'), 'untrustedKey', { trustedKeys: [] });
  });

  it('the committed tampered fixture', () => {
    expectRefused(readFixture('tampered.sonae.json'), 'badSignature');
  });

  it('any changed value anywhere in the file', () => {
    const bundle = signedBundle();
    const leaves: (string | number)[][] = [];
    const collect = (value: unknown, path: (string | number)[]) => {
      if (path[0] === 'signature') return;
      if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value))
          collect(v, [...path, Array.isArray(value) ? Number(k) : k]);
      else leaves.push(path);
    };
    collect(bundle, []);
    expect(leaves.length).toBeGreaterThan(150);
    const kinds: BundleError['kind'][] = [];
    for (const path of leaves) {
      const copy = structuredClone(bundle) as unknown as Record<string | number, unknown>;
      const parent = path
        .slice(0, -1)
        .reduce<Record<string | number, unknown>>((o, k) => o[k] as never, copy);
      const key = path[path.length - 1]!;
      const old = parent[key];
      parent[key] =
        typeof old === 'string'
          ? `${old.slice(0, -1)}${old.endsWith('0') ? '1' : '0'}`
          : typeof old === 'number'
            ? old + 1
            : typeof old === 'boolean'
              ? !old
              : 0;
      const result = parseBundle(encode(JSON.stringify(copy)), { trustedKeys });
      if (result.ok) throw new Error(`change at ${path.join('.')} was accepted`);
      kinds.push(result.error.kind);
    }
    // Header values are refused by their own checks first (format, version, key id, dates);
    // every other change reaches the signature check.
    const others = kinds.filter((kind) => kind !== 'badSignature');
    expect(new Set(others)).toEqual(
      new Set(['notSonaeBundle', 'tooNew', 'invalidEnvelope', 'malformedSignature']),
    );
    expect(others.length).toBeLessThan(kinds.length / 5);
  });

  it('attachment bytes that do not match their SHA-256, size or Base64', () => {
    const mismatch = (change: (a: { size: number; sha256: string; data: string }) => void) =>
      expectRefused(
        signedBytes((b) => change(b.attachments[0]!)),
        'attachmentMismatch',
      );
    expect(mismatch((a) => (a.sha256 = '0'.repeat(64)))).toMatchObject({ problem: 'sha256' });
    expect(mismatch((a) => (a.size += 1))).toMatchObject({ problem: 'size' });
    expect(mismatch((a) => (a.data = `AAAA${a.data.slice(4)}`))).toMatchObject({
      problem: 'sha256',
    });
    expect(mismatch((a) => (a.data = `${a.data}!`))).toMatchObject({ problem: 'notBase64' });
    expectRefused(
      signedBytes((b) => b.attachments.push(b.attachments[0]!)),
      'duplicateAttachment',
    );
  });

  it('the same record (type and id) twice', () => {
    const error = expectRefused(
      signedBytes((b) => b.records.push(structuredClone(b.records[0]!))),
      'duplicateRecord',
    );
    expect(error).toMatchObject({ type: 'system', id: FIXTURE_IDS.system });
  });

  it('unknown fields in the envelope, issuer, records and record data', () => {
    expect(
      expectRefused(
        signedBytes((b) => Object.assign(b, { extra: 1 })),
        'unknownField',
      ),
    ).toMatchObject({
      keys: ['extra'],
    });
    expectRefused(
      signedBytes((b) => Object.assign(b.issuer, { role: 'admin' })),
      'unknownField',
    );
    expectRefused(
      signedBytes((b) => Object.assign(b.records[0]!, { owner: 'x' })),
      'unknownField',
    );
    const inData = expectRefused(
      signedBytes((b) => Object.assign(b.records[0]!.data, { colour: 'red' })),
      'unknownField',
    );
    expect(inData).toMatchObject({ path: 'records[0].data', keys: ['colour'] });
    // Metadata names inside data would be silently dropped when the record is flattened.
    expectRefused(
      signedBytes((b) => Object.assign(b.records[0]!.data, { rev: b.records[0]!.rev })),
      'unknownField',
    );
  });

  it('__proto__, constructor and prototype keys anywhere', () => {
    const inData = editedText((t) =>
      t.replace('"name": "住民記録システム"', '"__proto__": {"x": 1}, "name": "住民記録システム"'),
    );
    expect(expectRefused(inData, 'forbiddenKey')).toMatchObject({
      key: '__proto__',
      path: 'records[0].data',
    });
    const escaped = editedText((t) => t.replace('"format":', '"\\u005f_proto__": null, "format":'));
    expectRefused(escaped, 'forbiddenKey');
    const nested = editedText((t) =>
      t.replace('"label":', '"constructor": {"prototype": 1}, "label":'),
    );
    expectRefused(nested, 'forbiddenKey');
    expectRefused(
      editedText((t) => t.replace('"kind": "full"', '"kind": "full", "prototype": 1')),
      'forbiddenKey',
    );
  });

  it('a member name that appears twice (JSON.parse would silently keep the last)', () => {
    const twice = editedText((t) =>
      t.replace('"name": "住民記録システム"', '"name": "偽のシステム", "name": "住民記録システム"'),
    );
    expect(expectRefused(twice, 'duplicateKey')).toEqual({ kind: 'duplicateKey', key: 'name' });
  });

  it('floats and integers beyond 2^53 anywhere, and broken Unicode', () => {
    expectRefused(
      signedBytes((b) => (b.sequence = 1.5)),
      'unsafeNumber',
    );
    expectRefused(
      editedText((t) => t.replace('"rtoHours": 4', '"rtoHours": 9007199254740993')),
      'unsafeNumber',
    );
    expectRefused(
      editedText((t) => t.replace('"rtoHours": 4', '"rtoHours": 4.5')),
      'unsafeNumber',
    );
    // 4.0e0 is the integer 4: same value, same canonical form, so it verifies like "4".
    expect(
      parseBundle(
        editedText((t) => t.replace('"rtoHours": 4', '"rtoHours": 4.0e0')),
        { trustedKeys },
      ).ok,
    ).toBe(true);
    expect(
      expectRefused(
        editedText((t) => t.replace('"rtoHours": 4', '"rtoHours": 1e400')),
        'unsafeNumber',
      ),
    ).toEqual({
      kind: 'unsafeNumber',
      path: 'records[0].data.rtoHours',
    });
    expectRefused(
      editedText((t) => t.replace('"notes": ""', '"notes": "\\ud800"')),
      'invalidText',
    );
  });

  it('records whose data breaks their type schema', () => {
    const error = expectRefused(
      signedBytes((b) => (b.records.find((r) => r.type === 'incident')!.data.title = '')),
      'invalidRecord',
    );
    expect(error).toMatchObject({ type: 'incident', path: 'data.title' });
    expect(describeBundleError(error)).toContain('件名を入力してください');
    expectRefused(
      signedBytes((b) => (b.records[0]!.type = 'memo' as never)),
      'invalidEnvelope',
    );
  });

  it('a correctly signed file by a key trusted for another station is still checked for content', () => {
    const bytes = signedBytes((b) => (b.records[0]!.data.rtoHours = -1), otherKey);
    expectRefused(bytes, 'invalidRecord', { trustedKeys: [otherTrusted] });
  });
});

describe('readUnverifiedBundle and readUnsignedBundle', () => {
  it('read without trust, for inspection and signing, with the same content checks', () => {
    expect(readUnverifiedBundle(readFixture('untrusted.sonae.json')).ok).toBe(true);
    expect(readUnverifiedBundle(readFixture('too-new.sonae.json'))).toMatchObject({
      ok: false,
      error: { kind: 'tooNew' },
    });
    const unsigned = encode(serializeBundle(buildFixtureBundle()));
    expect(readUnsignedBundle(unsigned).ok).toBe(true);
    expect(readUnsignedBundle(readFixture('demo.sonae.json')).ok).toBe(true);
    const bad = encode(serializeBundle({ ...buildFixtureBundle(), extra: true } as never));
    expect(readUnsignedBundle(bad)).toMatchObject({ ok: false, error: { kind: 'unknownField' } });
  });
});
