// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  parseBundle,
  readUnsignedBundle,
  readUnverifiedBundle,
} from '../../../src/exchange/parseBundle.ts';
import { SIGNATURE_ALGORITHM, type UnsignedBundle } from '../../../src/exchange/bundleFormat.ts';
import { serializeBundle } from '../../../src/exchange/createBundle.ts';
import { buildFixtureBundle } from '../../fixtures/bundles/fixtureRecords.ts';
import {
  demoTrusted,
  encode,
  readFixture,
  rehashRecords,
  signedBundle,
  signedBytes,
} from './bundleHelpers.ts';

// Edges of the envelope checks found by mutation testing (issue 12, item 21).
const trustedKeys = [demoTrusted];
const parse = (bytes: Uint8Array) => parseBundle(bytes, { trustedKeys });

function withSignature(change: (signature: Record<string, unknown>) => unknown): Uint8Array {
  const bundle = signedBundle() as unknown as { signature: unknown };
  bundle.signature = change(bundle.signature as Record<string, unknown>);
  return encode(JSON.stringify(bundle));
}

/** A format-1 file (before record versions) of the demo system record, signed as it is. */
function formatOne(change: (bundle: UnsignedBundle) => void = () => {}): Uint8Array {
  return signedBytes((b) => {
    b.formatVersion = 1;
    b.records = b.records.filter((r) => r.type === 'system');
    b.attachments = [];
    for (const record of b.records) delete (record as { schemaVersion?: string }).schemaVersion;
    change(b);
  });
}

describe('the header', () => {
  it.each(['null', '"住民記録"', '42', 'true'])('refuses %s as not a Sonae bundle', (text) => {
    expect(parse(encode(text))).toMatchObject({ ok: false, error: { kind: 'notSonaeBundle' } });
  });

  it('treats a null signature as missing', () => {
    expect(parse(withSignature(() => null))).toMatchObject({
      ok: false,
      error: { kind: 'missingSignature' },
    });
  });

  it.each<[string, (s: Record<string, unknown>) => unknown, string]>([
    ['an array', (s) => [s], 'オブジェクトではありません'],
    ['a string', () => 'x', 'オブジェクトではありません'],
    [
      'another algorithm',
      (s) => ({ ...s, alg: 'RS256' }),
      `方式が ${SIGNATURE_ALGORITHM} ではありません`,
    ],
    [
      'a number as value',
      (s) => ({ ...s, value: 5 }),
      '署名値が64バイトの Base64url ではありません',
    ],
    // Not text at all: must be refused before anything tries to decode it.
    [
      'an array as value',
      (s) => ({ ...s, value: ['A'] }),
      '署名値が64バイトの Base64url ではありません',
    ],
    [
      'a short value',
      (s) => ({ ...s, value: 'abc' }),
      '署名値が64バイトの Base64url ではありません',
    ],
    [
      'another key id',
      (s) => ({ ...s, keyId: 'x'.repeat(43) }),
      '署名の鍵IDが発行元の鍵IDと一致しません',
    ],
  ])('says what is wrong with a signature that is %s', (_, change, detail) => {
    expect(parse(withSignature(change))).toEqual({
      ok: false,
      error: { kind: 'malformedSignature', detail },
    });
  });
});

describe('record versions by file format', () => {
  it('refuses a format-2 record without its version (only format 1 may omit it)', () => {
    const bytes = signedBytes((b) => {
      delete (b.records[0] as { schemaVersion?: string }).schemaVersion;
    });
    expect(parse(bytes)).toMatchObject({
      ok: false,
      error: { kind: 'invalidEnvelope', path: 'records[0].schemaVersion' },
    });
  });

  it('reads a format-1 record as version 1.0, its siblings too', () => {
    const result = parse(
      formatOne((b) => {
        const {
          schemaVersion: _v,
          id: _id,
          type: _t,
          conflicts: _c,
          ...leaf
        } = {
          ...b.records[0]!,
        };
        b.records[0]!.conflicts = [
          { ...leaf, data: { ...leaf.data, vendor: '別の会社' } } as never,
        ];
      }),
    );
    if (!result.ok) throw new Error(result.error.kind);
    expect(result.leaves[0]!.map((leaf) => leaf.schemaVersion)).toEqual(['1.0', '1.0']);
    expect(result.leaves[0]![1]).toMatchObject({ vendor: '別の会社' });
  });

  it('keeps a version a format-1 record already states', () => {
    const result = parse(formatOne((b) => Object.assign(b.records[0]!, { schemaVersion: '1.9' })));
    if (!result.ok) throw new Error(result.error.kind);
    expect(result.leaves[0]![0]!.schemaVersion).toBe('1.9');
  });

  it('refuses a format-1 record that is not an object, as the schema would', () => {
    const result = parse(formatOne((b) => (b.records = [5 as never])));
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'invalidEnvelope', path: 'records[0]' },
    });
  });
});

describe('readUnverifiedBundle', () => {
  it('returns the checked leaves and attachment bytes', () => {
    const result = readUnverifiedBundle(readFixture('untrusted.sonae.json'));
    if (!result.ok) throw new Error(result.error.kind);
    expect(result.leaves).toHaveLength(result.bundle.records.length);
    expect(result.attachmentBytes.size).toBe(result.bundle.attachments.length);
  });

  it('refuses bad content and a bad envelope', () => {
    const bad = signedBytes((b) => (b.records[0]!.data.name = ''));
    expect(readUnverifiedBundle(bad)).toMatchObject({
      ok: false,
      error: { kind: 'invalidRecord', index: 0 },
    });
    expect(readUnverifiedBundle(encode('{}'))).toMatchObject({
      ok: false,
      error: { kind: 'notSonaeBundle' },
    });
  });
});

describe('readUnsignedBundle', () => {
  const unsigned = () => encode(serializeBundle(buildFixtureBundle()));

  it('returns the bundle to sign', () => {
    const result = readUnsignedBundle(unsigned());
    if (!result.ok) throw new Error(result.error.kind);
    expect(result.bundle.records).toHaveLength(buildFixtureBundle().records.length);
    expect(result).not.toHaveProperty('leaves');
  });

  it('refuses, with the same checks as an import', () => {
    const refused = (bytes: Uint8Array, options = {}) => {
      const result = readUnsignedBundle(bytes, options);
      return result.ok ? 'accepted' : result.error.kind;
    };
    expect(refused(unsigned(), { maxBytes: 100 })).toBe('tooLarge');
    expect(refused(encode('これはメモです'))).toBe('notJson');
    expect(refused(encode('{"type":"excalidraw"}'))).toBe('notSonaeBundle');
    const tooNew = { ...buildFixtureBundle(), formatVersion: 99 };
    expect(refused(encode(JSON.stringify(tooNew)))).toBe('tooNew');
    const badRecord = buildFixtureBundle();
    badRecord.records[0]!.data.name = '';
    rehashRecords(badRecord);
    expect(refused(encode(JSON.stringify(badRecord)))).toBe('invalidRecord');
  });
});
