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

type Leaves = RecordOf<RecordType>[][];
type Failed = { ok: false; error: BundleError };
type Contents = { ok: true; leaves: Leaves; attachmentBytes: Map<string, Uint8Array> } | Failed;
type Records = UnsignedBundle['records'];

/** Records checked between two reports to checkRecordShare's `onChecked`. */
export const CHECKED_EVERY = 1000;

/** A record's type and id as one key, to find a record twice. */
const recordKey = ({ type, id }: Pick<BundleRecord, 'type' | 'id'>) => `${type}\u0000${id}`;

/**
 * The leaves of records `from`…`to` (taken like fromBundleLeaves), or the first problem with its
 * index. With `seen`, each record is first looked up there (a record twice) and added to it;
 * without, as a helper worker checks its share of a file (src/exchange/worker/bundleHelper.ts),
 * duplicates are left to whoever sees the whole file. `onChecked` hears how many of them are
 * checked, every CHECKED_EVERY records (a progress bar).
 */
export function checkRecordShare(
  records: Records,
  from: number,
  to: number,
  seen?: Set<string>,
  onChecked?: (checked: number) => void,
): { ok: true; leaves: Leaves } | { ok: false; index: number; error: BundleError } {
  const leaves: Leaves = [];
  for (let index = from; index < to; index++) {
    if (onChecked && index > from && (index - from) % CHECKED_EVERY === 0) onChecked(index - from);
    const record = records[index]!;
    const { type, id } = record;
    if (seen) {
      const key = recordKey(record);
      if (seen.has(key)) return { ok: false, index, error: { kind: 'duplicateRecord', type, id } };
      seen.add(key);
    }
    const parsed = fromBundleLeaves(record);
    if (!parsed.ok) {
      const error = leafProblemToError(parsed.problem, index, record, parsed.sibling);
      return { ok: false, index, error };
    }
    leaves.push(parsed.leaves);
  }
  return { ok: true, leaves };
}

/** The attachments' bytes (decoded, size and hash checked) and the references to them. */
function checkAttachments(
  bundle: Pick<UnsignedBundle, 'records' | 'attachments'>,
  leaves: Leaves,
): { ok: true; attachmentBytes: Map<string, Uint8Array> } | Failed {
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
  return { ok: true, attachmentBytes };
}

/**
 * Checks what the envelope schema cannot: every record's rev, version and data (and its
 * conflict siblings') against its type, no record or attachment twice, attachment bytes
 * matching their size and hash. Returns each record's leaves in stored form (upgraded, in the
 * order of `records`) and the decoded attachment bytes, so the importer does neither again.
 */
export function checkBundleContents(
  bundle: Pick<UnsignedBundle, 'records' | 'attachments'>,
  onChecked?: (checked: number) => void,
): Contents {
  const records = checkRecordShare(bundle.records, 0, bundle.records.length, new Set(), onChecked);
  if (!records.ok) return { ok: false, error: records.error };
  const attachments = checkAttachments(bundle, records.leaves);
  if (!attachments.ok) return attachments;
  return { ok: true, leaves: records.leaves, attachmentBytes: attachments.attachmentBytes };
}

/**
 * What a helper found on records `from`… of the same file (checkRecordShare, elsewhere): the
 * first problem, or each record's leaves reduced to what the attachment check reads. Null: the
 * helper could not check them (checkBundleContentsShared then checks them here).
 */
export type ShareAnswer =
  | { ok: true; from: number; refs: AttachmentsOnly[][] }
  | { ok: false; from: number; index: number; error: BundleError }
  | null;

type AttachmentsOnly = Partial<Pick<RecordOf<'incident'>, 'attachments'>>;

/** A leaf reduced to its attachment references (ShareAnswer). */
export function attachmentRefsOnly(leaf: RecordOf<RecordType>): AttachmentsOnly {
  const { attachments } = leaf as Partial<RecordOf<'incident'>>;
  return attachments === undefined ? {} : { attachments };
}

/**
 * checkBundleContents with records `from`… checked by a helper at the same time (`share`):
 * the same verdict, the first problem in file order, a repeated record before its own leaves.
 * The leaves returned are those of the records before `from`; the helper hands over the rest.
 * Where the helper could not, or split elsewhere, everything is checked here.
 */
export async function checkBundleContentsShared(
  bundle: Pick<UnsignedBundle, 'records' | 'attachments'>,
  from: number,
  share: Promise<ShareAnswer>,
  onChecked?: (checked: number) => void,
): Promise<Contents & { sharedFrom?: number }> {
  const { records } = bundle;
  const seen = new Set<string>();
  const mine = checkRecordShare(records, 0, from, seen, onChecked);
  if (!mine.ok) return { ok: false, error: mine.error };
  const { leaves } = mine;
  const answer = await share;
  const usable =
    answer?.from === from && (!answer.ok || answer.refs.length === records.length - from);
  if (!usable) {
    const rest = checkRecordShare(
      records,
      from,
      records.length,
      seen,
      onChecked && ((checked) => onChecked(from + checked)),
    );
    if (!rest.ok) return { ok: false, error: rest.error };
    const all = [...leaves, ...rest.leaves];
    const attachments = checkAttachments(bundle, all);
    if (!attachments.ok) return attachments;
    return { ok: true, leaves: all, attachmentBytes: attachments.attachmentBytes };
  }
  let repeated: number | null = null;
  for (let index = from; index < records.length && repeated === null; index++) {
    const key = recordKey(records[index]!);
    if (seen.has(key)) repeated = index;
    seen.add(key);
  }
  if (repeated !== null && (answer.ok || repeated <= answer.index)) {
    const { type, id } = records[repeated]!;
    return { ok: false, error: { kind: 'duplicateRecord', type, id } };
  }
  if (!answer.ok) return { ok: false, error: answer.error };
  const attachments = checkAttachments(bundle, [
    ...leaves,
    ...(answer.refs as RecordOf<RecordType>[][]),
  ]);
  if (!attachments.ok) return attachments;
  return { ok: true, leaves, attachmentBytes: attachments.attachmentBytes, sharedFrom: from };
}
