import { beforeEach, expect, it, vi } from 'vitest';
import { freshDatabaseWithStation } from '../../testDatabase.ts';
import { procedureData } from '../../procedureFixtures.ts';
import { loadReviewInputs } from '../../../src/db/reviewQueries.ts';
import { deleteRecord, saveRecord } from '../../../src/db/records.ts';
import { closeFollowUp, createFollowUp } from '../../../src/db/followUps.ts';
import { saveLastBackupAt } from '../../../src/db/backupState.ts';
import { emptyContact } from '../../../src/features/contacts/contactFormValues.ts';
import type { SonaeDatabase } from '../../../src/db/database.ts';

let db: SonaeDatabase;

beforeEach(async () => {
  ({ db } = await freshDatabaseWithStation());
});

it('reads live records, open follow-ups and the last backup, never the incidents', async () => {
  const kept = await saveRecord('procedure', procedureData({ title: '残る手順' }));
  const gone = await saveRecord('procedure', procedureData({ title: '消す手順' }));
  await deleteRecord('procedure', gone.id);
  await saveRecord('contact', { ...emptyContact(), name: '佐藤' });
  const open = await createFollowUp({ targetType: 'procedure', targetId: kept.id, text: '直す' });
  const closed = await createFollowUp({ targetType: 'procedure', targetId: kept.id, text: '済' });
  await closeFollowUp(closed.id, '直した');
  await saveLastBackupAt('2026-11-01T00:00:00.000Z');
  const reads = (['toArray', 'where', 'count', 'get', 'each', 'orderBy'] as const).map((method) =>
    vi.spyOn(db.incidents, method),
  );

  const inputs = await loadReviewInputs();
  expect(inputs.procedures.map((p) => p.title)).toEqual(['残る手順']);
  expect(inputs.contacts.map((c) => c.name)).toEqual(['佐藤']);
  expect(inputs.followUps.map((f) => f.id)).toEqual([open.id]);
  expect(inputs.lastBackupAt).toBe('2026-11-01T00:00:00.000Z');
  // The count runs on every screen: it must not go near the (up to 50,000) incidents.
  for (const read of reads) expect(read).not.toHaveBeenCalled();
});
