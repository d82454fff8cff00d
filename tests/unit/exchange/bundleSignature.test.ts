// @vitest-environment node
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeBase64Url } from '../../../src/exchange/base64.ts';
import {
  canonicalBundleBytes,
  decodeSignatureValue,
  signBundle,
  verifyBundleSignature,
} from '../../../src/exchange/bundleSignature.ts';
import { computeKeyId, decodePublicKeyPem, derivePublicKey } from '../../../src/exchange/keys.ts';
import { createTrustedKey } from '../../../src/exchange/bundleTrust.ts';
import { parseBundle } from '../../../src/exchange/parseBundle.ts';
import { serializeBundle } from '../../../src/exchange/createBundle.ts';
import { buildFixtureBundle } from '../../fixtures/bundles/fixtureRecords.ts';
import {
  demoKey,
  encode,
  hasOpenssl,
  openssl,
  otherKey,
  signedBundle,
  tempDir,
} from './bundleHelpers.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('signBundle / verifyBundleSignature', () => {
  const demoPublic = derivePublicKey(demoKey);

  it('sets issuer.keyId, adds an Ed25519 signature and verifies with the public key only', () => {
    const signed = signBundle(buildFixtureBundle(), demoKey);
    expect(signed.issuer.keyId).toBe(computeKeyId(demoPublic));
    expect(signed.signature).toEqual({
      alg: 'Ed25519',
      keyId: signed.issuer.keyId,
      value: expect.stringMatching(/^[\w-]{86}$/),
    });
    expect(verifyBundleSignature(signed, demoPublic)).toBe(true);
    expect(verifyBundleSignature(signed, derivePublicKey(otherKey))).toBe(false);
  });

  it('is deterministic and re-signing replaces the old signature', () => {
    const once = signBundle(buildFixtureBundle(), demoKey);
    expect(signBundle(buildFixtureBundle(), demoKey)).toEqual(once);
    const resigned = signBundle(once, otherKey);
    expect(verifyBundleSignature(resigned, derivePublicKey(otherKey))).toBe(true);
    expect(resigned.issuer.keyId).toBe(computeKeyId(derivePublicKey(otherKey)));
  });

  it('covers every member except the signature, in canonical (sorted, compact) form', () => {
    const signed = signedBundle();
    const canonical = new TextDecoder().decode(canonicalBundleBytes(signed));
    expect(canonical.startsWith('{"attachments":[')).toBe(true);
    expect(canonical).not.toContain('"signature"');
    expect(canonical).not.toMatch(/\n|": /);
    const changed = { ...signed, sequence: 2 };
    expect(verifyBundleSignature(changed, demoPublic)).toBe(false);
  });

  it('refuses a bundle whose key ids do not name the verifying key', () => {
    const signed = signedBundle();
    const relabelled = {
      ...signed,
      signature: { ...signed.signature, keyId: computeKeyId(derivePublicKey(otherKey)) },
    };
    expect(verifyBundleSignature(relabelled, demoPublic)).toBe(false);
    expect(
      verifyBundleSignature(
        { ...signed, signature: { ...signed.signature, value: 'x' } },
        demoPublic,
      ),
    ).toBe(false);
  });
});

describe.skipIf(!hasOpenssl)('signatures and the openssl CLI', () => {
  it('openssl pkeyutl verifies a bundle we signed (the docs recipe)', () => {
    const dir = tempDir();
    dirs.push(dir);
    const signed = signedBundle();
    writeFileSync(path.join(dir, 'canonical.bin'), canonicalBundleBytes(signed));
    writeFileSync(path.join(dir, 'sig.bin'), decodeSignatureValue(signed.signature)!);
    const publicPem = readFileSync(
      path.join(import.meta.dirname, '../../fixtures/keys/demo-public.pem'),
      'utf8',
    );
    writeFileSync(path.join(dir, 'public.pem'), publicPem);
    const args = [
      'pkeyutl',
      '-verify',
      '-pubin',
      '-inkey',
      'public.pem',
      '-rawin',
      '-in',
      'canonical.bin',
      '-sigfile',
      'sig.bin',
    ];
    expect(openssl(args, dir)).toContain('Signature Verified Successfully');
    writeFileSync(
      path.join(dir, 'canonical.bin'),
      canonicalBundleBytes({ ...signed, sequence: 2 }),
    );
    expect(() => openssl(args, dir)).toThrow();
  });

  it('parseBundle accepts a bundle signed by openssl pkeyutl -sign', () => {
    const dir = tempDir();
    dirs.push(dir);
    openssl(['genpkey', '-algorithm', 'ed25519', '-out', 'private.pem'], dir);
    const publicPem = openssl(['pkey', '-in', 'private.pem', '-pubout'], dir);
    const parsedKey = decodePublicKeyPem(publicPem);
    if (!parsedKey.ok) throw new Error('openssl public key not readable');
    const keyId = computeKeyId(parsedKey.publicKey);
    const unsigned = { ...buildFixtureBundle(), issuer: { ...buildFixtureBundle().issuer, keyId } };
    writeFileSync(path.join(dir, 'canonical.bin'), canonicalBundleBytes(unsigned));
    openssl(
      [
        'pkeyutl',
        '-sign',
        '-inkey',
        'private.pem',
        '-rawin',
        '-in',
        'canonical.bin',
        '-out',
        'sig.bin',
      ],
      dir,
    );
    const value = encodeBase64Url(new Uint8Array(readFileSync(path.join(dir, 'sig.bin'))));
    const bundle = { ...unsigned, signature: { alg: 'Ed25519' as const, keyId, value } };
    const trusted = createTrustedKey(parsedKey.publicKey, 'OpenSSL', 'it-section');
    const result = parseBundle(encode(serializeBundle(bundle)), { trustedKeys: [trusted] });
    expect(result.ok).toBe(true);
  });
});
