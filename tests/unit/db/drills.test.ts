import { beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { CURRENT_SCHEMA_VERSION, schemaVersions, SonaeDatabase } from '../../../src/db/database.ts';
import { setDatabase } from '../../../src/db/instance.ts';
import { getLiveRecord, saveRecord } from '../../../src/db/records.ts';
import { RecordValidationError, StaleRecordError } from '../../../src/db/errors.ts';
import {
  appendDrillEvent,
  endDrill,
  loadActiveDrill,
  openFindingFollowUp,
  startDrill,
} from '../../../src/db/drills.ts';
import { closeFollowUp, createFollowUp, loadOpenFollowUps } from '../../../src/db/followUps.ts';
import { emptyDrill } from '../../../src/domain/drill.ts';
import { emptySystem } from '../../../src/domain/system.ts';
import { freshDatabaseWithStation } from '../../testDatabase.ts';

const PROCEDURE = '00000000-0000-4000-8000-0000000000a1';
const CONTACT = '00000000-0000-4000-8000-0000000000c1';

describe('Dexie version 6 (drills and follow-ups)', () => {
  it('opens a version-5 database, keeps its data and adds the two queryable tables', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('sonae', { indexedDB, IDBKeyRange });
    for (const v of schemaVersions.filter((s) => s.version <= 5))
      old.version(v.version).stores(v.stores);
    await old.open();
    await old.table('settings').put({ key: 'keep', value: 1 });
    old.close();

    const db = new SonaeDatabase('sonae', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect((await db.settings.get('keep'))?.value).toBe(1);
    expect(await db.drills.count()).toBe(0);
    // The indexes the review list and record pages query exist.
    expect(
      await db.followUps.where('[targetType+targetId]').equals(['procedure', PROCEDURE]).count(),
    ).toBe(0);
    expect(await db.followUps.where('status').equals('open').count()).toBe(0);
    expect(await db.drills.where('plannedOn').above('2026-01-01').count()).toBe(0);
    db.close();
    setDatabase(new SonaeDatabase('unused', { indexedDB: new IDBFactory(), IDBKeyRange }));
  });
});

describe('follow-ups', () => {
  beforeEach(async () => {
    await freshDatabaseWithStation();
  });

  it('lists open follow-ups by record and by status, and closes one with who and when', async () => {
    const first = await createFollowUp({
      targetType: 'procedure',
      targetId: PROCEDURE,
      text: '手順2を直す',
    });
    await createFollowUp({ targetType: 'contact', targetId: CONTACT, text: '電話番号を確かめる' });
    expect((await loadOpenFollowUps('procedure', PROCEDURE)).map((f) => f.text)).toEqual([
      '手順2を直す',
    ]);
    expect(await loadOpenFollowUps('contact')).toHaveLength(1);
    expect(await loadOpenFollowUps()).toHaveLength(2);

    const closed = await closeFollowUp(first.id, '手順書を第2版にした');
    expect(closed).toMatchObject({
      status: 'closed',
      closedBy: '山田 花子',
      closeNote: '手順書を第2版にした',
    });
    expect(closed.closedAt).toMatch(/Z$/);
    expect(await loadOpenFollowUps('procedure', PROCEDURE)).toEqual([]);
    await expect(closeFollowUp(first.id, 'もう一度')).rejects.toBeInstanceOf(StaleRecordError);
  });

  it('refuses an empty text with a Japanese message and writes nothing', async () => {
    const attempt = createFollowUp({ targetType: 'system', targetId: PROCEDURE, text: '  ' });
    await expect(attempt).rejects.toBeInstanceOf(RecordValidationError);
    await expect(attempt).rejects.toThrow('対応することを入力してください');
    expect(await loadOpenFollowUps()).toEqual([]);
  });
});

describe('drill mode', () => {
  let drillId: string;
  beforeEach(async () => {
    await freshDatabaseWithStation();
    const system = await saveRecord('system', { ...emptySystem(), name: '住民記録システム' });
    const drill = await saveRecord('drill', {
      ...emptyDrill(),
      title: '住民記録システム停止訓練',
      plannedOn: '2026-11-29',
      systemId: system.id,
      scenario: 'サーバー停止',
    });
    drillId = drill.id;
  });

  it('starts, records the timeline, ends with findings and leaves drill mode', async () => {
    expect(await loadActiveDrill()).toBeNull();
    await startDrill(drillId);
    expect((await loadActiveDrill())?.status).toBe('running');
    await appendDrillEvent(drillId, {
      kind: 'phaseOpened',
      text: '初動',
      phase: 'initial',
      refId: PROCEDURE,
    });
    await appendDrillEvent(drillId, {
      kind: 'contactMade',
      text: 'サポートセンター',
      phase: null,
      refId: CONTACT,
    });
    const ended = await endDrill(drillId, ['連絡先の番号が古い', ' ']);
    expect(ended.status).toBe('done');
    expect(ended.timeline.map((e) => e.kind)).toEqual([
      'started',
      'phaseOpened',
      'contactMade',
      'ended',
    ]);
    expect(ended.findings.map((f) => f.text)).toEqual(['連絡先の番号が古い']);
    expect(await loadActiveDrill()).toBeNull();
    // A drill that is over takes no more entries.
    await appendDrillEvent(drillId, { kind: 'note', text: '後から', phase: null, refId: null });
    expect((await getLiveRecord('drill', drillId))?.timeline).toHaveLength(4);
  });

  it('opens a follow-up for a finding and links both ways, once', async () => {
    await startDrill(drillId);
    const ended = await endDrill(drillId, ['手順の初動が分かりにくい']);
    const findingId = ended.findings[0]!.id;
    const followUp = await openFindingFollowUp(drillId, findingId, {
      targetType: 'procedure',
      targetId: PROCEDURE,
    });
    expect(followUp).toMatchObject({
      drillId,
      findingId,
      text: '手順の初動が分かりにくい',
      status: 'open',
    });
    expect((await loadOpenFollowUps('procedure', PROCEDURE)).map((f) => f.id)).toEqual([
      followUp.id,
    ]);
    await expect(
      openFindingFollowUp(drillId, findingId, { targetType: 'procedure', targetId: PROCEDURE }),
    ).rejects.toBeInstanceOf(StaleRecordError);
  });

  it('runs one drill at a time: starting another is refused in Japanese and changes nothing', async () => {
    const other = await saveRecord('drill', {
      ...emptyDrill(),
      title: '別の訓練',
      plannedOn: '2026-11-30',
      systemId: (await getLiveRecord('drill', drillId))!.systemId,
      scenario: '想定',
    });
    await startDrill(drillId);
    await expect(startDrill(other.id)).rejects.toThrow(
      '訓練「住民記録システム停止訓練」が実施中です。先にその訓練を終了してください。',
    );
    expect((await loadActiveDrill())?.id).toBe(drillId);
    expect((await getLiveRecord('drill', other.id))?.status).toBe('planned');
    // Starting the running one again is harmless.
    await startDrill(drillId);
    expect((await getLiveRecord('drill', drillId))?.timeline).toHaveLength(1);
  });

  it('refuses a finding that is too long and changes nothing', async () => {
    await startDrill(drillId);
    await expect(endDrill(drillId, ['あ'.repeat(4001)])).rejects.toThrow('4000文字以内');
    expect((await loadActiveDrill())?.status).toBe('running');
  });
});
