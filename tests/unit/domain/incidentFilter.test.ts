import { describe, expect, it } from 'vitest';
import {
  emptyIncidentFilter,
  incidentFilterFromParams,
  incidentFilterToParams,
  isIncidentFilterActive,
  type IncidentFilter,
} from '../../../src/domain/incidentFilter.ts';
import { incidentListRowOf, isLiveIncidentRow } from '../../../src/domain/incidentSearch.ts';
import {
  buildSearchIndex,
  combineSearchChunks,
  searchChunkOf,
  searchIncidentIndex,
} from '../../../src/domain/incidentSearchIndex.ts';
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
const rows = list.map((i) => incidentListRowOf(i)).filter(isLiveIncidentRow);
const run = (filter: Partial<IncidentFilter>) =>
  searchIncidentIndex(buildSearchIndex(rows), { ...emptyIncidentFilter, ...filter }, names).map(
    (i) => i.title,
  );

describe('searchIncidentIndex', () => {
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

describe('the index read in chunks', () => {
  // 「E-0」…「E-29」 in three chunks, oldest first, as loadIncidentSearchIndex builds it.
  const many = Array.from({ length: 30 }, (_, n) =>
    incidentListRowOf(
      incident(`件名${n}`, {
        errorMessage: `E-${n}`,
        occurredAt: new Date(Date.UTC(2026, 0, 1 + n)).toISOString(),
        level: n % 3 === 0 ? 3 : 1,
        updatedAt: new Date(Date.UTC(2026, 5, 30 - n)).toISOString(),
      }),
    ),
  ).filter(isLiveIncidentRow);
  const index = combineSearchChunks(
    [0, 10, 20].map((at) => searchChunkOf(many.slice(at, at + 10))),
  );
  const find = (filter: Partial<IncidentFilter>) =>
    searchIncidentIndex(index, { ...emptyIncidentFilter, ...filter }).map((r) => r.errorMessage);

  it('finds a term in every chunk, once per row, newest first', () => {
    expect(find({ text: 'e-2' })).toEqual([
      'E-29',
      'E-28',
      'E-27',
      'E-26',
      'E-25',
      'E-24',
      'E-23',
      'E-22',
      'E-21',
      'E-20',
      'E-2',
    ]);
    expect(find({ text: 'E-1' })).toHaveLength(11);
    // A term never runs from one row's text into the next one's.
    expect(find({ text: '9\n件名' })).toEqual(find({ text: '9 件名' }));
    expect(find({ text: 'e-29' })).toEqual(['E-29']);
  });

  it('sorts by every order the list offers', () => {
    expect(find({ sort: 'occurredAsc' }).slice(0, 3)).toEqual(['E-0', 'E-1', 'E-2']);
    expect(find({ sort: 'occurredDesc' }).slice(0, 3)).toEqual(['E-29', 'E-28', 'E-27']);
    // Level 3 first, newest first among equals.
    expect(find({ sort: 'levelDesc' }).slice(0, 3)).toEqual(['E-27', 'E-24', 'E-21']);
    expect(find({ sort: 'updatedDesc' }).slice(0, 3)).toEqual(['E-0', 'E-1', 'E-2']);
  });

  it('combines words, dates and the level with the text', () => {
    expect(find({ text: 'e-1 件名1' })).toHaveLength(11);
    expect(find({ text: 'e-1', level: '3' })).toEqual(['E-18', 'E-15', 'E-12']);
    expect(find({ from: '2026-01-05', to: '2026-01-06', text: 'e' })).toHaveLength(2);
  });
});

describe('incidentListRowOf', () => {
  it('keeps what a row shows and folds the text once', () => {
    const row = incidentListRowOf(list[0]!);
    expect(row).toMatchObject({
      title: '住民票が印刷できない',
      status: 'inProgress',
      level: 2,
      errorMessage: 'ＥＲＲ－１０２ 住所コード',
    });
    expect(isLiveIncidentRow(row) && row.text).toBe(
      ['住民票が印刷できない', 'err-102 住所コ-ド', '対応中', '自分の端末のみ'].join('\n'),
    );
  });

  it('keeps only id, rev and time of a tombstone, and never throws on an odd record', () => {
    const tomb = incidentListRowOf({ id: 'x', rev: '2-a', updatedAt: 'T', deleted: true });
    expect(tomb).toEqual({ id: 'x', rev: '2-a', updatedAt: 'T', deleted: true });
    const odd = incidentListRowOf({ id: 'y', occurredAt: '2026-01-01T00:00:00Z', status: 9 });
    expect(odd).toMatchObject({ id: 'y', status: 'occurred', title: '', scope: 'self' });
  });
});

describe('the filter in the URL', () => {
  it('reads back what it writes, and leaves defaults out', () => {
    const filter: IncidentFilter = {
      ...emptyIncidentFilter,
      text: 'E-1234 印刷',
      status: 'open',
      sort: 'levelDesc',
    };
    const params = incidentFilterToParams(filter);
    expect(params.toString()).toBe('status=open&q=E-1234+%E5%8D%B0%E5%88%B7&sort=levelDesc');
    expect(incidentFilterFromParams(params)).toEqual(filter);
    expect(incidentFilterToParams(emptyIncidentFilter).toString()).toBe('');
  });

  it('ignores values it does not know', () => {
    expect(incidentFilterFromParams(new URLSearchParams('status=lost&sort=random'))).toEqual(
      emptyIncidentFilter,
    );
    expect(isIncidentFilterActive({ ...emptyIncidentFilter, text: '  ' })).toBe(false);
    expect(isIncidentFilterActive({ ...emptyIncidentFilter, level: 'none' })).toBe(true);
  });
});

describe('the list row of a drill incident', () => {
  it('says it was started in a drill, and only then', () => {
    const drill = incidentListRowOf(incident('訓練の障害', { drillId: SYS_A }));
    const real = incidentListRowOf(incident('本当の障害'));
    expect(isLiveIncidentRow(drill) && drill.drill).toBe(true);
    expect(isLiveIncidentRow(real) && real.drill).toBeUndefined();
  });
});
