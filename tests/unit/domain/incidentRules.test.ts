import { describe, expect, it } from 'vitest';
import {
  checkIncidentInput,
  reachedStatusAt,
  stampStatusChange,
} from '../../../src/domain/incidentRules.ts';
import { allowedNextStatuses } from '../../../src/domain/incidentStatus.ts';
import { emptyIncident } from '../../../src/domain/incident.ts';

const now = new Date('2026-11-21T00:00:00.000Z');

describe('incident rules', () => {
  it('refuse an occurrence in the future beyond clock slack', () => {
    const ok = emptyIncident({ occurredAt: '2026-11-21T00:05:00.000Z' });
    const future = emptyIncident({ occurredAt: '2026-11-21T02:00:00.000Z' });
    expect(checkIncidentInput(ok, now)).toEqual([]);
    expect(checkIncidentInput(future, now)).toEqual([
      { path: 'occurredAt', message: '発生日時が未来になっています' },
    ]);
  });

  it('require cause and countermeasure to close', () => {
    const issues = checkIncidentInput(emptyIncident({ status: 'closed' }), now).map((i) => i.path);
    expect(issues).toEqual(['cause', 'countermeasure']);
    expect(
      checkIncidentInput(emptyIncident({ status: 'closed', cause: 'x', countermeasure: 'y' }), now),
    ).toEqual([]);
  });

  it('stamp creation and each status change on the timeline', () => {
    const created = stampStatusChange(emptyIncident(), null, '2026-11-21T00:00:00.000Z');
    expect(created.timeline).toHaveLength(1);
    expect(created.timeline[0]).toMatchObject({
      status: 'occurred',
      text: '障害記録を作成（発生）',
    });
    const unchanged = stampStatusChange(created, 'occurred', '2026-11-21T00:10:00.000Z');
    expect(unchanged).toBe(created);
    const reported = stampStatusChange(
      { ...created, status: 'reported' },
      'occurred',
      '2026-11-21T00:10:00.000Z',
    );
    expect(reported.timeline[1]).toMatchObject({
      status: 'reported',
      text: '状態を「発生」から「報告済」に変更',
    });
    expect(reachedStatusAt(reported, 'reported')).toBe('2026-11-21T00:10:00.000Z');
  });

  it('allow skipping forward and reopening to 対応中', () => {
    expect(allowedNextStatuses('occurred')).toEqual([
      'reported',
      'inProgress',
      'provisional',
      'resolved',
      'closed',
    ]);
    expect(allowedNextStatuses('resolved')).toEqual(['inProgress', 'closed']);
    expect(allowedNextStatuses('closed')).toEqual(['inProgress']);
    expect(allowedNextStatuses('inProgress')).toEqual(['provisional', 'resolved', 'closed']);
  });
});
