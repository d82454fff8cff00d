import { randomBytes } from '@noble/hashes/utils.js';
import { nextTask } from '../../domain/nextTask.ts';
import { decodeAgeArmor, looksArmored } from './ageArmor.ts';
import { AgeFailure, fail, type AgeError, type AgeResult } from './ageErrors.ts';
import { encodeAgeHeader, isHeaderMacValid, parseAgeHeader, type AgeStanza } from './ageHeader.ts';
import type { AgeIdentity, AgeRecipient } from './ageRecipients.ts';
import {
  AGE_CHUNK_BYTES,
  AGE_PAYLOAD_NONCE_BYTES,
  AgePayloadDecryptor,
  AgePayloadEncryptor,
  joinBytes,
  payloadKey,
  sealFullChunks,
} from './ageStream.ts';

/**
 * age v1 encryption (the C2SP age specification, "age-encryption.org/v1") in pure JS: what `age -e -r`
 * writes and `age -d -i` reads. The file key is random per file; each recipient gets it in a
 * stanza; the header is MACed with it; the payload is STREAM-encrypted in 64 KiB chunks.
 */

const MAGIC = new TextEncoder().encode('age-encryption.org/');

/** True when the bytes start like an age file, binary or armored. */
export function isAgeFile(bytes: Uint8Array): boolean {
  if (bytes.length >= MAGIC.length && MAGIC.every((b, i) => bytes[i] === b)) return true;
  if (!looksArmored(bytes)) return false;
  const head = String.fromCharCode(...bytes.subarray(0, 1100));
  return head.includes('-----BEGIN AGE ENCRYPTED FILE-----');
}

export interface AgeEncryptor {
  /** The header and the payload nonce: the first bytes of the file. */
  header: Uint8Array;
  /** The payload key, for chunks sealed elsewhere (encryptAgeAround). */
  payloadKey: Uint8Array;
  push(plain: Uint8Array): Uint8Array[];
  finish(): Uint8Array[];
}

/** Starts an age file to the recipients; push the plaintext, then finish. */
export async function createAgeEncryptor(
  recipients: readonly AgeRecipient[],
): Promise<AgeEncryptor> {
  if (recipients.length === 0) throw new Error('age: no recipients');
  const fileKey = randomBytes(16);
  const stanzas: AgeStanza[] = [];
  for (const recipient of recipients) stanzas.push(...(await recipient.wrap(fileKey)));
  if (stanzas.some((s) => s.type === 'scrypt') && stanzas.length > 1)
    throw new Error('age: a passphrase must be the only recipient');
  const nonce = randomBytes(AGE_PAYLOAD_NONCE_BYTES);
  const key = payloadKey(fileKey, nonce);
  const payload = new AgePayloadEncryptor(key);
  const headerBytes = encodeAgeHeader(stanzas, fileKey);
  const header = new Uint8Array(headerBytes.length + nonce.length);
  header.set(headerBytes);
  header.set(nonce, headerBytes.length);
  return {
    header,
    payloadKey: key,
    push: (plain) => payload.push(plain),
    finish: () => payload.finish(),
  };
}

/** Seals whole chunks that are not the last (sealFullChunks), here or in workers, in order. */
export type AgeChunkSealer = (
  key: Uint8Array,
  plain: Uint8Array,
  firstCounter: number,
) => Promise<Uint8Array[]>;

const sealHere: AgeChunkSealer = (key, plain, firstCounter) =>
  Promise.resolve([sealFullChunks(key, plain, firstCounter)]);

/**
 * Encrypts a plaintext whose bulk (`head`) is known before its end: a signed bundle, whose
 * signature is still being computed. The chunks wholly inside `head` go to `seal` at once (a
 * worker, while this thread signs); what is left of `head` and the awaited tail are sealed here.
 * The file is the same as encryptAge of head + tail.
 */
export async function encryptAgeAround<T>(
  recipients: readonly AgeRecipient[],
  head: Uint8Array,
  finish: () => Promise<{ tail: Uint8Array; value: T }>,
  seal: AgeChunkSealer = sealHere,
): Promise<{ parts: Uint8Array[]; value: T }> {
  const encryptor = await createAgeEncryptor(recipients);
  // Keep the last whole chunk back when `head` ends on a chunk boundary: with an empty tail it
  // is the final chunk, sealed with the last-chunk flag.
  const whole = Math.max(0, Math.ceil(head.length / AGE_CHUNK_BYTES) - 1) * AGE_CHUNK_BYTES;
  const sealing = seal(encryptor.payloadKey, head.subarray(0, whole), 0);
  sealing.catch(() => undefined); // awaited below; not unhandled while `finish` runs
  const { tail, value } = await finish();
  const rest = new AgePayloadEncryptor(encryptor.payloadKey, whole / AGE_CHUNK_BYTES);
  const last = [...rest.push(head.subarray(whole)), ...rest.push(tail), ...rest.finish()];
  return { parts: [encryptor.header, ...(await sealing), ...last], value };
}

/** Encrypts `plain` (one array or pieces) and returns the file's parts, ready for a Blob. */
export async function encryptAge(
  plain: Uint8Array | readonly Uint8Array[],
  recipients: readonly AgeRecipient[],
): Promise<Uint8Array[]> {
  const encryptor = await createAgeEncryptor(recipients);
  const parts = [encryptor.header];
  // ArrayBuffer.isView, not instanceof: bytes may come from another realm (a worker, jsdom).
  for (const piece of ArrayBuffer.isView(plain)
    ? [plain as Uint8Array]
    : (plain as readonly Uint8Array[]))
    parts.push(...encryptor.push(piece));
  parts.push(...encryptor.finish());
  return parts;
}

export interface OpenedAge {
  /** The payload after the nonce, to feed to `decryptor`. */
  sealed: Uint8Array;
  decryptor: AgePayloadDecryptor;
  /** The stanza types of the header ('X25519', 'scrypt', …). */
  stanzaTypes: string[];
}

function asResult<T>(error: unknown): AgeResult<T> {
  if (error instanceof AgeFailure) return { ok: false, error: error.error };
  throw error;
}

/**
 * Reads the header, finds the file key with one of the identities and checks the header MAC.
 * Nothing of the payload is decrypted yet.
 */
export async function openAge(
  file: Uint8Array,
  identities: readonly AgeIdentity[],
): Promise<AgeResult<OpenedAge>> {
  try {
    const bytes = looksArmored(file) ? decodeAgeArmor(file) : file;
    const header = parseAgeHeader(bytes);
    const stanzaTypes = header.stanzas.map((s) => s.type);
    // A passphrase file has exactly one stanza: otherwise a passphrase could be mixed with a
    // public key and the file would look password-only while others can read it.
    if (stanzaTypes.includes('scrypt') && stanzaTypes.length !== 1)
      fail({ kind: 'header', detail: 'パスフレーズの受信者は単独でなければなりません' });
    let fileKey: Uint8Array | null = null;
    for (const identity of identities) {
      fileKey = await identity.unwrap(header.stanzas);
      if (fileKey) break;
    }
    if (!fileKey) fail({ kind: 'noMatch', stanzaTypes });
    if (!isHeaderMacValid(header, fileKey)) fail({ kind: 'hmac' });
    const nonceEnd = header.payloadOffset + AGE_PAYLOAD_NONCE_BYTES;
    if (bytes.length < nonceEnd) fail({ kind: 'header', detail: '途中で切れています' });
    const key = payloadKey(fileKey, bytes.subarray(header.payloadOffset, nonceEnd));
    return {
      ok: true,
      value: {
        sealed: bytes.subarray(nonceEnd),
        decryptor: new AgePayloadDecryptor(key),
        stanzaTypes,
      },
    };
  } catch (error) {
    return asResult(error);
  }
}

/** Ciphertext decrypted per task by decryptAge: about 10 ms of pure-JS ChaCha20-Poly1305. */
const DECRYPT_SLICE_BYTES = 1024 * 1024;

/**
 * Decrypts a whole age file in memory; the plaintext is released only when all of it checks.
 * A slice per task (nextTask), so a 100 MB file never freezes the page it is opened in.
 */
export async function decryptAge(
  file: Uint8Array,
  identities: readonly AgeIdentity[],
): Promise<AgeResult<Uint8Array>> {
  const opened = await openAge(file, identities);
  if (!opened.ok) return opened;
  const { sealed, decryptor } = opened.value;
  try {
    const parts: Uint8Array[] = [];
    const emit = (plain: Uint8Array) => parts.push(plain);
    for (let at = 0; at < sealed.length; at += DECRYPT_SLICE_BYTES) {
      if (at > 0) await nextTask();
      decryptor.push(sealed.subarray(at, at + DECRYPT_SLICE_BYTES), emit);
    }
    decryptor.finish(emit);
    return { ok: true, value: joinBytes(parts) };
  } catch (error) {
    return asResult(error);
  }
}

export type { AgeError, AgeResult };
