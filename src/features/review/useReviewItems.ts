import { useMemo } from 'react';
import { useReviewInputs, type ReviewRecords } from '../../db/reviewQueries.ts';
import { listReviewItems, type ReviewItem, type ReviewSettings } from '../../domain/reviewRules.ts';
import type { DeploymentSettings } from '../../domain/deploymentSettings.ts';
import { useDeploymentSettings } from '../common/useDeploymentSettings.ts';
import { useNow } from '../common/useNow.ts';

/** The periods 点検 uses, from the deployment config (its defaults when absent or refused). */
export function reviewSettingsOf(settings: DeploymentSettings): ReviewSettings {
  return { periods: settings.reviewPeriods, backupReminderDays: settings.backupReminderDays };
}

/** {@link reviewSettingsOf} the config's last good copy (decision 3); `undefined` until read. */
export function useReviewSettings(): ReviewSettings | undefined {
  const settings = useDeploymentSettings();
  return useMemo(() => (settings ? reviewSettingsOf(settings) : undefined), [settings]);
}

/**
 * What needs attention now, most urgent first, kept live: it changes with any write to the
 * master data, drills or follow-ups, and with the date (checked every minute).
 */
export function useReviewItems(): {
  items: ReviewItem[] | undefined;
  records: ReviewRecords | undefined;
  settings: ReviewSettings | undefined;
  now: Date;
} {
  const inputs = useReviewInputs();
  const settings = useReviewSettings();
  const now = useNow();
  // A few hundred small records: recomputing each minute costs well under a millisecond.
  const items = useMemo(
    () => (inputs && settings ? listReviewItems(inputs, settings, now) : undefined),
    [inputs, settings, now],
  );
  return { items, records: inputs, settings, now };
}
