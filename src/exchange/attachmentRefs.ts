import type { AttachmentRef } from '../domain/incident.ts';
import type { RecordOf } from '../domain/recordSchemas.ts';
import type { RecordType } from '../domain/recordTypes.ts';
import type { BundleError } from './bundleErrors.ts';
import type { BundleAttachment } from './bundleFormat.ts';
import type { BundleRecord } from './bundleRecord.ts';

/** Which part of a reference disagrees with the bytes (or with another reference) it names. */
export type AttachmentRefProblem = Extract<
  BundleError,
  { kind: 'attachmentRefMismatch' }
>['problem'];

type Bound = Pick<AttachmentRef, 'size' | 'sha256'>;

function refsOf(leaf: RecordOf<RecordType>): readonly AttachmentRef[] {
  // Only incidents carry attachments today; a tombstone carries no content at all.
  const attachments = (leaf as { attachments?: unknown }).attachments;
  return Array.isArray(attachments) ? (attachments as AttachmentRef[]) : [];
}

/**
 * Binds every attachment id to its bytes: each reference in the bundle's records (the record
 * and its conflict siblings, in stored form) must give the size and SHA-256 of the bytes the
 * bundle carries under that id, and references to one id whose bytes are not carried must agree
 * with each other. Otherwise a sender could reuse an id it saw in someone else's report and make
 * a record point at other bytes. `mediaType` is not compared: the app never trusts it (it sniffs
 * the bytes before showing anything, src/domain/attachmentTypes.ts), and older exports wrote an
 * empty reference type as `application/octet-stream` beside the bytes.
 *
 * `carried` must already be checked against the decoded bytes (decodeBundleAttachment), so the
 * declared size and hash stand for the bytes without hashing them a second time.
 * Returns the first mismatch, naming the record (file order, record before siblings).
 */
export function checkAttachmentRefs(
  records: readonly Pick<BundleRecord, 'type' | 'id'>[],
  leaves: readonly (readonly RecordOf<RecordType>[])[],
  carried: readonly Pick<BundleAttachment, 'id' | 'size' | 'sha256'>[],
): { ok: true } | { ok: false; error: BundleError } {
  const bound = new Map<string, Bound>(carried.map((a) => [a.id, a]));
  const fromCarried = new Set(bound.keys());
  for (const [index, record] of records.entries()) {
    for (const leaf of leaves[index] ?? []) {
      for (const ref of refsOf(leaf)) {
        const known = bound.get(ref.id);
        if (!known) {
          bound.set(ref.id, ref);
          continue;
        }
        const problem: AttachmentRefProblem | null =
          known.size === ref.size && known.sha256 === ref.sha256
            ? null
            : !fromCarried.has(ref.id)
              ? 'conflictingRefs'
              : known.size !== ref.size
                ? 'size'
                : 'sha256';
        if (problem)
          return {
            ok: false,
            error: {
              kind: 'attachmentRefMismatch',
              index,
              type: record.type,
              id: record.id,
              attachmentId: ref.id,
              problem,
            },
          };
      }
    }
  }
  return { ok: true };
}
