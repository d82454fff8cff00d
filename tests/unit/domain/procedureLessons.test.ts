import { describe, expect, it } from 'vitest';
import { emptyIncident } from '../../../src/domain/incident.ts';
import {
  emptyIncidentFilter,
  incidentFilterFromParams,
  incidentFilterToParams,
  isAwaitingManualUpdate,
  isIncidentFilterActive,
} from '../../../src/domain/incidentFilter.ts';
import {
  defaultLessonNote,
  markManualUpdated,
  withLessonVersion,
} from '../../../src/domain/procedureLessons.ts';

const INCIDENT = '00000000-0000-4000-8000-00000000000a';
const resolved = emptyIncident({
  title: '転入届が登録できない',
  status: 'resolved',
  cause: '証明書の期限切れ',
  countermeasure: '証明書を更新',
});

describe('手順書の更新待ち', () => {
  it('is a resolved incident with cause and countermeasure whose manual is not updated', () => {
    expect(isAwaitingManualUpdate(resolved)).toBe(true);
    expect(isAwaitingManualUpdate({ ...resolved, status: 'closed' })).toBe(true);
    expect(isAwaitingManualUpdate({ ...resolved, status: 'provisional' })).toBe(false);
    expect(isAwaitingManualUpdate({ ...resolved, cause: ' ' })).toBe(false);
    expect(isAwaitingManualUpdate({ ...resolved, countermeasure: '' })).toBe(false);
    expect(isAwaitingManualUpdate({ ...resolved, manualUpdated: true })).toBe(false);
  });

  it('is kept in the URL as manual=pending', () => {
    const filter = { ...emptyIncidentFilter, manual: 'pending' as const };
    expect(incidentFilterToParams(filter).toString()).toBe('manual=pending');
    expect(incidentFilterFromParams(new URLSearchParams('manual=pending'))).toEqual(filter);
    expect(incidentFilterFromParams(new URLSearchParams('manual=yes')).manual).toBe('');
    expect(isIncidentFilterActive(filter)).toBe(true);
  });
});

describe('a procedure version recorded against an incident', () => {
  it('adds the revision once, carrying the version saved', () => {
    const added = withLessonVersion([], INCIDENT, resolved, '第2版', '2026-11-29');
    expect(added).toEqual([
      {
        id: expect.any(String),
        version: '第2版',
        on: '2026-11-29',
        incidentId: INCIDENT,
        note: '障害記録「転入届が登録できない」の対策を反映: 証明書を更新',
      },
    ]);
    const again = withLessonVersion(
      [{ ...added[0]!, note: '手順3を追加' }],
      INCIDENT,
      resolved,
      '第3版',
      '2026-11-30',
    );
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ version: '第3版', note: '手順3を追加', on: '2026-11-29' });
    expect(defaultLessonNote({ title: 'x', countermeasure: '' })).toBe('障害記録「x」の対策を反映');
  });

  it('marks the incident as manual updated, naming the procedure and its version', () => {
    const marked = markManualUpdated(
      { ...resolved, manualUpdateNote: '窓口マニュアルに追記' },
      { title: '住民記録停止時の対応', version: '第2版' },
      { on: '2026-11-29', note: '' },
    );
    expect(marked.manualUpdated).toBe(true);
    expect(marked.manualUpdateNote).toBe(
      '窓口マニュアルに追記\n代替手順「住民記録停止時の対応」を第2版に更新（2026-11-29）',
    );
    expect(resolved.manualUpdated).toBe(false);
  });
});
