// `npm run print -- --bundle FILE`: the file is checked in Node before any browser starts, with the
// code `npm run bundle -- verify` runs (parseBundle from src/exchange), so a tampered, foreign or
// untrusted file is refused with the same Japanese reason and nothing is rendered from it.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { toTrustedKeys } from '../src/db/importChecks.ts';
import { describeBundleError } from '../src/exchange/bundleErrors.ts';
import type { Bundle } from '../src/exchange/bundleFormat.ts';
import type { TrustedKey } from '../src/exchange/bundleTrust.ts';
import { formatKeyFingerprint } from '../src/exchange/keys.ts';
import { parseBundle } from '../src/exchange/parseBundle.ts';
import {
  DEPLOYMENT_CONFIG_FILE,
  parseDeploymentConfig,
} from '../src/features/exchange/deploymentConfig.ts';
import { Exit, readBundleFile, readTrustedKeys } from './bundleFiles.ts';
import { PrintFailure } from './printFailure.ts';

/** A bundle that verified, and how the page is to trust its signer. */
export interface VerifiedBundle {
  file: string;
  bytes: Uint8Array;
  bundle: Bundle;
  signerLabel: string;
  /** 「1234-5678-…」: what the person types into 確認した指紋 after comparing it. */
  fingerprint: string;
  /**
   * The --trust file holding the signer's key, to register in the page; null when the signer is
   * one of the build's sonae.config.json keys, which the app trusts by itself.
   */
  trustFile: string | null;
}

/** Runs the bundle tool's own file step, its refusal becoming the print command's. */
async function asBundleTool<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof Exit) throw new PrintFailure(`${error.message} 何も印刷していません。`);
    throw error;
  }
}

/** The keys of the build's sonae.config.json (what every PC of this deployment trusts). */
async function configKeys(distDir: string): Promise<TrustedKey[]> {
  let text: string;
  try {
    text = await readFile(path.join(distDir, DEPLOYMENT_CONFIG_FILE), 'utf8');
  } catch {
    return [];
  }
  const config = parseDeploymentConfig(text);
  if (config.status === 'invalid') throw new PrintFailure(config.message);
  return config.status === 'ok' ? toTrustedKeys(config.keys) : [];
}

/**
 * Reads and verifies `file` against the --trust keys and the build's configured keys; throws a
 * PrintFailure with the Japanese reason when the file is refused.
 */
export async function verifyBundleFile(
  file: string,
  trustFiles: readonly string[],
  distDir: string,
): Promise<VerifiedBundle> {
  // The same reading and key parsing as `npm run bundle -- verify` (scripts/bundleFiles.ts): the
  // --trust keys count as the IT section's, and the size limit is checked before reading.
  const keys = await asBundleTool(() => readTrustedKeys(trustFiles));
  const fromFiles = keys.map((key, i) => ({ key, file: trustFiles[i]! }));
  const fromConfig = await configKeys(distDir);
  const bytes = await asBundleTool(() => readBundleFile(file));
  const parsed = parseBundle(bytes, {
    trustedKeys: [...fromConfig, ...fromFiles.map((entry) => entry.key)],
  });
  if (!parsed.ok) {
    const hint =
      parsed.error.kind === 'untrustedKey'
        ? ' 発行元の公開鍵を --trust で指定してください（指紋を発行元に確かめてから）。'
        : '';
    throw new PrintFailure(
      `取り込めません: ${path.basename(file)}: ${describeBundleError(parsed.error)}${hint} 何も印刷していません。`,
    );
  }
  const isConfigured = fromConfig.some((key) => key.keyId === parsed.signer.keyId);
  return {
    file,
    bytes,
    bundle: parsed.bundle,
    signerLabel: parsed.signer.label,
    fingerprint: formatKeyFingerprint(parsed.signer.keyId),
    trustFile: isConfigured
      ? null
      : (fromFiles.find((entry) => entry.key.keyId === parsed.signer.keyId)?.file ?? null),
  };
}

/**
 * The municipality of the station that wrote the bundle: its label is 「自治体 部署 端末」
 * (stationLabel), so what comes before 「 部署 」 is the municipality; else the first word.
 */
export function municipalityOfIssuer(issuer: { label: string; department: string }): string {
  const label = issuer.label.trim();
  const at = issuer.department ? label.indexOf(` ${issuer.department} `) : -1;
  const guess = at > 0 ? label.slice(0, at) : (label.split(/[\s\u3000]+/)[0] ?? '');
  return guess.trim() || '（自治体名なし）';
}
