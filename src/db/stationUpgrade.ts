import type { Transaction } from 'dexie';

// DO NOT RENAME: the settings key of the station (src/db/station.ts).
const STATION_KEY = 'station';

/**
 * Gives a station set up before roles existed its role (Dexie version 3): a demo station is the
 * IT section's, as 「デモデータで試す」 now makes it; any other starts as a department, as a new
 * station does, and 設定 can change it.
 */
export async function upgradeStationRole(tx: Transaction): Promise<void> {
  const row = (await tx.table('settings').get(STATION_KEY)) as
    { key: string; value: Record<string, unknown> } | undefined;
  if (!row || typeof row.value !== 'object' || row.value === null || 'role' in row.value) return;
  const hasDemo = (await tx.table('audit').where('action').equals('demo').count()) > 0;
  await tx
    .table('settings')
    .put({ ...row, value: { ...row.value, role: hasDemo ? 'it-section' : 'department' } });
}
