// The figures of 報告・集計 and the 月次報告, worked out purely from incident records: counts by
// system, level, status and month, times to 報告済/暫定復旧/解決 (median and 90th percentile), open
// incidents by age and level. The screen, its CSV files and the paper report all read these.

import type { IncidentRecord } from './incident.ts';
import { incidentStatuses, incidentStatusLabels, isOpenStatus } from './incidentStatus.ts';
import {
  durationsOf,
  milestones,
  type IncidentDuration,
  type Milestone,
  type UnknownReason,
} from './incidentDurations.ts';
import {
  monthLabel,
  monthsOf,
  periodRange,
  tokyoMonthOf,
  type ReportPeriod,
} from './reportPeriod.ts';

/** What a report covers. */
export interface ReportFilter {
  period: ReportPeriod;
  /** An incident's 部署 as typed ('' for every department). */
  department: string;
  /** Drill incidents are left out unless asked for (issue 13). */
  includeDrills: boolean;
}

/** The one place that says whether an incident was started in a drill (訓練). */
export function isDrillIncident(incident: Pick<IncidentRecord, 'drillId'>): boolean {
  return incident.drillId !== undefined;
}

/** Department, drill and deletion: what every figure, the period aside, agrees on. */
function isInAudience(incident: IncidentRecord, filter: ReportFilter): boolean {
  if (incident.deleted) return false;
  if (!filter.includeDrills && isDrillIncident(incident)) return false;
  return !filter.department || incident.department.trim() === filter.department;
}

/** The incidents that occurred in the period (Tokyo days), of the department, drills aside. */
export function incidentsInScope(
  incidents: readonly IncidentRecord[],
  filter: ReportFilter,
): IncidentRecord[] {
  const { start, end } = periodRange(filter.period);
  return incidents.filter((incident) => {
    const occurred = Date.parse(incident.occurredAt);
    return isInAudience(incident, filter) && occurred >= start && occurred < end;
  });
}

/** Every department typed into an incident, for the filter. */
export function departmentsOf(incidents: readonly IncidentRecord[]): string[] {
  const names = new Set(incidents.filter((i) => !i.deleted).map((i) => i.department.trim()));
  names.delete('');
  return [...names].sort((a, b) => a.localeCompare(b, 'ja'));
}

/** One bar of a chart and one row of its table. */
export interface CountRow {
  key: string;
  label: string;
  count: number;
}

function countBy(
  incidents: readonly IncidentRecord[],
  keyOf: (incident: IncidentRecord) => string,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const incident of incidents) {
    const key = keyOf(incident);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** 'none' for an incident without a level. */
export function levelKeyOf(incident: Pick<IncidentRecord, 'level'>): string {
  return incident.level === null ? 'none' : String(incident.level);
}

/** 「レベル2」, 「未設定」. */
export function levelLabel(level: number | null): string {
  return level === null ? '未設定' : `レベル${level}`;
}

/** The level categories: every level defined here or used, lowest first, then 未設定. */
export function levelCategories(
  incidents: readonly IncidentRecord[],
  definedLevels: readonly number[],
): CountRow[] {
  const used = incidents.flatMap((i) => (i.level === null ? [] : [i.level]));
  const levels = [...new Set([...definedLevels, ...used])].sort((a, b) => a - b);
  return [
    ...levels.map((level) => ({ key: String(level), label: levelLabel(level), count: 0 })),
    { key: 'none', label: levelLabel(null), count: 0 },
  ];
}

function fill(categories: readonly CountRow[], counts: Map<string, number>): CountRow[] {
  return categories.map((c) => ({ ...c, count: counts.get(c.key) ?? 0 }));
}

/** Incidents by system, most first (then by name). */
export function countBySystem(
  incidents: readonly IncidentRecord[],
  systemLabel: (incident: IncidentRecord) => string,
): CountRow[] {
  const labels = new Map(incidents.map((i) => [i.systemId, systemLabel(i)]));
  return [...countBy(incidents, (i) => i.systemId)]
    .map(([key, count]) => ({ key, label: labels.get(key) ?? key, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'ja'));
}

export function countByLevel(
  incidents: readonly IncidentRecord[],
  definedLevels: readonly number[],
): CountRow[] {
  return fill(levelCategories(incidents, definedLevels), countBy(incidents, levelKeyOf));
}

/** Every status in life-cycle order, zeros included. */
export function countByStatus(incidents: readonly IncidentRecord[]): CountRow[] {
  const categories = incidentStatuses.map((s) => ({
    key: s,
    label: incidentStatusLabels[s],
    count: 0,
  }));
  return fill(
    categories,
    countBy(incidents, (i) => i.status),
  );
}

/** Every month of the period, zeros included. */
export function countByMonth(
  incidents: readonly IncidentRecord[],
  period: ReportPeriod,
): CountRow[] {
  const categories = monthsOf(period).map((m) => ({ key: m, label: monthLabel(m), count: 0 }));
  return fill(
    categories,
    countBy(incidents, (i) => tokyoMonthOf(i.occurredAt) ?? ''),
  );
}

/** The median (the mean of the middle two for an even count); null for none. */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The p-th percentile by nearest rank: the smallest value that at least p % of the values do not
 * exceed, so it is always one incident's real time. Null for none.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Time to one milestone over a set of incidents, with the incidents behind it. */
export interface DurationSummary {
  milestone: Milestone;
  /** The incidents with a time, fastest first. */
  known: { id: string; ms: number }[];
  /** The incidents that reached the milestone without a usable time. */
  unknown: { id: string; reason: UnknownReason }[];
  median: number | null;
  p90: number | null;
}

/** The summary of one milestone from every incident's durations. */
function summarize(
  incidents: readonly IncidentRecord[],
  durations: readonly Record<Milestone, IncidentDuration>[],
  milestone: Milestone,
): DurationSummary {
  const known: DurationSummary['known'] = [];
  const unknown: DurationSummary['unknown'] = [];
  incidents.forEach((incident, i) => {
    const duration = durations[i]![milestone];
    if (duration.kind === 'known') known.push({ id: incident.id, ms: duration.ms });
    else if (duration.kind === 'unknown')
      unknown.push({ id: incident.id, reason: duration.reason });
  });
  known.sort((a, b) => a.ms - b.ms);
  const times = known.map((k) => k.ms);
  return { milestone, known, unknown, median: median(times), p90: percentile(times, 90) };
}

export function summarizeDurations(
  incidents: readonly IncidentRecord[],
  milestone: Milestone,
): DurationSummary {
  return summarize(incidents, incidents.map(durationsOf), milestone);
}

const DAY = 86_400_000;
/** Age bands of open incidents, lower bound inclusive. */
export const ageBands = [
  { key: 'day', label: '1日未満', fromDays: 0 },
  { key: 'week', label: '1〜7日', fromDays: 1 },
  { key: 'month', label: '7〜30日', fromDays: 7 },
  { key: 'older', label: '30日以上', fromDays: 30 },
] as const;

/** 'unknown' when the occurrence time is unreadable or ahead of `now` (a skewed clock). */
export function ageBandOf(occurredAt: string, now: Date): string {
  const age = now.getTime() - Date.parse(occurredAt);
  if (!(age >= 0)) return 'unknown';
  return ageBands.findLast((band) => age >= band.fromDays * DAY)!.key;
}

/** Open incidents now, by age band (rows) and level (columns). */
export interface OpenByAge {
  bands: CountRow[];
  levels: CountRow[];
  /** count of band × level, keyed `${band}|${level}`. */
  cells: Map<string, number>;
  ids: string[];
}

/** Open incidents of the department (whatever the period: an old open one matters most). */
export function openIncidentsByAge(
  incidents: readonly IncidentRecord[],
  filter: ReportFilter,
  definedLevels: readonly number[],
  now: Date,
): OpenByAge {
  const open = incidents.filter((i) => isInAudience(i, filter) && isOpenStatus(i.status));
  const bandCounts = countBy(open, (i) => ageBandOf(i.occurredAt, now));
  const bandRows: CountRow[] = ageBands.map((b) => ({ key: b.key, label: b.label, count: 0 }));
  if (bandCounts.has('unknown')) bandRows.push({ key: 'unknown', label: '不明', count: 0 });
  return {
    bands: fill(bandRows, bandCounts),
    levels: countByLevel(open, definedLevels),
    cells: countBy(open, (i) => `${ageBandOf(i.occurredAt, now)}|${levelKeyOf(i)}`),
    ids: open.map((i) => i.id),
  };
}

/** Every duration summary of a set of incidents, in milestone order. */
export function summarizeAllDurations(incidents: readonly IncidentRecord[]): DurationSummary[] {
  const durations = incidents.map(durationsOf);
  return milestones.map((m) => summarize(incidents, durations, m));
}
