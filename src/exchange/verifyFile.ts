import type { BundleError } from './bundleErrors.ts';
import type { Bundle } from './bundleFormat.ts';
import { createTrustedKey, type TrustedKey } from './bundleTrust.ts';
import { summarizeBundle, type BundleSummary } from './createBundle.ts';
import { computeKeyId, decodePublicKeyPem, describeKeyError } from './keys.ts';
import { parseBundle, readUnverifiedBundle } from './parseBundle.ts';

/**
 * The verify-only check of a bundle file, with no storage and no network: the in-app
 * 「ファイルの検証」 (src/features/exchange/verifyBundleFile.ts adds this PC's keys) and the
 * standalone Windows checker page (src/verifier/) both decide through here, so they never
 * disagree about a file. Synchronous and pure JS: the standalone page opens from file://, which
 * is not a secure context in every browser (no crypto.subtle).
 */

/** What the file says about itself, plus the format version the auditor writes down. */
export interface FileSummary extends BundleSummary {
  formatVersion: number;
}

export type FileVerdict =
  /** Signed by one of the keys given, and every check passed. */
  | { kind: 'valid'; summary: FileSummary; signer: TrustedKey }
  /** Well-formed, but signed by a key not given: the signature was not checked. */
  | { kind: 'unverified'; summary: FileSummary }
  /** Refused: the reason, and what could still be read of who claims to have signed it. */
  | { kind: 'invalid'; error: BundleError; summary: FileSummary | null };

function summarizeFile(bundle: Bundle): FileSummary {
  return { ...summarizeBundle(bundle), formatVersion: bundle.formatVersion };
}

/** Checks a file's bytes against `trustedKeys`; never throws for any input. */
export function checkBundleFile(
  bytes: Uint8Array,
  trustedKeys: readonly TrustedKey[],
): FileVerdict {
  const parsed = parseBundle(bytes, { trustedKeys });
  if (parsed.ok)
    return { kind: 'valid', summary: summarizeFile(parsed.bundle), signer: parsed.signer };
  const unverified = readUnverifiedBundle(bytes);
  const summary = unverified.ok ? summarizeFile(unverified.bundle) : null;
  // A refusal other than "untrusted key" is the verdict (a bad signature comes before contents);
  // for an untrusted key, the contents decide between 未確認 and 無効.
  if (parsed.error.kind !== 'untrustedKey')
    return { kind: 'invalid', error: parsed.error, summary };
  return unverified.ok
    ? { kind: 'unverified', summary: summarizeFile(unverified.bundle) }
    : { kind: 'invalid', error: unverified.error, summary: null };
}

/** A public key file larger than this is refused unread (a PEM public key is about 113 bytes). */
const MAX_PUBLIC_KEY_FILE_BYTES = 10_000;

/** The reason a file of `size` bytes cannot be a public key file, or null; check before reading. */
export function publicKeyFileSizeError(size: number): string | null {
  return size > MAX_PUBLIC_KEY_FILE_BYTES ? '公開鍵ファイルとしては大きすぎます。' : null;
}

/** Said when the chosen public key is not the one that signed the file. */
export const NOT_THE_SIGNER_MESSAGE =
  'この公開鍵は、このファイルに署名した鍵ではありません。送り主の公開鍵ファイルを選んでください。';

/**
 * A public key file (.pem) chosen for one check, never stored: the key (labelled with the file
 * name), or a plain Japanese reason it cannot be used.
 */
export function readChosenPublicKey(
  fileName: string,
  bytes: Uint8Array,
): { ok: true; key: TrustedKey } | { ok: false; message: string } {
  const tooLarge = publicKeyFileSizeError(bytes.length);
  if (tooLarge) return { ok: false, message: tooLarge };
  const decoded = decodePublicKeyPem(new TextDecoder('utf-8').decode(bytes));
  if (!decoded.ok) return { ok: false, message: describeKeyError(decoded.error) };
  return { ok: true, key: createTrustedKey(decoded.publicKey, fileName, 'department') };
}

/** True when `key` is the key the file names as its signer (key ids recomputed, never trusted). */
export function isSignerKey(summary: FileSummary | null, key: TrustedKey): boolean {
  return summary !== null && computeKeyId(key.publicKey) === summary.issuer.keyId;
}
