import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  currentActorName,
  currentOperator,
  getOperator,
  setOperator,
  subscribeOperator,
} from '../../../src/db/operator.ts';
import { appendAudit } from '../../../src/db/auditTrail.ts';
import { recordDataRelease } from '../../../src/db/dataRelease.ts';
import { closeFollowUp, createFollowUp } from '../../../src/db/followUps.ts';
import { importAuditEntry } from '../../../src/db/importAudit.ts';
import { loadCurrentOperator, loadStation, saveStation } from '../../../src/db/station.ts';
import { RecordValidationError } from '../../../src/db/errors.ts';
import type { Station } from '../../../src/domain/station.ts';
import { freshDatabaseWithStation } from '../../testDatabase.ts';
import type { SonaeDatabase } from '../../../src/db/database.ts';

// The operator of this browser session (PRODUCT.md decision 6) and the traces that name them.

let db: SonaeDatabase;
let station: Station;
beforeEach(async () => {
  sessionStorage.clear();
  ({ db, station } = await freshDatabaseWithStation());
  const { id: _, ...form } = station;
  station = await saveStation({ ...form, staffNames: ['山田 花子', '佐藤 一郎'] });
});
afterEach(() => {
  sessionStorage.clear();
  vi.restoreAllMocks();
});

const lastActor = async () => (await db.audit.orderBy('seq').last())?.actor;

describe('the operator store', () => {
  it('keeps the choice in sessionStorage, per station, and tells subscribers', () => {
    const heard = vi.fn();
    const stop = subscribeOperator(heard);
    setOperator(station.id, ' 佐藤 一郎 ');
    expect(getOperator(station.id)).toBe('佐藤 一郎');
    expect(Object.values({ ...sessionStorage })).toContain('佐藤 一郎');
    expect(getOperator('another-station')).toBeNull();
    setOperator(station.id, null);
    expect(getOperator(station.id)).toBeNull();
    expect(heard).toHaveBeenCalledTimes(2);
    stop();
    setOperator(station.id, '山田 花子');
    expect(heard).toHaveBeenCalledTimes(2);
  });

  it('still holds the choice for the page when the browser refuses sessionStorage', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    setOperator(station.id, '佐藤 一郎');
    expect(getOperator(station.id)).toBe('佐藤 一郎');
  });

  it('resolves the operator and the name traces carry', async () => {
    expect(currentOperator(station)).toBeNull();
    expect(currentActorName(station)).toBe('山田 花子'); // 担当者名 until someone is chosen
    setOperator(station.id, '佐藤 一郎');
    expect(currentOperator(station)).toBe('佐藤 一郎');
    expect(await loadCurrentOperator()).toBe('佐藤 一郎');
  });
});

describe('traces name the operator, not only the station', () => {
  it('an audit entry', async () => {
    setOperator(station.id, '佐藤 一郎');
    await db.transaction('rw', db.audit, () =>
      appendAudit(station, { action: 'settings', summary: 'テスト' }),
    );
    expect(await lastActor()).toBe('佐藤 一郎');
  });

  it('an audit entry falls back to 担当者名, then to the terminal', async () => {
    await appendAudit(station, { action: 'settings', summary: 'テスト' });
    expect(await lastActor()).toBe('山田 花子');
    await appendAudit(
      { ...station, staffName: '', staffNames: [] },
      { action: 'settings', summary: 'テスト' },
    );
    expect(await lastActor()).toBe('窓口PC-01');
  });

  it('a 持ち出し記録', async () => {
    setOperator(station.id, '佐藤 一郎');
    expect(await recordDataRelease({ kind: 'csv', name: 'a.csv', content: 'x' })).toBe(true);
    expect(await db.audit.orderBy('seq').last()).toMatchObject({
      action: 'export',
      actor: '佐藤 一郎',
      release: { where: '架空市 市民課 窓口PC-01' },
    });
  });

  it('an import’s audit entry', () => {
    setOperator(station.id, '佐藤 一郎');
    const entry = importAuditEntry({
      station,
      at: '2026-11-30T00:00:00.000Z',
      preview: {
        fileName: 'a.sonae.json',
        bundle: { issuer: { label: '架空市 情報政策課' }, sequence: 1 },
        signer: { label: '情報政策課の鍵' },
      } as never,
      counts: { new: 0, updated: 0, conflict: 0, unchanged: 0, refused: 0, attachments: 0 },
      plan: [],
      authors: [],
    });
    expect(entry.actor).toBe('佐藤 一郎');
  });

  it('closing a follow-up', async () => {
    const followUp = await createFollowUp({
      targetType: 'system',
      targetId: '00000000-0000-4000-8000-000000000001',
      text: '連絡先を直す',
    });
    setOperator(station.id, '佐藤 一郎');
    const closed = await closeFollowUp(followUp.id, '直した');
    expect(closed.closedBy).toBe('佐藤 一郎');
    expect(await lastActor()).toBe('佐藤 一郎');
  });
});

describe('the station’s staff list', () => {
  it('keeps working on a station stored before the list existed', async () => {
    const { staffNames: _, ...old } = station;
    await db.settings.put({ key: 'station', value: old });
    const loaded = (await loadStation())!;
    expect(loaded.staffNames).toBeUndefined();
    expect(currentOperator(loaded)).toBe('山田 花子'); // its one 担当者名, without asking
    await appendAudit(loaded, { action: 'settings', summary: 'テスト' });
    expect(await lastActor()).toBe('山田 花子');
  });

  it('refuses a bad list with Japanese messages and changes nothing', async () => {
    const before = await db.settings.get('station');
    const audits = await db.audit.count();
    const { id: _, ...form } = station;
    const error = await saveStation({ ...form, staffNames: ['佐藤 一郎', '佐藤 一郎'] }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RecordValidationError);
    expect((error as RecordValidationError).issues[0]!.message).toBe(
      '「佐藤 一郎」が2回入っています',
    );
    expect(await db.settings.get('station')).toEqual(before);
    expect(await db.audit.count()).toBe(audits);
  });
});
