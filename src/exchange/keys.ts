import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { decodeBase64Url, encodeBase64Url } from './base64.ts';
import { decodePem, encodePem, type PemLabel } from './pem.ts';

/**
 * Ed25519 signing keys. `@noble/curves` v2 signs synchronously with the pure-JS SHA-512 of
 * `@noble/hashes`, so this works on plain-HTTP intranet origins where `crypto.subtle` is
 * missing; only `crypto.getRandomValues` (available everywhere) is used for key generation.
 *
 * A private key is the 32-byte RFC 8032 seed; a public key is the 32-byte encoded point.
 * Files are PEM: PKCS#8 "PRIVATE KEY" and SPKI "PUBLIC KEY" (RFC 8410), exactly what
 * `openssl genpkey -algorithm ed25519` and `openssl pkey -pubout` read and write.
 */
export type PrivateKey = Uint8Array;
export type PublicKey = Uint8Array;

// The DER of an Ed25519 key is a fixed header followed by the 32 key bytes (RFC 8410 §7, §10).
// OneAsymmetricKey v1 { version 0, AlgorithmIdentifier { 1.3.101.112 }, OCTET STRING { OCTET STRING seed } }
const PKCS8_PREFIX = Uint8Array.from([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]);
// SubjectPublicKeyInfo { AlgorithmIdentifier { 1.3.101.112 }, BIT STRING { 0 unused bits, point } }
const SPKI_PREFIX = Uint8Array.from([
  0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
]);
const KEY_LENGTH = 32;

/** Why a key file could not be used. */
export type KeyError =
  | { kind: 'notPem' }
  | { kind: 'wrongKeyFile'; expected: PemLabel; found: string }
  | { kind: 'notEd25519' }
  | { kind: 'invalidPublicKey' }
  | { kind: 'wrongPassphrase' }
  | { kind: 'unsupportedEncryption'; detail: string };

const keyFileNames: Record<PemLabel, string> = {
  'PRIVATE KEY': '秘密鍵ファイル',
  'PUBLIC KEY': '公開鍵ファイル',
  'ENCRYPTED PRIVATE KEY': 'パスフレーズで保護された秘密鍵のバックアップファイル',
};

/** One Japanese sentence per key error, for the CLI and the settings screen. */
export function describeKeyError(error: KeyError): string {
  switch (error.kind) {
    case 'notPem':
      return '鍵ファイル（PEM形式）として読めません。「-----BEGIN」で始まるファイルを指定してください。';
    case 'wrongKeyFile':
      if (error.found === 'ENCRYPTED PRIVATE KEY')
        return 'パスフレーズで保護された秘密鍵です。先にパスフレーズを入力して復元してください。';
      return `${keyFileNames[error.expected]}を指定してください（指定されたのは「${error.found}」です）。`;
    case 'notEd25519':
      return 'Ed25519 の鍵ではありません。Sonae は Ed25519 の鍵だけを使います。';
    case 'invalidPublicKey':
      return '公開鍵の値が正しくありません。ファイルが壊れている可能性があります。';
    case 'wrongPassphrase':
      return 'パスフレーズが違います（またはファイルが壊れています）。';
    case 'unsupportedEncryption':
      return `この暗号化方式の鍵ファイルには対応していません（${error.detail}）。`;
  }
}

/** A fresh random key pair. */
export function generateKeyPair(): { privateKey: PrivateKey; publicKey: PublicKey } {
  const { secretKey, publicKey } = ed25519.keygen();
  return { privateKey: secretKey, publicKey };
}

export function derivePublicKey(privateKey: PrivateKey): PublicKey {
  return ed25519.getPublicKey(privateKey);
}

/** Ed25519 signature (64 bytes) of `message`; deterministic per RFC 8032. */
export function signBytes(message: Uint8Array, privateKey: PrivateKey): Uint8Array {
  return ed25519.sign(message, privateKey);
}

/** Strict RFC 8032 verification (cofactorless, canonical encodings), as OpenSSL does it. */
export function verifyBytes(
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: PublicKey,
): boolean {
  if (signature.length !== 64 || publicKey.length !== KEY_LENGTH) return false;
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

/** RFC 7638 JWK thumbprint (SHA-256, Base64url) of the key: the `keyId` used in bundles. */
export function computeKeyId(publicKey: PublicKey): string {
  // Members in lexicographic order and no whitespace, exactly as RFC 7638 §3 requires.
  const jwk = `{"crv":"Ed25519","kty":"OKP","x":"${encodeBase64Url(publicKey)}"}`;
  return encodeBase64Url(sha256(utf8ToBytes(jwk)));
}

/** Shape of a key id: 43 Base64url characters (a SHA-256 digest). */
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * A fingerprint to read aloud over the phone when a key is first trusted: 20 decimal digits in
 * groups of four, e.g. `0347-1192-8830-5561-2904`. Digits because they are read unambiguously
 * in Japanese (no B/D/V or L/R confusion). They are the first 80 bits of the key id taken as a
 * big-endian integer modulo 10^20 (about 66 bits of the thumbprint).
 */
export function formatKeyFingerprint(keyId: string): string {
  const digest = KEY_ID_PATTERN.test(keyId) ? decodeBase64Url(keyId) : null;
  if (!digest) throw new Error(`not a key id: ${keyId}`);
  let value = 0n;
  for (const byte of digest.subarray(0, 10)) value = (value << 8n) | BigInt(byte);
  const digits = (value % 10n ** 20n).toString().padStart(20, '0');
  return digits.match(/.{4}/g)!.join('-');
}

export function encodePrivateKeyPem(privateKey: PrivateKey): string {
  return encodePem('PRIVATE KEY', concat(PKCS8_PREFIX, privateKey));
}

export function encodePublicKeyPem(publicKey: PublicKey): string {
  return encodePem('PUBLIC KEY', concat(SPKI_PREFIX, publicKey));
}

/** The 32-byte seed inside PKCS#8 DER, or null when it is not a plain Ed25519 PKCS#8 key. */
export function readPkcs8(der: Uint8Array): PrivateKey | null {
  return stripPrefix(der, PKCS8_PREFIX);
}

export function writePkcs8(privateKey: PrivateKey): Uint8Array {
  return concat(PKCS8_PREFIX, privateKey);
}

export function decodePrivateKeyPem(
  text: string,
): { ok: true; privateKey: PrivateKey } | { ok: false; error: KeyError } {
  const pem = decodePem(text);
  if (!pem) return { ok: false, error: { kind: 'notPem' } };
  if (pem.label !== 'PRIVATE KEY')
    return {
      ok: false,
      error: { kind: 'wrongKeyFile', expected: 'PRIVATE KEY', found: pem.label },
    };
  const privateKey = readPkcs8(pem.der);
  if (!privateKey) return { ok: false, error: { kind: 'notEd25519' } };
  return { ok: true, privateKey };
}

export function decodePublicKeyPem(
  text: string,
): { ok: true; publicKey: PublicKey } | { ok: false; error: KeyError } {
  const pem = decodePem(text);
  if (!pem) return { ok: false, error: { kind: 'notPem' } };
  if (pem.label !== 'PUBLIC KEY')
    return { ok: false, error: { kind: 'wrongKeyFile', expected: 'PUBLIC KEY', found: pem.label } };
  const publicKey = stripPrefix(pem.der, SPKI_PREFIX);
  if (!publicKey) return { ok: false, error: { kind: 'notEd25519' } };
  if (!isValidPublicKey(publicKey)) return { ok: false, error: { kind: 'invalidPublicKey' } };
  return { ok: true, publicKey };
}

/** True when the bytes decode to a curve point (strict RFC 8032 encoding). */
export function isValidPublicKey(publicKey: Uint8Array): boolean {
  if (publicKey.length !== KEY_LENGTH) return false;
  try {
    ed25519.Point.fromBytes(publicKey, false);
    return true;
  } catch {
    return false;
  }
}

function stripPrefix(der: Uint8Array, prefix: Uint8Array): Uint8Array | null {
  if (der.length !== prefix.length + KEY_LENGTH) return null;
  if (!prefix.every((byte, i) => der[i] === byte)) return null;
  return der.slice(prefix.length);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
