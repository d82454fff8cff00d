import type { BundleError } from '../exchange/bundleErrors.ts';
import type { SonaeDatabase } from './database.ts';
import { readBlobBytes } from './blobBytes.ts';

/**
 * Attachment bytes on import (issue 12, item 12). An attachment id names one content: bytes this
 * PC holds are never replaced by different ones, so a file cannot pre-seed an id it saw in
 * someone else's report with other bytes. A file that carries other bytes for a stored id is
 * refused whole ('attachmentChanged'); ids are random per attachment, so this never happens
 * between honest stations.
 */

export type StoredAttachmentCheck =
  { ok: true; same: ReadonlySet<string> } | { ok: false; error: BundleError };

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Compares the file's attachments with the bytes stored under the same ids: `same` lists the ids
 * already here with identical bytes. Reads Blobs, which is not an IndexedDB request, so it must
 * run OUTSIDE a transaction (awaiting it inside one would let IndexedDB commit early).
 */
export async function compareStoredAttachments(
  db: SonaeDatabase,
  incoming: ReadonlyMap<string, Uint8Array>,
): Promise<StoredAttachmentCheck> {
  const ids = [...incoming.keys()];
  const rows = await db.attachments.bulkGet(ids);
  const same = new Set<string>();
  for (const row of rows) {
    if (!row) continue;
    const bytes = incoming.get(row.id)!;
    // Sizes first: a different size needs no read.
    const differs =
      row.blob.size !== bytes.length || !equalBytes(await readBlobBytes(row.blob), bytes);
    if (differs) return { ok: false, error: { kind: 'attachmentChanged', attachmentId: row.id } };
    same.add(row.id);
  }
  return { ok: true, same };
}

/** Bytes were stored under an id after compareStoredAttachments ran (e.g. by another tab). */
export class AttachmentsChangedMeanwhileError extends Error {
  override name = 'AttachmentsChangedMeanwhileError';
}

/**
 * Adds the attachments this PC does not hold yet and returns how many. An id already stored must
 * be one `same` vouched for; otherwise it throws AttachmentsChangedMeanwhileError (the caller
 * compares again), so stored bytes are never replaced and never silently kept against different
 * ones. NOTE: must run inside the import's transaction, which includes `attachments`.
 */
export async function addMissingAttachments(
  db: SonaeDatabase,
  incoming: ReadonlyMap<string, Uint8Array>,
  mediaTypes: ReadonlyMap<string, string>,
  same: ReadonlySet<string>,
): Promise<number> {
  const ids = [...incoming.keys()];
  const present = (await db.attachments.bulkGet(ids)).flatMap((row) => (row ? [row.id] : []));
  if (present.some((id) => !same.has(id))) throw new AttachmentsChangedMeanwhileError();
  const stored = new Set(present);
  const added = ids
    .filter((id) => !stored.has(id))
    .map((id) => ({
      id,
      blob: new Blob([incoming.get(id)! as BlobPart], { type: mediaTypes.get(id) ?? '' }),
    }));
  if (added.length) await db.attachments.bulkAdd(added);
  return added.length;
}
