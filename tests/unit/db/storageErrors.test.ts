import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { openFreshDatabase } from '../../testDatabase.ts';
import { onDatabaseProblem } from '../../../src/db/databaseEvents.ts';
import {
  describeStorageError,
  RecordValidationError,
  StaleRecordError,
  StationMissingError,
} from '../../../src/db/errors.ts';
import { CURRENT_SCHEMA_VERSION } from '../../../src/db/database.ts';

describe('describeStorageError', () => {
  it.each([
    [new DOMException('full', 'QuotaExceededError'), '保存領域が不足'],
    [
      Object.assign(new Error('x'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } }),
      '保存領域が不足',
    ],
    [Object.assign(new Error('x'), { name: 'DatabaseClosedError' }), '別のタブで新しい版'],
    [Object.assign(new Error('x'), { name: 'MissingAPIError' }), 'プライベートブラウズ'],
    [new StaleRecordError('x'), '別の画面で更新されています'],
    [new StationMissingError('x'), '端末の設定がまだです'],
    [
      new RecordValidationError([
        { code: 'custom', path: ['title'], message: '件名を入力してください', input: '' },
      ]),
      '件名を入力してください',
    ],
    [new Error('boom'), '保存できませんでした（Error）'],
  ])('explains %s in Japanese', (error, expected) => {
    const text = describeStorageError(error);
    expect(text).toContain(expected);
  });
});

describe('onDatabaseProblem', () => {
  it('reports when another tab opens a newer version of the database', async () => {
    const { db, indexedDB } = openFreshDatabase();
    await db.open();
    const problems: string[] = [];
    const stop = onDatabaseProblem((p) => problems.push(p));
    const newer = new Dexie('sonae', { indexedDB, IDBKeyRange });
    newer.version(CURRENT_SCHEMA_VERSION + 1).stores({ extra: 'id' });
    await newer.open(); // succeeds because our connection closes itself on 'versionchange'
    expect(problems).toEqual(['versionchange']);
    expect(db.isOpen()).toBe(false);
    stop();
    newer.close();
  });
});
