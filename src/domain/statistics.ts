// 統計データ: anonymised counts for open data (issue 13, item 5). Counts only — by month, system,
// level, scope and status, and times to recover in bands — with no free text, names, phone
// numbers, terminal names or ids, and small cells suppressed (statisticsSuppression.ts).
//
// Which sums a reader knows, and so which lines are protected (docs/statistics.md):
// - a month's total: printed, and also the sum of each of its rows (system, level, scope);
// - the status row splits into 未復旧 (発生・報告済・対応中) and 復旧済み (暫定復旧・解決・完了), and
//   the recovery bands count exactly the 復旧済み incidents; the number recovered is assumed known
//   (the worst case), so those three groups are protected as lines of their own, and if one of
//   them cannot be, the month's status and recovery rows are hidden together.
// A month with fewer incidents than the threshold (but some) is hidden whole.
// No total across months is published (one would tie the months together).

import type { IncidentRecord } from './incident.ts';
import { impactScopeLabels, impactScopes } from './incident.ts';
import { incidentStatuses, incidentStatusLabels, type IncidentStatus } from './incidentStatus.ts';
import { durationTo } from './incidentDurations.ts';
import { isDrillIncident, levelCategories, levelKeyOf } from './reportFigures.ts';
import {
  monthsOf,
  periodRange,
  tokyoMonthOf,
  type MonthKey,
  type ReportPeriod,
} from './reportPeriod.ts';
import { protectLine } from './statisticsSuppression.ts';

export const DEFAULT_STATISTICS_THRESHOLD = 3;
export const MAX_STATISTICS_THRESHOLD = 50;

export const statisticsDimensions = [
  'total',
  'system',
  'level',
  'scope',
  'status',
  'recovery',
] as const;
export type StatisticsDimension = (typeof statisticsDimensions)[number];
export const statisticsDimensionLabels: Record<StatisticsDimension, string> = {
  total: '合計',
  system: 'システム',
  level: 'レベル',
  scope: '影響範囲',
  status: '状態',
  recovery: '復旧までの時間',
};

const HOUR = 3_600_000;
/** Time from 発生 to 暫定復旧 (or later), lower bound inclusive. */
export const recoveryBands = [
  { label: '1時間未満', below: HOUR },
  { label: '1時間以上4時間未満', below: 4 * HOUR },
  { label: '4時間以上24時間未満', below: 24 * HOUR },
  { label: '1日以上3日未満', below: 72 * HOUR },
  { label: '3日以上', below: Infinity },
] as const;
export const UNKNOWN_RECOVERY = '不明';
/** The one category for systems not registered here (their name is free text from elsewhere). */
export const UNREGISTERED_SYSTEM = 'その他（未登録のシステム）';

const UNRECOVERED: readonly IncidentStatus[] = ['occurred', 'reported', 'inProgress'];

/** One published figure. `count` is null where it is suppressed. */
export interface StatisticsCell {
  month: MonthKey;
  dimension: StatisticsDimension;
  category: string;
  count: number | null;
  suppressed: boolean;
}

export interface StatisticsOptions {
  period: ReportPeriod;
  threshold: number;
  /** Registered system id → name. */
  systemNames: ReadonlyMap<string, string>;
  definedLevels: readonly number[];
}

/** Why a typed threshold cannot be used; null when it can. */
export function thresholdProblem(value: string): string | null {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 2 || n > MAX_STATISTICS_THRESHOLD)
    return `秘匿の基準は2から${MAX_STATISTICS_THRESHOLD}までの整数で入力してください。`;
  return null;
}

type Row = { category: string; count: number }[];

function row(
  categories: readonly string[],
  incidents: IncidentRecord[],
  keyOf: (i: IncidentRecord) => string,
): Row {
  const counts = new Map<string, number>();
  for (const i of incidents) counts.set(keyOf(i), (counts.get(keyOf(i)) ?? 0) + 1);
  return categories.map((category) => ({ category, count: counts.get(category) ?? 0 }));
}

function recoveryBandOf(incident: IncidentRecord): string {
  const duration = durationTo(incident, 'provisional');
  if (duration.kind !== 'known') return UNKNOWN_RECOVERY;
  return recoveryBands.find((band) => duration.ms < band.below)!.label;
}

/** Adds to `hide` the cells that make the line safe; false when no choice of cells can. */
function protect(cells: Row, hide: Set<object>, threshold: number): boolean {
  const hidden = protectLine(
    cells.map((c) => c.count),
    threshold,
  );
  if (!hidden) return false;
  cells.forEach((c, i) => {
    if (hidden[i]) hide.add(c);
  });
  return true;
}

/** The counts of every month of the period, suppressed; drills and deleted records left out. */
export function buildStatistics(
  incidents: readonly IncidentRecord[],
  options: StatisticsOptions,
): StatisticsCell[] {
  const { start, end } = periodRange(options.period);
  const inPeriod = incidents.filter((i) => {
    const at = Date.parse(i.occurredAt);
    return !i.deleted && !isDrillIncident(i) && at >= start && at < end;
  });
  const systemOf = (i: IncidentRecord) =>
    options.systemNames.get(i.systemId) ?? UNREGISTERED_SYSTEM;
  const systems = [...new Set(inPeriod.map(systemOf))].sort((a, b) =>
    a === UNREGISTERED_SYSTEM ? 1 : b === UNREGISTERED_SYSTEM ? -1 : a.localeCompare(b, 'ja'),
  );
  const levels = levelCategories(inPeriod, options.definedLevels);
  const levelLabel = new Map(levels.map((l) => [l.key, l.label]));
  const t = options.threshold;

  const byMonth = new Map<string, IncidentRecord[]>();
  for (const i of inPeriod) {
    const month = tokyoMonthOf(i.occurredAt) ?? '';
    const list = byMonth.get(month);
    if (list) list.push(i);
    else byMonth.set(month, [i]);
  }
  return monthsOf(options.period).flatMap((month) => {
    const list = byMonth.get(month) ?? [];
    const total = [{ category: statisticsDimensionLabels.total, count: list.length }];
    const rows: Record<StatisticsDimension, Row> = {
      total,
      system: row(systems, list, systemOf),
      level: row(
        levels.map((l) => l.label),
        list,
        (i) => levelLabel.get(levelKeyOf(i))!,
      ),
      scope: row(
        impactScopes.map((s) => impactScopeLabels[s]),
        list,
        (i) => impactScopeLabels[i.scope],
      ),
      status: row(
        incidentStatuses.map((s) => incidentStatusLabels[s]),
        list,
        (i) => incidentStatusLabels[i.status],
      ),
      recovery: row(
        [...recoveryBands.map((b) => b.label), UNKNOWN_RECOVERY],
        list.filter((i) => !UNRECOVERED.includes(i.status)),
        recoveryBandOf,
      ),
    };
    const hide = new Set<object>();
    const hideRow = (r: Row) => r.forEach((c) => hide.add(c));
    if (list.length > 0 && list.length < t) statisticsDimensions.forEach((d) => hideRow(rows[d]));
    else {
      for (const d of ['system', 'level', 'scope'] as const)
        if (!protect(rows[d], hide, t)) hideRow(rows[d]);
      const unrecovered = rows.status.slice(0, UNRECOVERED.length);
      const recovered = rows.status.slice(UNRECOVERED.length);
      const linked = [unrecovered, recovered, rows.recovery].map((line) => protect(line, hide, t));
      if (linked.includes(false)) [rows.status, rows.recovery].forEach(hideRow);
    }
    return statisticsDimensions.flatMap((dimension) =>
      rows[dimension].map((c) => ({
        month,
        dimension,
        category: c.category,
        count: hide.has(c) ? null : c.count,
        suppressed: hide.has(c),
      })),
    );
  });
}
