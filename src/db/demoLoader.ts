import { buildDemoData, demoStation } from '../demo/demoMunicipality.ts';
import { recordTypes } from '../domain/recordTypes.ts';
import { getDatabase } from './instance.ts';
import { appendAudit } from './auditTrail.ts';
import { loadStation, saveStation } from './station.ts';
import { recordTables } from './database.ts';

/**
 * Loads the fictional municipality 架空市 in one transaction (all or nothing). Sets up a demo
 * station first when there is none, so the first-run button works in one click.
 */
export async function loadDemoData(): Promise<void> {
  const station = (await loadStation()) ?? (await saveStation(demoStation));
  const demo = buildDemoData(station.id);
  const db = getDatabase();
  const tables = recordTypes.map((type) => db.table(recordTables[type]));
  await db.transaction('rw', [...tables, db.audit], async () => {
    for (const type of recordTypes) await db.recordTable(type).bulkPut(demo[type] as never[]);
    const counts = recordTypes.map((t) => demo[t].length).join('・');
    await appendAudit(station, {
      action: 'demo',
      summary: `デモデータ（架空市）を読み込み（システム・障害記録・連絡先・障害レベル・代替手順 = ${counts}件）`,
    });
  });
}
