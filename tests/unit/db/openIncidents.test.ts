import { beforeEach, describe, expect, it } from 'vitest';
import { loadOpenIncidents } from '../../../src/db/hooks.ts';
import { deleteRecord, saveRecord } from '../../../src/db/records.ts';
import { emptyIncident } from '../../../src/domain/incident.ts';
import { emptySystem } from '../../../src/domain/system.ts';
import type { IncidentStatus } from '../../../src/domain/incidentStatus.ts';
import { freshDatabaseWithStation } from '../../testDatabase.ts';

// The outage screens read only open incidents, through the status index, not the whole log.

let systemId: string;
beforeEach(async () => {
  await freshDatabaseWithStation();
  systemId = (await saveRecord('system', { ...emptySystem(), name: '住民記録システム' })).id;
});

function incident(title: string, status: IncidentStatus) {
  return saveRecord(
    'incident',
    emptyIncident({ title, systemId, status, occurredAt: '2026-11-29T01:00:00.000Z' }),
  );
}

describe('loadOpenIncidents', () => {
  it('returns every incident not yet 解決 or 完了, and no deleted one', async () => {
    await incident('発生', 'occurred');
    await incident('受付', 'reported');
    await incident('対応中', 'inProgress');
    await incident('暫定復旧', 'provisional');
    await incident('解決', 'resolved');
    await incident('完了', 'closed');
    const gone = await incident('削除', 'inProgress');
    await deleteRecord('incident', gone.id);
    const titles = (await loadOpenIncidents()).map((i) => i.title).sort();
    expect(titles).toEqual(['発生', '受付', '対応中', '暫定復旧'].sort());
  });
});
