import { describe, expect, it } from 'vitest';
import { freshDatabaseWithStation, openFreshDatabase } from '../../testDatabase.ts';
import { deleteRecord, saveRecord } from '../../../src/db/records.ts';
import {
  RecordValidationError,
  StaleRecordError,
  StationMissingError,
} from '../../../src/db/errors.ts';
import { emptySystem } from '../../../src/domain/system.ts';
import { emptyIncident } from '../../../src/domain/incident.ts';
import { incidentSchema } from '../../../src/domain/incident.ts';
import { saveDraft } from '../../../src/db/drafts.ts';

describe('saveRecord', () => {
  it('creates a record with first-revision metadata and one audit entry', async () => {
    const { db, station } = await freshDatabaseWithStation();
    const saved = await saveRecord('system', { ...emptySystem(), name: '住民記録システム' });
    expect(saved.rev).toMatch(/^1-[0-9a-f]{32}$/);
    expect(saved.revisions).toEqual([]);
    expect(saved.createdBy).toBe(station.id);
    expect(saved.deleted).toBe(false);
    expect(await db.systems.get(saved.id)).toEqual(saved);
    const audit = await db.audit.where('recordId').equals(saved.id).toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', recordType: 'system', rev: saved.rev });
    expect(audit[0]!.summary).toContain('住民記録システム');
  });

  it('updates with a child revision whose ancestry names the parent', async () => {
    await freshDatabaseWithStation();
    const first = await saveRecord('system', { ...emptySystem(), name: 'A' });
    const second = await saveRecord(
      'system',
      { ...emptySystem(), name: 'B' },
      { id: first.id, baseRev: first.rev },
    );
    expect(second.rev).toMatch(/^2-/);
    expect(second.revisions).toEqual([first.rev]);
    expect(second.createdAt).toBe(first.createdAt);
  });

  it('refuses a stale edit and writes nothing', async () => {
    const { db } = await freshDatabaseWithStation();
    const first = await saveRecord('system', { ...emptySystem(), name: 'A' });
    await saveRecord(
      'system',
      { ...emptySystem(), name: 'B' },
      { id: first.id, baseRev: first.rev },
    );
    const auditBefore = await db.audit.count();
    await expect(
      saveRecord('system', { ...emptySystem(), name: 'C' }, { id: first.id, baseRev: first.rev }),
    ).rejects.toBeInstanceOf(StaleRecordError);
    expect((await db.systems.get(first.id))!.name).toBe('B');
    expect(await db.audit.count()).toBe(auditBefore);
  });

  it('refuses invalid data with Japanese messages at the field and writes nothing', async () => {
    const { db } = await freshDatabaseWithStation();
    const error = await saveRecord('incident', emptyIncident()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordValidationError);
    const paths = (error as RecordValidationError).issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['title', 'systemId', 'occurredAt']));
    expect((error as RecordValidationError).message).toContain('件名を入力してください');
    expect(await db.incidents.count()).toBe(0);
  });

  it('refuses to write before the station is set up', async () => {
    const { db } = openFreshDatabase();
    await expect(saveRecord('system', { ...emptySystem(), name: 'A' })).rejects.toBeInstanceOf(
      StationMissingError,
    );
    expect(await db.systems.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('discards the draft in the same transaction as the save', async () => {
    const { db } = await freshDatabaseWithStation();
    await saveDraft('system:new', { name: 'A' });
    await saveRecord('system', { ...emptySystem(), name: 'A' }, { draftKey: 'system:new' });
    expect(await db.drafts.get('system:new')).toBeUndefined();
  });

  it('stores a record that passes its own record schema', async () => {
    await freshDatabaseWithStation();
    const system = await saveRecord('system', { ...emptySystem(), name: 'A' });
    const incident = await saveRecord('incident', {
      ...emptyIncident(),
      title: '証明書が印刷できない',
      systemId: system.id,
      occurredAt: '2026-11-20T00:30:00.000Z',
    });
    expect(incidentSchema.safeParse(incident).success).toBe(true);
  });
});

describe('deleteRecord', () => {
  it('leaves a tombstone with a new revision and audits it', async () => {
    const { db } = await freshDatabaseWithStation();
    const saved = await saveRecord('system', { ...emptySystem(), name: 'A' });
    await deleteRecord('system', saved.id, saved.rev);
    const tomb = (await db.systems.get(saved.id))!;
    expect(tomb.deleted).toBe(true);
    expect(tomb.rev).toMatch(/^2-/);
    expect(tomb.revisions).toEqual([saved.rev]);
    const actions = (await db.audit.where('recordId').equals(saved.id).toArray()).map(
      (a) => a.action,
    );
    expect(actions).toEqual(['create', 'delete']);
  });

  // Issue 12, item 21: breaking the stale-write check used to leave every test green.
  it('refuses to delete a record changed since it was shown, and writes nothing', async () => {
    const { db } = await freshDatabaseWithStation();
    const first = await saveRecord('system', { ...emptySystem(), name: 'A' });
    const second = await saveRecord(
      'system',
      { ...emptySystem(), name: 'B' },
      { id: first.id, baseRev: first.rev },
    );
    const auditBefore = await db.audit.count();
    await expect(deleteRecord('system', first.id, first.rev)).rejects.toBeInstanceOf(
      StaleRecordError,
    );
    expect(await db.systems.get(first.id)).toEqual(second);
    expect(await db.audit.count()).toBe(auditBefore);
  });

  it('refuses to delete a record that is missing or already deleted, and writes nothing', async () => {
    const { db } = await freshDatabaseWithStation();
    const saved = await saveRecord('system', { ...emptySystem(), name: 'A' });
    await deleteRecord('system', saved.id, saved.rev);
    const tomb = await db.systems.get(saved.id);
    const auditBefore = await db.audit.count();
    await expect(deleteRecord('system', saved.id)).rejects.toBeInstanceOf(StaleRecordError);
    await expect(
      deleteRecord('system', '00000000-0000-4000-8000-00000000dead'),
    ).rejects.toBeInstanceOf(StaleRecordError);
    expect(await db.systems.get(saved.id)).toEqual(tomb);
    expect(await db.audit.count()).toBe(auditBefore);
  });

  it('deletes without a base revision, keeps no content, and names the record in the audit trail', async () => {
    const { db } = await freshDatabaseWithStation();
    const saved = await saveRecord('system', { ...emptySystem(), name: '住民記録', vendor: 'A社' });
    await deleteRecord('system', saved.id);
    const tomb = (await db.systems.get(saved.id)) as unknown as Record<string, unknown>;
    expect(tomb).toMatchObject({ deleted: true, revisions: [saved.rev] });
    expect(tomb).not.toHaveProperty('name');
    expect(tomb).not.toHaveProperty('vendor');
    const last = (await db.audit.toArray()).at(-1)!;
    expect(last).toMatchObject({ action: 'delete', recordId: saved.id, rev: tomb.rev });
    expect(last.summary).toBe('システム「住民記録」を削除');
  });
});
