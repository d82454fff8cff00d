import { useCallback, useEffect, useRef, useState } from 'react';
import { useActiveDrill, type DrillRecord } from '../../db/activeDrill.ts';
import type { DrillEvent } from '../../domain/drill.ts';
import { procedurePhaseLabels, type ProcedurePhase } from '../../domain/procedureLabels.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import { contactDisplayName } from '../../domain/contactRules.ts';

type NewEvent = Pick<DrillEvent, 'kind'> & Partial<Pick<DrillEvent, 'text' | 'phase' | 'refId'>>;

/** True when the drill's timeline already holds this kind of entry about `refId` (and phase). */
function hasEvent(drill: DrillRecord, kind: DrillEvent['kind'], refId: string, phase?: string) {
  return drill.timeline.some(
    (e) => e.kind === kind && e.refId === refId && (phase === undefined || e.phase === phase),
  );
}

export interface DrillRecorder {
  /** The running drill; null outside drill mode, undefined while loading. */
  drill: DrillRecord | null | undefined;
  /** Adds an entry to the running drill's timeline; does nothing outside drill mode. */
  record: (event: NewEvent) => void;
}

/**
 * The one way screens feed a running drill's timeline (issue 15): the outage screen, the
 * procedure view and print pages call it; outside drill mode every call does nothing. Writes
 * are fire-and-forget: a failed timeline entry must never stop the outage work itself.
 */
export function useDrillRecorder(): DrillRecorder {
  const drill = useActiveDrill();
  const drillId = drill?.id;
  const record = useCallback(
    (event: NewEvent) => {
      if (!drillId) return;
      // The writing code (and the schemas it checks with) loads on the first entry, not with
      // the outage screen (issue 9).
      void import('../../db/drills.ts')
        .then(({ appendDrillEvent }) =>
          appendDrillEvent(drillId, { text: '', phase: null, refId: null, ...event }),
        )
        .catch((error: unknown) => console.warn('訓練の経過を記録できませんでした。', error));
    },
    [drillId],
  );
  return { drill, record };
}

/**
 * Records, once per drill, that a procedure was opened with its first phase shown (the outage
 * screen opens on 初動). Ticking a step starts its phase: see {@link useDrillStepRecorder}.
 */
export function useDrillProcedureOpened(
  procedure: RecordOf<'procedure'> | undefined,
  phase: ProcedurePhase | undefined,
): void {
  const { drill, record } = useDrillRecorder();
  const done = useRef(new Set<string>());
  useEffect(() => {
    if (!drill || !procedure) return;
    const key = `${drill.id}:${procedure.id}`;
    if (done.current.has(key)) return;
    done.current.add(key);
    if (!hasEvent(drill, 'procedureOpened', procedure.id))
      record({ kind: 'procedureOpened', text: procedure.title, refId: procedure.id });
    if (phase && !hasEvent(drill, 'phaseOpened', procedure.id, phase))
      record({
        kind: 'phaseOpened',
        text: `${procedurePhaseLabels[phase]}（${procedure.title}）`,
        phase,
        refId: procedure.id,
      });
  }, [drill, procedure, phase, record]);
}

/** A tick on a step of `procedure` during a drill, as a timeline entry (its phase starts then). */
export function useDrillStepRecorder(procedure: RecordOf<'procedure'>) {
  const { record } = useDrillRecorder();
  return useCallback(
    (stepId: string, isDone: boolean) => {
      const step = procedure.steps.find((s) => s.id === stepId);
      if (!isDone || !step) return;
      record({ kind: 'stepTicked', text: step.text, phase: step.phase, refId: step.id });
    },
    [procedure, record],
  );
}

/** 「連絡した」 on a contact row of the outage screen while a drill runs; else nothing. */
export function useDrillContactActions() {
  const { drill, record } = useDrillRecorder();
  if (!drill) return undefined;
  return function renderDrillContactAction(contact: RecordOf<'contact'>) {
    return (
      <DrillContactButton
        name={contactDisplayName(contact)}
        onClick={() =>
          record({ kind: 'contactMade', text: contactDisplayName(contact), refId: contact.id })
        }
      />
    );
  };
}

function DrillContactButton({ name, onClick }: { name: string; onClick: () => void }) {
  const [count, setCount] = useState(0);
  return (
    <button
      type="button"
      aria-label={`${name}に連絡した（訓練の記録）`}
      onClick={() => {
        setCount((n) => n + 1);
        onClick();
      }}
    >
      連絡した{count ? `（${count}回記録）` : ''}
    </button>
  );
}
