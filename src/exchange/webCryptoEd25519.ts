import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToNumberLE, concatBytes, numberToBytesLE } from '@noble/curves/utils.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { nextTask } from '../domain/nextTask.ts';
import { signBytes, verifyBytes, writePkcs8, type PrivateKey, type PublicKey } from './keys.ts';

/**
 * Ed25519 through Web Crypto where the browser offers it (Chromium and Firefox ESR on a secure
 * origin), else the pure-JS `@noble/curves` of keys.ts. The native SHA-512 is what matters: on a
 * 10,000-record file the pure-JS hash was a quarter of the import check. Plain-HTTP origins
 * have no `crypto.subtle` and get the same results from @noble, only slower. Ed25519 signs
 * deterministically, so both give the same signature bytes.
 */

const ED25519 = { name: 'Ed25519' } as const;

/** False once Web Crypto has refused Ed25519 here (an older browser): then only @noble is used. */
let nativeUsable = true;

function subtle(): SubtleCrypto | null {
  return nativeUsable ? (globalThis.crypto?.subtle ?? null) : null;
}

function asBuffer(bytes: Uint8Array): BufferSource {
  return bytes as Uint8Array<ArrayBuffer>;
}

/** True when the native path is in use (for the benchmark's report). */
export function hasNativeEd25519(): boolean {
  return subtle() !== null;
}

/** The signature of `message` (64 bytes), natively when possible. */
export async function signBytesAsync(
  message: Uint8Array,
  privateKey: PrivateKey,
): Promise<Uint8Array> {
  const native = subtle();
  if (native) {
    try {
      const key = await native.importKey(
        'pkcs8',
        asBuffer(writePkcs8(privateKey)),
        ED25519,
        false,
        ['sign'],
      );
      return new Uint8Array(await native.sign(ED25519, key, asBuffer(message)));
    } catch {
      nativeUsable = false;
    }
  }
  return message.length > SIGN_SLICE_BYTES
    ? signBytesInTasks(message, privateKey)
    : signBytes(message, privateKey);
}

/** Message bytes hashed per task by signBytesInTasks (about 10 ms of pure-JS SHA-512). */
const SIGN_SLICE_BYTES = 1024 * 1024;

async function sha512InTasks(parts: readonly Uint8Array[]): Promise<Uint8Array> {
  const hash = sha512.create();
  for (const part of parts)
    for (let at = 0; at < part.length; at += SIGN_SLICE_BYTES) {
      hash.update(part.subarray(at, at + SIGN_SLICE_BYTES));
      if (at + SIGN_SLICE_BYTES < part.length) await nextTask();
    }
  return hash.digest();
}

/**
 * Pure Ed25519 (RFC 8032, 5.1.6) with @noble, its two SHA-512 passes over the message a slice per
 * task: on a plain-HTTP origin signing a 22 MB export was one page task of 0.6–1.1 s. Ed25519 is
 * deterministic, so the bytes are those of `ed25519.sign` (signBytes).
 */
export async function signBytesInTasks(
  message: Uint8Array,
  privateKey: PrivateKey,
): Promise<Uint8Array> {
  const { prefix, scalar, pointBytes } = ed25519.utils.getExtendedPublicKey(privateKey);
  const order = ed25519.Point.Fn.ORDER;
  const r = bytesToNumberLE(await sha512InTasks([prefix, message])) % order;
  const R = ed25519.Point.BASE.multiply(r).toBytes();
  const k = bytesToNumberLE(await sha512InTasks([R, pointBytes, message])) % order;
  return concatBytes(R, numberToBytesLE((r + k * scalar) % order, 32));
}

/**
 * Strict verification (RFC 8032 cofactorless, canonical encodings), natively when possible.
 * Honest signatures verify alike on both paths; trusted keys were checked to be valid points
 * when they were registered (decodePublicKeyPem).
 */
export async function verifyBytesAsync(
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: PublicKey,
): Promise<boolean> {
  if (signature.length !== 64 || publicKey.length !== 32) return false;
  const native = subtle();
  if (native) {
    try {
      const key = await native.importKey('raw', asBuffer(publicKey), ED25519, false, ['verify']);
      return await native.verify(ED25519, key, asBuffer(signature), asBuffer(message));
    } catch {
      nativeUsable = false;
    }
  }
  return verifyBytes(signature, message, publicKey);
}
