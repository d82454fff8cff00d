import { drillFieldLabels, drillStatusLabels } from '../domain/drill.ts';
import type { RecordOf } from '../domain/recordSchemas.ts';
import { followUpStatusLabels, followUpTargetTypeLabels } from '../domain/followUp.ts';
import { formatJapaneseCalendarDate, formatJapaneseDateTime } from '../domain/japaneseDate.ts';
import { outcomeText } from '../features/drills/drillFigures.ts';
import { DrillPhaseTable, DrillTimelineTable } from '../features/drills/DrillTables.tsx';
import { DocumentHeader } from './DocumentHeader.tsx';

const labels = drillFieldLabels;

export interface DrillReportProps {
  municipality: string;
  drill: RecordOf<'drill'>;
  systemName: string;
  levelName: string | null;
  /** The follow-ups its findings opened, with the name of the record each concerns. */
  followUps: readonly (RecordOf<'followUp'> & { targetName: string })[];
  printedAt: Date;
}

/**
 * 訓練実施報告書 (issue 15): the plan as 様式12 asks (実施日・場所・目的・参加者・想定), the
 * record the ministry's sample keeps (時刻・作業内容・状況), the times against the target, and
 * the findings with their follow-ups — to file as the drill's record. Pure: data comes as props.
 */
export function DrillReport({
  municipality,
  drill,
  systemName,
  levelName,
  followUps,
  printedAt,
}: DrillReportProps) {
  const outcome = outcomeText(drill, drill.endedAt ?? printedAt.toISOString());
  const plan: [string, string][] = [
    [labels.title, drill.title],
    [labels.plannedOn, formatJapaneseCalendarDate(drill.plannedOn)],
    [labels.place, drill.place || '—'],
    [labels.systemId, systemName],
    [labels.goals, drill.goals || '—'],
    [labels.participants, drill.participants || '—'],
    [labels.scenario, drill.scenario],
    [
      labels.level,
      drill.level === null ? '未定' : `レベル${drill.level}${levelName ? `（${levelName}）` : ''}`,
    ],
  ];
  return (
    <article className="print-doc print-paper drill-report">
      <DocumentHeader
        municipality={municipality}
        subject={systemName}
        documentName="訓練実施報告書"
        facts={[
          { label: '状態', value: drillStatusLabels[drill.status] },
          { label: '最終更新', value: formatJapaneseDateTime(drill.updatedAt) },
        ]}
        printedAt={printedAt}
      />
      <section className="print-section" aria-labelledby="drill-report-plan">
        <h2 id="drill-report-plan">訓練計画（様式12）</h2>
        <table className="print-table report-fields">
          <tbody>
            {plan.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td className="print-text">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="print-section print-keep" aria-labelledby="drill-report-times">
        <h2 id="drill-report-times">時間と目標</h2>
        <table className="print-table report-fields">
          <tbody>
            <tr>
              <th scope="row">{labels.startedAt}</th>
              <td>{drill.startedAt ? formatJapaneseDateTime(drill.startedAt) : '—'}</td>
            </tr>
            <tr>
              <th scope="row">{labels.endedAt}</th>
              <td>{drill.endedAt ? formatJapaneseDateTime(drill.endedAt) : '—'}</td>
            </tr>
            <tr>
              <th scope="row">かかった時間</th>
              <td>{outcome.elapsed}</td>
            </tr>
            <tr>
              <th scope="row">目標復旧時間</th>
              <td>{outcome.target}</td>
            </tr>
            <tr>
              <th scope="row">目標との比較</th>
              <td className={outcome.isOver ? 'over-target' : undefined}>{outcome.verdict}</td>
            </tr>
          </tbody>
        </table>
        <DrillPhaseTable drill={drill} className="print-table" />
      </section>
      <section className="print-section" aria-labelledby="drill-report-timeline">
        <h2 id="drill-report-timeline">経過（時刻・作業内容・状況）</h2>
        {drill.timeline.length === 0 ? (
          <p className="print-empty">記録はありません。</p>
        ) : (
          <DrillTimelineTable drill={drill} className="print-table" />
        )}
      </section>
      <section className="print-section" aria-labelledby="drill-report-findings">
        <h2 id="drill-report-findings">気づいたこと（つまずいた工程）と要対応</h2>
        {drill.findings.length === 0 ? (
          <p className="print-empty">記録はありません。</p>
        ) : (
          <table className="print-table">
            <thead>
              <tr>
                <th scope="col">気づいたこと</th>
                <th scope="col">要対応（対象・状態）</th>
              </tr>
            </thead>
            <tbody>
              {drill.findings.map((finding) => {
                const followUp = followUps.find((f) => f.id === finding.followUpId);
                return (
                  <tr key={finding.id}>
                    <td className="print-text">{finding.text}</td>
                    <td className="print-text">
                      {followUp
                        ? `${followUpTargetTypeLabels[followUp.targetType]}「${followUp.targetName}」: ${followUpStatusLabels[followUp.status]}${followUp.closeNote ? `（${followUp.closeNote}）` : ''}`
                        : '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <section className="print-section print-keep" aria-labelledby="drill-report-sign">
        <h2 id="drill-report-sign">確認</h2>
        <table className="print-table">
          <tbody>
            <tr className="signature-row">
              <th scope="row">記録者</th>
              <td />
              <th scope="row">確認者（所属長）</th>
              <td />
            </tr>
          </tbody>
        </table>
      </section>
    </article>
  );
}
