// The 統計データ files (open data): CSV through the one CSV module (UTF-8 BOM, CRLF, formulas
// neutralised) and JSON, with the same columns. Only what `statisticsColumns` names leaves the PC:
// the screen lists exactly these before anything is written (docs/statistics.md).

import { statisticsDimensionLabels, type StatisticsCell } from '../domain/statistics.ts';
import type { ReportPeriod } from '../domain/reportPeriod.ts';
import { toCsv } from './csv.ts';

/** The mark of a suppressed cell, as Japanese official statistics print it. */
export const SUPPRESSED_MARK = 'X';

/** Every column of both files: its CSV header, its JSON key, and what it holds. */
export const statisticsColumns = [
  { csv: '月', json: 'month', meaning: '障害が発生した月（日本時間、YYYY-MM）' },
  {
    csv: '区分',
    json: 'dimension',
    meaning: '数えた切り口（合計・システム・レベル・影響範囲・状態・復旧までの時間）',
  },
  { csv: '項目', json: 'category', meaning: '区分の中の項目（システム名、レベル、時間の帯など）' },
  { csv: '件数', json: 'count', meaning: '障害の件数。秘匿したセルは空欄（JSON では null）' },
  {
    csv: '秘匿',
    json: 'suppressed',
    meaning: `秘匿したセルに「${SUPPRESSED_MARK}」（JSON では true）`,
  },
] as const;

/** The JSON file's own fields around the cells (its envelope). */
export const statisticsJsonFields = [
  { json: 'type', meaning: 'ファイルの種類（"sonae-statistics"）' },
  { json: 'version', meaning: 'ファイル形式の版' },
  { json: 'generatedOn', meaning: '作成した日（日本時間）' },
  { json: 'period', meaning: '集計した期間（from〜to、日本時間の日付）' },
  { json: 'threshold', meaning: '秘匿の基準（この件数未満のセルを秘匿）' },
  { json: 'cells', meaning: '上の列を持つ行の並び' },
] as const;

// Bump when a column's meaning or name changes; say what changed in docs/statistics.md.
export const STATISTICS_FORMAT_VERSION = 1;

export interface StatisticsFile {
  period: ReportPeriod;
  threshold: number;
  /** 'YYYY-MM-DD' in Tokyo. */
  generatedOn: string;
  cells: readonly StatisticsCell[];
}

function dimensionLabel(cell: StatisticsCell): string {
  return statisticsDimensionLabels[cell.dimension];
}

/** The CSV: one row per cell, header first. */
export function statisticsToCsv(file: StatisticsFile): string {
  return toCsv(
    statisticsColumns.map((c) => c.csv),
    file.cells.map((cell) => [
      cell.month,
      dimensionLabel(cell),
      cell.category,
      cell.count,
      cell.suppressed ? SUPPRESSED_MARK : '',
    ]),
  );
}

/** The JSON: the envelope, then the same rows as the CSV. */
export function statisticsToJson(file: StatisticsFile): string {
  const cells = file.cells.map((cell) => ({
    month: cell.month,
    dimension: dimensionLabel(cell),
    category: cell.category,
    count: cell.count,
    suppressed: cell.suppressed,
  }));
  return `${JSON.stringify(
    {
      type: 'sonae-statistics',
      version: STATISTICS_FORMAT_VERSION,
      generatedOn: file.generatedOn,
      period: file.period,
      threshold: file.threshold,
      cells,
    },
    null,
    2,
  )}\n`;
}
