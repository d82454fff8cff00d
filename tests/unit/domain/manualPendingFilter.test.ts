import { describe, expect, it } from 'vitest';
import { emptyIncidentFilter } from '../../../src/domain/incidentFilter.ts';
import { incidentListRowOf, isLiveIncidentRow } from '../../../src/domain/incidentSearch.ts';
import { buildSearchIndex, searchIncidentIndex } from '../../../src/domain/incidentSearchIndex.ts';
import { emptyIncident } from '../../../src/domain/incident.ts';

const SYS = '00000000-0000-4000-8000-00000000000a';

function row(id: string, patch: Parameters<typeof emptyIncident>[0]) {
  const r = incidentListRowOf({
    ...emptyIncident({
      title: id,
      systemId: SYS,
      occurredAt: '2026-11-10T03:00:00.000Z',
      ...patch,
    }),
    id,
    rev: '1-a',
    updatedAt: '2026-11-10T03:00:00.000Z',
  });
  if (!isLiveIncidentRow(r)) throw new Error('tombstone');
  return r;
}

describe('「手順書の更新待ち」 in the incident list (issue 17)', () => {
  it('keeps only resolved incidents with cause and countermeasure and no manual update', () => {
    const lesson = { cause: '原因', countermeasure: '対策' };
    const rows = [
      row('pending', { status: 'resolved', ...lesson }),
      row('closedPending', { status: 'closed', ...lesson }),
      row('updated', { status: 'resolved', ...lesson, manualUpdated: true }),
      row('open', { status: 'inProgress', ...lesson }),
      row('noCause', { status: 'resolved', countermeasure: '対策' }),
    ];
    expect(rows.map((r) => r.awaitingManualUpdate ?? false)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    const shown = searchIncidentIndex(buildSearchIndex(rows), {
      ...emptyIncidentFilter,
      manual: 'pending',
    });
    expect(shown.map((r) => r.id).sort()).toEqual(['closedPending', 'pending']);
    expect(searchIncidentIndex(buildSearchIndex(rows), emptyIncidentFilter)).toHaveLength(5);
  });
});
