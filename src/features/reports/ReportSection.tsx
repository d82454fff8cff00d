import type { ReactNode } from 'react';
import { BarChart, ChartLegend, type BarChartProps } from './BarChart.tsx';
import { ReportTableView } from './ReportTableView.tsx';
import { TableCsvButton } from './TableCsvButton.tsx';
import type { ReportTable } from './reportTables.ts';

/**
 * One figure of 報告・集計: its chart (when it has one) with its table beside it, a CSV button
 * and any note. The heading names the section for screen readers (aria-labelledby).
 */
export function ReportSection({
  id,
  heading,
  table,
  chart,
  fileSuffix,
  note,
  children,
}: {
  id: string;
  heading: string;
  table: ReportTable;
  chart?: Omit<BarChartProps, 'title'>;
  fileSuffix: string;
  note?: ReactNode;
  children?: ReactNode;
}) {
  const headingId = `report-${id}`;
  return (
    <section className="report-section card" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {note ? <p className="report-note">{note}</p> : null}
      <div className="report-figure">
        {chart ? (
          <div>
            <BarChart title={table.title} {...chart} />
            {chart.series ? <ChartLegend series={chart.series} /> : null}
          </div>
        ) : null}
        <div>
          <ReportTableView table={table} />
          <TableCsvButton table={table} fileSuffix={fileSuffix} />
        </div>
      </div>
      {children}
    </section>
  );
}
