import { describe, expect, it } from 'vitest';
import { saveRecord } from '../../../src/db/records.ts';
import { exchangeTables } from '../../../src/db/exchangeTables.ts';
import { findNameUses, NamePurgeError, purgeName } from '../../../src/db/namePurge.ts';
import { emptyIncident } from '../../../src/domain/incident.ts';
import { PURGED_NAME } from '../../../src/domain/namePurge.ts';
import { freshDatabaseWithStation } from '../../testDatabase.ts';

// PRODUCT.md decision 5: the IT section can purge a person's name from all records. Each record
// that holds it gets a new revision (so exports carry the change), the states before imports and
// drafts that hold it are deleted, and the audit trail says how many — not the name.

const SYSTEM_ID = '00000000-0000-4000-8000-00000000a001';
const NAME = '鈴木 次郎';

async function station() {
  const { db } = await freshDatabaseWithStation();
  const named = await saveRecord(
    'incident',
    emptyIncident({
      title: '証明書発行機が停止',
      systemId: SYSTEM_ID,
      occurredAt: '2026-11-21T01:00:00.000Z',
      reporterName: NAME,
      symptoms: '鈴木次郎さんが発見',
    }),
  );
  const other = await saveRecord(
    'incident',
    emptyIncident({
      title: '印刷できない',
      systemId: SYSTEM_ID,
      occurredAt: '2026-11-22T01:00:00.000Z',
      reporterName: '佐藤 一郎',
    }),
  );
  const { snapshots } = exchangeTables(db);
  await snapshots.add({
    at: '2026-11-23T00:00:00.000Z',
    importSeq: 1,
    fileName: 'a.sonae.json',
    changed: [{ type: 'incident', id: named.id, main: named, siblings: [] }],
  });
  await snapshots.add({
    at: '2026-11-23T00:00:00.000Z',
    importSeq: 2,
    fileName: 'b.sonae.json',
    changed: [],
  });
  await db.drafts.put({
    key: 'incident:new',
    value: { reporterName: NAME },
    savedAt: '2026-11-23T00:00:00.000Z',
  });
  return { db, named, other };
}

describe('purgeName', () => {
  it('finds, then replaces the name everywhere as new revisions, deleting snapshots and drafts that hold it', async () => {
    const { db, named, other } = await station();
    const found = await findNameUses('鈴木次郎');
    expect(found.records).toEqual([
      { type: 'incident', id: named.id, title: '証明書発行機が停止', hits: 2 },
    ]);
    expect(found).toMatchObject({ conflicted: 0, snapshots: 1, drafts: 1 });
    const auditBefore = await db.audit.count();

    const done = await purgeName('鈴木次郎');
    expect(done.records).toHaveLength(1);
    const after = (await db.incidents.get(named.id))!;
    expect(after.reporterName).toBe(PURGED_NAME);
    expect(after.symptoms).toBe(`${PURGED_NAME}さんが発見`);
    expect(after.rev).not.toBe(named.rev);
    expect(after.revisions[0]).toBe(named.rev);
    // Untouched: the other record, the other snapshot.
    expect((await db.incidents.get(other.id))!.rev).toBe(other.rev);
    expect((await exchangeTables(db).snapshots.toArray()).map((s) => s.fileName)).toEqual([
      'b.sonae.json',
    ]);
    expect(await db.drafts.count()).toBe(0);
    // One audit entry, without the name.
    expect(await db.audit.count()).toBe(auditBefore + 1);
    const entry = (await db.audit.orderBy('seq').last())!;
    expect(entry.summary).toBe(
      '指定した氏名を記録 1件から削除（取り込み前の状態 1件・下書き 1件も削除）',
    );
    expect(JSON.stringify(entry)).not.toContain('鈴木');
    // Nothing of it is left in any table but the audit trail's own who-did-what.
    for (const table of db.tables.filter((t) => t.name !== 'audit'))
      expect(JSON.stringify(await table.toArray())).not.toMatch(/鈴木\s?次郎/);
    expect((await findNameUses(NAME)).records).toEqual([]);
  });

  it('refuses a one-character name and changes nothing', async () => {
    const { db } = await station();
    const before = await db.incidents.toArray();
    await expect(purgeName('山')).rejects.toBeInstanceOf(NamePurgeError);
    await expect(findNameUses('')).rejects.toThrow('削除する氏名を入力してください。');
    expect(await db.incidents.toArray()).toEqual(before);
  });
});
