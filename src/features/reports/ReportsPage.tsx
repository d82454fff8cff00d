import { useMemo } from 'react';
import { tokyoMonthOf, periodLabel, type ReportPeriod } from '../../domain/reportPeriod.ts';
import { Banner } from '../common/Banner.tsx';
import { useNow } from '../common/useNow.ts';
import { useUrlFilterState } from '../common/useUrlFilterState.ts';
import { usePageTitle } from '../common/usePageTitle.ts';
import { DurationsSection } from './DurationsSection.tsx';
import { MonthlyReportButton } from './MonthlyReportButton.tsx';
import { ReportFilters } from './ReportFilters.tsx';
import { ReportFigureSections } from './ReportFigureSections.tsx';
import { StatisticsExport } from './StatisticsExport.tsx';
import { filterOf, periodOf, reportParamsFrom, reportParamsTo } from './reportParams.ts';
import { useReportData } from './useReportData.ts';
import './reports.css';

/**
 * 報告・集計: for a period (this month unless chosen) and a department, incidents by system, level,
 * status and month, times to recover, open incidents by age, recurring errors — each chart with its
 * table and a CSV file — plus the 月次報告 on paper and the anonymised 統計 for open data.
 */
const DEFAULT_PARAMS = reportParamsFrom(new URLSearchParams());

export function ReportsPage() {
  usePageTitle('報告・集計');
  // The controls own their state and the URL follows (a checkbox driven by the URL showed its old
  // state until the router's transition ended); the figures use the settled copy.
  const {
    filter: chosen,
    shown: params,
    update,
  } = useUrlFilterState(reportParamsFrom, reportParamsTo, DEFAULT_PARAMS);
  const now = useNow();
  // The filter changes with the Tokyo month, not with every tick of the clock.
  const month = tokyoMonthOf(now)!;
  const resolved = useMemo(() => periodOf(params, month), [params, month]);
  const filter = useMemo(() => filterOf(params, month), [params, month]);
  const data = useReportData(filter, now);
  const period: ReportPeriod | null = 'period' in resolved ? resolved.period : null;
  const fileSuffix = period ? `${period.from}_${period.to}` : '';

  return (
    <div className="reports-page">
      <h1>報告・集計</h1>
      <ReportFilters
        key={reportParamsTo(chosen).toString()}
        params={chosen}
        period={period ?? { from: '', to: '' }}
        departments={data.departments}
        hasDrills={data.hasDrills}
        onChange={update}
      />
      {'problem' in resolved ? <Banner kind="error">{resolved.problem}</Banner> : null}
      {period && data.figures ? (
        <>
          <div className="report-scope card">
            <p role="status">
              {periodLabel(period)}・{params.department || 'すべての部署'}：障害{' '}
              <strong>{data.figures.incidents.length}</strong>件
            </p>
            <MonthlyReportButton
              defaultMonth={params.choice === 'custom' ? null : period.from.slice(0, 7)}
              department={params.department}
              now={now}
            />
          </div>
          <ReportFigureSections figures={data.figures} fileSuffix={fileSuffix} />
          <DurationsSection
            durations={data.figures.durations}
            byId={data.byId}
            systemLabel={data.systemLabel}
            fileSuffix={fileSuffix}
          />
          <StatisticsExport
            incidents={data.incidents ?? []}
            period={period}
            systemNames={data.systemNames}
            definedLevels={data.definedLevels}
            now={now}
          />
        </>
      ) : period ? (
        <p role="status">読み込み中…</p>
      ) : null}
    </div>
  );
}
