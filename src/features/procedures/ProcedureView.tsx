import { useId, useState } from 'react';
import { useLiveRecords } from '../../db/hooks.ts';
import { formatDateJa } from '../../domain/dateFormat.ts';
import {
  procedureFieldLabels,
  procedurePhases,
  type ProcedurePhase,
} from '../../domain/procedureLabels.ts';
import { procedureWarnings, stepsOfPhase } from '../../domain/procedureRules.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import { useNow } from '../common/useNow.ts';
import { PhaseSteps } from './PhaseSteps.tsx';
import { AgreementList } from './AgreementList.tsx';
import { ReviewFlag, useProcedureReviewMonths } from './ReviewFlag.tsx';
import { useDrillStepRecorder } from '../drills/useDrillRecorder.tsx';
import './procedures.css';

const labels = procedureFieldLabels;

export interface ProcedureViewProps {
  procedure: RecordOf<'procedure'>;
  /** The phase to begin with (e.g. where an incident stands): marked 「ここから」. */
  startPhase?: ProcedurePhase;
  /**
   * Level of this view's section headings (開始の判断, 初動, 代替, 復旧, …). The view does not
   * show the procedure's title: the host does, one level above.
   */
  headingLevel?: 2 | 3;
}

/**
 * A fallback procedure to work through during an outage: when to start it, then 初動 → 代替 →
 * 復旧 with a tick box per step (kept only on screen, gone when it closes), the paper forms,
 * 後処理, the agreements, and who owns it and when it was last reviewed. Used on the procedure's
 * page, the outage screen and an incident's page.
 */
export function ProcedureView(props: ProcedureViewProps) {
  // A different procedure starts with no ticks.
  return <ProcedureViewBody key={props.procedure.id} {...props} />;
}

function ProcedureViewBody({ procedure, startPhase, headingLevel = 2 }: ProcedureViewProps) {
  const H = `h${headingLevel}` as 'h2' | 'h3';
  const idBase = useId();
  const now = useNow();
  const reviewMonths = useProcedureReviewMonths();
  const levelRecords = useLiveRecords('incidentLevel');
  const [done, setDone] = useState<ReadonlySet<string>>(() => new Set());
  // During a drill a tick goes on its timeline and starts its phase (issue 15).
  const recordTick = useDrillStepRecorder(procedure);
  const levelNames = new Map((levelRecords ?? []).map((l) => [l.level, l.name]));
  const levelText = [...procedure.levels]
    .sort((a, b) => a - b)
    .map((level) => {
      const name = levelNames.get(level);
      return name ? `レベル${level}（${name}）` : `レベル${level}`;
    })
    .join('、');

  function toggle(stepId: string, isDone: boolean) {
    recordTick(stepId, isDone);
    setDone((previous) => {
      const next = new Set(previous);
      if (isDone) next.add(stepId);
      else next.delete(stepId);
      return next;
    });
  }

  return (
    <div className="procedure-view">
      <section className="procedure-trigger" aria-labelledby={`${idBase}-trigger`}>
        <H id={`${idBase}-trigger`}>{labels.trigger}</H>
        <p className="procedure-text">{procedure.trigger.trim() || '（未記入）'}</p>
        <p>
          <span className="procedure-label">{labels.levels}:</span> {levelText || '（指定なし）'}
        </p>
      </section>
      {procedureWarnings(procedure).map((warning) => (
        <p key={warning} className="procedure-warning" role="note">
          {warning}
        </p>
      ))}
      <div className="phase-tools">
        <p className="hint">チェックは作業の目印です。画面を閉じると消え、記録には残りません。</p>
        {done.size > 0 ? (
          <button type="button" onClick={() => setDone(new Set())}>
            チェックをすべて外す
          </button>
        ) : null}
      </div>
      {procedurePhases.map((phase) => (
        <PhaseSteps
          key={phase}
          phase={phase}
          steps={stepsOfPhase(procedure.steps, phase)}
          done={done}
          onToggle={toggle}
          heading={H}
          sectionId={`${idBase}-${phase}`}
          isStart={phase === startPhase}
        />
      ))}
      <section aria-labelledby={`${idBase}-forms`}>
        <H id={`${idBase}-forms`}>{labels.paperForms}</H>
        {procedure.paperForms.length === 0 ? (
          <p className="hint">紙の様式は登録されていません。</p>
        ) : (
          <ul className="paper-forms">
            {procedure.paperForms.map((form, index) => (
              <li key={index}>{form}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby={`${idBase}-after`}>
        <H id={`${idBase}-after`}>{labels.afterRecovery}</H>
        <p className="procedure-text">{procedure.afterRecovery.trim() || '（未記入）'}</p>
      </section>
      <section className="procedure-agreements" aria-labelledby={`${idBase}-agreements`}>
        <H id={`${idBase}-agreements`}>{labels.agreements}</H>
        <AgreementList agreements={procedure.agreements} />
      </section>
      <dl className="procedure-meta">
        <div>
          <dt>{labels.owner}</dt>
          <dd>{procedure.owner.trim() || '—'}</dd>
        </div>
        <div>
          <dt>{labels.version}</dt>
          <dd>{procedure.version.trim() || '—'}</dd>
        </div>
        <div>
          <dt>{labels.lastReviewedOn}</dt>
          <dd>
            {procedure.lastReviewedOn ? formatDateJa(procedure.lastReviewedOn) : '—'}{' '}
            <ReviewFlag procedure={procedure} now={now} months={reviewMonths} />
          </dd>
        </div>
      </dl>
    </div>
  );
}
