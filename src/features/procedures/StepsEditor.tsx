import { useId, useMemo, useState } from 'react';
import { useLiveRecords } from '../../db/hooks.ts';
import { createId } from '../../domain/ids.ts';
import {
  procedurePhaseLabels,
  procedurePhases,
  type ProcedurePhase,
} from '../../domain/procedure.ts';
import { NO_INITIAL_STEP_WARNING, sortStepsByPhase } from '../../domain/procedureRules.ts';
import { Field } from '../common/Field.tsx';
import type { FieldErrors } from '../common/fieldErrors.ts';
import type { ProcedureStep } from './procedureFormValues.ts';
import { phaseHints } from './phaseHints.ts';

/** Moves the step at `index` one place up or down, within its own phase only. */
function moveStep(steps: readonly ProcedureStep[], index: number, by: -1 | 1): ProcedureStep[] {
  const other = index + by;
  if (steps[other]?.phase !== steps[index]?.phase) return [...steps];
  const next = [...steps];
  [next[index], next[other]] = [next[other]!, next[index]!];
  return next;
}

/**
 * 手順: the steps in three groups 初動・代替・復旧, each step with the role that does it; add,
 * remove and reorder within a phase. `steps` is kept in phase order, so a step's index in it is
 * the index of its error path ("steps.3.text").
 */
export function StepsEditor({
  steps,
  onChange,
  errors,
}: {
  steps: ProcedureStep[];
  onChange: (next: ProcedureStep[]) => void;
  errors: FieldErrors;
}) {
  const procedures = useLiveRecords('procedure');
  const rolesId = useId();
  const [addedId, setAddedId] = useState<string | null>(null);
  // Roles already written elsewhere, offered as suggestions so one desk is named one way.
  const roles = useMemo(
    () =>
      [...new Set((procedures ?? []).flatMap((p) => p.steps.map((s) => s.role.trim())))]
        .filter(Boolean)
        .sort((a, b) => a.localeCompare(b, 'ja')),
    [procedures],
  );
  const hasInitial = steps.some((s) => s.phase === 'initial');

  function add(phase: ProcedurePhase) {
    const step: ProcedureStep = { id: createId(), phase, role: '', text: '' };
    setAddedId(step.id);
    onChange(sortStepsByPhase([...steps, step]));
  }
  const update = (index: number, change: Partial<ProcedureStep>) =>
    onChange(steps.map((s, i) => (i === index ? { ...s, ...change } : s)));

  return (
    <div className="steps-editor">
      <datalist id={rolesId}>
        {roles.map((role) => (
          <option key={role} value={role} />
        ))}
      </datalist>
      <p className="hint">
        「担当」には、その手順をする人の役割を書きます（例: 窓口担当、係長、情報政策課）。
      </p>
      {hasInitial ? null : (
        <p className="procedure-warning" role="note">
          {NO_INITIAL_STEP_WARNING}
        </p>
      )}
      {procedurePhases.map((phase) => {
        const label = procedurePhaseLabels[phase];
        const inPhase = steps
          .map((step, index) => ({ step, index }))
          .filter(({ step }) => step.phase === phase);
        return (
          <fieldset key={phase} className="phase-fieldset">
            <legend>{label}</legend>
            <p className="hint">{phaseHints[phase]}</p>
            {inPhase.length === 0 ? <p className="hint">まだ手順がありません。</p> : null}
            <ol className="step-rows">
              {inPhase.map(({ step, index }, n) => {
                const name = `${label} ${n + 1}`;
                return (
                  <li key={step.id} className="step-row">
                    <Field
                      label={`${name} の手順`}
                      error={errors[`steps.${index}.text`]}
                      className="step-text-field"
                    >
                      <textarea
                        value={step.text}
                        rows={2}
                        autoFocus={step.id === addedId}
                        onChange={(e) => update(index, { text: e.target.value })}
                      />
                    </Field>
                    <Field
                      label={`${name} の担当`}
                      error={errors[`steps.${index}.role`]}
                      className="step-role-field"
                    >
                      <input
                        list={rolesId}
                        value={step.role}
                        onChange={(e) => update(index, { role: e.target.value })}
                      />
                    </Field>
                    <div className="step-buttons">
                      <button
                        type="button"
                        aria-label={`${name} を上へ移動`}
                        disabled={n === 0}
                        onClick={() => onChange(moveStep(steps, index, -1))}
                      >
                        上へ
                      </button>
                      <button
                        type="button"
                        aria-label={`${name} を下へ移動`}
                        disabled={n === inPhase.length - 1}
                        onClick={() => onChange(moveStep(steps, index, 1))}
                      >
                        下へ
                      </button>
                      <button
                        type="button"
                        className="link-button danger"
                        aria-label={`${name} を削除`}
                        onClick={() => onChange(steps.filter((s) => s.id !== step.id))}
                      >
                        削除
                      </button>
                    </div>
                  </li>
                );
              })}
            </ol>
            <button type="button" onClick={() => add(phase)}>
              {label}の手順を追加
            </button>
          </fieldset>
        );
      })}
    </div>
  );
}
