import { useLiveQuery } from 'dexie-react-hooks';
import { buildDemoData, DEMO_AUTHOR_ID, demoStation } from '../demo/demoMunicipality.ts';
import { recordTypeLabels, recordTypes } from '../domain/recordTypes.ts';
import { getDatabase } from './instance.ts';
import { appendAudit } from './auditTrail.ts';
import { loadStation, requireStation, saveStation } from './station.ts';
import { recordTables } from './database.ts';
import { exchangeTables } from './exchangeTables.ts';

/**
 * Loads the fictional municipality 架空市 in one transaction (all or nothing). Sets up a demo
 * station first when there is none, so the first-run button works in one click. Every demo
 * record is created by DEMO_AUTHOR_ID, never by this station, so 「デモデータを削除」 finds all
 * of it later (PRODUCT.md, decision 7).
 */
export async function loadDemoData(): Promise<void> {
  const station = (await loadStation()) ?? (await saveStation(demoStation));
  const demo = buildDemoData(DEMO_AUTHOR_ID);
  const db = getDatabase();
  const tables = recordTypes.map((type) => db.table(recordTables[type]));
  await db.transaction('rw', [...tables, db.audit], async () => {
    for (const type of recordTypes) await db.recordTable(type).bulkPut(demo[type] as never[]);
    const counts = recordTypes.map((t) => `${recordTypeLabels[t]} ${demo[t].length}件`).join('・');
    await appendAudit(station, {
      action: 'demo',
      summary: `デモデータ（架空市）を読み込み（${counts}）`,
    });
  });
}

/** How many records on this PC came from the demo (0 when none). */
export async function countDemoRecords(): Promise<number> {
  const db = getDatabase();
  let count = 0;
  for (const type of recordTypes)
    count += await db
      .recordTable(type)
      .filter((r) => r.createdBy === DEMO_AUTHOR_ID)
      .count();
  return count;
}

/**
 * Removes every demo record (and its conflict siblings, attachments, drafts and export state)
 * in one transaction. Removed, not deleted: a tombstone would carry 架空市 into real exchanges.
 * Records staff made themselves stay, even when they name a demo system.
 */
export async function removeDemoData(): Promise<number> {
  const db = getDatabase();
  const { conflicts, exportedRevs } = exchangeTables(db);
  const tables = recordTypes.map((type) => db.table(recordTables[type]));
  return db.transaction(
    'rw',
    [...tables, conflicts, exportedRevs, db.attachments, db.drafts, db.audit, db.settings],
    async (tx) => {
      const station = await requireStation(tx);
      let removed = 0;
      for (const type of recordTypes) {
        const table = db.recordTable(type);
        const rows = await table.filter((r) => r.createdBy === DEMO_AUTHOR_ID).toArray();
        if (rows.length === 0) continue;
        const ids = rows.map((r) => r.id);
        const attachments = rows.flatMap(
          (r) => (r as { attachments?: { id: string }[] }).attachments?.map((a) => a.id) ?? [],
        );
        await table.bulkDelete(ids);
        await conflicts
          .where('[type+id]')
          .anyOf(ids.map((id) => [type, id]))
          .delete();
        await exportedRevs.bulkDelete(ids.map((id) => [type, id] as [typeof type, string]));
        await db.drafts.bulkDelete(ids.map((id) => `${type}:${id}`));
        if (attachments.length) await db.attachments.bulkDelete(attachments);
        removed += ids.length;
      }
      await appendAudit(station, {
        action: 'demo',
        summary: `デモデータ（架空市）を削除（${removed}件）`,
      });
      return removed;
    },
  );
}

/** Live count of demo records, for 設定. */
export function useDemoRecordCount(): number | undefined {
  return useLiveQuery(countDemoRecords, []);
}
