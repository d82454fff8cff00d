import { useEffect, useMemo, useState } from 'react';
import { useReviewInputs, type ReviewRecords } from '../../db/reviewQueries.ts';
import { listReviewItems, type ReviewItem, type ReviewSettings } from '../../domain/reviewRules.ts';
import {
  deploymentSettingsOf,
  loadDeploymentConfig,
  type DeploymentSettings,
} from '../exchange/deploymentConfig.ts';
import { useNow } from '../common/useNow.ts';

/** The periods 点検 uses, from the deployment config (its defaults when absent or refused). */
export function reviewSettingsOf(settings: DeploymentSettings): ReviewSettings {
  return { periods: settings.reviewPeriods, backupReminderDays: settings.backupReminderDays };
}

/** {@link reviewSettingsOf} the config fetched once per page load; `undefined` until it is read. */
export function useReviewSettings(): ReviewSettings | undefined {
  const [settings, setSettings] = useState<ReviewSettings>();
  useEffect(() => {
    let live = true;
    void loadDeploymentConfig().then((config) => {
      if (live) setSettings(reviewSettingsOf(deploymentSettingsOf(config)));
    });
    return () => {
      live = false;
    };
  }, []);
  return settings;
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
