import { z } from '../../domain/zodLocale.ts';
import {
  computeKeyId,
  decodePublicKeyPem,
  describeKeyError,
  encodePublicKeyPem,
} from '../../exchange/keys.ts';
import type { TrustedKeyRow } from '../../db/exchangeTables.ts';
import { DEPLOYMENT_CONFIG_FILE } from '../../app/deploymentConfigFile.ts';
import {
  defaultDeploymentSettings,
  type DeploymentSettings,
} from '../../domain/deploymentSettings.ts';
import { saveDeploymentSettings } from '../../db/deploymentSettingsCache.ts';

/**
 * The optional deployment file `sonae.config.json`, placed by the IT section next to
 * index.html (format: docs/deployment-keys.md). It pre-trusts the IT section's key on every PC
 * so nobody has to compare fingerprints by hand. A bad file trusts nothing and says why.
 */
export { DEPLOYMENT_CONFIG_FILE };

/** An age X25519 recipient (`age1…`, Bech32, 62 characters) — the C2SP age v1 format. */
const AGE_RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;

const settingsShape = {
  /** Encrypt every export to these (issue 16). */
  encryptionRecipients: z
    .array(
      z.strictObject({
        label: z.string().min(1).max(100),
        recipient: z
          .string()
          .regex(AGE_RECIPIENT, { error: 'age の受信者（age1…）ではありません' }),
      }),
    )
    .max(20)
    .optional(),
  /** Days without a whole-station backup before the daily reminder (issue 14). */
  backupReminderDays: z.number().int().min(1).max(365).optional(),
  /** Months after which 点検 lists a record as due (issue 15). */
  reviewPeriods: z
    .strictObject({
      procedureMonths: z.number().int().min(1).max(60).optional(),
      contactMonths: z.number().int().min(1).max(60).optional(),
      drillMonths: z.number().int().min(1).max(60).optional(),
      levelDrillMonths: z.number().int().min(1).max(60).optional(),
    })
    .optional(),
  /** Languages of the resident guidance besides Japanese, as language tags (issue 17). */
  guidanceLanguages: z
    .array(
      z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, { error: '言語タグではありません' }),
    )
    .max(12)
    .optional(),
  /** Days the state before an import is kept (PRODUCT.md decision 5). */
  snapshotRetentionDays: z.number().int().min(1).max(3650).optional(),
};

const configSchema = z.looseObject({
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
  ...settingsShape,
});

const knownKeys = new Set(Object.keys(configSchema.shape));

export { defaultDeploymentSettings, type DeploymentSettings };

export type DeploymentConfig =
  | { status: 'absent' }
  | { status: 'ok'; keys: TrustedKeyRow[]; settings: DeploymentSettings; warnings: string[] }
  | { status: 'invalid'; message: string };

/** The config's settings, or the defaults when it is absent or refused. */
export function deploymentSettingsOf(config: DeploymentConfig): DeploymentSettings {
  return config.status === 'ok' ? config.settings : defaultDeploymentSettings;
}

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
  const data = parsed.data;
  const defaults = defaultDeploymentSettings;
  const settings: DeploymentSettings = {
    encryptionRecipients: data.encryptionRecipients ?? defaults.encryptionRecipients,
    backupReminderDays: data.backupReminderDays ?? defaults.backupReminderDays,
    reviewPeriods: { ...defaults.reviewPeriods, ...data.reviewPeriods },
    guidanceLanguages: data.guidanceLanguages ?? defaults.guidanceLanguages,
    snapshotRetentionDays: data.snapshotRetentionDays ?? defaults.snapshotRetentionDays,
  };
  // A key a newer Sonae knows is not an error here (PRODUCT.md, decision 3): say it, use the rest.
  const warnings = Object.keys(data)
    .filter((key) => !knownKeys.has(key))
    .map(
      (key) => `${DEPLOYMENT_CONFIG_FILE} の項目「${key}」はこの版では使いません（無視しました）。`,
    );
  return { status: 'ok', keys, settings, warnings };
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

/**
 * Keeps the settings of a file that was read (or the defaults, when there is none) for the screens
 * that must not load this parser (decision 3: the last good copy; issue 9: the first screen). A
 * refused file leaves the last good copy in place.
 */
async function remember(config: DeploymentConfig): Promise<void> {
  if (config.status === 'invalid') return;
  await saveDeploymentSettings(deploymentSettingsOf(config)).catch((error: unknown) =>
    console.warn('配布設定を保存できませんでした。', error),
  );
}

async function fetchConfig(): Promise<DeploymentConfig> {
  try {
    const response = await fetch(new URL(DEPLOYMENT_CONFIG_FILE, document.baseURI), {
      cache: 'no-store',
    });
    if (response.status === 404) {
      await remember({ status: 'absent' });
      return { status: 'absent' };
    }
    if (!response.ok)
      return {
        status: 'invalid',
        message: `${DEPLOYMENT_CONFIG_FILE} を読み込めません（HTTP ${response.status}）。`,
      };
    const config = parseDeploymentConfig(await response.text());
    await remember(config);
    return config;
  } catch {
    // Offline with no cached copy: behave as if there were none (keys trusted on this PC still work).
    return { status: 'absent' };
  }
}
