import { decodeBase64Url } from './base64.ts';
import {
  checkBundleContents,
  checkBundleContentsShared,
  issueToError,
  type ShareAnswer,
} from './bundleContents.ts';
import type { BundleError } from './bundleErrors.ts';
import {
  BUNDLE_FORMAT,
  LATEST_BUNDLE_FORMAT_VERSION,
  MAX_BUNDLE_BYTES,
  READABLE_BUNDLE_FORMAT_VERSIONS,
  SIGNATURE_ALGORITHM,
  bundleSchema,
  unsignedBundleSchema,
  type Bundle,
  type UnsignedBundle,
} from './bundleFormat.ts';
import { decodeBundleJson } from './bundleJson.ts';
import { verifySignedFile, verifySignedFileAsync } from './bundleSignature.ts';
import { checkTrust, type TrustedKey } from './bundleTrust.ts';
import { INITIAL_RECORD_VERSION } from '../domain/recordVersion.ts';
import type { RecordOf } from '../domain/recordSchemas.ts';
import type { RecordType } from '../domain/recordTypes.ts';

/** What a bundle file holds once every check has passed. */
export interface ParsedBundle {
  bundle: Bundle;
  /** Each record's type and id, in the file's order (what the importer needs of the records). */
  keys: RecordKey[];
  /** Each record's leaves (record, then conflict siblings) in stored form, upgraded. */
  leaves: RecordOf<RecordType>[][];
  /** Decoded, size- and hash-checked attachment bytes by attachment id. */
  attachmentBytes: Map<string, Uint8Array>;
}

export interface RecordKey {
  type: RecordType;
  id: string;
}

const keysOf = (bundle: Bundle): RecordKey[] =>
  bundle.records.map(({ type, id }) => ({ type, id }));

export type BundleResult<T> = ({ ok: true } & T) | { ok: false; error: BundleError };

/**
 * A helper checking the file's records from some index on at the same time (a second worker,
 * src/exchange/worker/bundleHelper.ts): given the record count, where it starts and what it will
 * find, or null to check everything here.
 */
export type RecordShare = (total: number) => { from: number; answer: Promise<ShareAnswer> } | null;

export interface ReadOptions {
  /** Defaults to MAX_BUNDLE_BYTES; tests pass a small one. */
  maxBytes?: number;
  /**
   * Records checked so far of the file's `total`, for a progress bar (parseBundleAsync): 0 once
   * the envelope is read, every CHECKED_EVERY records, `total` when all is checked. With a helper
   * (`share`), those checked here; the helper counts its own.
   */
  onProgress?: (done: number, total: number) => void;
}

function fail(error: BundleError): { ok: false; error: BundleError } {
  return { ok: false, error };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A format-1 envelope in the shape of the current format, for the schema (the signature is
 * checked on the value as read, never on this copy): records and siblings get schemaVersion 1.0.
 */
export function toCurrentFormat(value: Record<string, unknown>): Record<string, unknown> {
  if (value.formatVersion !== 1 || !Array.isArray(value.records)) return value;
  const stamp = (leaf: unknown) =>
    isPlainObject(leaf) && !('schemaVersion' in leaf)
      ? { ...leaf, schemaVersion: INITIAL_RECORD_VERSION }
      : leaf;
  const records = value.records.map((record: unknown) => {
    const stamped = stamp(record);
    if (!isPlainObject(stamped) || !Array.isArray(stamped.conflicts)) return stamped;
    return { ...stamped, conflicts: stamped.conflicts.map(stamp) };
  });
  return { ...value, records };
}

/** Recognises the envelope before the full schema runs, so the common mistakes get a clear reason. */
function checkHeader(value: unknown, signed: boolean): BundleError | null {
  if (!isPlainObject(value) || value.format !== BUNDLE_FORMAT) return { kind: 'notSonaeBundle' };
  const version = value.formatVersion;
  if (Number.isSafeInteger(version) && (version as number) > LATEST_BUNDLE_FORMAT_VERSION)
    return { kind: 'tooNew', formatVersion: version as number };
  if (!READABLE_BUNDLE_FORMAT_VERSIONS.includes(version as number))
    return { kind: 'unsupportedFormatVersion' };
  if (!signed) return null;
  const signature = value.signature;
  if (signature === undefined || signature === null) return { kind: 'missingSignature' };
  if (!isPlainObject(signature))
    return { kind: 'malformedSignature', detail: 'オブジェクトではありません' };
  if (signature.alg !== SIGNATURE_ALGORITHM)
    return { kind: 'malformedSignature', detail: `方式が ${SIGNATURE_ALGORITHM} ではありません` };
  if (typeof signature.value !== 'string' || decodeBase64Url(signature.value)?.length !== 64)
    return { kind: 'malformedSignature', detail: '署名値が64バイトの Base64url ではありません' };
  if (isPlainObject(value.issuer) && signature.keyId !== value.issuer.keyId)
    return { kind: 'malformedSignature', detail: '署名の鍵IDが発行元の鍵IDと一致しません' };
  return null;
}

/** Bytes → a schema-valid signed envelope and the raw value it was parsed from. */
function readEnvelope(
  bytes: Uint8Array,
  options: ReadOptions,
): BundleResult<{ bundle: Bundle; raw: Record<string, unknown> }> {
  const json = decodeBundleJson(bytes, options.maxBytes ?? MAX_BUNDLE_BYTES);
  if (!json.ok) return json;
  const headerError = checkHeader(json.value, true);
  if (headerError) return fail(headerError);
  const parsed = bundleSchema.safeParse(toCurrentFormat(json.value as Record<string, unknown>));
  if (!parsed.success) return fail(issueToError(parsed.error.issues[0]!));
  return { ok: true, bundle: parsed.data, raw: json.value as Record<string, unknown> };
}

/**
 * Reads and fully checks a signed bundle file, and verifies that it is signed by one of
 * `trustedKeys`. Checks, in order: size, foreign file type, UTF-8, JSON, I-JSON safety,
 * envelope and version, trust, signature, then records and attachments. Role and replay rules
 * depend on the receiver: see checkRoles and checkReplay. Pure JS and synchronous (the CLI, the
 * tests); the app imports through parseBundleAsync, which gives the same results faster.
 */
export function parseBundle(
  bytes: Uint8Array,
  options: ReadOptions & { trustedKeys: readonly TrustedKey[] },
): BundleResult<ParsedBundle & { signer: TrustedKey }> {
  const envelope = readEnvelope(bytes, options);
  if (!envelope.ok) return envelope;
  const trust = checkTrust(envelope.bundle, options.trustedKeys);
  if (!trust.ok) return trust;
  // Verify what was read from the file, not the schema's output.
  if (!verifySignedFile(bytes, envelope.raw as Bundle, trust.key.publicKey))
    return fail({ kind: 'badSignature' });
  return withContents(envelope.bundle, trust.key);
}

/**
 * parseBundle with the signature checked by Web Crypto's native Ed25519 where the origin has it
 * (pure JS on plain HTTP). The entry point an importer should use.
 */
export async function parseBundleAsync(
  bytes: Uint8Array,
  options: ReadOptions & { trustedKeys: readonly TrustedKey[]; share?: RecordShare },
): Promise<BundleResult<ParsedBundle & { signer: TrustedKey; sharedFrom?: number }>> {
  const envelope = readEnvelope(bytes, options);
  if (!envelope.ok) return envelope;
  const trust = checkTrust(envelope.bundle, options.trustedKeys);
  if (!trust.ok) return trust;
  const total = envelope.bundle.records.length;
  options.onProgress?.(0, total);
  if (!(await verifySignedFileAsync(bytes, envelope.raw as Bundle, trust.key.publicKey)))
    return fail({ kind: 'badSignature' });
  const share = options.share?.(total);
  const onChecked = options.onProgress && ((done: number) => options.onProgress?.(done, total));
  const result = share
    ? await withSharedContents(envelope.bundle, trust.key, share.from, share.answer, onChecked)
    : withContents(envelope.bundle, trust.key, onChecked);
  if (result.ok) options.onProgress?.(total, total);
  return result;
}

/**
 * withContents with records `from`… checked by a helper: the same verdict; `leaves` are those of
 * the records before `sharedFrom` when the helper's were used (it hands them over itself).
 */
async function withSharedContents(
  bundle: Bundle,
  signer: TrustedKey,
  from: number,
  answer: Promise<ShareAnswer>,
  onChecked?: (checked: number) => void,
): Promise<BundleResult<ParsedBundle & { signer: TrustedKey; sharedFrom?: number }>> {
  const contents = await checkBundleContentsShared(bundle, from, answer, onChecked);
  if (!contents.ok) return contents;
  return { ...contents, ok: true, bundle, keys: keysOf(bundle), signer };
}

function withContents(
  bundle: Bundle,
  signer: TrustedKey,
  onChecked?: (checked: number) => void,
): BundleResult<ParsedBundle & { signer: TrustedKey }> {
  const contents = checkBundleContents(bundle, onChecked);
  if (!contents.ok) return contents;
  const { leaves, attachmentBytes } = contents;
  return { ok: true, bundle, keys: keysOf(bundle), leaves, attachmentBytes, signer };
}

/**
 * Reads a signed bundle and checks everything except who signed it. For inspection (the CLI's
 * `inspect`, a preview before a key is trusted); never import what this returns.
 */
export function readUnverifiedBundle(
  bytes: Uint8Array,
  options: ReadOptions = {},
): BundleResult<ParsedBundle> {
  const envelope = readEnvelope(bytes, options);
  if (!envelope.ok) return envelope;
  const contents = checkBundleContents(envelope.bundle);
  if (!contents.ok) return contents;
  return {
    ok: true,
    bundle: envelope.bundle,
    keys: keysOf(envelope.bundle),
    leaves: contents.leaves,
    attachmentBytes: contents.attachmentBytes,
  };
}

/** Reads a bundle to be signed (the CLI's `sign`); an existing signature is dropped. */
export function readUnsignedBundle(
  bytes: Uint8Array,
  options: ReadOptions = {},
): BundleResult<{ bundle: UnsignedBundle }> {
  const json = decodeBundleJson(bytes, options.maxBytes ?? MAX_BUNDLE_BYTES);
  if (!json.ok) return json;
  const headerError = checkHeader(json.value, false);
  if (headerError) return fail(headerError);
  const { signature: _signature, ...value } = json.value as Record<string, unknown>;
  const parsed = unsignedBundleSchema.safeParse(toCurrentFormat(value));
  if (!parsed.success) return fail(issueToError(parsed.error.issues[0]!));
  const contents = checkBundleContents(parsed.data);
  if (!contents.ok) return contents;
  return { ok: true, bundle: parsed.data };
}
