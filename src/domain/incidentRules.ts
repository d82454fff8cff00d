import type { IncidentData, TimelineEntry } from './incident.ts';
import { incidentStatusLabels, type IncidentStatus } from './incidentStatus.ts';
import { createId } from './ids.ts';

export interface RuleIssue {
  path: string;
  message: string;
}

/** Clock slack between PCs: an occurrence a few minutes "in the future" is not an error. */
const FUTURE_TOLERANCE_MS = 10 * 60_000;

/**
 * Rules a person's input must meet on top of the schema (imports from other stations are
 * not held to them: a clock or a workflow elsewhere may differ).
 */
export function checkIncidentInput(data: IncidentData, now: Date): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const limit = now.getTime() + FUTURE_TOLERANCE_MS;
  if (data.occurredAt && Date.parse(data.occurredAt) > limit)
    issues.push({ path: 'occurredAt', message: '発生日時が未来になっています' });
  if (data.detectedAt && Date.parse(data.detectedAt) > limit)
    issues.push({ path: 'detectedAt', message: '検知日時が未来になっています' });
  if (data.status === 'closed') {
    if (!data.cause.trim())
      issues.push({ path: 'cause', message: '「完了」にするには原因を入力してください' });
    if (!data.countermeasure.trim())
      issues.push({ path: 'countermeasure', message: '「完了」にするには対策を入力してください' });
  }
  return issues;
}

/**
 * Appends the automatic timeline entry of a save: creation, or a change of status, stamped
 * with the time of the save. Returns the data unchanged when the status stayed the same.
 */
export function stampStatusChange(
  data: IncidentData,
  previousStatus: IncidentStatus | null,
  at: string,
): IncidentData {
  if (previousStatus === data.status) return data;
  const entry: TimelineEntry = {
    id: createId(),
    at,
    status: data.status,
    text:
      previousStatus === null
        ? `障害記録を作成（${incidentStatusLabels[data.status]}）`
        : `状態を「${incidentStatusLabels[previousStatus]}」から「${incidentStatusLabels[data.status]}」に変更`,
  };
  return { ...data, timeline: [...data.timeline, entry] };
}

/** When the incident first reached `status`, from its timeline; null if never. */
export function reachedStatusAt(
  data: Pick<IncidentData, 'timeline'>,
  status: IncidentStatus,
): string | null {
  return data.timeline.find((entry) => entry.status === status)?.at ?? null;
}
