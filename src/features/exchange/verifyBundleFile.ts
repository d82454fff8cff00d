import { digestHex, toTrustedKeys } from '../../db/importChecks.ts';
import type { TrustedKeyRow } from '../../db/exchangeTables.ts';
import { listTrustedKeys } from '../../db/keyStore.ts';
import type { BundleError } from '../../exchange/bundleErrors.ts';
import type { TrustedKey } from '../../exchange/bundleTrust.ts';
import { summarizeBundle, type BundleSummary } from '../../exchange/createBundle.ts';
import { parseBundle, readUnverifiedBundle } from '../../exchange/parseBundle.ts';
import { loadDeploymentConfig } from './deploymentConfig.ts';

/**
 * The verify-only check (「ファイルの検証」, #/exchange/verify): the same parseBundle checks as the
 * import preview, against the same keys (this PC's trusted keys and the deployment config's), but
 * nothing else: no replay check, no merge plan, no write. An auditor on a Windows PC uses it with
 * Get-FileHash (docs/bundle-format.md §9).
 */

/** Why this PC accepts the signer's key. */
export type KeyTrust =
  | { source: 'config' | 'user'; row: TrustedKeyRow }
  /** A public key file chosen for this check only (not registered). */
  | { source: 'pemFile'; fileName: string };

export type VerifyVerdict =
  /** Signed by a key this PC trusts, and every check passed. */
  | { kind: 'valid'; summary: BundleSummary; trust: KeyTrust }
  /** Well-formed, but signed by a key this PC does not trust: the signature was not checked. */
  | { kind: 'unverified'; summary: BundleSummary }
  /** Refused: the reason, and what could still be read of who claims to have signed it. */
  | { kind: 'invalid'; error: BundleError; summary: BundleSummary | null };

export interface VerifyResult {
  fileName: string;
  /** Lower-case hex SHA-256 of the file's bytes (what Get-FileHash and certutil print). */
  sha256: string;
  verdict: VerifyVerdict;
}

/** Keys the import would accept here: the deployment config's first, then this PC's own. */
export async function loadKeysTrustedHere(): Promise<TrustedKeyRow[]> {
  const config = await loadDeploymentConfig();
  return [...(config.status === 'ok' ? config.keys : []), ...(await listTrustedKeys())];
}

/** An extra key to check with, from a public key file the person chose (never stored). */
export interface ChosenKey {
  fileName: string;
  key: TrustedKey;
}

/** Checks a file's bytes against `rows` (and a chosen key); pure apart from hashing. */
export async function verifyBundleBytes(
  fileName: string,
  bytes: Uint8Array,
  rows: readonly TrustedKeyRow[],
  chosen?: ChosenKey,
): Promise<VerifyResult> {
  const sha256 = await digestHex(bytes);
  const trustedKeys = [...toTrustedKeys(rows), ...(chosen ? [chosen.key] : [])];
  const parsed = parseBundle(bytes, { trustedKeys });
  if (parsed.ok) {
    const row = rows.find((r) => r.keyId === parsed.signer.keyId);
    const trust: KeyTrust = row
      ? { source: row.source, row }
      : { source: 'pemFile', fileName: chosen?.fileName ?? '' };
    return {
      fileName,
      sha256,
      verdict: { kind: 'valid', summary: summarizeBundle(parsed.bundle), trust },
    };
  }
  const unverified = readUnverifiedBundle(bytes);
  const summary = unverified.ok ? summarizeBundle(unverified.bundle) : null;
  // A refusal other than "untrusted key" is the verdict (a bad signature comes before contents);
  // for an untrusted key, the contents decide between 未確認 and 無効.
  const verdict: VerifyVerdict =
    parsed.error.kind !== 'untrustedKey'
      ? { kind: 'invalid', error: parsed.error, summary }
      : unverified.ok
        ? { kind: 'unverified', summary: summarizeBundle(unverified.bundle) }
        : { kind: 'invalid', error: unverified.error, summary: null };
  return { fileName, sha256, verdict };
}
