// Every table of 報告・集計 as plain rows: the screen's <table>, its CSV file and the 月次報告 print
// the same rows, so the three can never disagree. Charts are drawn from the same CountRows.

import type { CsvCell } from '../../exchange/csv.ts';
import { tokyoDateParts } from '../../domain/holidays.ts';
import { formatDuration, milestoneLabels } from '../../domain/incidentDurations.ts';
import type { CountRow, DurationSummary, OpenByAge } from '../../domain/reportFigures.ts';
import type { RecurringError, RecurringSystem } from '../../domain/reportRecurring.ts';

export interface ReportTable {
  /** Part of the CSV file name: 「システム別」. */
  name: string;
  /** The table's caption. */
  title: string;
  header: string[];
  /** The first cell of each row names it (a row header). */
  rows: CsvCell[][];
  /** A 合計 row, set apart under the others. */
  footer?: CsvCell[];
}

const sum = (rows: readonly CountRow[]) => rows.reduce((s, r) => s + r.count, 0);

/** A chart's twin: one row per bar, and the total. */
export function countTable(
  name: string,
  title: string,
  keyHeader: string,
  rows: readonly CountRow[],
): ReportTable {
  return {
    name,
    title,
    header: [keyHeader, '件数'],
    rows: rows.map((r) => [r.label, r.count]),
    footer: ['合計', sum(rows)],
  };
}

const timeText = (ms: number | null) => (ms === null ? '—' : formatDuration(ms));

/** Median and 90th percentile of each milestone, with how many were counted and how many were 不明. */
export function durationTable(summaries: readonly DurationSummary[]): ReportTable {
  return {
    name: '所要時間',
    title: '発生からの所要時間',
    header: ['発生から', '対象の件数', '中央値', '90パーセンタイル', '不明'],
    rows: summaries.map((s) => [
      `${milestoneLabels[s.milestone]}まで`,
      s.known.length,
      timeText(s.median),
      timeText(s.p90),
      s.unknown.length,
    ]),
  };
}

/** Open incidents: age bands down, levels across, totals both ways. */
export function openTable(open: OpenByAge): ReportTable {
  const cell = (band: string, level: string) => open.cells.get(`${band}|${level}`) ?? 0;
  return {
    name: '未解決の経過日数',
    title: '未解決の障害（発生からの日数とレベル）',
    header: ['発生からの日数', ...open.levels.map((l) => l.label), '合計'],
    rows: open.bands.map((band) => [
      band.label,
      ...open.levels.map((level) => cell(band.key, level.key)),
      band.count,
    ]),
    footer: ['合計', ...open.levels.map((l) => l.count), open.ids.length],
  };
}

/** 「2026/11/29」 on the Tokyo calendar. */
export function tokyoDateText(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : tokyoDateParts(date).ymd.replaceAll('-', '/');
}

export function recurringErrorsTable(errors: readonly RecurringError[]): ReportTable {
  return {
    name: '繰り返すエラー',
    title: '繰り返し起きているエラー',
    header: ['エラーコード・メッセージ', '件数', 'システム', '最後の発生'],
    rows: errors.map((e) => [e.label, e.count, e.systems.join('、'), tokyoDateText(e.lastAt)]),
  };
}

export function recurringSystemsTable(systems: readonly RecurringSystem[]): ReportTable {
  return {
    name: '障害の多いシステム',
    title: '障害が繰り返し起きているシステム',
    header: ['システム', '件数', 'うち未解決', '繰り返したエラー'],
    rows: systems.map((s) => [s.label, s.count, s.open, s.topError ?? '—']),
  };
}
