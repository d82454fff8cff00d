import { reviewFlagLabel, reviewStateOf } from '../../domain/procedureRules.ts';
import type { ProcedureData } from '../../domain/procedure.ts';
import { useDeploymentSettings } from '../common/useDeploymentSettings.ts';

/** Months between procedure reviews: the config's, as 点検 counts them; undefined while loading. */
export function useProcedureReviewMonths(): number | undefined {
  return useDeploymentSettings()?.reviewPeriods.procedureMonths;
}

/**
 * 「要見直し（1年以上見直していません）」 or 「見直し日未記入」 beside a procedure; nothing while
 * its review is current. `now` comes from the host's useNow(), so a list shares one clock;
 * `months` from the config's reviewPeriods.procedureMonths (useProcedureReviewMonths), as 点検.
 */
export function ReviewFlag({
  procedure,
  now,
  months,
}: {
  procedure: Pick<ProcedureData, 'lastReviewedOn'>;
  now: Date;
  months?: number;
}) {
  const state = reviewStateOf(procedure, now, months);
  if (state === 'current') return null;
  return (
    <span className={`review-flag review-flag-${state}`}>{reviewFlagLabel(state, months)}</span>
  );
}
