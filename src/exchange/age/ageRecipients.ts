import { x25519 } from '@noble/curves/ed25519.js';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, randomBytes } from '@noble/hashes/utils.js';
import { decodeAgeBase64, encodeAgeBase64 } from './ageBase64.ts';
import { fail, headerFailure } from './ageErrors.ts';
import type { AgeStanza } from './ageHeader.ts';
import { decodeBech32, encodeBech32 } from './bech32.ts';

/**
 * The two recipient types of age v1: X25519 (`age1…` / `AGE-SECRET-KEY-1…`) and scrypt
 * (a passphrase). All pure JS and synchronous except scrypt, which yields to the page now and
 * then, so it runs where `crypto.subtle` is missing (plain-HTTP intranet origins).
 */

/** Wraps a file key into the stanzas of one recipient. */
export interface AgeRecipient {
  wrap(fileKey: Uint8Array): Promise<AgeStanza[]>;
}

/**
 * Unwraps the file key from a header's stanzas: null when none is for this identity; throws
 * AgeFailure for a stanza of its type that is malformed (the file is damaged).
 */
export interface AgeIdentity {
  unwrap(stanzas: readonly AgeStanza[]): Promise<Uint8Array | null>;
}

const FILE_KEY_BYTES = 16;
const WRAPPED_BYTES = FILE_KEY_BYTES + 16;
const ZERO_NONCE = new Uint8Array(12);
const X25519_INFO = new TextEncoder().encode('age-encryption.org/v1/X25519');
const SCRYPT_LABEL = new TextEncoder().encode('age-encryption.org/v1/scrypt');
const RECIPIENT_HRP = 'age';
const IDENTITY_HRP = 'age-secret-key-';

/** age's default for new passphrase files (about 1 s natively; a few in pure JS). */
export const DEFAULT_SCRYPT_WORK_FACTOR = 18;
/**
 * The largest work factor we open: 2^20 × 8 × 128 bytes is the 1 GiB @noble allows; more would
 * fail in a browser tab anyway. age itself refuses 23 and above by default.
 */
export const MAX_SCRYPT_WORK_FACTOR = 20;

function unwrapBody(key: Uint8Array, body: Uint8Array): Uint8Array | null {
  try {
    return chacha20poly1305(key, ZERO_NONCE).decrypt(body);
  } catch {
    return null;
  }
}

/** The public key of an `age1…` string, or null. */
export function parseAgeRecipient(text: string): Uint8Array | null {
  const decoded = decodeBech32(text.trim());
  if (!decoded || decoded.hrp !== RECIPIENT_HRP || decoded.bytes.length !== 32) return null;
  return text.trim() === text.trim().toLowerCase() ? decoded.bytes : null;
}

/** The secret key of an `AGE-SECRET-KEY-1…` string (upper case, as age writes it), or null. */
export function parseAgeIdentity(text: string): Uint8Array | null {
  const decoded = decodeBech32(text.trim());
  if (!decoded || decoded.hrp !== IDENTITY_HRP || decoded.bytes.length !== 32) return null;
  return decoded.bytes;
}

export function formatAgeRecipient(publicKey: Uint8Array): string {
  return encodeBech32(RECIPIENT_HRP, publicKey);
}

export function formatAgeIdentity(secretKey: Uint8Array): string {
  return encodeBech32(IDENTITY_HRP, secretKey).toUpperCase();
}

/** A new X25519 identity as age-keygen writes it, with its recipient. */
export function generateAgeIdentity(): { identity: string; recipient: string } {
  const secretKey = x25519.utils.randomSecretKey();
  return {
    identity: formatAgeIdentity(secretKey),
    recipient: formatAgeRecipient(x25519.getPublicKey(secretKey)),
  };
}

/** The `age1…` recipient of an identity string (null when it is not one). */
export function recipientOfIdentity(identity: string): string | null {
  const secretKey = parseAgeIdentity(identity);
  return secretKey ? formatAgeRecipient(x25519.getPublicKey(secretKey)) : null;
}

function x25519WrapKey(shared: Uint8Array, share: Uint8Array, publicKey: Uint8Array) {
  return hkdf(sha256, shared, concatBytes(share, publicKey), X25519_INFO, 32);
}

function sharedSecret(secretKey: Uint8Array, share: Uint8Array): Uint8Array {
  let shared: Uint8Array;
  try {
    shared = x25519.getSharedSecret(secretKey, share);
  } catch {
    headerFailure('X25519 の共有値が不正です');
  }
  if (shared.every((b) => b === 0)) headerFailure('X25519 の共有値が不正です');
  return shared;
}

export function x25519Recipient(publicKey: Uint8Array): AgeRecipient {
  return {
    wrap(fileKey) {
      const ephemeral = x25519.utils.randomSecretKey();
      const share = x25519.getPublicKey(ephemeral);
      const key = x25519WrapKey(sharedSecret(ephemeral, publicKey), share, publicKey);
      const body = chacha20poly1305(key, ZERO_NONCE).encrypt(fileKey);
      return Promise.resolve([{ type: 'X25519', args: [encodeAgeBase64(share)], body }]);
    },
  };
}

export function x25519Identity(secretKey: Uint8Array): AgeIdentity {
  const publicKey = x25519.getPublicKey(secretKey);
  return {
    unwrap(stanzas) {
      for (const stanza of stanzas) {
        if (stanza.type !== 'X25519') continue;
        const share = stanza.args.length === 1 ? decodeAgeBase64(stanza.args[0]!) : null;
        if (!share || share.length !== 32) headerFailure('X25519 の受信者の行が正しくありません');
        if (stanza.body.length !== WRAPPED_BYTES) headerFailure('X25519 の本文の長さが違います');
        const key = x25519WrapKey(sharedSecret(secretKey, share), share, publicKey);
        const fileKey = unwrapBody(key, stanza.body);
        if (fileKey) return Promise.resolve(fileKey);
      }
      return Promise.resolve(null);
    },
  };
}

async function scryptKey(passphrase: string, salt: Uint8Array, logN: number) {
  return scryptAsync(passphrase, concatBytes(SCRYPT_LABEL, salt), {
    N: 2 ** logN,
    r: 8,
    p: 1,
    dkLen: 32,
  });
}

export function scryptRecipient(
  passphrase: string,
  logN: number = DEFAULT_SCRYPT_WORK_FACTOR,
): AgeRecipient {
  return {
    async wrap(fileKey) {
      const salt = randomBytes(16);
      const body = chacha20poly1305(await scryptKey(passphrase, salt, logN), ZERO_NONCE).encrypt(
        fileKey,
      );
      return [{ type: 'scrypt', args: [encodeAgeBase64(salt), String(logN)], body }];
    },
  };
}

export function scryptIdentity(
  passphrase: string,
  maxLogN: number = MAX_SCRYPT_WORK_FACTOR,
): AgeIdentity {
  return {
    async unwrap(stanzas) {
      for (const stanza of stanzas) {
        if (stanza.type !== 'scrypt') continue;
        if (stanza.args.length !== 2) headerFailure('scrypt の受信者の行が正しくありません');
        const salt = decodeAgeBase64(stanza.args[0]!);
        if (!salt || salt.length !== 16) headerFailure('scrypt のソルトが正しくありません');
        // Decimal without sign or leading zeros, so one work factor has one spelling.
        if (!/^[1-9][0-9]?$/.test(stanza.args[1]!))
          headerFailure('scrypt の作業係数が正しくありません');
        const logN = Number(stanza.args[1]);
        if (logN > maxLogN) fail({ kind: 'workFactor', logN });
        if (stanza.body.length !== WRAPPED_BYTES) headerFailure('scrypt の本文の長さが違います');
        const fileKey = unwrapBody(await scryptKey(passphrase, salt, logN), stanza.body);
        if (fileKey) return fileKey;
      }
      return null;
    },
  };
}
