import { useEffect } from 'react';
import type { DeploymentSettings } from '../../domain/deploymentSettings.ts';
import { useStoredDeploymentSettings } from '../../db/deploymentSettingsCache.ts';

/** After the first screen: long enough for it to be drawn and usable first. */
const REFRESH_DELAY_MS = 1500;

let refresh: Promise<unknown> | null = null;

/**
 * Fetches sonae.config.json once per page load, in the background, which stores its settings
 * (src/features/exchange/deploymentConfig.ts). Its parser brings zod, which the first screen does
 * not need (issue 9), so it waits until that screen is up.
 */
function refreshInBackground(): void {
  if (refresh) return;
  refresh = new Promise((resolve) => setTimeout(resolve, REFRESH_DELAY_MS))
    .then(() => import('../exchange/deploymentConfig.ts'))
    .then(({ loadDeploymentConfig }) => loadDeploymentConfig())
    .catch((error: unknown) => console.warn('配布設定を読み込めませんでした。', error));
}

/**
 * The deployment settings for screens that show on every page (the backup reminder, the 点検
 * count, the resident guidance's languages): the last good copy (PRODUCT.md, decision 3), which a
 * background fetch of the config keeps current; the defaults before the first fetch.
 */
export function useDeploymentSettings(): DeploymentSettings | undefined {
  useEffect(refreshInBackground, []);
  return useStoredDeploymentSettings();
}
