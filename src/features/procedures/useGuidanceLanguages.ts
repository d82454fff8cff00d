import { useMemo } from 'react';
import { offeredGuidanceLanguages, type GuidanceLanguage } from '../../domain/guidanceLanguages.ts';
import { useDeploymentSettings } from '../common/useDeploymentSettings.ts';

/**
 * The resident-guidance languages this station offers (sonae.config.json `guidanceLanguages`,
 * every language with templates when it names none; its last good copy, decision 3); undefined
 * while it is read.
 */
export function useGuidanceLanguages(): GuidanceLanguage[] | undefined {
  const settings = useDeploymentSettings();
  return useMemo(
    () =>
      settings === undefined ? undefined : offeredGuidanceLanguages(settings.guidanceLanguages),
    [settings],
  );
}
