import { beforeEach, describe, expect, it } from 'vitest';
import { loadKnownProblems } from '../../../src/db/hooks.ts';
import { deleteRecord, saveRecord } from '../../../src/db/records.ts';
import { emptyIncident, type IncidentData } from '../../../src/domain/incident.ts';
import { emptySystem } from '../../../src/domain/system.ts';
import { incidentLessons } from '../../../src/domain/incidentLessons.ts';
import { freshDatabaseWithStation } from '../../testDatabase.ts';

// 既知の問題と回避策: a system's resolved incidents that say why they happened or what fixed them.

let systemId: string;
let otherId: string;
beforeEach(async () => {
  await freshDatabaseWithStation();
  systemId = (await saveRecord('system', { ...emptySystem(), name: '住民記録システム' })).id;
  otherId = (await saveRecord('system', { ...emptySystem(), name: '税務システム' })).id;
});

function incident(fields: Partial<IncidentData>) {
  return saveRecord(
    'incident',
    emptyIncident({ systemId, occurredAt: '2026-11-01T01:00:00.000Z', ...fields }),
  );
}

describe('incidentLessons', () => {
  it('gives cause, countermeasure and what was tried, leaving out empty facts', () => {
    const lessons = incidentLessons({
      cause: ' 証明書の期限切れ ',
      countermeasure: '',
      attempts: [
        { id: 'a', action: '端末を再起動', result: '直らない' },
        { id: 'b', action: '', result: '' },
      ],
    } as never);
    expect(lessons).toEqual([
      { label: '原因', value: '証明書の期限切れ' },
      { label: '回避策（試したことと結果）', value: '端末を再起動 → 直らない' },
    ]);
  });
});

describe('loadKnownProblems', () => {
  it('lists resolved incidents of the system with a cause or fix, newest first', async () => {
    await incident({
      title: '古い',
      status: 'closed',
      cause: '回線断',
      occurredAt: '2026-10-01T01:00:00.000Z',
    });
    await incident({ title: '新しい', status: 'resolved', countermeasure: '再起動' });
    await incident({ title: '対応中', status: 'inProgress', cause: '調査中' });
    await incident({ title: '原因なし', status: 'closed' });
    await incident({ title: '別システム', status: 'closed', cause: 'x', systemId: otherId });
    const gone = await incident({ title: '削除', status: 'closed', cause: 'y' });
    await deleteRecord('incident', gone.id);
    expect((await loadKnownProblems(systemId)).map((i) => i.title)).toEqual(['新しい', '古い']);
    expect(await loadKnownProblems(systemId, 1)).toHaveLength(1);
  });
});
