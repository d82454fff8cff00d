import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Station } from '../domain/station.ts';
import { countByMonth, incidentsInScope, type ReportFilter } from '../domain/reportFigures.ts';
import { addMonths, monthLabel, monthPeriod } from '../domain/reportPeriod.ts';
import { figureBlocks } from '../features/reports/reportBlocks.ts';
import { durationTable } from '../features/reports/reportTables.ts';
import { useReportData } from '../features/reports/useReportData.ts';
import { MonthlyReport } from './MonthlyReport.tsx';
import {
  incidentLines,
  japaneseMonthLabel,
  monthOfParams,
  summaryFacts,
} from './monthlyReportContent.ts';
import { PrintPage, usePrintedAt } from './PrintPage.tsx';

/** The trend beside the month: it and the five before it. */
const TREND_MONTHS = 6;

/**
 * /print/monthly-report?month=YYYY-MM (&dept=…) — the 月次報告 on A4, from the same figures as
 * 報告・集計 (drills left out), printed by itself once the records are loaded. A month that cannot
 * be read is said plainly and nothing prints.
 */
export function MonthlyReportPage({ station }: { station: Station }) {
  const [search] = useSearchParams();
  const asked = monthOfParams(search);
  const month = 'month' in asked ? asked.month : null;
  const department = search.get('dept') ?? '';
  const printedAt = usePrintedAt();
  const filter = useMemo<ReportFilter | null>(
    () => (month ? { period: monthPeriod(month), department, includeDrills: false } : null),
    [month, department],
  );
  const data = useReportData(filter, printedAt);
  const { figures, incidents, systemLabel } = data;

  const trend = useMemo(() => {
    if (!month || !filter || !incidents) return null;
    const period = {
      from: monthPeriod(addMonths(month, 1 - TREND_MONTHS)).from,
      to: filter.period.to,
    };
    return countByMonth(incidentsInScope(incidents, { ...filter, period }), period);
  }, [month, filter, incidents]);

  const name = month ? `障害対応 月次報告（${monthLabel(month)}）` : '障害対応 月次報告';
  const audience = department || '全部署';
  return (
    <PrintPage
      title={name}
      backTo="/reports"
      ready={Boolean(figures && trend)}
      footer={`${station.municipality} ${name}`}
      printedAt={printedAt}
    >
      {'problem' in asked ? (
        <p className="print-loading" role="alert">
          {asked.problem}
        </p>
      ) : figures && trend && month ? (
        <MonthlyReport
          municipality={station.municipality}
          monthLabel={japaneseMonthLabel(month)}
          audience={audience}
          madeBy={station.department}
          summary={summaryFacts({ ...figures, openNow: figures.open.ids.length })}
          blocks={figureBlocks(figures, trend)}
          durations={durationTable(figures.durations)}
          incidents={incidentLines(figures.incidents, systemLabel)}
          printedAt={printedAt}
        />
      ) : (
        <p className="print-loading" role="status">
          読み込み中…
        </p>
      )}
    </PrintPage>
  );
}
