// The reports screen keeps its filter in the URL (#/reports?period=last&dept=市民課), so a link,
// 戻る from the printed report and a reload show the same figures.

import type { ReportFilter } from '../../domain/reportFigures.ts';
import {
  addMonths,
  monthPeriod,
  periodProblem,
  type MonthKey,
  type ReportPeriod,
} from '../../domain/reportPeriod.ts';

export const periodChoices = {
  this: '今月',
  last: '先月',
  custom: '期間を指定',
} as const;
export type PeriodChoice = keyof typeof periodChoices;

export interface ReportParams {
  choice: PeriodChoice;
  /** Only for 'custom': inclusive Tokyo dates. */
  from: string;
  to: string;
  department: string;
  includeDrills: boolean;
}

/** The filter a URL holds; unknown values fall back to this month, every department. */
export function reportParamsFrom(search: URLSearchParams): ReportParams {
  const period = search.get('period') ?? '';
  return {
    choice: period in periodChoices ? (period as PeriodChoice) : 'this',
    from: search.get('from') ?? '',
    to: search.get('to') ?? '',
    department: search.get('dept') ?? '',
    includeDrills: search.get('drills') === '1',
  };
}

/** The URL query of a filter: only what differs from the default. */
export function reportParamsTo(params: ReportParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.choice !== 'this') search.set('period', params.choice);
  if (params.choice === 'custom') {
    search.set('from', params.from);
    search.set('to', params.to);
  }
  if (params.department) search.set('dept', params.department);
  if (params.includeDrills) search.set('drills', '1');
  return search;
}

/**
 * The period the params name when the Tokyo month is `month` (今月 opens the screen; 先月 is the
 * monthly meeting's), or why a typed one cannot be used.
 */
export function periodOf(
  params: ReportParams,
  month: MonthKey,
): { period: ReportPeriod } | { problem: string } {
  if (params.choice === 'this') return { period: monthPeriod(month) };
  if (params.choice === 'last') return { period: monthPeriod(addMonths(month, -1)) };
  const problem = periodProblem(params.from, params.to);
  return problem ? { problem } : { period: { from: params.from, to: params.to } };
}

/** The report filter of usable params; null when the custom period is not usable. */
export function filterOf(params: ReportParams, month: MonthKey): ReportFilter | null {
  const result = periodOf(params, month);
  if ('problem' in result) return null;
  return {
    period: result.period,
    department: params.department,
    includeDrills: params.includeDrills,
  };
}
