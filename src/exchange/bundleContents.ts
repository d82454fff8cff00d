import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { z } from '../domain/zodLocale.ts';
import { checkAttachmentRefs } from './attachmentRefs.ts';
import { decodeBase64 } from './base64.ts';
import type { BundleError } from './bundleErrors.ts';
import type { BundleAttachment, UnsignedBundle } from './bundleFormat.ts';
import { fromBundleLeaves, type BundleRecord, type LeafProblem } from './bundleRecord.ts';
import type { RecordOf } from '../domain/recordSchemas.ts';
import type { RecordType } from '../domain/recordTypes.ts';

/** A zod path → 「records[3].data.title」. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('')
    .replace(/^\./, '');
}

/** The first zod issue as a bundle error, unknown members told apart from wrong values. */
export function issueToError(
  issue: z.core.$ZodIssue,
  prefix: readonly PropertyKey[] = [],
): BundleError {
  const path = formatIssuePath([...prefix, ...issue.path]);
  if (issue.code === 'unrecognized_keys') return { kind: 'unknownField', path, keys: issue.keys };
  return { kind: 'invalidEnvelope', path, message: issue.message };
}

/** Decodes one attachment and checks its declared size and SHA-256. */
export function decodeBundleAttachment(
  attachment: BundleAttachment,
): { ok: true; bytes: Uint8Array } | { ok: false; error: BundleError } {
  const { id } = attachment;
  const bytes = decodeBase64(attachment.data);
  if (!bytes) return { ok: false, error: { kind: 'attachmentMismatch', id, problem: 'notBase64' } };
  if (bytes.length !== attachment.size)
    return { ok: false, error: { kind: 'attachmentMismatch', id, problem: 'size' } };
  if (bytesToHex(sha256(bytes)) !== attachment.sha256)
    return { ok: false, error: { kind: 'attachmentMismatch', id, problem: 'sha256' } };
  return { ok: true, bytes };
}

/** A leaf that cannot be taken → the bundle error that names the record (and field). */
export function leafProblemToError(
  problem: LeafProblem,
  index: number,
  record: Pick<BundleRecord, 'type' | 'id'>,
  sibling?: number,
): BundleError {
  const { type, id } = record;
  switch (problem.kind) {
    case 'revision':
      return { kind: 'invalidRevision', index, type, id, problem: problem.problem };
    case 'newerMajor':
      return { kind: 'recordTooNew', index, type, id, version: problem.version };
    case 'upgradeFailed':
      return {
        kind: 'invalidRecord',
        index,
        type,
        id,
        path: '',
        message: `古い版からの変換（${problem.step}）に失敗しました: ${problem.message}`,
      };
    case 'issues': {
      const issue = problem.issues[0]!;
      const dataPath = sibling === undefined ? ['data'] : ['conflicts', sibling, 'data'];
      if (issue.code === 'unrecognized_keys') {
        const path = formatIssuePath(['records', index, ...dataPath, ...issue.path]);
        return { kind: 'unknownField', path, keys: issue.keys };
      }
      const path = formatIssuePath([...dataPath, ...issue.path]);
      return { kind: 'invalidRecord', index, type, id, path, message: issue.message };
    }
  }
}

/**
 * Checks what the envelope schema cannot: every record's rev, version and data (and its
 * conflict siblings') against its type, no record or attachment twice, attachment bytes
 * matching their size and hash. Returns each record's leaves in stored form (upgraded, in the
 * order of `records`) and the decoded attachment bytes, so the importer does neither again.
 */
export function checkBundleContents(bundle: Pick<UnsignedBundle, 'records' | 'attachments'>):
  | {
      ok: true;
      leaves: RecordOf<RecordType>[][];
      attachmentBytes: Map<string, Uint8Array>;
    }
  | { ok: false; error: BundleError } {
  const seen = new Set<string>();
  const leaves: RecordOf<RecordType>[][] = [];
  for (const [index, record] of bundle.records.entries()) {
    const { type, id } = record;
    const key = `${type}\u0000${id}`;
    if (seen.has(key)) return { ok: false, error: { kind: 'duplicateRecord', type, id } };
    seen.add(key);
    const parsed = fromBundleLeaves(record);
    if (!parsed.ok)
      return {
        ok: false,
        error: leafProblemToError(parsed.problem, index, record, parsed.sibling),
      };
    leaves.push(parsed.leaves);
  }
  const attachmentBytes = new Map<string, Uint8Array>();
  for (const attachment of bundle.attachments) {
    if (attachmentBytes.has(attachment.id))
      return { ok: false, error: { kind: 'duplicateAttachment', id: attachment.id } };
    const decoded = decodeBundleAttachment(attachment);
    if (!decoded.ok) return decoded;
    attachmentBytes.set(attachment.id, decoded.bytes);
  }
  const refs = checkAttachmentRefs(bundle.records, leaves, bundle.attachments);
  if (!refs.ok) return refs;
  return { ok: true, leaves, attachmentBytes };
}
