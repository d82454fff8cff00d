import { describe, expect, it } from 'vitest';
import {
  emptyIncidentFilter,
  filterIncidents,
  incidentSearchText,
  type IncidentFilter,
} from '../../../src/domain/incidentFilter.ts';
import { emptyIncident, type IncidentRecord } from '../../../src/domain/incident.ts';
import { firstRevisionMeta } from '../../../src/domain/recordMeta.ts';
import { normalizeForSearch } from '../../../src/domain/text.ts';

const STATION = '00000000-0000-4000-8000-000000000001';
const SYS_A = '00000000-0000-4000-8000-00000000000a';
const SYS_B = '00000000-0000-4000-8000-00000000000b';

function incident(title: string, fields: Partial<IncidentRecord> = {}): IncidentRecord {
  const data = emptyIncident({
    title,
    systemId: SYS_A,
    occurredAt: '2026-11-10T03:00:00.000Z',
    ...fields,
  });
  return {
    ...data,
    ...firstRevisionMeta(data, STATION, '2026-11-10T03:00:00.000Z'),
    ...fields,
  } as IncidentRecord;
}

const list = [
  incident('住民票が印刷できない', {
    errorMessage: 'ＥＲＲ－１０２ 住所コード',
    status: 'inProgress',
    level: 2,
  }),
  incident('ﾛｸﾞｲﾝできない', {
    systemId: SYS_B,
    status: 'closed',
    level: 1,
    occurredAt: '2026-10-01T03:00:00.000Z',
  }),
  incident('画面が遅い', {
    status: 'resolved',
    level: null,
    occurredAt: '2026-11-20T03:00:00.000Z',
  }),
  incident('削除済み', { deleted: true }),
];
const names = new Map([
  [SYS_A, '住民記録システム'],
  [SYS_B, '税務システム'],
]);
const run = (filter: Partial<IncidentFilter>) =>
  filterIncidents(list, { ...emptyIncidentFilter, ...filter }, (i) =>
    incidentSearchText(i, names.get(i.systemId) ?? ''),
  ).map((i) => i.title);

describe('filterIncidents', () => {
  it('hides tombstones and sorts newest first by default', () => {
    expect(run({})).toEqual(['画面が遅い', '住民票が印刷できない', 'ﾛｸﾞｲﾝできない']);
    expect(run({ sort: 'occurredAsc' })).toEqual([
      'ﾛｸﾞｲﾝできない',
      '住民票が印刷できない',
      '画面が遅い',
    ]);
    expect(run({ sort: 'levelDesc' })[0]).toBe('住民票が印刷できない');
  });

  it.each([
    [{ status: 'open' }, ['住民票が印刷できない']],
    [{ status: 'closed' }, ['ﾛｸﾞｲﾝできない']],
    [{ systemId: SYS_B }, ['ﾛｸﾞｲﾝできない']],
    [{ level: '2' }, ['住民票が印刷できない']],
    [{ level: 'none' }, ['画面が遅い']],
    [{ from: '2026-11-01', to: '2026-11-10' }, ['住民票が印刷できない']],
    [{ text: 'err-102' }, ['住民票が印刷できない']],
    [{ text: 'ログイン' }, ['ﾛｸﾞｲﾝできない']],
    [{ text: '税務 できない' }, ['ﾛｸﾞｲﾝできない']],
    [{ text: '対応中' }, ['住民票が印刷できない']],
    [{ text: '存在しない言葉' }, []],
  ] as [Partial<IncidentFilter>, string[]][])('filter %j → %j', (filter, expected) => {
    expect(run(filter)).toEqual(expected);
  });
});

describe('normalizeForSearch', () => {
  it('folds width, case and dashes', () => {
    expect(normalizeForSearch('ＥＲＲ－１０２')).toBe('err-102');
    expect(normalizeForSearch('ｴﾗｰ')).toBe(normalizeForSearch('エラー'));
  });
});
