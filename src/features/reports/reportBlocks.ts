// The figures of a report as blocks — heading, chart, table, note — in the order the screen and
// the 月次報告 show them, so both say the same from the same rows.

import type { CountRow } from '../../domain/reportFigures.ts';
import type { BarChartProps } from './BarChart.tsx';
import {
  countTable,
  openTable,
  recurringErrorsTable,
  recurringSystemsTable,
  type ReportTable,
} from './reportTables.ts';
import type { ReportFigures } from './useReportData.ts';

export interface FigureBlock {
  id: string;
  heading: string;
  table: ReportTable;
  /** Absent for a table without a chart (a ranking). */
  chart?: Omit<BarChartProps, 'title'>;
  note?: string;
}

/** A plain bar chart of count rows: one bar per row, in the rows' order. */
export function countChart(rows: readonly CountRow[], vertical = false): FigureBlock['chart'] {
  return {
    categories: rows.map((r) => r.label),
    data: rows.map((r) => ({ category: r.label, count: r.count })),
    vertical,
  };
}

function countBlock(id: string, heading: string, keyHeader: string, rows: readonly CountRow[]) {
  return {
    id,
    heading,
    table: countTable(heading, heading, keyHeader, rows),
    chart: countChart(rows, id === 'month'),
  };
}

/**
 * The charts with their tables, then the rankings. The 月次報告 passes `trend`, the months up to
 * its own (one month alone makes no chart), and says its open incidents are those at printing.
 */
export function figureBlocks(figures: ReportFigures, trend?: readonly CountRow[]): FigureBlock[] {
  const { open } = figures;
  return [
    countBlock('system', 'システム別', 'システム', figures.bySystem),
    countBlock('level', 'レベル別', 'レベル', figures.byLevel),
    countBlock('status', '状態別', '状態', figures.byStatus),
    trend
      ? countBlock('month', `月別（直近${trend.length}か月）`, '月', trend)
      : countBlock('month', '月別', '月', figures.byMonth),
    {
      id: 'open',
      heading: `${trend ? '印刷時点で' : ''}未解決の障害（発生からの日数とレベル）`,
      table: openTable(open),
      chart: {
        categories: open.bands.map((b) => b.label),
        series: open.levels.map((l) => l.label),
        data: open.bands.flatMap((band) =>
          open.levels.map((level) => ({
            category: band.label,
            series: level.label,
            count: open.cells.get(`${band.key}|${level.key}`) ?? 0,
          })),
        ),
      },
      note: '期間に関係なく、いま解決していない障害（状態が発生・報告済・対応中・暫定復旧）です。',
    },
    {
      id: 'errors',
      heading: '繰り返し起きているエラー（上位10件）',
      table: recurringErrorsTable(figures.recurringErrors),
      note: '期間内に2回以上記録されたエラーコード（コードがなければ同じメッセージ）です。',
    },
    {
      id: 'systems',
      heading: '障害が繰り返し起きているシステム（上位10件）',
      table: recurringSystemsTable(figures.recurringSystems),
    },
  ];
}
