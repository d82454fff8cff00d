import type { RecordType } from '../domain/recordTypes.ts';
import { recordTypes } from '../domain/recordTypes.ts';
import { nowIso } from '../domain/dateTime.ts';
import type { AuditAuthor } from '../domain/audit.ts';
import { parseBundleAsync } from '../exchange/parseBundle.ts';
import type { TrustedKey } from '../exchange/bundleTrust.ts';
import { describeBundleError, type BundleError } from '../exchange/bundleErrors.ts';
import type { Bundle } from '../exchange/bundleFormat.ts';
import type { MergeChange } from '../exchange/merge.ts';
import { recordTables, type SonaeDatabase } from './database.ts';
import { exchangeTables, type ImportCounts, type TrustedKeyRow } from './exchangeTables.ts';
import { applyMergePlan, planMerge, type IncomingLeaf, type MergePlanRow } from './mergeStore.ts';
import { takeSnapshot } from './snapshots.ts';
import { markNewIncidents } from './incidentListStore.ts';
import { getDatabase } from './instance.ts';
import { loadStation, requireStation } from './station.ts';
import { StationMissingError } from './errors.ts';
import {
  addMissingAttachments,
  AttachmentsChangedMeanwhileError,
  compareStoredAttachments,
} from './importAttachments.ts';
import { describeAuthors, revSignerSet, type VersionAuthors } from './importAuthors.ts';
import { importAuditEntry, importRow } from './importAudit.ts';
import { nextTask } from '../domain/nextTask.ts';
import { currentActorName } from './operator.ts';
import {
  WRITE_BATCH,
  type BundleParser,
  type ImportOptions,
  type ImportProgress,
} from './importProgress.ts';
import {
  checkReplayHere,
  countRows,
  digestHex,
  splitByRole,
  toTrustedKeys,
} from './importChecks.ts';

/** One line of the import preview. */
export interface PreviewRow {
  type: RecordType;
  id: string;
  title: string;
  change: MergeChange | 'refused';
  /** Why a record is refused (Japanese). */
  reason?: string;
  /** Why an 'updated' record shows no new content: only its version history is merged. */
  note?: string;
  /** The version this import replaces, and who signed or made it (issue 12, item 10). */
  replaced?: { rev: string; by: AuditAuthor };
  /** The version this file brings, signed by the file's signer. */
  incoming?: { rev: string; by: AuditAuthor };
  /** A department key replacing a version someone else signed or made. */
  warning?: string;
}

/** Everything checked and computed before the person confirms 「取り込む」. */
export interface ImportPreview {
  fileName: string;
  sha256: string;
  /** The age file the bundle came in, when it was encrypted: its SHA-256 as carried. */
  encryptedSha256?: string;
  /** The envelope without its records (the leaves are in `incoming`): issuer, sequence, kind. */
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

const HISTORY_ONLY_NOTE = '内容は同じです。版の履歴だけを統合します。';

function toPreviewRow(row: MergePlanRow, authors: VersionAuthors): PreviewRow {
  const { type, id, title, change } = row;
  const preview: PreviewRow = { type, id, title, change };
  if (row.historyOnly) preview.note = HISTORY_ONLY_NOTE;
  if (authors.replaced) preview.replaced = authors.replaced;
  if (authors.incoming) preview.incoming = authors.incoming;
  if (authors.warning) preview.warning = authors.warning;
  return preview;
}

/**
 * Checks a chosen file completely and computes what importing it would do, without writing:
 * format, signature and trust (parseBundle), replay (the same file imported and not undone),
 * attachment bytes against those stored under the same ids, each record's schema (conflict
 * siblings included) and the signer's role, then the merge against the stored records and who
 * signed each version it replaces. The sequence number refuses nothing (bundleTrust.ts).
 */
export async function prepareImport(
  fileName: string,
  bytes: Uint8Array,
  extraTrustedKeys: readonly TrustedKeyRow[] = [],
  options: ImportOptions = {},
): Promise<PrepareResult> {
  const db = getDatabase();
  const { onProgress } = options;
  const parse: BundleParser = options.parse ?? parseBundleAsync;
  const stored = await exchangeTables(db).trustedKeys.toArray();
  const parsed = await parse(bytes, {
    trustedKeys: toTrustedKeys([...extraTrustedKeys, ...stored]),
    onProgress: (done, total) => onProgress?.({ step: 'checking', done, total }),
  });
  if (!parsed.ok) return parsed;
  onProgress?.({ step: 'comparing', done: 0, total: parsed.leaves.length });
  const { bundle, signer, attachmentBytes } = parsed;
  const fileSha256 = parsed.fileSha256 ?? (await digestHex(bytes));
  const replay = await checkReplayHere(db, fileSha256);
  if (!replay.ok) return replay;
  const storedBytes = await compareStoredAttachments(db, attachmentBytes);
  if (!storedBytes.ok) return storedBytes;
  const station = await loadStation();
  if (!station) throw new StationMissingError('station not set up');

  const { incoming, otherRows } = await splitByRole(db, parsed.keys, parsed.leaves, signer);
  const plan = await planMerge(db, incoming, { pause: nextTask });
  const authors = await describeAuthors(db, plan, signer, station);
  const rows: PreviewRow[] = [
    ...plan.map((row, i) => toPreviewRow(row, authors[i]!)),
    ...otherRows,
  ];
  return {
    ok: true,
    preview: {
      fileName,
      sha256: fileSha256,
      ...(options.encryptedSha256 ? { encryptedSha256: options.encryptedSha256 } : {}),
      // Without the records as received, whichever way the file was checked (checkBundleInWorker
      // sends only their keys and leaves): what the preview keeps in memory is the leaves.
      bundle: { ...bundle, records: [] },
      signer,
      attachmentBytes,
      incoming,
      rows,
      counts: countRows(rows, 0),
    },
  };
}

/**
 * Applies a prepared import in ONE transaction: the snapshot of what it changes first, then the
 * merge (records and conflict siblings), missing attachment bytes (never replacing stored ones),
 * the import history row, who signed each version it brought, and one audit entry with the
 * per-record list. The merge is recomputed inside the transaction, so anything saved since the
 * preview is merged, never overwritten. Throws ImportRefusedError when the file was imported
 * meanwhile (another tab) or carries other bytes for a stored attachment; nothing is then written.
 */
export async function applyImport(
  preview: ImportPreview,
  options: Pick<ImportOptions, 'onProgress'> = {},
): Promise<{ counts: ImportCounts; importSeq: number }> {
  const db = getDatabase();
  for (let attempt = 1; ; attempt += 1) {
    // Stored Blobs are read here, outside the transaction (see compareStoredAttachments).
    const stored = await compareStoredAttachments(db, preview.attachmentBytes);
    if (!stored.ok) throw new ImportRefusedError(stored.error);
    try {
      return await applyChecked(db, preview, stored.same, options.onProgress);
    } catch (error) {
      if (!(error instanceof AttachmentsChangedMeanwhileError) || attempt === 3) throw error;
    }
  }
}

async function applyChecked(
  db: SonaeDatabase,
  preview: ImportPreview,
  sameAttachments: ReadonlySet<string>,
  onProgress?: (progress: ImportProgress) => void,
): Promise<{ counts: ImportCounts; importSeq: number }> {
  const { conflicts, imports, snapshots, exportedRevs, revSignerSets, trustedKeys } =
    exchangeTables(db);
  const recordTableList = recordTypes.map((type) => db.table(recordTables[type]));
  const { bundle, signer } = preview;
  const tables = [conflicts, imports, snapshots, exportedRevs, revSignerSets, trustedKeys];
  return db.transaction(
    'rw',
    [...recordTableList, ...tables, db.attachments, db.audit, db.settings],
    async (tx) => {
      const station = await requireStation(tx);
      const replay = await checkReplayHere(db, preview.sha256);
      if (!replay.ok) throw new ImportRefusedError(replay.error);
      const plan = await planMerge(db, preview.incoming);
      markNewIncidents(
        tx,
        plan.filter((p) => p.type === 'incident' && !p.before.main).map((p) => p.id),
      );
      const authors = await describeAuthors(db, plan, signer, station);
      const mediaTypes = new Map(bundle.attachments.map((a) => [a.id, a.mediaType]));
      const added = await addMissingAttachments(
        db,
        preview.attachmentBytes,
        mediaTypes,
        sameAttachments,
      );
      // Rows not merged (refused, or relayed unchanged) are counted as the preview showed them.
      const merged = new Set(plan.map((p) => `${p.type}/${p.id}`));
      const otherRows = preview.rows.filter((row) => !merged.has(`${row.type}/${row.id}`));
      const counts = countRows([...plan, ...otherRows], added);
      const at = nowIso();
      const importSeq = await imports.add(
        importRow(preview, currentActorName(station), at, counts),
      );
      // The snapshot holds what this import changes, as it is before (nothing is written yet),
      // already naming its import: one write. A file that changes no record needs none.
      // Attachments are only ever added.
      const changed = plan.filter((p) => p.change !== 'unchanged');
      if (changed.length) await takeSnapshot(db, preview.fileName, changed, importSeq);
      // In batches (WRITE_BATCH): rows are independent, so this equals one applyMergePlan.
      const progress = (done: number) =>
        onProgress?.({ step: 'writing', done, total: changed.length });
      progress(0);
      for (let from = 0; from < changed.length; from += WRITE_BATCH) {
        await applyMergePlan(db, changed.slice(from, from + WRITE_BATCH));
        progress(Math.min(from + WRITE_BATCH, changed.length));
      }
      // A record whose kept version learnt ancestors must travel again in the next delta.
      const grown = plan
        .filter((p) => p.historyGrew)
        .map((p) => [p.type, p.id] as [RecordType, string]);
      if (grown.length) await exportedRevs.bulkDelete(grown);
      const signed = revSignerSet(plan, signer, importSeq);
      if (signed) await revSignerSets.put(signed);

      // One entry per import with the per-record list (PRODUCT.md, decision 9).
      const entry = importAuditEntry({ station, at, preview, counts, plan, authors });
      await db.audit.add(entry);
      return { counts, importSeq };
    },
  );
}
