import { impactScopeLabels, impactScopes, type ImpactScope } from './incidentLabels.ts';
import { incidentStatuses, incidentStatusLabels, type IncidentStatus } from './incidentStatus.ts';
import { normalizeForSearch } from './textSearch.ts';
import { isAwaitingManualUpdate } from './incidentFilter.ts';

/**
 * One incident as the incident log needs it: what a row shows, what the filters test and the
 * folded search text, kept in storage beside the record (src/db/incidentListStore.ts), so opening
 * the log reads a few hundred bytes per incident instead of the whole record and never folds text
 * (PRODUCT.md, decision 10). A tombstone keeps only its id, rev and time, so the stored rows count
 * exactly as many as the records and a rebuild can be detected cheaply.
 */
export type IncidentListRow = LiveIncidentRow | DeletedIncidentRow;

export interface LiveIncidentRow {
  id: string;
  rev: string;
  updatedAt: string;
  deleted?: false;
  occurredAt: string;
  status: IncidentStatus;
  level: number | null;
  scope: ImpactScope;
  systemId: string;
  /** The system's name when recorded (shown when this PC does not know the system). */
  systemName?: string;
  title: string;
  terminal: string;
  errorMessage: string;
  /** normalizeForSearch of every field a clerk may remember; fields joined by '\n'. */
  text: string;
  /** Set when the incident is 「手順書の更新待ち」 (isAwaitingManualUpdate), issue 17. */
  awaitingManualUpdate?: true;
  /** Set when the incident was started in a drill (訓練), issue 15. */
  drill?: true;
}

export interface DeletedIncidentRow {
  id: string;
  rev: string;
  updatedAt: string;
  deleted: true;
}

/** The shape every text field of an incident may have; stored rows are read defensively. */
interface IncidentLike {
  [field: string]: unknown;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

function listOf(value: unknown): IncidentLike[] {
  return Array.isArray(value)
    ? value.filter((v): v is IncidentLike => typeof v === 'object' && v !== null)
    : [];
}

/**
 * The folded text a query is matched against: every field a clerk may remember, including the
 * exact error code, the system's name as recorded and the Japanese labels of status and scope.
 * The registered system's current name is not folded in (a rename would make every stored text
 * stale): the search matches it by system id instead (incidentSearchIndex.ts).
 */
export function incidentSearchText(incident: IncidentLike): string {
  const status = incident.status as IncidentStatus;
  const scope = incident.scope as ImpactScope;
  return normalizeForSearch(
    [
      str(incident.title),
      str(incident.systemName),
      str(incident.errorMessage),
      str(incident.symptoms),
      str(incident.operation),
      str(incident.screen),
      str(incident.terminal),
      str(incident.department),
      str(incident.reporterName),
      str(incident.othersAffected),
      str(incident.residentImpact),
      str(incident.cause),
      str(incident.countermeasure),
      incidentStatusLabels[status] ?? '',
      impactScopeLabels[scope] ?? '',
      ...listOf(incident.attempts).flatMap((a) => [str(a.action), str(a.result)]),
      ...listOf(incident.timeline).map((t) => str(t.text)),
    ]
      .filter(Boolean)
      .join('\n'),
  );
}

/**
 * The list row of a stored incident (live or tombstone). Never throws: it runs inside every
 * write of an incident, and a row of a shape this code does not know (a newer major version left
 * as it is) must not stop the write; odd fields become empty values.
 */
export function incidentListRowOf(record: IncidentLike): IncidentListRow {
  const base = { id: str(record.id), rev: str(record.rev), updatedAt: str(record.updatedAt) };
  if (record.deleted === true || typeof record.occurredAt !== 'string' || !record.occurredAt)
    return { ...base, deleted: true };
  const status = incidentStatuses.includes(record.status as IncidentStatus)
    ? (record.status as IncidentStatus)
    : 'occurred';
  const scope = impactScopes.includes(record.scope as ImpactScope)
    ? (record.scope as ImpactScope)
    : 'self';
  const row: LiveIncidentRow = {
    ...base,
    occurredAt: record.occurredAt,
    status,
    level: typeof record.level === 'number' ? record.level : null,
    scope,
    systemId: str(record.systemId),
    title: str(record.title),
    terminal: str(record.terminal),
    errorMessage: str(record.errorMessage),
    text: incidentSearchText(record),
  };
  if (typeof record.systemName === 'string' && record.systemName)
    row.systemName = record.systemName;
  if (
    isAwaitingManualUpdate({
      status,
      cause: str(record.cause),
      countermeasure: str(record.countermeasure),
      manualUpdated: record.manualUpdated === true,
    })
  )
    row.awaitingManualUpdate = true;
  if (typeof record.drillId === 'string' && record.drillId) row.drill = true;
  return row;
}

/** True for the row of a live incident (tombstone rows are kept only for counting). */
export function isLiveIncidentRow(row: IncidentListRow): row is LiveIncidentRow {
  return row.deleted !== true;
}
