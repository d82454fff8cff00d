import { describe, expect, it } from 'vitest';
import type { DrillEvent } from '../../../src/domain/drill.ts';
import {
  drillOutcome,
  phaseTimings,
  tokyoClock,
  type TimedDrill,
} from '../../../src/domain/drillTimings.ts';

let n = 0;
function ev(at: string, kind: DrillEvent['kind'], phase: DrillEvent['phase'] = null): DrillEvent {
  n += 1;
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return { id, at, kind, text: '', phase, refId: null };
}

function drill(fields: Partial<TimedDrill>): TimedDrill {
  return { startedAt: null, endedAt: null, targetRecoveryMinutes: null, timeline: [], ...fields };
}

const MIN = 60_000;

describe('phaseTimings', () => {
  it('starts a phase at its first opening or tick and ends it when the next phase starts', () => {
    const timings = phaseTimings(
      drill({
        startedAt: '2026-11-29T01:00:00.000Z',
        endedAt: '2026-11-29T02:00:00.000Z',
        timeline: [
          ev('2026-11-29T01:00:00.000Z', 'started'),
          ev('2026-11-29T01:03:00.000Z', 'phaseOpened', 'initial'),
          // Opening 初動 again later changes nothing: the first time counts.
          ev('2026-11-29T01:20:00.000Z', 'phaseOpened', 'initial'),
          // 代替 starts with a tick, before its section was opened.
          ev('2026-11-29T01:15:00.000Z', 'stepTicked', 'fallback'),
          ev('2026-11-29T01:25:00.000Z', 'phaseOpened', 'fallback'),
          ev('2026-11-29T01:40:00.000Z', 'phaseOpened', 'recovery'),
          ev('2026-11-29T01:50:00.000Z', 'contactMade'),
        ],
      }),
    );
    expect(timings.map((t) => [t.phase, t.ms === null ? null : t.ms / MIN])).toEqual([
      ['initial', 12],
      ['fallback', 25],
      ['recovery', 20],
    ]);
  });

  it('leaves a phase never reached empty and a phase still running open', () => {
    const timings = phaseTimings(
      drill({
        startedAt: '2026-11-29T01:00:00.000Z',
        timeline: [ev('2026-11-29T01:05:00.000Z', 'phaseOpened', 'initial')],
      }),
    );
    expect(timings[0]).toMatchObject({
      startedAt: '2026-11-29T01:05:00.000Z',
      endedAt: null,
      ms: null,
    });
    expect(timings[1]).toEqual({ phase: 'fallback', startedAt: null, endedAt: null, ms: null });
  });

  it('counts a drill that runs past midnight in Tokyo', () => {
    // 23:40 JST on 11/29 to 0:25 JST on 11/30.
    const d = drill({
      startedAt: '2026-11-29T14:40:00.000Z',
      endedAt: '2026-11-29T15:25:00.000Z',
      targetRecoveryMinutes: 30,
      timeline: [
        ev('2026-11-29T14:41:00.000Z', 'phaseOpened', 'initial'),
        ev('2026-11-29T14:55:00.000Z', 'phaseOpened', 'fallback'),
        ev('2026-11-29T15:10:00.000Z', 'phaseOpened', 'recovery'),
      ],
    });
    expect(phaseTimings(d).map((t) => t.ms! / MIN)).toEqual([14, 15, 15]);
    expect(drillOutcome(d, '2026-11-29T16:00:00.000Z')).toEqual({
      elapsedMs: 45 * MIN,
      targetMs: 30 * MIN,
      withinTarget: false,
    });
    expect(tokyoClock(d.startedAt)).toBe('23:40');
    expect(tokyoClock('2026-11-29T15:10:00.000Z', d.startedAt)).toBe('0:10（翌日）');
    expect(tokyoClock('2026-11-29T14:55:00.000Z', d.startedAt)).toBe('23:55');
    expect(tokyoClock('2026-12-02T00:00:00.000Z', d.startedAt)).toBe('12月2日 9:00');
  });

  it('does not count a negative span (skewed clocks)', () => {
    const timings = phaseTimings(
      drill({
        startedAt: '2026-11-29T01:00:00.000Z',
        endedAt: '2026-11-29T00:30:00.000Z',
        timeline: [ev('2026-11-29T01:05:00.000Z', 'phaseOpened', 'recovery')],
      }),
    );
    expect(timings[2]!.ms).toBeNull();
  });
});

describe('drillOutcome', () => {
  it('measures a running drill to now and compares it with the target', () => {
    const running = drill({ startedAt: '2026-11-29T01:00:00.000Z', targetRecoveryMinutes: 60 });
    expect(drillOutcome(running, '2026-11-29T01:30:00.000Z')).toEqual({
      elapsedMs: 30 * MIN,
      targetMs: 60 * MIN,
      withinTarget: true,
    });
    expect(drillOutcome(drill({}), '2026-11-29T01:30:00.000Z')).toEqual({
      elapsedMs: null,
      targetMs: null,
      withinTarget: null,
    });
    expect(tokyoClock('not a date')).toBe('—');
  });
});
