import type { IncidentRecord } from './incident.ts';
import { impactScopeLabels } from './incident.ts';
import { incidentStatusLabels, isOpenStatus, type IncidentStatus } from './incidentStatus.ts';
import { matchesAllTerms, normalizeForSearch } from './text.ts';

export const incidentSorts = {
  occurredDesc: '発生日時が新しい順',
  occurredAsc: '発生日時が古い順',
  updatedDesc: '更新が新しい順',
  levelDesc: 'レベルが高い順',
} as const;
export type IncidentSort = keyof typeof incidentSorts;

export interface IncidentFilter {
  /** A status, 'open' for every unresolved one, or '' for all. */
  status: IncidentStatus | 'open' | '';
  systemId: string;
  /** A level as text ('1'…'9'), 'none' for unset, '' for all. */
  level: string;
  /** Inclusive calendar dates YYYY-MM-DD in local time, '' for unbounded. */
  from: string;
  to: string;
  text: string;
  sort: IncidentSort;
}

export const emptyIncidentFilter: IncidentFilter = {
  status: '',
  systemId: '',
  level: '',
  from: '',
  to: '',
  text: '',
  sort: 'occurredDesc',
};

/**
 * The folded text a query is matched against: every field a clerk may remember, including
 * the exact error code, the system's name and the Japanese labels of status and scope.
 */
export function incidentSearchText(incident: IncidentRecord, systemName: string): string {
  return normalizeForSearch(
    [
      incident.title,
      systemName,
      incident.errorMessage,
      incident.symptoms,
      incident.operation,
      incident.screen,
      incident.terminal,
      incident.department,
      incident.reporterName,
      incident.othersAffected,
      incident.residentImpact,
      incident.cause,
      incident.countermeasure,
      incidentStatusLabels[incident.status],
      impactScopeLabels[incident.scope],
      ...incident.attempts.flatMap((a) => [a.action, a.result]),
      ...incident.timeline.map((t) => t.text),
    ].join('\n'),
  );
}

function localDayStart(date: string): number {
  return new Date(`${date}T00:00:00`).getTime();
}

/**
 * Filters and sorts incidents. `searchTextOf` supplies the folded text of each incident
 * (cached by the caller, so typing in the search box does not re-fold 10,000 records).
 */
export function filterIncidents(
  incidents: readonly IncidentRecord[],
  filter: IncidentFilter,
  searchTextOf: (incident: IncidentRecord) => string,
): IncidentRecord[] {
  const from = filter.from ? localDayStart(filter.from) : -Infinity;
  const to = filter.to ? localDayStart(filter.to) + 86_400_000 : Infinity;
  const hasText = filter.text.trim() !== '';
  const result = incidents.filter((incident) => {
    if (incident.deleted) return false;
    if (
      filter.status === 'open'
        ? !isOpenStatus(incident.status)
        : filter.status && incident.status !== filter.status
    )
      return false;
    if (filter.systemId && incident.systemId !== filter.systemId) return false;
    if (
      filter.level === 'none'
        ? incident.level !== null
        : filter.level && String(incident.level) !== filter.level
    )
      return false;
    const occurred = Date.parse(incident.occurredAt);
    if (occurred < from || occurred >= to) return false;
    return !hasText || matchesAllTerms(searchTextOf(incident), filter.text);
  });
  return result.sort(comparators[filter.sort]);
}

const byOccurredDesc = (a: IncidentRecord, b: IncidentRecord) =>
  a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : 0;

const comparators: Record<IncidentSort, (a: IncidentRecord, b: IncidentRecord) => number> = {
  occurredDesc: byOccurredDesc,
  occurredAsc: (a, b) => byOccurredDesc(b, a),
  updatedDesc: (a, b) =>
    (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0) || byOccurredDesc(a, b),
  levelDesc: (a, b) => (b.level ?? 0) - (a.level ?? 0) || byOccurredDesc(a, b),
};
