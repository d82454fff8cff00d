import { useLiveQuery } from 'dexie-react-hooks';
import {
  defaultDeploymentSettings,
  type DeploymentSettings,
} from '../domain/deploymentSettings.ts';
import { getDatabase } from './instance.ts';

// The last good settings of sonae.config.json (PRODUCT.md, decision 3), written by the config's
// parser after each fetch, read by screens that must not load that parser: the backup reminder,
// the 点検 count, the resident guidance's languages. Before any fetch, the defaults.

// DO NOT RENAME: settings key stored in IndexedDB.
export const DEPLOYMENT_SETTINGS_KEY = 'deploymentSettings';

export async function saveDeploymentSettings(settings: DeploymentSettings): Promise<void> {
  await getDatabase().settings.put({ key: DEPLOYMENT_SETTINGS_KEY, value: settings });
}

/** The stored settings over the defaults (a key an older copy lacks takes its default). */
export async function loadDeploymentSettings(): Promise<DeploymentSettings> {
  const value = (await getDatabase().settings.get(DEPLOYMENT_SETTINGS_KEY))?.value;
  if (typeof value !== 'object' || value === null) return defaultDeploymentSettings;
  const stored = value as Partial<DeploymentSettings>;
  return {
    ...defaultDeploymentSettings,
    ...stored,
    reviewPeriods: { ...defaultDeploymentSettings.reviewPeriods, ...stored.reviewPeriods },
  };
}

/** {@link loadDeploymentSettings}, live: undefined while it is read. */
export function useStoredDeploymentSettings(): DeploymentSettings | undefined {
  return useLiveQuery(loadDeploymentSettings, []);
}
