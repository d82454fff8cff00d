import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { canonicalJson } from '../domain/canonicalJson.ts';
import { createId } from '../domain/ids.ts';
import { nowIso } from '../domain/dateTime.ts';
import { recordTypes, type RecordType } from '../domain/recordTypes.ts';
import { encodeBase64 } from './base64.ts';
import { checkBundleContents, issueToError } from './bundleContents.ts';
import { describeBundleError } from './bundleErrors.ts';
import {
  BUNDLE_FILE_EXTENSION,
  BUNDLE_FORMAT,
  LATEST_BUNDLE_FORMAT_VERSION,
  unsignedBundleSchema,
  type Bundle,
  type BundleAttachment,
  type BundleIssuer,
  type BundleKind,
  type UnsignedBundle,
} from './bundleFormat.ts';
import type { BundleRecord } from './bundleRecord.ts';

export interface CreateBundleInput {
  /** The exporting station; `keyId` is set by signBundle. */
  issuer: Omit<BundleIssuer, 'keyId'>;
  /** The issuer's next sequence number (the caller stores and increments it). */
  sequence: number;
  kind: BundleKind;
  records: BundleRecord[];
  attachments?: BundleAttachment[];
  createdAt?: string;
  bundleId?: string;
  /**
   * The records were read from this PC's database, where every record was checked when it was
   * written (saved, imported or upgraded): only the envelope is checked again. Checking 10,000
   * stored records a second time on each export took longer than the rest of the export.
   */
  recordsFromStore?: boolean;
}

/**
 * Assembles an unsigned bundle, members in the order they are written.
 * Throws when the result would be refused by parseBundle: that is a bug in the caller, and
 * finding it here beats finding it at the receiving end.
 */
export function createBundle(input: CreateBundleInput): UnsignedBundle {
  const unsigned: UnsignedBundle = {
    format: BUNDLE_FORMAT,
    formatVersion: LATEST_BUNDLE_FORMAT_VERSION,
    bundleId: input.bundleId ?? createId(),
    createdAt: input.createdAt ?? nowIso(),
    issuer: {
      stationId: input.issuer.stationId,
      label: input.issuer.label,
      department: input.issuer.department,
    },
    sequence: input.sequence,
    kind: input.kind,
    records: input.records,
    attachments: input.attachments ?? [],
  };
  const parsed = unsignedBundleSchema.safeParse(
    input.recordsFromStore ? { ...unsigned, records: [] } : unsigned,
  );
  const contents = parsed.success && !input.recordsFromStore ? checkBundleContents(unsigned) : null;
  const error = !parsed.success
    ? issueToError(parsed.error.issues[0]!)
    : contents?.ok === false
      ? contents.error
      : null;
  if (error) throw new Error(`invalid bundle: ${describeBundleError(error)}`);
  return unsigned;
}

// Built in canonical member order for the export (its own module: the export's worker loads it).
export { canonicalBundleRecord } from './canonicalBundleRecord.ts';

/** One attachment for a bundle: its bytes with size and SHA-256 to check them on arrival. */
export function createBundleAttachment(
  id: string,
  mediaType: string,
  bytes: Uint8Array,
): BundleAttachment {
  return {
    id,
    mediaType,
    size: bytes.length,
    sha256: bytesToHex(sha256(bytes)),
    data: encodeBase64(bytes),
  };
}

/**
 * The file text: the bundle's RFC 8785 canonical JSON on one line, then a line break. As
 * `signature` sorts after every other envelope member, the file is the signed bytes with the
 * signature member put in before the final `}`, so a reader verifies over the file's own bytes
 * (signedFileBytes) without re-serialising it, and the file is about the size of its records'
 * compact JSON (the indented text it replaced was 1.4 to 1.6 times that). `jq . FILE` indents it
 * for reading. signAndSerializeBundle writes the same text.
 */
export function serializeBundle(bundle: Bundle | UnsignedBundle): string {
  return `${canonicalJson(bundle)}\n`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `sonae_<department>_<YYYYMMDD-HHmm>_<sequence>.sonae.json` in the PC's local time. The
 * department keeps its Japanese; characters Windows or USB file systems refuse, separators
 * and spaces become '-', so the name still splits on '_'.
 */
export function bundleFileName(department: string, date: Date, sequence: number): string {
  const cleaned = department
    .normalize('NFC')
    .replace(/[\\/:*?"<>|_\s\p{Cc}]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 40);
  const stamp = `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}`;
  return `sonae_${cleaned || '部署未設定'}_${stamp}_${sequence}${BUNDLE_FILE_EXTENSION}`;
}

export interface BundleSummary {
  bundleId: string;
  createdAt: string;
  issuer: UnsignedBundle['issuer'];
  sequence: number;
  kind: BundleKind;
  /** Records per type; `deleted` counts tombstones among them. */
  counts: Record<RecordType, { total: number; deleted: number }>;
  attachmentCount: number;
  attachmentBytes: number;
}

/** What an import preview or `inspect` shows about a bundle. */
export function summarizeBundle(bundle: Bundle | UnsignedBundle): BundleSummary {
  const counts = Object.fromEntries(
    recordTypes.map((type) => [type, { total: 0, deleted: 0 }]),
  ) as BundleSummary['counts'];
  for (const record of bundle.records) {
    counts[record.type].total += 1;
    if (record.deleted) counts[record.type].deleted += 1;
  }
  return {
    bundleId: bundle.bundleId,
    createdAt: bundle.createdAt,
    issuer: bundle.issuer,
    sequence: bundle.sequence,
    kind: bundle.kind,
    counts,
    attachmentCount: bundle.attachments.length,
    attachmentBytes: bundle.attachments.reduce((sum, attachment) => sum + attachment.size, 0),
  };
}
