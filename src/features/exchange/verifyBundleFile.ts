import { digestHex, toTrustedKeys } from '../../db/importChecks.ts';
import type { TrustedKeyRow } from '../../db/exchangeTables.ts';
import { listTrustedKeys } from '../../db/keyStore.ts';
import type { BundleError } from '../../exchange/bundleErrors.ts';
import type { TrustedKey } from '../../exchange/bundleTrust.ts';
import { checkBundleFile, type FileSummary } from '../../exchange/verifyFile.ts';
import { loadDeploymentConfig } from './deploymentConfig.ts';

/**
 * The verify-only check (「ファイルの検証」, #/exchange/verify): the same parseBundle checks as the
 * import preview, against the same keys (this PC's trusted keys and the deployment config's), but
 * nothing else: no replay check, no merge plan, no write. The verdict itself comes from
 * checkBundleFile (src/exchange/verifyFile.ts), which the standalone Windows checker page uses too.
 */

/** Why this PC accepts the signer's key. */
export type KeyTrust =
  | { source: 'config' | 'user'; row: TrustedKeyRow }
  /** A public key file chosen for this check only (not registered). */
  | { source: 'pemFile'; fileName: string };

export type VerifyVerdict =
  /** Signed by a key this PC trusts, and every check passed. */
  | { kind: 'valid'; summary: FileSummary; trust: KeyTrust }
  /** Well-formed, but signed by a key this PC does not trust: the signature was not checked. */
  | { kind: 'unverified'; summary: FileSummary }
  /** Refused: the reason, and what could still be read of who claims to have signed it. */
  | { kind: 'invalid'; error: BundleError; summary: FileSummary | null };

export interface VerifyResult {
  fileName: string;
  /** Lower-case hex SHA-256 of the file's bytes (what Get-FileHash and certutil print). */
  sha256: string;
  /** An encrypted file (`.age`): the SHA-256 of the file as carried; `sha256` is the bundle's. */
  encryptedSha256?: string;
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
  const checked = checkBundleFile(bytes, [...toTrustedKeys(rows), ...(chosen ? [chosen.key] : [])]);
  if (checked.kind !== 'valid') return { fileName, sha256, verdict: checked };
  const row = rows.find((r) => r.keyId === checked.signer.keyId);
  const trust: KeyTrust = row
    ? { source: row.source, row }
    : { source: 'pemFile', fileName: chosen?.fileName ?? '' };
  return { fileName, sha256, verdict: { kind: 'valid', summary: checked.summary, trust } };
}
