import { describe, expect, it } from 'vitest';
import {
  durationTo,
  firstReachedAt,
  formatDuration,
  lastResolvedAt,
} from '../../../src/domain/incidentDurations.ts';
import { recoveredAt } from '../../../src/print/incidentReportContent.ts';
import { at, incident, MINUTE } from './reportFixtures.ts';

const known = (minutes: number) => ({ kind: 'known', ms: minutes * MINUTE });

describe('durationTo', () => {
  it('measures from 発生日時 to the first time each status was reached', () => {
    const i = incident({}, [
      ['occurred', 5],
      ['reported', 15],
      ['inProgress', 30],
      ['provisional', 90],
      ['resolved', 240],
      ['closed', 600],
    ]);
    expect(durationTo(i, 'reported')).toEqual(known(15));
    expect(durationTo(i, 'provisional')).toEqual(known(90));
    expect(durationTo(i, 'resolved')).toEqual(known(240));
  });

  it('counts a skipped step as reached when a later status was', () => {
    // Set straight from 発生 to 解決: it was reported and recovered at that moment.
    const i = incident({}, [
      ['occurred', 5],
      ['resolved', 50],
    ]);
    expect(durationTo(i, 'reported')).toEqual(known(50));
    expect(durationTo(i, 'provisional')).toEqual(known(50));
    expect(durationTo(i, 'resolved')).toEqual(known(50));
  });

  it('keeps the first 暫定復旧 of a reopened incident and counts 解決 until the last one', () => {
    const i = incident({}, [
      ['occurred', 0],
      ['provisional', 60],
      ['resolved', 120],
      ['inProgress', 300], // the fix did not hold
      ['provisional', 400],
      ['resolved', 500],
      ['closed', 700],
    ]);
    expect(durationTo(i, 'provisional')).toEqual(known(60));
    expect(durationTo(i, 'resolved')).toEqual(known(500));
  });

  it('does not count 解決 for an incident reopened and still open', () => {
    const i = incident({}, [
      ['occurred', 0],
      ['resolved', 120],
      ['inProgress', 300],
    ]);
    expect(durationTo(i, 'resolved')).toEqual({ kind: 'notReached' });
    expect(durationTo(i, 'provisional')).toEqual(known(120));
  });

  it('leaves a milestone not reached yet out, neither a figure nor 不明', () => {
    const i = incident({}, [
      ['occurred', 0],
      ['reported', 10],
    ]);
    expect(durationTo(i, 'provisional')).toEqual({ kind: 'notReached' });
    expect(durationTo(i, 'resolved')).toEqual({ kind: 'notReached' });
  });

  it('gives 不明 for a skewed clock: a status before the occurrence', () => {
    const i = incident({ occurredAt: at(60) }, [
      ['occurred', 61],
      ['reported', 30], // saved later on a PC whose clock was behind
      ['resolved', 200],
    ]);
    expect(durationTo(i, 'reported')).toEqual({ kind: 'unknown', reason: 'negative' });
    expect(durationTo(i, 'resolved')).toEqual(known(140));
  });

  it('gives 不明 when the status says it got there but no time was recorded', () => {
    const i = incident({ status: 'closed' }, []);
    expect(durationTo(i, 'reported')).toEqual({ kind: 'unknown', reason: 'missing' });
    expect(durationTo(i, 'resolved')).toEqual({ kind: 'unknown', reason: 'missing' });
    const noOccurrence = incident({ occurredAt: 'not a time' }, [['resolved', 10]]);
    expect(durationTo(noOccurrence, 'resolved')).toEqual({ kind: 'unknown', reason: 'missing' });
  });

  it('reads the status changes in time order, as the printed timeline does', () => {
    const i = incident({}, [
      ['resolved', 180],
      ['provisional', 120],
      ['inProgress', 60],
    ]);
    i.status = 'resolved';
    expect(firstReachedAt(i.timeline, 'provisional')).toBe(at(120));
    expect(lastResolvedAt(i.timeline)).toBe(at(180));
    // The 障害報告書's 復旧日時 is the same rule.
    expect(recoveredAt(i)).toBe(at(120));
  });
});

describe('formatDuration', () => {
  it('says minutes, hours and minutes, or days and hours', () => {
    expect(formatDuration(45 * MINUTE)).toBe('45分');
    expect(formatDuration(0)).toBe('0分');
    expect(formatDuration(60 * MINUTE)).toBe('1時間');
    expect(formatDuration(185 * MINUTE)).toBe('3時間5分');
    expect(formatDuration(24 * 60 * MINUTE)).toBe('1日');
    expect(formatDuration((51 * 60 + 59) * MINUTE)).toBe('2日3時間');
  });
});
