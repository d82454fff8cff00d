import { describe, expect, it } from 'vitest';
import { saveRecord } from '../../../src/db/records.ts';
import { endDrill, openFindingFollowUp, startDrill } from '../../../src/db/drills.ts';
import { emptyDrill } from '../../../src/domain/drill.ts';
import { emptyIncident } from '../../../src/domain/incident.ts';
import { createStation, departmentForm, itForm, trustStation } from './exchangeHelpers.ts';
import { exportFrom, importInto, SYSTEM_ID } from './syncHelpers.ts';

// PRODUCT.md decision 1: a department writes drill records and follow-ups, and the IT section
// accepts them from a key trusted as a department's; a drill incident stays one on arrival.

describe('drills in bundles', () => {
  it('carries a department’s drill, its follow-up and its drill incident to the IT section', async () => {
    const dept = await createStation(departmentForm);
    const it_ = await createStation(itForm);
    dept.use();
    const drill = await saveRecord('drill', {
      ...emptyDrill(),
      title: '窓口停止訓練',
      plannedOn: '2026-11-21',
      systemId: SYSTEM_ID,
      scenario: '朝9時にシステムが止まる',
    });
    await startDrill(drill.id);
    await saveRecord('incident', {
      ...emptyIncident({
        title: '訓練の障害',
        systemId: SYSTEM_ID,
        occurredAt: '2026-11-21T01:00:00.000Z',
      }),
      drillId: drill.id,
    });
    const ended = await endDrill(drill.id, ['連絡先の番号が古い']);
    await openFindingFollowUp(drill.id, ended.findings[0]!.id, {
      targetType: 'contact',
      targetId: SYSTEM_ID,
    });
    const file = await exportFrom(dept, 'full', ['incident', 'drill', 'followUp']);

    await trustStation(it_, dept, 'department', '市民課');
    const { preview, applied } = await importInto(it_, file);
    expect(preview.rows.filter((r) => r.change === 'refused')).toEqual([]);
    expect(applied.counts).toMatchObject({ new: 3 });
    const [received] = await it_.db.drills.toArray();
    expect(received).toMatchObject({ title: '窓口停止訓練', status: 'done' });
    expect(received!.findings[0]!.followUpId).toBeDefined();
    expect(await it_.db.followUps.where('status').equals('open').count()).toBe(1);
    const [incident] = await it_.db.incidents.toArray();
    expect(incident!.drillId).toBe(drill.id);
  });
});
