import { useState } from 'react';
import { Link } from 'react-router';
import type { IncidentRecord } from '../../domain/incident.ts';
import {
  formatDuration,
  milestoneLabels,
  unknownReasonLabels,
} from '../../domain/incidentDurations.ts';
import type { DurationSummary } from '../../domain/reportFigures.ts';
import { ReportSection } from './ReportSection.tsx';
import { durationTable } from './reportTables.ts';

function IncidentLink({ incident }: { incident: IncidentRecord | undefined }) {
  if (!incident) return <>（削除された障害記録）</>;
  return <Link to={`/incidents/${encodeURIComponent(incident.id)}`}>{incident.title}</Link>;
}

/** The most rows a list shows: 50,000 incidents would take seconds to lay out. */
const MAX_LISTED = 300;

/**
 * The incidents behind one milestone's figures, one click away (a disclosure), slowest first:
 * they make the 90th percentile. Built only once opened.
 */
function Behind({
  summary,
  byId,
  systemLabel,
}: {
  summary: DurationSummary;
  byId: ReadonlyMap<string, IncidentRecord>;
  systemLabel: (incident: IncidentRecord) => string;
}) {
  const [isOpen, setOpen] = useState(false);
  const label = milestoneLabels[summary.milestone];
  const count = summary.known.length + summary.unknown.length;
  if (count === 0) return null;
  const slowest = summary.known.slice(-MAX_LISTED).reverse();
  return (
    <details className="report-behind" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {label}までの時間の元になった障害（{summary.known.length}件
        {summary.unknown.length ? `、不明 ${summary.unknown.length}件` : ''}）
      </summary>
      {isOpen ? (
        <>
          {summary.known.length > MAX_LISTED ? (
            <p>時間の長い順に{MAX_LISTED}件を表示しています。</p>
          ) : null}
          <ol>
            {slowest.map(({ id, ms }) => (
              <li key={id}>
                <span className="report-behind-time">{formatDuration(ms)}</span>{' '}
                <IncidentLink incident={byId.get(id)} />
                {byId.get(id) ? `（${systemLabel(byId.get(id)!)}）` : ''}
              </li>
            ))}
          </ol>
          {summary.unknown.length ? (
            <>
              <p>不明（中央値と90パーセンタイルには含めていません）:</p>
              <ul>
                {summary.unknown.slice(0, MAX_LISTED).map(({ id, reason }) => (
                  <li key={id}>
                    <IncidentLink incident={byId.get(id)} />: {unknownReasonLabels[reason]}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </details>
  );
}

/** 発生から報告済・暫定復旧・解決まで: median, 90th percentile, 不明, and the incidents behind them. */
export function DurationsSection({
  durations,
  byId,
  systemLabel,
  fileSuffix,
}: {
  durations: readonly DurationSummary[];
  byId: ReadonlyMap<string, IncidentRecord>;
  systemLabel: (incident: IncidentRecord) => string;
  fileSuffix: string;
}) {
  return (
    <ReportSection
      id="durations"
      heading="発生からの所要時間"
      table={durationTable(durations)}
      fileSuffix={fileSuffix}
      note={
        <>
          発生日時から、その状態に初めてなった時刻までです（解決は、再開された障害では最後の解決まで）。
          90パーセンタイルは「10件のうち9件がこの時間までに済んだ」という値です。時刻の記録がない、または時刻の前後が逆のものは「不明」として数え、計算には含めません。
        </>
      }
    >
      {durations.map((summary) => (
        <Behind key={summary.milestone} summary={summary} byId={byId} systemLabel={systemLabel} />
      ))}
    </ReportSection>
  );
}
