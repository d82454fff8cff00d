import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { nextTask } from '../domain/nextTask.ts';
import type { RecordOf } from '../domain/recordSchemas.ts';
import type { RecordType } from '../domain/recordTypes.ts';
import { storedRecordTitle } from '../domain/recordTitle.ts';
import { checkReplay, createTrustedKey, type TrustedKey } from '../exchange/bundleTrust.ts';
import { describeBundleError } from '../exchange/bundleErrors.ts';
import type { RecordKey } from '../exchange/parseBundle.ts';
import { allowedRecordTypes } from '../exchange/signerRoles.ts';
import { decodePublicKeyPem } from '../exchange/keys.ts';
import type { SonaeDatabase } from './database.ts';
import { exchangeTables, type ImportCounts, type TrustedKeyRow } from './exchangeTables.ts';
import { planMerge, type IncomingLeaf } from './mergeStore.ts';
import type { PreviewRow } from './exchangeImport.ts';

/** The checks of an import that depend on this PC (src/db/exchangeImport.ts runs them). */

/** Keys trusted on this PC plus those of the deployment config, in parseBundle's form. */
export function toTrustedKeys(rows: readonly TrustedKeyRow[]): TrustedKey[] {
  const keys: TrustedKey[] = [];
  for (const row of rows) {
    const decoded = decodePublicKeyPem(row.publicKeyPem);
    if (decoded.ok) keys.push(createTrustedKey(decoded.publicKey, row.label, row.role));
  }
  return keys;
}

/** The replay rule against this PC's import history (bundleTrust.ts, checkReplay). */
export async function checkReplayHere(db: SonaeDatabase, fileSha256: string) {
  const rows = await exchangeTables(db).imports.where('sha256').equals(fileSha256).toArray();
  return checkReplay(fileSha256, rows);
}

/** Bytes hashed per task by the pure-JS fallback of digestHex (about 15 ms). */
const HASH_SLICE_BYTES = 1024 * 1024;

/**
 * SHA-256 of a file for the history and the 持ち出し記録: Web Crypto where present (not on plain
 * HTTP), else pure JS a slice per task (nextTask), so hashing 100 MB never freezes the page.
 */
export async function digestHex(bytes: Uint8Array): Promise<string> {
  if (globalThis.crypto?.subtle) {
    try {
      return bytesToHex(
        new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource)),
      );
    } catch {
      // Fall through to the pure-JS hash.
    }
  }
  const hash = sha256.create();
  for (let at = 0; at < bytes.length; at += HASH_SLICE_BYTES) {
    if (at > 0) await nextTask();
    hash.update(bytes.subarray(at, at + HASH_SLICE_BYTES));
  }
  return bytesToHex(hash.digest());
}

/**
 * The file's leaves the signer may write (to merge), and one preview row for each record it may
 * not: refused, unless it would change nothing (a department relaying the IT section's own lists
 * back is harmless and shown as unchanged).
 */
export async function splitByRole(
  db: SonaeDatabase,
  keys: readonly RecordKey[],
  leaves: readonly RecordOf<RecordType>[][],
  signer: TrustedKey,
): Promise<{ incoming: IncomingLeaf[]; otherRows: PreviewRow[] }> {
  const allowed = allowedRecordTypes(signer.role);
  const incoming: IncomingLeaf[] = [];
  const notAllowed: { leaves: IncomingLeaf[]; row: PreviewRow }[] = [];
  // parseBundle has checked every record (rev, version, schema) and returned it in stored form.
  keys.forEach(({ type, id }, index) => {
    const typed = leaves[index]!.map((leaf) => ({ type, record: leaf }));
    if (allowed.includes(type)) incoming.push(...typed);
    else {
      const title = storedRecordTitle(type, leaves[index]![0]!);
      const reason = describeBundleError({
        kind: 'roleNotAllowed',
        role: signer.role,
        index,
        type,
        id,
      });
      notAllowed.push({ leaves: typed, row: { type, id, title, change: 'refused', reason } });
    }
  });
  // A record the signer may not write is refused only if it would change something: a
  // department relaying the IT section's own lists back is harmless and shown as unchanged.
  const relayed = await planMerge(
    db,
    notAllowed.flatMap((n) => n.leaves),
  );
  const unchangedIds = new Set(
    relayed.filter((p) => p.change === 'unchanged').map((p) => `${p.type}/${p.id}`),
  );
  const notAllowedRows = notAllowed.map(({ row }) =>
    unchangedIds.has(`${row.type}/${row.id}`)
      ? { ...row, change: 'unchanged' as const, reason: undefined }
      : row,
  );

  return {
    incoming,
    otherRows: notAllowedRows.map(({ reason, ...row }) => (reason ? { ...row, reason } : row)),
  };
}

/** The counts of a preview or an applied import, by change. */
export function countRows(
  rows: readonly Pick<PreviewRow, 'change'>[],
  attachments: number,
): ImportCounts {
  const counts: ImportCounts = {
    new: 0,
    updated: 0,
    unchanged: 0,
    conflict: 0,
    refused: 0,
    attachments,
  };
  for (const row of rows) counts[row.change] += 1;
  return counts;
}
