import type { IncidentData } from './incident.ts';
import { incidentFieldLabels } from './incidentLabels.ts';

export interface IncidentLesson {
  label: string;
  value: string;
}

/**
 * What a resolved incident teaches the next person: its cause, its countermeasure and what was
 * tried with what result (the workaround, as the incident has no field of its own for it).
 * Empty facts are left out.
 */
export function incidentLessons(
  incident: Pick<IncidentData, 'cause' | 'countermeasure' | 'attempts'>,
): IncidentLesson[] {
  const workaround = incident.attempts
    .map((a) => [a.action, a.result].filter(Boolean).join(' → '))
    .filter(Boolean)
    .join('／');
  return [
    { label: incidentFieldLabels.cause, value: incident.cause.trim() },
    { label: incidentFieldLabels.countermeasure, value: incident.countermeasure.trim() },
    { label: '回避策（試したことと結果）', value: workaround },
  ].filter((lesson) => lesson.value !== '');
}
