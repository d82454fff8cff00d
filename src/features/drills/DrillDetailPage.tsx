import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useLiveRecord, useLiveRecords } from '../../db/hooks.ts';
import { OtherDrillRunningError, startDrill } from '../../db/drills.ts';
import { useDrillFollowUps } from '../../db/followUps.ts';
import { describeStorageError } from '../../db/errors.ts';
import { drillFieldLabels, drillStatusLabels } from '../../domain/drill.ts';
import { followUpStatusLabels, followUpTargetTypeLabels } from '../../domain/followUp.ts';
import { formatDateJa } from '../../domain/dateTime.ts';
import { Banner } from '../common/Banner.tsx';
import { RecordNotFound } from '../common/RecordNotFound.tsx';
import { usePageTitle } from '../common/usePageTitle.ts';
import { useNow } from '../common/useNow.ts';
import { outcomeText } from './drillFigures.ts';
import { DrillPhaseTable, DrillTimelineTable } from './DrillTables.tsx';
import { tokyoClock } from '../../domain/drillTimings.ts';
import { FindingFollowUpForm } from './FindingFollowUpForm.tsx';
import { ReadinessTabs } from './ReadinessTabs.tsx';
import { targetName, useFollowUpTargets } from './useFollowUpTargets.ts';

const labels = drillFieldLabels;

/** /drills/:id — one drill: its plan, drill mode, its times against the target, and findings. */
export function DrillDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const drill = useLiveRecord('drill', id);
  const systems = useLiveRecords('system');
  const followUps = useDrillFollowUps(id);
  const targets = useFollowUpTargets(drill?.systemId ?? '');
  const now = useNow();
  const [failure, setFailure] = useState<string | null>(null);
  usePageTitle(drill ? `訓練: ${drill.title}` : '訓練');

  if (drill === null) return <RecordNotFound what="この訓練" backTo="/drills" />;
  if (drill === undefined || !systems || !followUps || !targets)
    return <p role="status">読み込み中…</p>;
  const systemName = systems.find((s) => s.id === drill.systemId)?.name ?? '（削除されたシステム）';
  const outcome = outcomeText(drill, now.toISOString());

  async function start() {
    try {
      await startDrill(id);
      navigate(`/outage/${encodeURIComponent(drill!.systemId)}`);
    } catch (error) {
      setFailure(
        error instanceof OtherDrillRunningError ? error.message : describeStorageError(error),
      );
    }
  }

  const facts: [string, string][] = [
    [labels.plannedOn, formatDateJa(drill.plannedOn)],
    [labels.place, drill.place || '—'],
    [labels.systemId, systemName],
    [labels.scenario, drill.scenario],
    [labels.level, drill.level === null ? '未定' : `レベル${drill.level}`],
    [labels.participants, drill.participants || '—'],
    [labels.goals, drill.goals || '—'],
    ['目標復旧時間', outcome.target],
  ];

  return (
    <section>
      <ReadinessTabs />
      <p className="back-link">
        <Link to="/drills">← 訓練の一覧</Link>
      </p>
      <h1>
        訓練: {drill.title}{' '}
        <span className={`drill-status drill-status-${drill.status}`}>
          {drillStatusLabels[drill.status]}
        </span>
      </h1>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <div className="actions">
        {drill.status === 'planned' ? (
          <button type="button" className="primary big" onClick={() => void start()}>
            訓練を開始
          </button>
        ) : null}
        {drill.status === 'running' ? (
          <>
            <Link className="button primary" to={`/outage/${encodeURIComponent(drill.systemId)}`}>
              障害発生時の画面へ
            </Link>
            <Link className="button" to={`/drills/${id}/end`}>
              訓練を終了
            </Link>
          </>
        ) : null}
        {drill.status !== 'done' ? (
          <Link className="button" to={`/drills/${id}/edit`}>
            計画を編集
          </Link>
        ) : null}
        <Link className="button" to={`/print/drill-report/${id}`}>
          訓練実施報告書を印刷
        </Link>
      </div>

      <section className="card" aria-labelledby="drill-plan-heading">
        <h2 id="drill-plan-heading">訓練計画</h2>
        <dl className="drill-facts">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="card" aria-labelledby="drill-times-heading">
        <h2 id="drill-times-heading">時間（目標との比較）</h2>
        <p>
          開始 {tokyoClock(drill.startedAt)}・終了 {tokyoClock(drill.endedAt, drill.startedAt)}・
          かかった時間 <strong>{outcome.elapsed}</strong>（目標 {outcome.target}）{' '}
          <span className={outcome.isOver ? 'drill-over' : 'drill-within'}>{outcome.verdict}</span>
        </p>
        <DrillPhaseTable drill={drill} className="drill-table" />
      </section>

      <section className="card" aria-labelledby="drill-timeline-heading">
        <h2 id="drill-timeline-heading">経過</h2>
        {drill.timeline.length === 0 ? (
          <p className="hint">まだ記録はありません。「訓練を開始」すると、ここに自動で残ります。</p>
        ) : (
          <DrillTimelineTable drill={drill} className="drill-table" />
        )}
      </section>

      <section className="card" aria-labelledby="drill-findings-heading">
        <h2 id="drill-findings-heading">気づいたこと・要対応</h2>
        {drill.findings.length === 0 ? (
          <p className="hint">
            {drill.status === 'done'
              ? '気づいたことは記録されていません。'
              : '訓練を終了するときに、気づいたこと（つまずいた工程）を記録します。'}
          </p>
        ) : (
          <ul className="finding-list">
            {drill.findings.map((finding) => {
              const followUp = followUps.find((f) => f.id === finding.followUpId);
              return (
                <li key={finding.id}>
                  <p>{finding.text}</p>
                  {followUp ? (
                    <p>
                      要対応（{followUpTargetTypeLabels[followUp.targetType]}「
                      {targetName(targets, followUp.targetType, followUp.targetId)}」）:{' '}
                      <strong>{followUpStatusLabels[followUp.status]}</strong>
                      {followUp.closeNote ? `（${followUp.closeNote}）` : ''}
                    </p>
                  ) : finding.followUpId ? (
                    <p className="hint">要対応はこの端末にまだ届いていません。</p>
                  ) : (
                    <FindingFollowUpForm drillId={id} finding={finding} targets={targets} />
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </section>
  );
}
