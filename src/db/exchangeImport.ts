import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { RecordType } from '../domain/recordTypes.ts';
import { recordTypeLabels, recordTypes } from '../domain/recordTypes.ts';
import { nowIso } from '../domain/dateTime.ts';
import type { AuditEntry } from '../domain/audit.ts';
import { parseBundle } from '../exchange/parseBundle.ts';
import { checkSequence, createTrustedKey, type TrustedKey } from '../exchange/bundleTrust.ts';
import { describeBundleError, type BundleError } from '../exchange/bundleErrors.ts';
import type { Bundle } from '../exchange/bundleFormat.ts';
import { recordTitle } from '../domain/recordTitle.ts';
import { pickData } from '../domain/recordMeta.ts';
import { allowedRecordTypes } from '../exchange/signerRoles.ts';
import { decodePublicKeyPem } from '../exchange/keys.ts';
import type { MergeChange } from '../exchange/merge.ts';
import { recordTables, type SonaeDatabase } from './database.ts';
import {
  exchangeTables,
  type ImportCounts,
  type ImportRow,
  type TrustedKeyRow,
} from './exchangeTables.ts';
import { applyMergePlan, planMerge, type IncomingLeaf } from './mergeStore.ts';
import { takeSnapshot } from './snapshots.ts';
import { getDatabase } from './instance.ts';
import { requireStation } from './station.ts';

/** One line of the import preview. */
export interface PreviewRow {
  type: RecordType;
  id: string;
  title: string;
  change: MergeChange | 'refused';
  /** Why a record is refused (Japanese). */
  reason?: string;
}

/** Everything checked and computed before the person confirms 「取り込む」. */
export interface ImportPreview {
  fileName: string;
  sha256: string;
  bundle: Bundle;
  signer: TrustedKey;
  attachmentBytes: Map<string, Uint8Array>;
  incoming: IncomingLeaf[];
  rows: PreviewRow[];
  counts: ImportCounts;
}

export type PrepareResult =
  { ok: true; preview: ImportPreview } | { ok: false; error: BundleError };

/** Thrown by applyImport when the file became a replay meanwhile (e.g. imported in another tab). */
export class ImportRefusedError extends Error {
  override name = 'ImportRefusedError';
  constructor(readonly error: BundleError) {
    super(describeBundleError(error));
  }
}

/** Keys trusted on this PC plus those of the deployment config, in parseBundle's form. */
export function toTrustedKeys(rows: readonly TrustedKeyRow[]): TrustedKey[] {
  const keys: TrustedKey[] = [];
  for (const row of rows) {
    const decoded = decodePublicKeyPem(row.publicKeyPem);
    if (decoded.ok) keys.push(createTrustedKey(decoded.publicKey, row.label, row.role));
  }
  return keys;
}

/** The highest sequence imported (and not undone) under a signing key, or null. */
async function lastSequence(db: SonaeDatabase, keyId: string): Promise<number | null> {
  const rows = await exchangeTables(db).imports.where('signerKeyId').equals(keyId).toArray();
  const live = rows.filter((row) => !row.undoneAt).map((row) => row.sequence);
  return live.length ? Math.max(...live) : null;
}

/**
 * Checks a chosen file completely and computes what importing it would do, without writing:
 * format, signature and trust (parseBundle), replay, each record's schema (conflict siblings
 * included) and the signer's role, then the merge against the stored records.
 */
export async function prepareImport(
  fileName: string,
  bytes: Uint8Array,
  extraTrustedKeys: readonly TrustedKeyRow[] = [],
): Promise<PrepareResult> {
  const db = getDatabase();
  const stored = await exchangeTables(db).trustedKeys.toArray();
  const parsed = parseBundle(bytes, {
    trustedKeys: toTrustedKeys([...extraTrustedKeys, ...stored]),
  });
  if (!parsed.ok) return parsed;
  const { bundle, signer, attachmentBytes } = parsed;
  const sequence = checkSequence(bundle, await lastSequence(db, bundle.issuer.keyId));
  if (!sequence.ok) return sequence;

  const allowed = allowedRecordTypes(signer.role);
  const incoming: IncomingLeaf[] = [];
  const notAllowed: { leaves: IncomingLeaf[]; row: PreviewRow }[] = [];
  // parseBundle has checked every record (rev, version, schema) and returned it in stored form.
  bundle.records.forEach((record, index) => {
    const { type, id } = record;
    const typed = parsed.leaves[index]!.map((leaf) => ({ type, record: leaf }));
    if (allowed.includes(type)) incoming.push(...typed);
    else {
      const title = recordTitle(type, pickData(parsed.leaves[index]![0]!) as never);
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

  const plan = await planMerge(db, incoming);
  const rows: PreviewRow[] = [
    ...plan.map(({ type, id, title, change }) => ({ type, id, title, change })),
    ...notAllowedRows.map(({ reason, ...row }) => (reason ? { ...row, reason } : row)),
  ];
  return {
    ok: true,
    preview: {
      fileName,
      sha256: await digestHex(bytes),
      bundle,
      signer,
      attachmentBytes,
      incoming,
      rows,
      counts: countRows(rows, 0),
    },
  };
}

/** SHA-256 of the file for the history; Web Crypto where present (not on plain HTTP), else pure JS. */
async function digestHex(bytes: Uint8Array): Promise<string> {
  if (globalThis.crypto?.subtle) {
    try {
      return bytesToHex(
        new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource)),
      );
    } catch {
      // Fall through to the pure-JS hash.
    }
  }
  return bytesToHex(sha256(bytes));
}

function countRows(rows: readonly Pick<PreviewRow, 'change'>[], attachments: number): ImportCounts {
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

const changeLabels: Record<MergeChange, string> = {
  new: '新規',
  updated: '更新',
  unchanged: '変更なし',
  conflict: '競合',
};

/**
 * Applies a prepared import in ONE transaction: snapshot first, then the merge (records and
 * conflict siblings), missing attachment bytes, the import history row and audit entries.
 * The merge is recomputed inside the transaction, so anything saved since the preview is
 * merged, never overwritten. Throws ImportRefusedError on a replay; nothing is then written.
 */
export async function applyImport(
  preview: ImportPreview,
): Promise<{ counts: ImportCounts; importSeq: number }> {
  const db = getDatabase();
  const { conflicts, imports, snapshots } = exchangeTables(db);
  const recordTableList = recordTypes.map((type) => db.table(recordTables[type]));
  const { bundle } = preview;
  return db.transaction(
    'rw',
    [...recordTableList, conflicts, imports, snapshots, db.attachments, db.audit, db.settings],
    async (tx) => {
      const station = await requireStation(tx);
      const sequence = checkSequence(bundle, await lastSequence(db, bundle.issuer.keyId));
      if (!sequence.ok) throw new ImportRefusedError(sequence.error);
      const plan = await planMerge(db, preview.incoming);
      // The snapshot is of the state before this import (nothing is written yet); a file that
      // changes no record needs none. Attachments are only ever added, so they are not in it.
      const changes = plan.some((p) => p.change !== 'unchanged');
      const snapshotSeq = changes ? await takeSnapshot(db, preview.fileName) : null;
      await applyMergePlan(db, plan);

      const attachmentIds = [...preview.attachmentBytes.keys()];
      const present = new Set(
        (await db.attachments.bulkGet(attachmentIds)).flatMap((row) => (row ? [row.id] : [])),
      );
      const mediaTypes = new Map(bundle.attachments.map((a) => [a.id, a.mediaType]));
      const added = attachmentIds
        .filter((id) => !present.has(id))
        .map((id) => ({
          id,
          blob: new Blob([preview.attachmentBytes.get(id)! as BlobPart], {
            type: mediaTypes.get(id) ?? '',
          }),
        }));
      if (added.length) await db.attachments.bulkAdd(added);

      // Rows not merged (refused, or relayed unchanged) are counted as the preview showed them.
      const merged = new Set(plan.map((p) => `${p.type}/${p.id}`));
      const otherRows = preview.rows.filter((row) => !merged.has(`${row.type}/${row.id}`));
      const counts = countRows([...plan, ...otherRows], added.length);
      const at = nowIso();
      const row: ImportRow = {
        at,
        actor: station.staffName,
        fileName: preview.fileName,
        sha256: preview.sha256,
        bundleId: bundle.bundleId,
        issuer: bundle.issuer.stationId,
        issuerLabel: bundle.issuer.label,
        sequence: bundle.sequence,
        signerKeyId: bundle.issuer.keyId,
        counts,
      };
      const importSeq = await imports.add(row);
      if (snapshotSeq !== null) await snapshots.update(snapshotSeq, { importSeq });

      const base = {
        at,
        stationId: station.id,
        actor: station.staffName,
        action: 'import' as const,
      };
      const entries: AuditEntry[] = plan
        .filter((p) => p.change !== 'unchanged')
        .map((p) => ({
          ...base,
          recordType: p.type,
          recordId: p.id,
          rev: p.winner.rev,
          summary: `${recordTypeLabels[p.type]}「${p.title}」を取り込み（${changeLabels[p.change]}）`,
        }));
      entries.push({
        ...base,
        recordType: null,
        recordId: null,
        rev: null,
        summary:
          `「${preview.fileName}」（${bundle.issuer.label}、通し番号 ${bundle.sequence}、署名「${preview.signer.label}」）を取り込み: ` +
          `新規${counts.new}・更新${counts.updated}・競合${counts.conflict}・変更なし${counts.unchanged}・取り込めず${counts.refused}件`,
      });
      await db.audit.bulkAdd(entries);
      return { counts, importSeq };
    },
  );
}
