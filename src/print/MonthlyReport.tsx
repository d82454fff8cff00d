import { formatJapaneseDateTime } from '../domain/japaneseDate.ts';
import { BarChart, ChartLegend } from '../features/reports/BarChart.tsx';
import { ReportTableView } from '../features/reports/ReportTableView.tsx';
import type { FigureBlock } from '../features/reports/reportBlocks.ts';
import type { ReportTable } from '../features/reports/reportTables.ts';
import { DocumentHeader } from './DocumentHeader.tsx';
import { PrintSection } from './PrintSection.tsx';
import type { IncidentLine, SummaryFact } from './monthlyReportContent.ts';
import './monthlyReport.css';

export interface MonthlyReportProps {
  municipality: string;
  /** 「令和8年11月（2026年）」 */
  monthLabel: string;
  /** 「全部署」 or the department. */
  audience: string;
  /** Who made it: the station's department. */
  madeBy: string;
  summary: readonly SummaryFact[];
  blocks: readonly FigureBlock[];
  durations: ReportTable;
  incidents: readonly IncidentLine[];
  printedAt: Date;
}

const PRINT_TABLE = 'print-table report-table';

/** Paper width of a chart beside its table (105 mm at 96 px to the inch), so text keeps its size. */
const CHART_WIDTH = 400;

/**
 * A chart with its table, in black and white: side by side for a two-column table, the table under
 * the chart when it has more columns than the space beside would hold.
 */
function FigurePrint({ block }: { block: FigureBlock }) {
  const hasChart = block.chart && block.table.rows.length > 0;
  const layout = block.table.header.length > 2 ? 'monthly-figure-stacked' : 'monthly-figure';
  return (
    <PrintSection heading={block.heading}>
      {block.note ? <p className="monthly-note">{block.note}</p> : null}
      <div className={hasChart ? layout : undefined}>
        {hasChart ? (
          <div className="monthly-chart">
            <BarChart title={block.table.title} width={CHART_WIDTH} {...block.chart!} />
            {block.chart!.series ? <ChartLegend series={block.chart!.series} /> : null}
          </div>
        ) : null}
        <ReportTableView table={block.table} className={PRINT_TABLE} />
      </div>
    </PrintSection>
  );
}

/**
 * 月次報告 on A4: a cover, the summary, each chart with its table, the times to recover, what
 * recurs, and the list of the month's incidents with level and time to recover. Pure: every
 * figure comes in as props (the same blocks the reports screen shows).
 */
export function MonthlyReport(props: MonthlyReportProps) {
  const { municipality, monthLabel, audience, printedAt } = props;
  return (
    <div className="print-doc monthly-report">
      <section className="binder-cover print-paper" aria-label="表紙">
        <p className="binder-cover-municipality">{municipality}</p>
        <h1 className="binder-cover-title">障害対応 月次報告</h1>
        <p className="binder-cover-subtitle">{monthLabel}</p>
        <dl className="binder-cover-facts">
          <div>
            <dt>対象</dt>
            <dd>{audience}</dd>
          </div>
          <div>
            <dt>作成</dt>
            <dd>{props.madeBy || municipality}</dd>
          </div>
          <div>
            <dt>印刷日時</dt>
            <dd>{formatJapaneseDateTime(printedAt)}</dd>
          </div>
        </dl>
      </section>
      <article className="print-paper monthly-body">
        <DocumentHeader
          municipality={municipality}
          subject={monthLabel}
          documentName="障害対応 月次報告"
          facts={[{ label: '対象', value: audience }]}
          printedAt={printedAt}
        />
        <PrintSection heading="概要">
          <dl className="monthly-summary">
            {props.summary.map((fact) => (
              <div key={fact.label}>
                <dt>{fact.label}</dt>
                <dd>{fact.value}</dd>
              </div>
            ))}
          </dl>
        </PrintSection>
        {props.blocks.map((block) => (
          <FigurePrint key={block.id} block={block} />
        ))}
        <PrintSection heading="発生からの所要時間">
          <p className="monthly-note">
            発生日時から、その状態に初めてなった時刻まで（解決は最後の解決まで）。90パーセンタイルは10件のうち9件がこの時間までに済んだ値。時刻の記録がない、または前後が逆のものは「不明」とし、計算に含めない。
          </p>
          <ReportTableView table={props.durations} className={PRINT_TABLE} />
        </PrintSection>
        <PrintSection heading={`障害の一覧（${props.incidents.length}件）`}>
          <IncidentList lines={props.incidents} />
        </PrintSection>
      </article>
    </div>
  );
}

function IncidentList({ lines }: { lines: readonly IncidentLine[] }) {
  if (lines.length === 0) return <p className="print-empty">この月の障害記録はありません。</p>;
  return (
    <table className="print-table monthly-incidents">
      <thead>
        <tr>
          <th scope="col" className="col-when">
            発生日時
          </th>
          <th scope="col">件名</th>
          <th scope="col" className="col-system">
            システム
          </th>
          <th scope="col" className="col-short">
            レベル
          </th>
          <th scope="col" className="col-short">
            状態
          </th>
          <th scope="col" className="col-recovery">
            復旧までの時間
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.id}>
            <td>{line.occurredAt}</td>
            <th scope="row">{line.title}</th>
            <td>{line.system}</td>
            <td>{line.level}</td>
            <td>{line.status}</td>
            <td>{line.recovery}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
