import { useMemo } from 'react';
import { offeredGuidanceLanguages, type GuidanceLanguage } from '../../domain/guidanceLanguages.ts';
import { deploymentSettingsOf } from '../exchange/deploymentConfig.ts';
import { useDeploymentConfig } from '../exchange/KeysSection.tsx';

/**
 * The resident-guidance languages this station offers (sonae.config.json `guidanceLanguages`,
 * every language with templates when it names none); undefined while the config loads.
 */
export function useGuidanceLanguages(): GuidanceLanguage[] | undefined {
  const config = useDeploymentConfig();
  return useMemo(
    () =>
      config === undefined
        ? undefined
        : offeredGuidanceLanguages(deploymentSettingsOf(config).guidanceLanguages),
    [config],
  );
}
