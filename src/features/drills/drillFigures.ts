import { drillEventKindLabels, type DrillEvent } from '../../domain/drill.ts';
import {
  drillOutcome,
  phaseTimings,
  tokyoClock,
  type TimedDrill,
} from '../../domain/drillTimings.ts';
import { formatDuration } from '../../domain/incidentDurations.ts';
import { procedurePhaseLabels } from '../../domain/procedure.ts';

/**
 * The drill's times as the screen and the printed report show them (one source for both):
 * Tokyo clock times (with 「翌日」 past midnight) and durations as people say them.
 */

export interface PhaseRow {
  label: string;
  start: string;
  end: string;
  duration: string;
}

export function phaseRows(drill: TimedDrill): PhaseRow[] {
  return phaseTimings(drill).map((t) => ({
    label: procedurePhaseLabels[t.phase],
    start: t.startedAt ? tokyoClock(t.startedAt, drill.startedAt) : '（行わず）',
    end: t.startedAt ? (t.endedAt ? tokyoClock(t.endedAt, drill.startedAt) : '（実施中）') : '—',
    duration: t.ms === null ? '—' : formatDuration(t.ms),
  }));
}

export interface OutcomeText {
  elapsed: string;
  target: string;
  /** 「目標内」「目標超過（15分）」 or 「—」. */
  verdict: string;
  isOver: boolean | null;
}

export function outcomeText(drill: TimedDrill, now: string): OutcomeText {
  const { elapsedMs, targetMs, withinTarget } = drillOutcome(drill, now);
  const verdict =
    withinTarget === null
      ? '—'
      : withinTarget
        ? '目標内'
        : `目標超過（${formatDuration(elapsedMs! - targetMs!)}）`;
  return {
    elapsed: elapsedMs === null ? '—' : formatDuration(elapsedMs),
    target: targetMs === null ? '未設定' : formatDuration(targetMs),
    verdict,
    isOver: withinTarget === null ? null : !withinTarget,
  };
}

/** 「手順を実施: 受付票を渡す（初動）」「段階を開始: 初動（住民票交付の代替手順）」 */
export function eventText(event: DrillEvent): string {
  const text = event.text ? `: ${event.text}` : '';
  const phase =
    event.kind === 'stepTicked' && event.phase ? `（${procedurePhaseLabels[event.phase]}）` : '';
  return `${drillEventKindLabels[event.kind]}${text}${phase}`;
}
