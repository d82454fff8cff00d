// What the 月次報告 prints besides the charts and tables of 報告・集計: its route, the month it
// covers, the summary on its first page and the list of the month's incidents. Pure (no DOM).

import type { IncidentRecord } from '../domain/incident.ts';
import { incidentStatusLabels, isOpenStatus } from '../domain/incidentStatus.ts';
import { durationTo, durationText, formatDuration } from '../domain/incidentDurations.ts';
import { levelLabel, type CountRow, type DurationSummary } from '../domain/reportFigures.ts';
import { formatJapaneseDate } from '../domain/japaneseDate.ts';
import { tokyoDateParts } from '../domain/holidays.ts';
import { isMonthKey, type MonthKey } from '../domain/reportPeriod.ts';

/** #/print/monthly-report?month=2026-11 (&dept=市民課 for one department). */
export function monthlyReportPath(month: MonthKey, department = ''): string {
  const search = new URLSearchParams({ month });
  if (department) search.set('dept', department);
  return `/print/monthly-report?${search.toString()}`;
}

/** The month a link asks for, or why it cannot be printed. */
export function monthOfParams(search: URLSearchParams): { month: MonthKey } | { problem: string } {
  const month = search.get('month') ?? '';
  return isMonthKey(month)
    ? { month }
    : {
        problem:
          '印刷する月の指定が正しくありません（例: month=2026-11）。報告・集計の画面から印刷してください。',
      };
}

/** 「令和8年11月（2026年）」: the month in 和暦 with 西暦, for the cover. */
export function japaneseMonthLabel(month: MonthKey): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  // The 15th at noon in Tokyo: safely inside the month whatever the era boundary.
  const date = formatJapaneseDate(`${month}-15T12:00:00+09:00`);
  const era = /^(.+?年)/.exec(date)?.[1] ?? `${year}年`;
  return `${era}${mon}月（${year}年）`;
}

export interface SummaryFact {
  label: string;
  value: string;
}

const top = (rows: readonly CountRow[]) =>
  rows.filter((r) => r.count > 0).sort((a, b) => b.count - a.count)[0];

/** The summary box of the report's first page. */
export function summaryFacts(input: {
  incidents: readonly IncidentRecord[];
  bySystem: readonly CountRow[];
  byLevel: readonly CountRow[];
  durations: readonly DurationSummary[];
  openNow: number;
}): SummaryFact[] {
  const open = input.incidents.filter((i) => isOpenStatus(i.status)).length;
  const recovered = input.durations.find((d) => d.milestone === 'provisional');
  const busiest = top(input.bySystem);
  const highest = [...input.byLevel].reverse().find((r) => r.count > 0 && r.key !== 'none');
  return [
    { label: '障害の件数', value: `${input.incidents.length}件` },
    { label: 'そのうち未解決', value: `${open}件` },
    {
      label: '復旧までの時間',
      value:
        recovered && recovered.median !== null
          ? `中央値 ${formatDuration(recovered.median)}、90パーセンタイル ${formatDuration(recovered.p90!)}（${recovered.known.length}件${recovered.unknown.length ? `、不明 ${recovered.unknown.length}件` : ''}）`
          : '復旧した障害はありません',
    },
    { label: '最も多いシステム', value: busiest ? `${busiest.label}（${busiest.count}件）` : '—' },
    { label: '最も高いレベル', value: highest ? `${highest.label}（${highest.count}件）` : '—' },
    { label: '印刷時点で未解決の障害（全期間）', value: `${input.openNow}件` },
  ];
}

/** 「11月3日 9:05」 on the Tokyo clock; '—' for an unreadable time. */
export function dayAndClock(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const { ymd, minutes } = tokyoDateParts(date);
  const [, month, day] = ymd.split('-').map(Number);
  return `${month}月${day}日 ${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** One line of the list of the month's incidents. */
export interface IncidentLine {
  id: string;
  /** 「11月3日 9:05」 in Tokyo: the cover and header already give the year in 和暦. */
  occurredAt: string;
  title: string;
  system: string;
  level: string;
  status: string;
  /** 発生から暫定復旧（またはそれ以降）まで: 「3時間5分」「未復旧」「不明」. */
  recovery: string;
}

/** The month's incidents, oldest first, with level and time to recover. */
export function incidentLines(
  incidents: readonly IncidentRecord[],
  systemLabel: (incident: IncidentRecord) => string,
): IncidentLine[] {
  return [...incidents]
    .sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt))
    .map((i) => ({
      id: i.id,
      occurredAt: dayAndClock(i.occurredAt),
      title: i.title,
      system: systemLabel(i),
      level: levelLabel(i.level),
      status: incidentStatusLabels[i.status],
      recovery: durationText(durationTo(i, 'provisional'), '未復旧'),
    }));
}
