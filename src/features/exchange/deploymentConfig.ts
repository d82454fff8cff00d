import { z } from '../../domain/zodLocale.ts';
import {
  computeKeyId,
  decodePublicKeyPem,
  describeKeyError,
  encodePublicKeyPem,
} from '../../exchange/keys.ts';
import type { TrustedKeyRow } from '../../db/exchangeTables.ts';
import { DEPLOYMENT_CONFIG_FILE } from '../../app/deploymentConfigFile.ts';

/**
 * The optional deployment file `sonae.config.json`, placed by the IT section next to
 * index.html (format: docs/deployment-keys.md). It pre-trusts the IT section's key on every PC
 * so nobody has to compare fingerprints by hand. A bad file trusts nothing and says why.
 */
export { DEPLOYMENT_CONFIG_FILE };

const configSchema = z.strictObject({
  format: z.literal('sonae-config'),
  version: z.literal(1),
  trustedKeys: z
    .array(
      z.strictObject({
        label: z.string().min(1).max(100),
        role: z.enum(['it-section', 'department']),
        publicKeyPem: z.string().max(2000),
      }),
    )
    .max(100),
});

export type DeploymentConfig =
  | { status: 'absent' }
  | { status: 'ok'; keys: TrustedKeyRow[] }
  | { status: 'invalid'; message: string };

/** Validates the text of a config file; pure. */
export function parseDeploymentConfig(text: string): DeploymentConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { status: 'invalid', message: `${DEPLOYMENT_CONFIG_FILE} がJSONとして読めません。` };
  }
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      status: 'invalid',
      message: `${DEPLOYMENT_CONFIG_FILE} の形式が正しくありません（${issue.path.join('.') || '全体'}: ${issue.message}）。`,
    };
  }
  const keys: TrustedKeyRow[] = [];
  for (const [i, entry] of parsed.data.trustedKeys.entries()) {
    const decoded = decodePublicKeyPem(entry.publicKeyPem);
    if (!decoded.ok)
      return {
        status: 'invalid',
        message: `${DEPLOYMENT_CONFIG_FILE} の ${i + 1} 番目の鍵「${entry.label}」が使えません: ${describeKeyError(decoded.error)}`,
      };
    keys.push({
      keyId: computeKeyId(decoded.publicKey),
      publicKeyPem: encodePublicKeyPem(decoded.publicKey),
      label: entry.label,
      role: entry.role,
      addedAt: '',
      addedBy: DEPLOYMENT_CONFIG_FILE,
      source: 'config',
    });
  }
  return { status: 'ok', keys };
}

let pending: Promise<DeploymentConfig> | null = null;

/** Fetches the config once per page load, from the app's own folder (same origin). */
export function loadDeploymentConfig(): Promise<DeploymentConfig> {
  pending ??= fetchConfig();
  return pending;
}

/** Forgets the cached config (tests). */
export function resetDeploymentConfig(): void {
  pending = null;
}

async function fetchConfig(): Promise<DeploymentConfig> {
  try {
    const response = await fetch(new URL(DEPLOYMENT_CONFIG_FILE, document.baseURI), {
      cache: 'no-store',
    });
    if (response.status === 404) return { status: 'absent' };
    if (!response.ok)
      return {
        status: 'invalid',
        message: `${DEPLOYMENT_CONFIG_FILE} を読み込めません（HTTP ${response.status}）。`,
      };
    return parseDeploymentConfig(await response.text());
  } catch {
    // Offline with no cached copy: behave as if there were none (keys trusted on this PC still work).
    return { status: 'absent' };
  }
}
