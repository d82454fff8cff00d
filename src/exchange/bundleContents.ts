import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { z } from '../domain/zodLocale.ts';
import { decodeBase64 } from './base64.ts';
import type { BundleError } from './bundleErrors.ts';
import type { BundleAttachment, UnsignedBundle } from './bundleFormat.ts';
import { fromBundleLeaves } from './bundleRecord.ts';

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

/**
 * Checks what the envelope schema cannot: every record's data (and its conflict siblings' data)
 * against its type's schema, no record or attachment twice, attachment bytes matching their
 * size and hash. Returns the decoded attachment bytes by id so the importer does not decode
 * them again.
 */
export function checkBundleContents(
  bundle: Pick<UnsignedBundle, 'records' | 'attachments'>,
): { ok: true; attachmentBytes: Map<string, Uint8Array> } | { ok: false; error: BundleError } {
  const seen = new Set<string>();
  for (const [index, record] of bundle.records.entries()) {
    const { type, id } = record;
    const key = `${type}\u0000${id}`;
    if (seen.has(key)) return { ok: false, error: { kind: 'duplicateRecord', type, id } };
    seen.add(key);
    const parsed = fromBundleLeaves(record);
    if (!parsed.ok) {
      const issue = parsed.issues[0]!;
      // Issue paths are relative to `data`, or start with `conflicts.<n>` for a sibling's data.
      const inSibling = issue.path[0] === 'conflicts';
      const dataPath = inSibling
        ? [...issue.path.slice(0, 2), 'data', ...issue.path.slice(2)]
        : ['data', ...issue.path];
      if (issue.code === 'unrecognized_keys') {
        const path = formatIssuePath(['records', index, ...dataPath]);
        return { ok: false, error: { kind: 'unknownField', path, keys: issue.keys } };
      }
      const path = formatIssuePath(dataPath);
      return {
        ok: false,
        error: { kind: 'invalidRecord', index, type, id, path, message: issue.message },
      };
    }
  }
  const attachmentBytes = new Map<string, Uint8Array>();
  for (const attachment of bundle.attachments) {
    if (attachmentBytes.has(attachment.id))
      return { ok: false, error: { kind: 'duplicateAttachment', id: attachment.id } };
    const decoded = decodeBundleAttachment(attachment);
    if (!decoded.ok) return decoded;
    attachmentBytes.set(attachment.id, decoded.bytes);
  }
  return { ok: true, attachmentBytes };
}
