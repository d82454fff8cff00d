import { describe, expect, it } from 'vitest';
import { exchangeTables } from '../../../src/db/exchangeTables.ts';
import { pruneExpiredSnapshots, pruneSnapshots } from '../../../src/db/snapshots.ts';
import { saveDeploymentSettings } from '../../../src/db/deploymentSettingsCache.ts';
import { defaultDeploymentSettings } from '../../../src/domain/deploymentSettings.ts';
import { freshDatabaseWithStation } from '../../testDatabase.ts';

// PRODUCT.md decision 5: the state before an import holds the content of records the import
// changed or deleted; after the retention period the IT section sets (snapshotRetentionDays in
// sonae.config.json, default 90 days) it leaves the station, and the audit trail says so.

const NOW = new Date('2026-11-30T00:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

async function addSnapshot(at: string, fileName: string) {
  const { db } = await dbReady;
  await exchangeTables(db).snapshots.add({ at, importSeq: 1, fileName, changed: [] });
}

let dbReady: ReturnType<typeof freshDatabaseWithStation>;

describe('pruneSnapshots', () => {
  it('drops the snapshots older than the retention period, once, with one audit entry', async () => {
    dbReady = freshDatabaseWithStation();
    const { db } = await dbReady;
    await addSnapshot(daysAgo(200), 'old-1.sonae.json');
    await addSnapshot(daysAgo(91), 'old-2.sonae.json');
    await addSnapshot(daysAgo(89), 'recent.sonae.json');
    const auditBefore = await db.audit.count();
    expect(await pruneSnapshots(db, 90, NOW)).toBe(2);
    const left = await exchangeTables(db).snapshots.toArray();
    expect(left.map((s) => s.fileName)).toEqual(['recent.sonae.json']);
    const entry = await db.audit.orderBy('seq').last();
    expect(entry?.summary).toBe('保存期間（90日）を過ぎた「取り込み前の状態」2件を削除');
    // Nothing more to drop: no entry.
    expect(await pruneSnapshots(db, 90, NOW)).toBe(0);
    expect(await db.audit.count()).toBe(auditBefore + 1);
  });

  it('takes the period from the deployment settings', async () => {
    dbReady = freshDatabaseWithStation();
    const { db } = await dbReady;
    await addSnapshot(new Date(Date.now() - 10 * 86_400_000).toISOString(), 'ten-days.sonae.json');
    expect(await pruneExpiredSnapshots()).toBe(0); // default 90 days
    await saveDeploymentSettings({ ...defaultDeploymentSettings, snapshotRetentionDays: 7 });
    expect(await pruneExpiredSnapshots()).toBe(1);
    expect(await exchangeTables(db).snapshots.count()).toBe(0);
  });
});
