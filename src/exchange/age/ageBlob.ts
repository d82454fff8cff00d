import { createAgeEncryptor, decryptAge, openAge } from './age.ts';
import { looksArmored } from './ageArmor.ts';
import { AgeFailure, type AgeResult } from './ageErrors.ts';
import type { AgeIdentity, AgeRecipient } from './ageRecipients.ts';

/**
 * age over a Blob, slice by slice, for files too large to hold twice in memory (a whole-station
 * backup with photos is hundreds of megabytes): the output is gathered into Blobs of a few
 * megabytes as it is made, which the browser may keep on disk. Same bytes as encryptAge and
 * decryptAge of the whole file.
 */

/** Reads a Blob's bytes (Blob.arrayBuffer, or FileReader where it is missing). */
export type BlobReader = (blob: Blob) => Promise<Uint8Array>;

const SLICE_BYTES = 4 * 1024 * 1024;
/** Enough for any header Sonae or the age CLI writes for a handful of recipients. */
const HEADER_PROBE_BYTES = 1024 * 1024;

/** Collects pieces and folds them into Blobs every few megabytes. */
function blobCollector(type: string) {
  const blobs: Blob[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = () => {
    if (pending.length === 0) return;
    blobs.push(new Blob(pending as BlobPart[]));
    pending = [];
    pendingBytes = 0;
  };
  return {
    add(parts: readonly Uint8Array[]) {
      for (const part of parts) {
        pending.push(part);
        pendingBytes += part.length;
      }
      if (pendingBytes >= SLICE_BYTES) flush();
    },
    finish(): Blob {
      flush();
      return new Blob(blobs, { type });
    },
  };
}

/** Encrypts a Blob to the recipients; the result is an age file (binary). */
export async function encryptBlob(
  blob: Blob,
  recipients: readonly AgeRecipient[],
  read: BlobReader,
): Promise<Blob> {
  const encryptor = await createAgeEncryptor(recipients);
  const out = blobCollector('application/octet-stream');
  out.add([encryptor.header]);
  for (let at = 0; at < blob.size; at += SLICE_BYTES)
    out.add(encryptor.push(await read(blob.slice(at, Math.min(blob.size, at + SLICE_BYTES)))));
  out.add(encryptor.finish());
  return out.finish();
}

/**
 * Decrypts an age file held in a Blob. The plaintext is handed back only when every chunk has
 * authenticated and the file ended where it should: a truncated or altered file gives an error
 * and no partial Blob.
 */
export async function decryptBlob(
  blob: Blob,
  identities: readonly AgeIdentity[],
  read: BlobReader,
  type = '',
): Promise<AgeResult<Blob>> {
  const probe = await read(blob.slice(0, Math.min(blob.size, HEADER_PROBE_BYTES)));
  if (looksArmored(probe)) {
    // Armor wraps the whole file in Base64: read it whole (Sonae never writes armored files).
    const whole = await decryptAge(await read(blob), identities);
    return whole.ok ? { ok: true, value: new Blob([whole.value as BlobPart], { type }) } : whole;
  }
  const opened = await openAge(probe, identities);
  if (!opened.ok) return opened;
  const { sealed, decryptor } = opened.value;
  const out = blobCollector(type);
  const emit = (plain: Uint8Array) => out.add([plain]);
  try {
    decryptor.push(sealed, emit);
    for (let at = probe.length; at < blob.size; at += SLICE_BYTES)
      decryptor.push(await read(blob.slice(at, Math.min(blob.size, at + SLICE_BYTES))), emit);
    decryptor.finish(emit);
  } catch (error) {
    if (error instanceof AgeFailure) return { ok: false, error: error.error };
    throw error;
  }
  return { ok: true, value: out.finish() };
}
