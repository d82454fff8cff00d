import { reviewFlagLabels, reviewStateOf } from '../../domain/procedureRules.ts';
import type { ProcedureData } from '../../domain/procedure.ts';

/**
 * 「要見直し（1年以上見直していません）」 or 「見直し日未記入」 beside a procedure; nothing while
 * its review is current. `now` comes from the host's useNow(), so a list shares one clock.
 */
export function ReviewFlag({
  procedure,
  now,
}: {
  procedure: Pick<ProcedureData, 'lastReviewedOn'>;
  now: Date;
}) {
  const state = reviewStateOf(procedure, now);
  if (state === 'current') return null;
  return <span className={`review-flag review-flag-${state}`}>{reviewFlagLabels[state]}</span>;
}
