// @vitest-environment node
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from '../../../src/exchange/base64.ts';
import {
  computeKeyId,
  decodePrivateKeyPem,
  decodePublicKeyPem,
  derivePublicKey,
  describeKeyError,
  encodePrivateKeyPem,
  encodePublicKeyPem,
  formatKeyFingerprint,
  generateKeyPair,
  signBytes,
  verifyBytes,
  type KeyError,
} from '../../../src/exchange/keys.ts';
import { encode, FIXTURES, hasOpenssl, openssl, tempDir } from './bundleHelpers.ts';

// RFC 8037 Appendix A: the Ed25519 key (A.1), its thumbprint (A.3) and a JWS signature (A.4).
const RFC8037 = {
  d: 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A',
  x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
  thumbprint: 'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k',
  signingInput: 'eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc',
  signature:
    'hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg',
};

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('Ed25519 keys against RFC 8037', () => {
  const privateKey = decodeBase64Url(RFC8037.d)!;

  it('derives the public key x from d', () => {
    expect(encodeBase64Url(derivePublicKey(privateKey))).toBe(RFC8037.x);
  });

  it('computes the RFC 7638 thumbprint given in A.3 as keyId', () => {
    expect(computeKeyId(decodeBase64Url(RFC8037.x)!)).toBe(RFC8037.thumbprint);
  });

  it('signs exactly as A.4 (deterministic) and verifies it', () => {
    const signature = signBytes(encode(RFC8037.signingInput), privateKey);
    expect(encodeBase64Url(signature)).toBe(RFC8037.signature);
    expect(verifyBytes(signature, encode(RFC8037.signingInput), derivePublicKey(privateKey))).toBe(
      true,
    );
    expect(
      verifyBytes(signature, encode(`${RFC8037.signingInput}x`), derivePublicKey(privateKey)),
    ).toBe(false);
  });
});

describe('PEM files', () => {
  it('round-trips PKCS#8 and SPKI with the fixed RFC 8410 headers', () => {
    const { privateKey, publicKey } = generateKeyPair();
    const privatePem = encodePrivateKeyPem(privateKey);
    const publicPem = encodePublicKeyPem(publicKey);
    expect(privatePem).toMatch(
      /^-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI[\s\S]+-----END PRIVATE KEY-----\n$/,
    );
    expect(publicPem).toMatch(
      /^-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA[\s\S]+-----END PUBLIC KEY-----\n$/,
    );
    expect(decodePrivateKeyPem(privatePem)).toEqual({ ok: true, privateKey });
    expect(decodePublicKeyPem(publicPem)).toEqual({ ok: true, publicKey });
    // CRLF line ends and explanatory text around the block are accepted, as OpenSSL does.
    expect(decodePublicKeyPem(`鍵: 情報政策課\r\n${publicPem.replace(/\n/g, '\r\n')}`)).toEqual({
      ok: true,
      publicKey,
    });
  });

  it.each<[string, string, KeyError['kind']]>([
    ['not PEM at all', 'hello', 'notPem'],
    [
      'a body that is not Base64',
      '-----BEGIN PRIVATE KEY-----\n@@@\n-----END PRIVATE KEY-----\n',
      'notPem',
    ],
    [
      'a public key given as private key',
      readFileSync(path.join(FIXTURES, 'keys/demo-public.pem'), 'utf8'),
      'wrongKeyFile',
    ],
    // An EC P-256 key from OpenSSL: right label, wrong algorithm.
    [
      'a non-Ed25519 key',
      '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgKA9Oj/eb5ffqH2Y/\nXSbdTJ52Q93oYSkmyogW2zM+ZtShRANCAATP9+jHeMCjBenH3/Yp07uIjGjGnOCe\nKXIb5Q2tfXCO9b/d7pgwMXEPYhM/IIW6p0lN/ZJbu352u9HqEX28/TwD\n-----END PRIVATE KEY-----\n',
      'notEd25519',
    ],
  ])('refuses %s as a private key', (_name, text, kind) => {
    const result = decodePrivateKeyPem(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe(kind);
  });

  it('refuses a public key that is not a curve point', () => {
    // y = 2 has no x on the curve; strict decoding refuses it.
    const bad = new Uint8Array(32);
    bad[0] = 2;
    const result = decodePublicKeyPem(encodePublicKeyPem(bad));
    expect(result).toEqual({ ok: false, error: { kind: 'invalidPublicKey' } });
  });

  it('explains every key error in Japanese', () => {
    const errors: KeyError[] = [
      { kind: 'notPem' },
      { kind: 'wrongKeyFile', expected: 'PRIVATE KEY', found: 'PUBLIC KEY' },
      { kind: 'wrongKeyFile', expected: 'PRIVATE KEY', found: 'ENCRYPTED PRIVATE KEY' },
      { kind: 'notEd25519' },
      { kind: 'invalidPublicKey' },
      { kind: 'wrongPassphrase' },
      { kind: 'unsupportedEncryption', detail: 'x' },
    ];
    for (const error of errors) expect(describeKeyError(error)).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    expect(describeKeyError(errors[2]!)).toContain('パスフレーズ');
  });
});

describe('formatKeyFingerprint', () => {
  it('gives 20 digits in groups of four, stable for a key', () => {
    const fingerprint = formatKeyFingerprint(RFC8037.thumbprint);
    expect(fingerprint).toMatch(/^\d{4}-\d{4}-\d{4}-\d{4}-\d{4}$/);
    expect(fingerprint).toBe(formatKeyFingerprint(RFC8037.thumbprint));
    // First 80 bits of the thumbprint, big-endian, modulo 10^20.
    const digest = decodeBase64Url(RFC8037.thumbprint)!;
    const value =
      digest.subarray(0, 10).reduce((n, byte) => (n << 8n) | BigInt(byte), 0n) % 10n ** 20n;
    expect(fingerprint.replace(/-/g, '')).toBe(value.toString().padStart(20, '0'));
  });

  it('differs between keys and refuses something that is not a key id', () => {
    const a = computeKeyId(generateKeyPair().publicKey);
    const b = computeKeyId(generateKeyPair().publicKey);
    expect(formatKeyFingerprint(a)).not.toBe(formatKeyFingerprint(b));
    expect(() => formatKeyFingerprint('short')).toThrow();
  });
});

describe.skipIf(!hasOpenssl)('OpenSSL interoperability of key files', () => {
  it('OpenSSL reads our private key and derives our public key file', () => {
    const dir = tempDir();
    dirs.push(dir);
    const { privateKey, publicKey } = generateKeyPair();
    writeFileSync(path.join(dir, 'private.pem'), encodePrivateKeyPem(privateKey));
    expect(openssl(['pkey', '-in', 'private.pem', '-pubout'], dir)).toBe(
      encodePublicKeyPem(publicKey),
    );
    writeFileSync(path.join(dir, 'public.pem'), encodePublicKeyPem(publicKey));
    expect(openssl(['pkey', '-pubin', '-in', 'public.pem', '-text', '-noout'], dir)).toContain(
      'ED25519',
    );
  });

  it('we read a key pair made by openssl genpkey', () => {
    const dir = tempDir();
    dirs.push(dir);
    openssl(['genpkey', '-algorithm', 'ed25519', '-out', 'private.pem'], dir);
    openssl(['pkey', '-in', 'private.pem', '-pubout', '-out', 'public.pem'], dir);
    const privateKey = decodePrivateKeyPem(readFileSync(path.join(dir, 'private.pem'), 'utf8'));
    const publicKey = decodePublicKeyPem(readFileSync(path.join(dir, 'public.pem'), 'utf8'));
    expect(privateKey.ok && publicKey.ok).toBe(true);
    if (privateKey.ok && publicKey.ok)
      expect(derivePublicKey(privateKey.privateKey)).toEqual(publicKey.publicKey);
  });
});
