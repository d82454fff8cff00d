// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  canonicalBundleBytes,
  signAndSerializeBundle,
  signBundle,
  signedFileBytes,
  verifySignedFile,
  verifySignedFileAsync,
  verifyBundleSignature,
} from '../../../src/exchange/bundleSignature.ts';
import { serializeBundle } from '../../../src/exchange/createBundle.ts';
import { encodeBase64Url } from '../../../src/exchange/base64.ts';
import { derivePublicKey, signBytes } from '../../../src/exchange/keys.ts';
import { parseBundle, parseBundleAsync } from '../../../src/exchange/parseBundle.ts';
import {
  hasNativeEd25519,
  signBytesAsync,
  verifyBytesAsync,
} from '../../../src/exchange/webCryptoEd25519.ts';
import type { Bundle } from '../../../src/exchange/bundleFormat.ts';
import { buildFixtureBundle } from '../../fixtures/bundles/fixtureRecords.ts';
import {
  demoKey,
  demoTrusted,
  encode,
  otherTrusted,
  readFixture,
  signedBundle,
} from './bundleHelpers.ts';

// Issue 9: a file is written as its canonical form, so the signature is checked over the file's
// own bytes (no re-serialising), natively where Web Crypto has Ed25519; the canonical form and
// @noble remain the fallbacks and give the same verdicts.

const publicKey = derivePublicKey(demoKey);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

afterEach(() => vi.unstubAllGlobals());

describe('the file as written', () => {
  it('signAndSerializeBundle writes what signBundle + serializeBundle write, in one pass', async () => {
    const unsigned = buildFixtureBundle();
    const { bundle, text } = await signAndSerializeBundle(unsigned, demoKey);
    const expected = signBundle(unsigned, demoKey);
    expect(bundle).toEqual(expected);
    expect(text).toBe(serializeBundle(expected));
  });

  it('holds the signed bytes: the file without its signature member is the canonical form', () => {
    const bundle = signedBundle();
    const file = encode(serializeBundle(bundle));
    expect(decode(signedFileBytes(file)!)).toBe(decode(canonicalBundleBytes(bundle)));
    // A byte order mark and CRLF line ends, as a Windows editor may leave them, change nothing.
    const saved = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...encode(`${serializeBundle(bundle).trimEnd()}\r\n`),
    ]);
    expect(decode(signedFileBytes(saved)!)).toBe(decode(canonicalBundleBytes(bundle)));
  });

  it('is not taken from a file that does not end with the signature member as written', () => {
    const bundle = signedBundle();
    expect(signedFileBytes(encode(JSON.stringify(bundle, null, 2)))).toBeNull();
    const { signature, ...rest } = bundle;
    expect(signedFileBytes(encode(JSON.stringify({ signature, ...rest })))).toBeNull();
    const text = serializeBundle(bundle);
    expect(signedFileBytes(encode(text.replace('"alg":"Ed25519"', '"alg":"Ed25518"')))).toBeNull();
    expect(signedFileBytes(encode('}'))).toBeNull();
  });
});

describe('verifySignedFile', () => {
  const bundle = signedBundle();
  const file = encode(serializeBundle(bundle));
  const indented = encode(JSON.stringify(bundle, null, 2));

  it('accepts a file as written and one re-indented by hand (over its canonical form)', async () => {
    for (const bytes of [file, indented]) {
      const value = JSON.parse(decode(bytes)) as Bundle;
      expect(verifySignedFile(bytes, value, publicKey)).toBe(true);
      expect(await verifySignedFileAsync(bytes, value, publicKey)).toBe(true);
    }
  });

  it('refuses one changed character, the wrong key and a wrong key id, on both paths', async () => {
    const tampered = encode(
      serializeBundle(bundle).replace('住民記録システム', '住民記録システミ'),
    );
    const value = JSON.parse(decode(tampered)) as Bundle;
    expect(verifySignedFile(tampered, value, publicKey)).toBe(false);
    expect(await verifySignedFileAsync(tampered, value, publicKey)).toBe(false);
    expect(await verifySignedFileAsync(file, bundle, otherTrusted.publicKey)).toBe(false);
    const renamed = { ...bundle, signature: { ...bundle.signature, keyId: 'x'.repeat(43) } };
    expect(await verifySignedFileAsync(file, renamed, publicKey)).toBe(false);
  });

  it('takes the file’s own bytes first: text its signer signed as it stands verifies', async () => {
    // Non-canonical text signed as it is (another writer): the own-bytes path accepts it, the
    // canonical form does not match it. Only the key's holder can make such a file.
    const { signature: _s, ...unsigned } = bundle;
    const own = JSON.stringify(unsigned, null, 1);
    const value = encodeBase64Url(signBytes(encode(own), demoKey));
    const signature = { alg: 'Ed25519', keyId: bundle.signature.keyId, value };
    const text = `${own.slice(0, -1)},"signature":${JSON.stringify(signature)}}`;
    const parsed = JSON.parse(text) as Bundle;
    expect(verifyBundleSignature(parsed, publicKey)).toBe(false);
    expect(await verifySignedFileAsync(encode(text), parsed, publicKey)).toBe(true);
  });
});

describe('Web Crypto Ed25519, with @noble where there is none', () => {
  const message = encode('備え');

  it('signs the same bytes as @noble and verifies them', async () => {
    expect(hasNativeEd25519()).toBe(true);
    const signature = await signBytesAsync(message, demoKey);
    expect(signature).toEqual(signBytes(message, demoKey));
    expect(await verifyBytesAsync(signature, message, publicKey)).toBe(true);
    expect(await verifyBytesAsync(signature, encode('備えx'), publicKey)).toBe(false);
    expect(await verifyBytesAsync(signature.slice(1), message, publicKey)).toBe(false);
  });

  it('gives the same results on a plain-HTTP origin, where crypto.subtle is missing', async () => {
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) });
    expect(hasNativeEd25519()).toBe(false);
    const signature = await signBytesAsync(message, demoKey);
    expect(signature).toEqual(signBytes(message, demoKey));
    expect(await verifyBytesAsync(signature, message, publicKey)).toBe(true);
    const { text } = await signAndSerializeBundle(buildFixtureBundle(), demoKey);
    const parsed = await parseBundleAsync(encode(text), { trustedKeys: [demoTrusted] });
    expect(parsed.ok).toBe(true);
    const tampered = await parseBundleAsync(readFixture('tampered.sonae.json'), {
      trustedKeys: [demoTrusted],
    });
    expect(tampered).toMatchObject({ ok: false, error: { kind: 'badSignature' } });
  });
});

describe('parseBundleAsync', () => {
  it.each([
    'demo.sonae.json',
    'demo-v1.sonae.json',
    'example.sonae.json',
    'tampered.sonae.json',
    'too-new.sonae.json',
    'wrong-key.sonae.json',
    'untrusted.sonae.json',
  ])('reaches the verdict parseBundle does on %s', async (name) => {
    const bytes = readFixture(name);
    const options = { trustedKeys: [demoTrusted] };
    const expected = parseBundle(bytes, options);
    const result = await parseBundleAsync(bytes, options);
    expect(result.ok).toBe(expected.ok);
    if (!result.ok && !expected.ok) expect(result.error).toEqual(expected.error);
    if (result.ok && expected.ok) expect(result.leaves).toEqual(expected.leaves);
  });

  it('reports the records it is checking, then that it has checked them all', async () => {
    const progress: [number, number][] = [];
    const result = await parseBundleAsync(readFixture('demo.sonae.json'), {
      trustedKeys: [demoTrusted],
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(result.ok).toBe(true);
    expect(progress).toEqual([
      [0, 6],
      [6, 6],
    ]);
  });
});
