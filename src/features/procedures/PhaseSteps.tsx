import { procedurePhaseLabels, type ProcedurePhase } from '../../domain/procedureLabels.ts';
import type { ProcedureData } from '../../domain/procedure.ts';
import { phaseHints } from './phaseHints.ts';

type Heading = 'h2' | 'h3' | 'h4';

/**
 * One phase of a procedure (初動, 代替 or 復旧): its heading, what the phase is for, and its
 * numbered steps with the role that does each and a tick box for working through it.
 */
export function PhaseSteps({
  phase,
  steps,
  done,
  onToggle,
  heading: H,
  sectionId,
  isStart,
}: {
  phase: ProcedurePhase;
  steps: ProcedureData['steps'];
  done: ReadonlySet<string>;
  onToggle: (stepId: string, isDone: boolean) => void;
  heading: Heading;
  sectionId: string;
  isStart: boolean;
}) {
  const label = procedurePhaseLabels[phase];
  const finished = steps.filter((s) => done.has(s.id)).length;
  return (
    <section
      className={`phase phase-${phase}${isStart ? ' phase-start' : ''}`}
      aria-labelledby={`${sectionId}-heading`}
      id={sectionId}
    >
      <div className="phase-heading">
        <H id={`${sectionId}-heading`}>{label}</H>
        <span className="phase-hint">{phaseHints[phase]}</span>
        {isStart ? <span className="phase-start-badge">ここから</span> : null}
        {steps.length > 0 ? (
          <span className="phase-progress">
            済み {finished} / {steps.length}
          </span>
        ) : null}
      </div>
      {steps.length === 0 ? (
        <p className="hint">この段階の手順はまだ書かれていません。</p>
      ) : (
        <ol className="procedure-steps">
          {steps.map((step) => {
            const isDone = done.has(step.id);
            return (
              <li key={step.id} className={isDone ? 'step step-done' : 'step'}>
                <label>
                  <input
                    type="checkbox"
                    checked={isDone}
                    onChange={(event) => onToggle(step.id, event.target.checked)}
                  />
                  {step.role ? <span className="step-role">{step.role}</span> : null}
                  <span className="step-text">{step.text}</span>
                </label>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
