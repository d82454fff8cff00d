import { describe, expect, it } from 'vitest';
import { freshDatabaseWithStation } from '../../testDatabase.ts';
import { saveRecord } from '../../../src/db/records.ts';
import { emptySystem, type SystemRecord } from '../../../src/domain/system.ts';
import { nextRevisionMeta, pickData } from '../../../src/domain/recordMeta.ts';
import { applyMergePlan, planMerge } from '../../../src/db/mergeStore.ts';
import { exchangeTables } from '../../../src/db/exchangeTables.ts';
import { listConflicts, loadLeaves, resolveConflict } from '../../../src/db/conflicts.ts';
import { StaleRecordError } from '../../../src/db/errors.ts';
import type { SonaeDatabase } from '../../../src/db/database.ts';

const OTHER = '00000000-0000-4000-8000-0000000000bb';

async function mergeIn(db: SonaeDatabase, records: SystemRecord[]) {
  return db.transaction('rw', [db.systems, exchangeTables(db).conflicts], async () => {
    const plan = await planMerge(
      db,
      records.map((record) => ({ type: 'system' as const, record })),
    );
    await applyMergePlan(db, plan);
    return plan;
  });
}

async function conflictedSystem() {
  const { db } = await freshDatabaseWithStation();
  const base = await saveRecord('system', { ...emptySystem(), name: '住民記録', vendor: 'A社' });
  const mine = await saveRecord('system', { ...pickData(base), vendor: 'B社' }, { id: base.id });
  const theirsData = { ...pickData(base), notes: '夜間は保守窓口へ' };
  const theirs = {
    ...theirsData,
    ...nextRevisionMeta(base, theirsData, OTHER, '2001-01-01T00:00:00.000Z'),
  };
  const plan = await mergeIn(db, [theirs]);
  return { db, base, mine, theirs, plan };
}

describe('merge into the database', () => {
  it('keeps a concurrent edit as a sibling beside the deterministic winner', async () => {
    const { db, mine, theirs, plan } = await conflictedSystem();
    expect(plan.map((p) => p.change)).toEqual(['conflict']);
    const leaves = await loadLeaves(db, 'system', mine.id);
    expect(leaves.map((l) => l.rev).sort()).toEqual([mine.rev, theirs.rev].sort());
    expect((await db.systems.get(mine.id))!.rev).toBe(leaves[0]!.rev);
    expect(await exchangeTables(db).conflicts.count()).toBe(1);
    expect(await listConflicts()).toEqual([
      { type: 'system', id: mine.id, title: '住民記録', versions: 2 },
    ]);
  });

  it('is idempotent: merging the same leaves again writes nothing new', async () => {
    const { db, theirs } = await conflictedSystem();
    const again = await mergeIn(db, [theirs]);
    expect(again.map((p) => p.change)).toEqual(['unchanged']);
    expect(await exchangeTables(db).conflicts.count()).toBe(1);
  });

  it('resolves by combining fields into a revision that supersedes both, removing the sibling', async () => {
    const { db, mine, theirs } = await conflictedSystem();
    const combined = { ...pickData(mine), notes: theirs.notes };
    const resolved = await resolveConflict('system', mine.id, combined, [mine.rev, theirs.rev]);
    expect(resolved).toMatchObject({ vendor: 'B社', notes: '夜間は保守窓口へ' });
    expect(resolved.revisions).toEqual(expect.arrayContaining([mine.rev, theirs.rev]));
    expect(await exchangeTables(db).conflicts.count()).toBe(0);
    expect(await db.systems.get(mine.id)).toEqual(resolved);
    const audit = await db.audit.where('recordId').equals(mine.id).last();
    expect(audit!.summary).toContain('競合を解決');
    // The old leaves arriving again change nothing.
    expect((await mergeIn(db, [mine as SystemRecord, theirs])).map((p) => p.change)).toEqual([
      'unchanged',
    ]);
  });

  it('refuses to resolve versions that changed since they were shown, and writes nothing', async () => {
    const { db, mine } = await conflictedSystem();
    const auditBefore = await db.audit.count();
    await expect(
      resolveConflict('system', mine.id, pickData(mine), [mine.rev]),
    ).rejects.toBeInstanceOf(StaleRecordError);
    expect(await exchangeTables(db).conflicts.count()).toBe(1);
    expect(await db.audit.count()).toBe(auditBefore);
  });

  it('refuses invalid combined data', async () => {
    const { mine, theirs } = await conflictedSystem();
    await expect(
      resolveConflict('system', mine.id, { ...pickData(mine), name: '' }, [mine.rev, theirs.rev]),
    ).rejects.toThrow('システム名');
  });
});

describe('planMerge in bulk', () => {
  it('plans a large batch (the bulk read path) exactly like single records', async () => {
    const { db } = await freshDatabaseWithStation();
    const stored: SystemRecord[] = [];
    for (let i = 0; i < 60; i += 1)
      stored.push(await saveRecord('system', { ...emptySystem(), name: `既存${i}` }));
    const fresh = Array.from({ length: 90 }, (_, i) => {
      const data = { ...emptySystem(), name: `新規${i}` };
      return {
        ...data,
        ...nextRevisionMeta(
          { ...stored[0]!, id: crypto.randomUUID(), rev: stored[0]!.rev },
          data,
          OTHER,
          '2001-01-01T00:00:00.000Z',
        ),
      };
    });
    const plan = await mergeIn(db, [...stored, ...fresh]);
    const counts = plan.reduce<Record<string, number>>(
      (c, p) => ({ ...c, [p.change]: (c[p.change] ?? 0) + 1 }),
      {},
    );
    expect(counts).toEqual({ unchanged: 60, new: 90 });
    expect(await db.systems.count()).toBe(150);
  });

  it('pauses every 5,000 records for a preview, with the same plan and names', async () => {
    const { db } = await freshDatabaseWithStation();
    const kept = await saveRecord('system', { ...emptySystem(), name: '既存のシステム' });
    const gone = {
      ...nextRevisionMeta(kept, {}, OTHER, '2001-01-01T00:00:00.000Z', true),
    } as SystemRecord;
    const fresh = Array.from({ length: 10_001 }, (_, i) => ({
      ...emptySystem(),
      name: `新規${i}`,
      ...nextRevisionMeta(kept, {}, OTHER, '2001-01-01T00:00:00.000Z'),
      id: crypto.randomUUID(),
    }));
    const incoming = [gone, ...fresh].map((record) => ({ type: 'system' as const, record }));
    let pauses = 0;
    const paused = await planMerge(db, incoming, { pause: async () => void (pauses += 1) });
    expect(pauses).toBe(2);
    expect(paused).toEqual(await planMerge(db, incoming));
    expect(paused[0]).toMatchObject({ id: kept.id, change: 'updated', title: '（削除済み）' });
    expect(paused[1]).toMatchObject({ change: 'new', title: '新規0' });
  });
});

describe('resolving a conflict with a deletion', () => {
  it('accepts the deletion as a tombstone that supersedes both versions', async () => {
    const { db } = await freshDatabaseWithStation();
    const base = await saveRecord('system', { ...emptySystem(), name: '旧システム' });
    const mine = await saveRecord('system', { ...pickData(base), vendor: 'B社' }, { id: base.id });
    const gone = {
      ...pickData(base),
      ...nextRevisionMeta(base, pickData(base), OTHER, '2001-01-01T00:00:00.000Z', true),
    };
    await mergeIn(db, [gone]);
    const resolved = await resolveConflict(
      'system',
      base.id,
      pickData(mine),
      [mine.rev, gone.rev],
      {
        deleted: true,
      },
    );
    expect(resolved.deleted).toBe(true);
    expect(resolved.revisions).toEqual(expect.arrayContaining([mine.rev, gone.rev]));
    expect(await exchangeTables(db).conflicts.count()).toBe(0);
    expect((await db.audit.toArray()).at(-1)).toMatchObject({ action: 'delete' });
  });
});
