import { utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from '../domain/canonicalJson.ts';
import { decodeBase64Url, encodeBase64Url } from './base64.ts';
import { SIGNATURE_ALGORITHM, type Bundle, type UnsignedBundle } from './bundleFormat.ts';
import {
  computeKeyId,
  derivePublicKey,
  signBytes,
  verifyBytes,
  type PrivateKey,
  type PublicKey,
} from './keys.ts';
import { signBytesAsync, verifyBytesAsync } from './webCryptoEd25519.ts';

/**
 * The bytes a bundle signature covers: UTF-8 of the RFC 8785 (JCS) canonical JSON of the whole
 * envelope without its `signature` member. Whitespace and member order in the file therefore
 * do not matter; every value does.
 */
export function canonicalBundleBytes(
  bundle: UnsignedBundle | Bundle | Record<string, unknown>,
): Uint8Array {
  const { signature: _signature, ...unsigned } = bundle as Record<string, unknown>;
  return utf8ToBytes(canonicalJson(unsigned));
}

/** The envelope to sign: `issuer.keyId` set to the key's thumbprint, no signature yet. */
function withKeyId(unsigned: UnsignedBundle | Bundle, privateKey: PrivateKey) {
  const keyId = computeKeyId(derivePublicKey(privateKey));
  const { signature: _old, ...rest } = unsigned as Bundle;
  return { keyId, toSign: { ...rest, issuer: { ...rest.issuer, keyId } } };
}

/**
 * Signs a bundle: sets `issuer.keyId` to the key's thumbprint and adds the signature.
 * NOTE: signs whatever it is given; build the bundle with createBundle, which validates it.
 */
export function signBundle(unsigned: UnsignedBundle | Bundle, privateKey: PrivateKey): Bundle {
  const { keyId, toSign } = withKeyId(unsigned, privateKey);
  const value = encodeBase64Url(signBytes(canonicalBundleBytes(toSign), privateKey));
  return { ...toSign, signature: { alg: SIGNATURE_ALGORITHM, keyId, value } };
}

export interface SigningBundle {
  /** The file's first bytes, known before the signature: the canonical envelope but its `}`. */
  head: Uint8Array;
  /** Signs; gives the file's last bytes (`,"signature":{…}}` and a newline) and its whole text. */
  sign(): Promise<{ tail: Uint8Array; bundle: Bundle; text: string }>;
}

/** `"records":[` as canonicalJson writes the envelope's member (a quote in a string is escaped). */
const RECORDS_OPENING = '"records":[';

/**
 * The canonical bytes of `toSign` with its records given as UTF-8 parts, each the canonical JSON
 * of one or more consecutive records separated by commas; the parts are joined by commas.
 */
function canonicalWithRecords(toSign: object, parts: readonly Uint8Array[]): Uint8Array {
  const shell = canonicalJson({ ...toSign, records: [] });
  const at = shell.indexOf(`${RECORDS_OPENING}]`) + RECORDS_OPENING.length;
  if (at < RECORDS_OPENING.length) throw new Error('bundle without records');
  const before = utf8ToBytes(shell.slice(0, at));
  const after = utf8ToBytes(shell.slice(at));
  const size = parts.reduce((sum, part) => sum + part.length + 1, before.length + after.length);
  const bytes = new Uint8Array(parts.length ? size - 1 : size);
  bytes.set(before);
  let offset = before.length;
  for (const [i, part] of parts.entries()) {
    if (i > 0) bytes[offset++] = 0x2c; // ,
    bytes.set(part, offset);
    offset += part.length;
  }
  bytes.set(after, offset);
  return bytes;
}

/**
 * signBundle and serializeBundle in one, in two steps so the file's bulk can be put to use (age
 * encryption in a worker) while the signature is made: the envelope is canonicalised once, the
 * signature is made natively where Web Crypto has Ed25519 (see webCryptoEd25519.ts) and appended.
 * `recordsJson`, when given, is `unsigned.records` already as canonical JSON in UTF-8 (see
 * canonicalWithRecords; the export writes it while it reads the records), so only the envelope
 * is serialised here and `unsigned.records` is not read (the export passes none, so the
 * result's `bundle` has none). The result's `text` is then decoded from the bytes when first read.
 */
export function startSigningBundle(
  unsigned: UnsignedBundle | Bundle,
  privateKey: PrivateKey,
  recordsJson?: readonly Uint8Array[],
): SigningBundle {
  const { keyId, toSign } = withKeyId(unsigned, privateKey);
  const canonical = recordsJson ? null : canonicalJson(toSign);
  const bytes =
    canonical === null ? canonicalWithRecords(toSign, recordsJson!) : utf8ToBytes(canonical);
  return {
    head: bytes.subarray(0, -1),
    async sign() {
      const value = encodeBase64Url(await signBytesAsync(bytes, privateKey));
      const signature = { alg: SIGNATURE_ALGORITHM, keyId, value } as const;
      // Same text as serializeBundle(bundle): the members of `signature` are already in JCS order.
      const closing = `,"signature":${JSON.stringify(signature)}}\n`;
      let text = canonical === null ? null : canonical.slice(0, -1) + closing;
      return {
        tail: utf8ToBytes(closing),
        bundle: { ...toSign, signature },
        get text() {
          return (text ??= new TextDecoder().decode(bytes.subarray(0, -1)) + closing);
        },
      };
    },
  };
}

/** The signed bundle and the file's text (startSigningBundle in one step). */
export async function signAndSerializeBundle(
  unsigned: UnsignedBundle | Bundle,
  privateKey: PrivateKey,
): Promise<{ bundle: Bundle; text: string }> {
  const { bundle, text } = await startSigningBundle(unsigned, privateKey).sign();
  return { bundle, text };
}

/** The raw 64 signature bytes, or null when the value is not canonical Base64url of 64 bytes. */
export function decodeSignatureValue(signature: { value: string }): Uint8Array | null {
  const bytes = decodeBase64Url(signature.value);
  return bytes?.length === 64 ? bytes : null;
}

// `,"signature":{"alg":"Ed25519","keyId":"<43>","value":"<86>"}}` closing a file, as written.
const TAIL_START = utf8ToBytes(`,"signature":{"alg":"${SIGNATURE_ALGORITHM}","keyId":"`);
const TAIL_MIDDLE = utf8ToBytes('","value":"');
const TAIL_END = utf8ToBytes('"}}');
const TAIL_LENGTH = TAIL_START.length + 43 + TAIL_MIDDLE.length + 86 + TAIL_END.length;

function bytesAt(bytes: Uint8Array, at: number, expected: Uint8Array): boolean {
  for (let i = 0; i < expected.length; i++) if (bytes[at + i] !== expected[i]) return false;
  return true;
}

function isBase64UrlByte(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x61 && byte <= 0x7a) ||
    (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x2d ||
    byte === 0x5f
  );
}

/**
 * The file's own bytes without its signature member, when the file ends with that member as
 * Sonae writes it (then, for a file Sonae wrote, these are the signed canonical bytes and no
 * re-serialisation is needed); null otherwise. The file must already have parsed as JSON with
 * no repeated member: ending in `"}}` after that member, the member belongs to the top-level
 * object, and the text without it is the same JSON value less its signature.
 */
export function signedFileBytes(bytes: Uint8Array): Uint8Array | null {
  let end = bytes.length;
  while (end > 0 && [0x20, 0x0a, 0x0d, 0x09].includes(bytes[end - 1]!)) end--;
  const tail = end - TAIL_LENGTH;
  if (tail < 1) return null;
  const keyAt = tail + TAIL_START.length;
  const valueAt = keyAt + 43 + TAIL_MIDDLE.length;
  if (!bytesAt(bytes, tail, TAIL_START) || !bytesAt(bytes, keyAt + 43, TAIL_MIDDLE)) return null;
  if (!bytesAt(bytes, valueAt + 86, TAIL_END)) return null;
  for (let i = 0; i < 43; i++) if (!isBase64UrlByte(bytes[keyAt + i]!)) return null;
  for (let i = 0; i < 86; i++) if (!isBase64UrlByte(bytes[valueAt + i]!)) return null;
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const message = new Uint8Array(tail - start + 1);
  message.set(bytes.subarray(start, tail));
  message[message.length - 1] = 0x7d; // the `}` that closed the envelope
  return message;
}

/** The key ids agree with `publicKey` and the signature value decodes: what to verify, or null. */
function signatureToCheck(bundle: Bundle, publicKey: PublicKey): Uint8Array | null {
  const keyId = computeKeyId(publicKey);
  if (bundle.signature?.alg !== SIGNATURE_ALGORITHM) return null;
  if (bundle.signature.keyId !== keyId || bundle.issuer?.keyId !== keyId) return null;
  return decodeSignatureValue(bundle.signature);
}

/**
 * True when the signature is valid for `publicKey` and both key ids name that key.
 * Works on any object (a parsed file as well as a Bundle), so tampering tests can use it.
 */
export function verifyBundleSignature(bundle: Bundle, publicKey: PublicKey): boolean {
  const signature = signatureToCheck(bundle, publicKey);
  return signature !== null && verifyBytes(signature, canonicalBundleBytes(bundle), publicKey);
}

/** What a file's signature may cover: its own bytes (see signedFileBytes), then the canonical form. */
function* signedMessages(bytes: Uint8Array, bundle: Bundle): Generator<Uint8Array> {
  const own = signedFileBytes(bytes);
  if (own) yield own;
  // Computed only when the file's own bytes do not verify (a file re-indented by hand).
  yield canonicalBundleBytes(bundle);
}

/**
 * verifyBundleSignature for a file as read: `bytes` are the file, `bundle` the value parsed from
 * them (with no repeated member). Over the file's own bytes first, over the canonical form only
 * when that fails, so a file Sonae wrote is never re-serialised and one re-indented by hand
 * still verifies. Pure JS; verifySignedFileAsync uses Web Crypto where it can.
 */
export function verifySignedFile(bytes: Uint8Array, bundle: Bundle, publicKey: PublicKey): boolean {
  const signature = signatureToCheck(bundle, publicKey);
  if (!signature) return false;
  for (const message of signedMessages(bytes, bundle))
    if (verifyBytes(signature, message, publicKey)) return true;
  return false;
}

/** verifySignedFile with native Ed25519 (and its native SHA-512) where Web Crypto has it. */
export async function verifySignedFileAsync(
  bytes: Uint8Array,
  bundle: Bundle,
  publicKey: PublicKey,
): Promise<boolean> {
  const signature = signatureToCheck(bundle, publicKey);
  if (!signature) return false;
  for (const message of signedMessages(bytes, bundle))
    if (await verifyBytesAsync(signature, message, publicKey)) return true;
  return false;
}
