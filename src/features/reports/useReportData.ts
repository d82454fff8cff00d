import { useMemo } from 'react';
import { useLiveRecords } from '../../db/hooks.ts';
import type { IncidentRecord } from '../../domain/incident.ts';
import {
  countByLevel,
  countByMonth,
  countByStatus,
  countBySystem,
  departmentsOf,
  incidentsInScope,
  isDrillIncident,
  openIncidentsByAge,
  summarizeAllDurations,
  type CountRow,
  type DurationSummary,
  type OpenByAge,
  type ReportFilter,
} from '../../domain/reportFigures.ts';
import {
  recurringErrors,
  recurringSystems,
  type RecurringError,
  type RecurringSystem,
} from '../../domain/reportRecurring.ts';
import { systemNameOf } from '../incidents/useSystemNames.ts';

/** Every figure of one report (the screen and the 月次報告 show the same). */
export interface ReportFigures {
  incidents: IncidentRecord[];
  bySystem: CountRow[];
  byLevel: CountRow[];
  byStatus: CountRow[];
  byMonth: CountRow[];
  durations: DurationSummary[];
  open: OpenByAge;
  recurringErrors: RecurringError[];
  recurringSystems: RecurringSystem[];
}

export interface ReportData {
  /** Undefined while the records load, or when there is no usable filter. */
  figures: ReportFigures | undefined;
  /** Every incident by id, to list the ones behind a figure. */
  byId: ReadonlyMap<string, IncidentRecord>;
  systemLabel: (incident: Pick<IncidentRecord, 'systemId' | 'systemName'>) => string;
  systemNames: ReadonlyMap<string, string>;
  definedLevels: number[];
  departments: string[];
  /** SEAM (issue 15): true once some incident is a drill, to offer 「訓練の障害も含める」. */
  hasDrills: boolean;
  incidents: IncidentRecord[] | undefined;
  isLoaded: boolean;
}

/** The live records and the figures of `filter`, recomputed only when either changes. */
export function useReportData(filter: ReportFilter | null, now: Date): ReportData {
  const incidents = useLiveRecords('incident');
  const systems = useLiveRecords('system');
  const levels = useLiveRecords('incidentLevel');
  const isLoaded = incidents !== undefined && systems !== undefined && levels !== undefined;
  const systemNames = useMemo(() => new Map((systems ?? []).map((s) => [s.id, s.name])), [systems]);
  const definedLevels = useMemo(() => (levels ?? []).map((l) => l.level), [levels]);
  const systemLabel = useMemo(
    () => (incident: Pick<IncidentRecord, 'systemId' | 'systemName'>) =>
      systemNameOf(incident, systemNames),
    [systemNames],
  );
  const periodFigures = useMemo(() => {
    if (!incidents || !isLoaded || !filter) return undefined;
    const scoped = incidentsInScope(incidents, filter);
    return {
      incidents: scoped,
      bySystem: countBySystem(scoped, systemLabel),
      byLevel: countByLevel(scoped, definedLevels),
      byStatus: countByStatus(scoped),
      byMonth: countByMonth(scoped, filter.period),
      durations: summarizeAllDurations(scoped),
      recurringErrors: recurringErrors(scoped, systemLabel),
      recurringSystems: recurringSystems(scoped, systemLabel),
    };
  }, [incidents, isLoaded, filter, systemLabel, definedLevels]);
  // Ages move with the clock; the period's figures do not, so they are not redone each minute.
  const nowTime = now.getTime();
  const open = useMemo(
    () =>
      incidents && filter
        ? openIncidentsByAge(incidents, filter, definedLevels, new Date(nowTime))
        : undefined,
    [incidents, filter, definedLevels, nowTime],
  );
  const figures = periodFigures && open ? { ...periodFigures, open } : undefined;
  const byId = useMemo(() => new Map((incidents ?? []).map((i) => [i.id, i])), [incidents]);
  const departments = useMemo(() => departmentsOf(incidents ?? []), [incidents]);
  const hasDrills = useMemo(() => (incidents ?? []).some(isDrillIncident), [incidents]);
  return {
    figures,
    byId,
    systemLabel,
    systemNames,
    definedLevels,
    departments,
    hasDrills,
    incidents,
    isLoaded,
  };
}
