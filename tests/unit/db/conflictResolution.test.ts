import { describe, expect, it } from 'vitest';
import { freshDatabaseWithStation } from '../../testDatabase.ts';
import { saveRecord } from '../../../src/db/records.ts';
import { applyMergePlan, planMerge } from '../../../src/db/mergeStore.ts';
import { exchangeTables } from '../../../src/db/exchangeTables.ts';
import { loadLeaves, resolveConflict } from '../../../src/db/conflicts.ts';
import { nextRevisionMeta, pickData } from '../../../src/domain/recordMeta.ts';
import { emptySystem, type SystemRecord } from '../../../src/domain/system.ts';
import { resolveConflictData } from '../../../src/domain/conflictResolution.ts';
import type { RecordFields } from '../../../src/domain/recordVersion.ts';
import type { SonaeDatabase } from '../../../src/db/database.ts';

const OTHER = '00000000-0000-4000-8000-0000000000bb';

async function mergeIn(db: SonaeDatabase, record: SystemRecord) {
  await db.transaction('rw', [db.systems, exchangeTables(db).conflicts], async () => {
    await applyMergePlan(db, await planMerge(db, [{ type: 'system', record }]));
  });
}

/** A system edited here and, concurrently, by a newer Sonae that added a field (minor 1.9). */
async function conflictWithNewerMinor() {
  const { db } = await freshDatabaseWithStation();
  const base = await saveRecord('system', { ...emptySystem(), name: '住民記録', vendor: 'A社' });
  const mine = await saveRecord('system', { ...pickData(base), vendor: 'B社' }, { id: base.id });
  const theirsData = { ...pickData(base), notes: '夜間は保守窓口へ', backupSite: '第二庁舎' };
  const theirs = {
    ...theirsData,
    ...nextRevisionMeta(base, theirsData, OTHER, '2026-11-20T00:00:00.000Z'),
    schemaVersion: '1.9',
  } as unknown as SystemRecord;
  await mergeIn(db, theirs);
  return { db, mine, theirs };
}

describe('resolveConflict', () => {
  it('keeps the fields of a newer minor version, and that version, through a resolution', async () => {
    const { db, mine } = await conflictWithNewerMinor();
    const leaves = await loadLeaves(db, 'system', mine.id);
    const data = resolveConflictData(
      'system',
      leaves.map((leaf) => pickData(leaf) as RecordFields),
    );
    expect(data).toMatchObject({ backupSite: '第二庁舎' });
    const resolved = await resolveConflict(
      'system',
      mine.id,
      data,
      leaves.map((leaf) => leaf.rev),
    );
    expect(resolved).toMatchObject({ schemaVersion: '1.9', backupSite: '第二庁舎' });
    expect(await exchangeTables(db).conflicts.count()).toBe(0);
  });

  it('accepts a deletion whatever data the view had combined, keeping no content', async () => {
    const { db } = await freshDatabaseWithStation();
    const base = await saveRecord('system', { ...emptySystem(), name: '旧システム' });
    const mine = await saveRecord('system', { ...pickData(base), vendor: 'B社' }, { id: base.id });
    const gone = {
      ...nextRevisionMeta(base, {}, OTHER, '2026-11-20T00:00:00.000Z', true),
    } as unknown as SystemRecord;
    await mergeIn(db, gone);
    // The tombstone's version has no name: chosen whole, the data would not be a valid system.
    const resolved = await resolveConflict('system', base.id, {}, [mine.rev, gone.rev], {
      deleted: true,
    });
    expect(resolved).toMatchObject({ deleted: true });
    expect(resolved).not.toHaveProperty('name');
    const audit = (await db.audit.toArray()).at(-1)!;
    expect(audit).toMatchObject({ action: 'delete' });
    expect(audit.summary).toContain('旧システム');
  });
});
