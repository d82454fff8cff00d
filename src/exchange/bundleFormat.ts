import { z } from '../domain/zodLocale.ts';
import { idSchema } from '../domain/ids.ts';
import { instantSchema } from '../domain/dateTime.ts';
import { MAX_ATTACHMENT_BYTES } from '../domain/incident.ts';
import { bundleRecordSchema } from './bundleRecord.ts';
import { KEY_ID_PATTERN } from './keys.ts';

/**
 * The signed bundle file: one JSON envelope (see docs/bundle-format.md).
 *
 * DO NOT CHANGE: `format` is written in every bundle ever exported and is how readers recognise
 * the file. Other tools read and write this format, so every field here is a public contract.
 */
export const BUNDLE_FORMAT = 'sonae-bundle';

/**
 * The format version this code writes and the newest it reads. Bump it only for a change an
 * older reader must refuse (a new required field, a changed meaning). When bumping: keep
 * reading the previous version (convert it in parseBundle after the signature check), update
 * docs/bundle-format.md and the worked example, regenerate tests/fixtures/bundles with
 * scripts/make-fixture-bundle.ts, and add a fixture of the old version to the tests.
 */
export const LATEST_BUNDLE_FORMAT_VERSION = 2;

/**
 * Versions still read. 1: records had no `schemaVersion` (read as 1.0, converted in parseBundle
 * after the signature check); 2: every record and conflict sibling names its `schemaVersion`.
 */
export const READABLE_BUNDLE_FORMAT_VERSIONS: readonly number[] = [1, 2];

export const BUNDLE_FILE_EXTENSION = '.sonae.json';

/** Largest file read, checked before decoding: about 13 full 15 MB photos, plus records. */
export const MAX_BUNDLE_BYTES = 200 * 1024 * 1024;

export const SIGNATURE_ALGORITHM = 'Ed25519';

export const bundleKinds = ['full', 'delta'] as const;
export type BundleKind = (typeof bundleKinds)[number];

// Envelope strings are not trimmed or otherwise transformed: what is parsed is what was signed.
const keyIdSchema = z.string().regex(KEY_ID_PATTERN, { error: '鍵IDの形式が正しくありません' });

export const bundleIssuerSchema = z.strictObject({
  stationId: idSchema,
  /** Human-readable station, e.g. 「架空市 総務課 窓口PC-01」. */
  label: z.string().min(1).max(300),
  department: z.string().max(100),
  keyId: keyIdSchema,
});
export type BundleIssuer = z.infer<typeof bundleIssuerSchema>;

export const bundleAttachmentSchema = z.strictObject({
  id: idSchema,
  mediaType: z
    .string()
    .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/i),
  size: z.int().min(0).max(MAX_ATTACHMENT_BYTES),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Padded standard Base64 of the bytes. */
  data: z.string(),
});
export type BundleAttachment = z.infer<typeof bundleAttachmentSchema>;

export const bundleSignatureSchema = z.strictObject({
  alg: z.literal(SIGNATURE_ALGORITHM),
  keyId: keyIdSchema,
  /** Unpadded Base64url of the 64-byte Ed25519 signature. */
  value: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
});
export type BundleSignature = z.infer<typeof bundleSignatureSchema>;

const envelopeShape = {
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.int().min(1).max(LATEST_BUNDLE_FORMAT_VERSION),
  bundleId: idSchema,
  createdAt: instantSchema,
  issuer: bundleIssuerSchema,
  /** Per issuer, increasing: a receiver refuses a sequence it has already seen (replay). */
  sequence: z.int().min(1),
  kind: z.enum(bundleKinds),
  records: z.array(bundleRecordSchema).max(100_000),
  attachments: z.array(bundleAttachmentSchema).max(10_000),
};

export const bundleSchema = z.strictObject({ ...envelopeShape, signature: bundleSignatureSchema });
export type Bundle = z.infer<typeof bundleSchema>;

/** A bundle before signing; `issuer.keyId` is filled in by signBundle. */
export const unsignedBundleSchema = z.strictObject({
  ...envelopeShape,
  issuer: bundleIssuerSchema.extend({ keyId: keyIdSchema.optional() }),
});
export type UnsignedBundle = z.infer<typeof unsignedBundleSchema>;
