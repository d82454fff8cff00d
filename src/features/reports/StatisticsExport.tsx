import { useId, useState } from 'react';
import type { IncidentRecord } from '../../domain/incident.ts';
import { tokyoDateParts } from '../../domain/holidays.ts';
import { monthPeriod, periodLabel, type ReportPeriod } from '../../domain/reportPeriod.ts';
import {
  buildStatistics,
  DEFAULT_STATISTICS_THRESHOLD,
  thresholdProblem,
} from '../../domain/statistics.ts';
import { csvBytes } from '../../exchange/csv.ts';
import {
  statisticsColumns,
  statisticsJsonFields,
  statisticsToCsv,
  statisticsToJson,
  type StatisticsFile,
} from '../../exchange/statisticsCsv.ts';
import { downloadFile } from '../exchange/download.ts';
import { Banner } from '../common/Banner.tsx';

/** What the file never holds, said before it is written. */
const LEFT_OUT =
  '件名・症状・エラーメッセージなどの文章、報告者や連絡相手の氏名、電話番号、端末名、部署、記録のID、添付ファイルは含まれません。';

/**
 * 統計 (open data): counts by month, system, level, scope, status and time to recover, small
 * cells suppressed. First the exact columns that will leave the PC, then the file (CSV or JSON).
 */
export function StatisticsExport({
  incidents,
  period,
  systemNames,
  definedLevels,
  now,
}: {
  incidents: readonly IncidentRecord[];
  period: ReportPeriod;
  systemNames: ReadonlyMap<string, string>;
  definedLevels: readonly number[];
  now: Date;
}) {
  // Whole months only: a row 「2026-05」 must count all of May, whatever day the screen starts on.
  const months = {
    from: monthPeriod(period.from.slice(0, 7)).from,
    to: monthPeriod(period.to.slice(0, 7)).to,
  };
  const id = useId();
  const [threshold, setThreshold] = useState(String(DEFAULT_STATISTICS_THRESHOLD));
  const [problem, setProblem] = useState<string | null>(null);
  const [file, setFile] = useState<StatisticsFile | null>(null);
  const [written, setWritten] = useState<string | null>(null);

  function review(event: React.FormEvent) {
    event.preventDefault();
    setWritten(null);
    const reason = thresholdProblem(threshold);
    setProblem(reason);
    if (reason) return setFile(null);
    const t = Number(threshold);
    setFile({
      period: months,
      threshold: t,
      generatedOn: tokyoDateParts(now).ymd,
      cells: buildStatistics(incidents, {
        period: months,
        threshold: t,
        systemNames,
        definedLevels,
      }),
    });
  }

  function write(kind: 'csv' | 'json') {
    if (!file) return;
    const name = `統計データ_${file.period.from}_${file.period.to}.${kind}`;
    if (kind === 'csv')
      downloadFile(name, csvBytes(statisticsToCsv(file)) as BlobPart, 'text/csv;charset=utf-8');
    else downloadFile(name, statisticsToJson(file), 'application/json');
    setWritten(name);
  }

  const suppressed = file?.cells.filter((c) => c.suppressed).length ?? 0;
  return (
    <section className="report-section card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>統計データ（オープンデータ用）</h2>
      <p className="report-note">
        期間を含む月（{periodLabel(months)}）の件数だけを、月・システム・レベル・影響範囲・状態・復旧までの時間の帯ごとに書き出します。部署の絞り込みは使わず、全部署の件数です。基準の件数より少ないセルは秘匿（「X」）し、合計から逆算できないように、ほかのセルもあわせて秘匿します。
      </p>
      <form className="report-stats-form" onSubmit={review}>
        <label htmlFor={`${id}-threshold`}>秘匿の基準（この件数未満のセルを秘匿）</label>
        <input
          id={`${id}-threshold`}
          inputMode="numeric"
          value={threshold}
          onChange={(e) => {
            setThreshold(e.target.value);
            setFile(null);
          }}
          size={4}
        />
        <button type="submit">書き出す内容を確認</button>
      </form>
      {problem ? <Banner kind="error">{problem}</Banner> : null}
      {file ? (
        <div className="report-stats-review" role="group" aria-label="書き出す内容">
          <p>
            次の列だけがこのパソコンの外に出ます（{file.cells.length}行、うち秘匿 {suppressed}
            セル）。{LEFT_OUT}
          </p>
          <table className="table report-table">
            <caption>書き出す列</caption>
            <thead>
              <tr>
                <th scope="col">CSVの列</th>
                <th scope="col">JSONの項目</th>
                <th scope="col">内容</th>
              </tr>
            </thead>
            <tbody>
              {statisticsColumns.map((c) => (
                <tr key={c.json}>
                  <th scope="row">{c.csv}</th>
                  <td>
                    <code>{c.json}</code>
                  </td>
                  <td>{c.meaning}</td>
                </tr>
              ))}
              {statisticsJsonFields.map((f) => (
                <tr key={f.json}>
                  <th scope="row">（JSONのみ）</th>
                  <td>
                    <code>{f.json}</code>
                  </td>
                  <td>{f.meaning}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button type="button" onClick={() => write('csv')}>
              統計データをCSVで書き出す
            </button>
            <button type="button" onClick={() => write('json')}>
              統計データをJSONで書き出す
            </button>
            <button type="button" onClick={() => setFile(null)}>
              やめる
            </button>
          </div>
        </div>
      ) : null}
      {written ? <Banner kind="success">「{written}」を書き出しました。</Banner> : null}
    </section>
  );
}
