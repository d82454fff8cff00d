import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes } from '@noble/hashes/utils.js';
import { fail } from './ageErrors.ts';

/**
 * age's payload: ChaCha20-Poly1305 over 64 KiB chunks (the STREAM construction). The nonce of
 * a chunk is an 11-byte big-endian counter and a last-chunk flag, so chunks cannot be dropped,
 * reordered or cut off unseen. Both directions take bytes in pieces of any size and hand back
 * whole chunks, so a 30 MB bundle never needs a second 30 MB copy to be built at once.
 */
export const AGE_CHUNK_BYTES = 64 * 1024;
const TAG_BYTES = 16;
const SEALED_CHUNK_BYTES = AGE_CHUNK_BYTES + TAG_BYTES;
export const AGE_PAYLOAD_NONCE_BYTES = 16;
const PAYLOAD_INFO = new TextEncoder().encode('payload');

export function payloadKey(fileKey: Uint8Array, nonce: Uint8Array): Uint8Array {
  return hkdf(sha256, fileKey, nonce, PAYLOAD_INFO, 32);
}

function chunkNonce(counter: number, last: boolean): Uint8Array {
  const nonce = new Uint8Array(12);
  let n = counter;
  for (let i = 10; i >= 0 && n > 0; i--) {
    nonce[i] = n % 256;
    n = Math.floor(n / 256);
  }
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/** Collects pushed pieces and hands out runs of `size` bytes, keeping the rest. */
class ByteQueue {
  private parts: Uint8Array[] = [];
  length = 0;

  push(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.parts.push(bytes);
    this.length += bytes.length;
  }

  take(size: number): Uint8Array {
    const first = this.parts[0];
    let out: Uint8Array;
    if (first && first.length >= size) {
      out = first.subarray(0, size);
      if (first.length === size) this.parts.shift();
      else this.parts[0] = first.subarray(size);
    } else {
      out = new Uint8Array(size);
      let filled = 0;
      while (filled < size) {
        const part = this.parts[0]!;
        const n = Math.min(part.length, size - filled);
        out.set(part.subarray(0, n), filled);
        filled += n;
        if (n === part.length) this.parts.shift();
        else this.parts[0] = part.subarray(n);
      }
    }
    this.length -= size;
    return out;
  }
}

/**
 * Seals `plain`, a whole number of chunks that are known not to be the last, as chunks
 * `firstCounter`, `firstCounter + 1`, … into one array: the part of a payload that can be
 * encrypted (in a worker) before its end is known.
 */
export function sealFullChunks(
  key: Uint8Array,
  plain: Uint8Array,
  firstCounter: number,
): Uint8Array {
  if (plain.length % AGE_CHUNK_BYTES !== 0) throw new Error('age: not a whole number of chunks');
  const count = plain.length / AGE_CHUNK_BYTES;
  const out = new Uint8Array(count * SEALED_CHUNK_BYTES);
  for (let i = 0; i < count; i++)
    chacha20poly1305(key, chunkNonce(firstCounter + i, false)).encrypt(
      plain.subarray(i * AGE_CHUNK_BYTES, (i + 1) * AGE_CHUNK_BYTES),
      out.subarray(i * SEALED_CHUNK_BYTES, (i + 1) * SEALED_CHUNK_BYTES),
    );
  return out;
}

/** Encrypts a payload pushed in pieces; `finish` seals the last chunk. */
export class AgePayloadEncryptor {
  private queue = new ByteQueue();
  /** `firstCounter`: the chunks before it were sealed elsewhere (sealFullChunks). */
  constructor(
    private readonly key: Uint8Array,
    private counter = 0,
  ) {}

  push(plain: Uint8Array): Uint8Array[] {
    this.queue.push(plain);
    const out: Uint8Array[] = [];
    // Hold back a full chunk until more follows: only then is it known not to be the last.
    while (this.queue.length > AGE_CHUNK_BYTES) out.push(this.seal(AGE_CHUNK_BYTES, false));
    return out;
  }

  finish(): Uint8Array[] {
    return [this.seal(this.queue.length, true)];
  }

  private seal(size: number, last: boolean): Uint8Array {
    const nonce = chunkNonce(this.counter++, last);
    return chacha20poly1305(this.key, nonce).encrypt(this.queue.take(size));
  }
}

/**
 * Decrypts a payload pushed in pieces, handing each chunk to `emit` once it has authenticated.
 * Throws AgeFailure (payload) on a chunk that does not authenticate, a missing last chunk, an
 * empty last chunk after others, or bytes after the end. Callers that need all-or-nothing (the
 * app does) keep what was emitted only when `finish` returns.
 */
export class AgePayloadDecryptor {
  private queue = new ByteQueue();
  private counter = 0;
  private done = false;
  constructor(private readonly key: Uint8Array) {}

  push(sealed: Uint8Array, emit: (plain: Uint8Array) => void): void {
    this.queue.push(sealed);
    while (!this.done && this.queue.length > SEALED_CHUNK_BYTES) {
      const chunk = this.queue.take(SEALED_CHUNK_BYTES);
      emit(this.open(chunk, false) ?? this.openLast(chunk));
    }
    if (this.done && this.queue.length > 0)
      fail({ kind: 'payload', detail: '末尾に余分なデータがあります' });
  }

  finish(emit: (plain: Uint8Array) => void): void {
    if (this.done) return;
    if (this.queue.length === 0)
      fail({
        kind: 'payload',
        detail: this.counter === 0 ? '本文がありません' : '途中で切れています',
      });
    const chunk = this.queue.take(this.queue.length);
    // A full chunk may be the last one or one whose successors were cut off.
    const middle = chunk.length === SEALED_CHUNK_BYTES ? this.open(chunk, false) : null;
    if (middle) {
      emit(middle);
      fail({ kind: 'payload', detail: '途中で切れています' });
    }
    emit(this.openLast(chunk));
  }

  private openLast(chunk: Uint8Array): Uint8Array {
    const plain = this.open(chunk, true);
    if (!plain) fail({ kind: 'payload', detail: '途中で切れているか、書き換えられています' });
    return plain;
  }

  private open(chunk: Uint8Array, last: boolean): Uint8Array | null {
    let plain: Uint8Array;
    try {
      plain = chacha20poly1305(this.key, chunkNonce(this.counter, last)).decrypt(chunk);
    } catch {
      return null;
    }
    if (last && plain.length === 0 && this.counter > 0)
      fail({ kind: 'payload', detail: '最後のチャンクが空です' });
    this.counter++;
    if (last) this.done = true;
    return plain;
  }
}

/** Joins pieces into one array. */
export function joinBytes(parts: readonly Uint8Array[]): Uint8Array {
  return parts.length === 1 ? parts[0]! : concatBytes(...parts);
}
