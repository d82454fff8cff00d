import type { DrillEvent } from './drill.ts';
import { procedurePhases, type ProcedurePhase } from './procedure.ts';

/**
 * How long a drill took, phase by phase, against its target (issue 15). Pure.
 * A phase starts at the first time its 初動/代替/復旧 section was opened or one of its steps was
 * ticked, and ends when the next phase starts or the drill ends (PRODUCT.md, clarifications).
 * Durations are differences of instants, so a drill that runs past midnight counts right; only
 * the clock shown ({@link tokyoClock}) needs the day, on the Tokyo calendar (decision 8).
 */

export interface TimedDrill {
  startedAt: string | null;
  endedAt: string | null;
  targetRecoveryMinutes: number | null;
  timeline: readonly DrillEvent[];
}

export interface PhaseTiming {
  phase: ProcedurePhase;
  /** null: the phase was never reached in this drill. */
  startedAt: string | null;
  /** null while it runs (the drill is not over) or when it was never reached. */
  endedAt: string | null;
  /** Length in ms; null when not reached, still running, or negative (skewed clocks). */
  ms: number | null;
}

const MINUTE = 60_000;

function startsPhase(event: DrillEvent): boolean {
  return (event.kind === 'phaseOpened' || event.kind === 'stepTicked') && event.phase !== null;
}

function span(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}

/** Each phase with when it started and ended, in 初動・代替・復旧 order. */
export function phaseTimings(drill: TimedDrill): PhaseTiming[] {
  const starts = new Map<ProcedurePhase, string>();
  for (const event of drill.timeline) {
    if (!startsPhase(event)) continue;
    const known = starts.get(event.phase!);
    if (!known || event.at < known) starts.set(event.phase!, event.at);
  }
  return procedurePhases.map((phase) => {
    const startedAt = starts.get(phase) ?? null;
    if (!startedAt) return { phase, startedAt, endedAt: null, ms: null };
    const later = [...starts.values()].filter((at) => at > startedAt).sort();
    const endedAt = later[0] ?? drill.endedAt;
    return { phase, startedAt, endedAt, ms: span(startedAt, endedAt) };
  });
}

export interface DrillOutcome {
  /** From start to end (or to `now` while it runs); null when not started or negative. */
  elapsedMs: number | null;
  targetMs: number | null;
  /** null when there is no target or no elapsed time yet. */
  withinTarget: boolean | null;
}

/** The drill's whole time against its target recovery time. */
export function drillOutcome(drill: TimedDrill, now: string): DrillOutcome {
  const elapsedMs = span(drill.startedAt, drill.endedAt ?? (drill.startedAt ? now : null));
  const targetMs =
    drill.targetRecoveryMinutes === null ? null : drill.targetRecoveryMinutes * MINUTE;
  const withinTarget = elapsedMs === null || targetMs === null ? null : elapsedMs <= targetMs;
  return { elapsedMs, targetMs, withinTarget };
}

const tokyoParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
});

function tokyo(iso: string): { day: string; month: number; date: number; clock: string } | null {
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) return null;
  const parts: Record<string, string> = {};
  for (const part of tokyoParts.formatToParts(new Date(time))) parts[part.type] = part.value;
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    month: Number(parts.month),
    date: Number(parts.day),
    clock: `${Number(parts.hour)}:${parts.minute}`,
  };
}

/**
 * The Tokyo clock time of `iso`: 「23:40」, with the date added when it is not the Tokyo day of
 * `reference` (the drill's start): 「0:10（翌日）」, 「12月2日 9:00」. '—' when invalid.
 */
export function tokyoClock(iso: string | null, reference: string | null = null): string {
  const at = iso ? tokyo(iso) : null;
  if (!at) return '—';
  const ref = reference ? tokyo(reference) : null;
  if (!ref || ref.day === at.day) return at.clock;
  const days = Math.round(
    (Date.parse(`${at.day}T00:00Z`) - Date.parse(`${ref.day}T00:00Z`)) / (24 * 60 * MINUTE),
  );
  return days === 1 ? `${at.clock}（翌日）` : `${at.month}月${at.date}日 ${at.clock}`;
}
