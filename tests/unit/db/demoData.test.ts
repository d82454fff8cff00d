import { describe, expect, it } from 'vitest';
import { freshDatabaseWithStation } from '../../testDatabase.ts';
import { countDemoRecords, loadDemoData, removeDemoData } from '../../../src/db/demoLoader.ts';
import { saveRecord } from '../../../src/db/records.ts';
import { emptyIncident } from '../../../src/domain/incident.ts';
import { recordTypes } from '../../../src/domain/recordTypes.ts';
import { DEMO_AUTHOR_ID } from '../../../src/demo/demoMunicipality.ts';

describe('demo data', () => {
  it('is written by the demo author, never by this station, and removed whole', async () => {
    const { db, station } = await freshDatabaseWithStation();
    await loadDemoData();
    const systems = await db.systems.toArray();
    expect(systems.every((s) => s.createdBy === DEMO_AUTHOR_ID)).toBe(true);
    const total = await countDemoRecords();
    expect(total).toBeGreaterThan(30);

    // A record staff made themselves, about a demo system, survives the removal.
    const own = await saveRecord(
      'incident',
      emptyIncident({
        title: '自分の記録',
        systemId: systems[0]!.id,
        occurredAt: new Date().toISOString(),
      }),
    );
    expect(own.createdBy).toBe(station.id);

    expect(await removeDemoData()).toBe(total);
    expect(await countDemoRecords()).toBe(0);
    for (const type of recordTypes) {
      const left = await db.recordTable(type).toArray();
      expect(left.every((r) => r.createdBy !== DEMO_AUTHOR_ID)).toBe(true);
    }
    expect((await db.incidents.toArray()).map((i) => i.title)).toEqual(['自分の記録']);
    const audit = await db.audit.orderBy('seq').last();
    expect(audit?.summary).toBe(`デモデータ（架空市）を削除（${total}件）`);
  });
});
