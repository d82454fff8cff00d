import type { AuditEntry, AuditRecordChange } from '../domain/audit.ts';
import { recordTypeLabels } from '../domain/recordTypes.ts';
import type { Station } from '../domain/station.ts';
import type { TrustedKey } from '../exchange/bundleTrust.ts';
import type { ImportCounts, ImportRow } from './exchangeTables.ts';
import type { ImportPreview } from './exchangeImport.ts';
import { signerAuthor, type VersionAuthors } from './importAuthors.ts';
import type { MergePlanRow } from './mergeStore.ts';
import { currentActorName } from './operator.ts';

/** Records named in an import's summary; the per-record list holds them all. */
const NAMED_IN_SUMMARY = 3;
const TITLE_CHARS = 40;

/** The per-record list of an import's audit entry (PRODUCT.md, decision 9). */
export function auditRecordChanges(
  plan: readonly MergePlanRow[],
  authors: readonly VersionAuthors[],
  signer: TrustedKey,
): AuditRecordChange[] {
  const changes: AuditRecordChange[] = [];
  plan.forEach((row, i) => {
    if (row.change === 'unchanged') return;
    const { replaced, incoming } = authors[i]!;
    changes.push({
      type: row.type,
      id: row.id,
      change: row.change,
      replacedRev: replaced?.rev ?? null,
      replacedBy: replaced?.by ?? null,
      // A history-only update brings no new version: the kept one, with the file's signer.
      newRev: incoming?.rev ?? row.winner.rev,
      newBy: incoming?.by ?? signerAuthor(signer),
    });
  });
  return changes;
}

/**
 * The one audit entry of an import (PRODUCT.md, decision 9): the file, its signer and counts in
 * the summary (with the first few records by name, for people reading 操作履歴), and the
 * per-record list with `recordIds` for the multi-entry index.
 */
export function importAuditEntry(input: {
  station: Station;
  at: string;
  preview: Pick<ImportPreview, 'fileName' | 'bundle' | 'signer'>;
  counts: ImportCounts;
  plan: readonly MergePlanRow[];
  authors: readonly VersionAuthors[];
}): AuditEntry {
  const { station, at, preview, counts, plan, authors } = input;
  const { bundle, signer } = preview;
  const records = auditRecordChanges(plan, authors, signer);
  const changed = plan.filter((row) => row.change !== 'unchanged');
  const named = changed
    .slice(0, NAMED_IN_SUMMARY)
    .map((row) => `${recordTypeLabels[row.type]}「${row.title.slice(0, TITLE_CHARS)}」`);
  const more = changed.length - named.length;
  const marked = authors.filter((a) => a.warning).length;
  return {
    at,
    stationId: station.id,
    actor: currentActorName(station),
    action: 'import',
    recordType: null,
    recordId: null,
    rev: null,
    summary:
      `「${preview.fileName}」（${bundle.issuer.label}、通し番号 ${bundle.sequence}、署名「${signer.label}」）を取り込み: ` +
      `新規${counts.new}・更新${counts.updated}・競合${counts.conflict}・変更なし${counts.unchanged}・取り込めず${counts.refused}件` +
      (marked ? `（うち部署の鍵でほかの署名者の版を置き換え${marked}件）` : '') +
      (named.length ? `。${named.join('、')}${more > 0 ? `ほか${more}件` : ''}` : ''),
    records,
    recordIds: [...new Set(records.map((r) => r.id))],
  };
}

/** The import history row (取り込み履歴) of an applied file. */
export function importRow(preview: ImportPreview, actor: string, at: string, counts: ImportCounts) {
  const { bundle } = preview;
  return {
    at,
    actor,
    fileName: preview.fileName,
    sha256: preview.sha256,
    ...(preview.encryptedSha256 ? { encryptedSha256: preview.encryptedSha256 } : {}),
    bundleId: bundle.bundleId,
    issuer: bundle.issuer.stationId,
    issuerLabel: bundle.issuer.label,
    sequence: bundle.sequence,
    signerKeyId: bundle.issuer.keyId,
    counts,
  } satisfies ImportRow;
}
