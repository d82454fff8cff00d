import { describe, expect, it } from 'vitest';
import { incidentListRowOf, type IncidentListRow } from '../../../src/domain/incidentSearch.ts';
import {
  bigramSimilarity,
  createSimilarIncidentFinder,
  type SimilarQuery,
} from '../../../src/domain/similarIncidents.ts';

function row(id: string, fields: Record<string, unknown>): IncidentListRow {
  return incidentListRowOf({
    id,
    rev: '1-a',
    updatedAt: '2026-01-01T00:00:00.000Z',
    occurredAt: '2026-01-01T00:00:00.000Z',
    status: 'resolved',
    scope: 'self',
    systemId: 'sys-other',
    title: '',
    errorMessage: '',
    ...fields,
  });
}

const query = (q: Partial<SimilarQuery>): SimilarQuery => ({
  errorMessage: '',
  systemId: '',
  text: '',
  ...q,
});

const rows = [
  row('wording', { title: '住民票の写しが印刷できない', symptoms: 'プリンターから出力されない' }),
  row('system', { systemId: 'sys-1', title: 'ログイン後に画面が固まる' }),
  row('code', { errorMessage: 'ERR-102 住所コードが不正です', title: '転入届の登録でエラー' }),
  row('unrelated', { title: '課税額が空欄になる' }),
];

describe('similar incidents', () => {
  it('ranks the same error code first, then the same system, then similar wording', () => {
    const found = createSimilarIncidentFinder().find(
      query({ errorMessage: 'ｅｒｒ－１０２', systemId: 'sys-1', text: '住民票が印刷できない' }),
      rows,
    );
    expect(found.map((f) => f.row.id)).toEqual(['code', 'system', 'wording']);
    expect(found.map((f) => f.reasons)).toEqual([['code'], ['system'], ['wording']]);
    expect(found[0]!.score).toBeGreaterThan(found[1]!.score);
  });

  it('puts the same code above the same system even when the wording matches fully', () => {
    const found = createSimilarIncidentFinder().find(
      query({ errorMessage: 'ERR-102', systemId: 'sys-1', text: 'ログイン' }),
      [
        row('system', { systemId: 'sys-1', title: 'ログイン' }),
        row('code', { errorMessage: 'ERR-102' }),
      ],
    );
    expect(found.map((f) => f.row.id)).toEqual(['code', 'system']);
  });

  it('never suggests the incident being edited nor a deleted one', () => {
    const deleted: IncidentListRow = { id: 'gone', rev: '2-b', updatedAt: '', deleted: true };
    const found = createSimilarIncidentFinder().find(
      query({ errorMessage: 'ERR-102', excludeId: 'code' }),
      [...rows, deleted],
    );
    expect(found).toEqual([]);
  });

  it('shows nothing before anything is typed, even with a system chosen', () => {
    expect(createSimilarIncidentFinder().find(query({ systemId: 'sys-1' }), rows)).toEqual([]);
  });

  it('keeps only the top N, most recent first among equals', () => {
    const many = Array.from({ length: 8 }, (_, i) =>
      row(`r${i}`, { systemId: 'sys-1', occurredAt: `2026-01-0${i + 1}T00:00:00.000Z` }),
    );
    const found = createSimilarIncidentFinder().find(
      query({ systemId: 'sys-1', text: 'xy' }),
      many,
      3,
    );
    expect(found.map((f) => f.row.id)).toEqual(['r7', 'r6', 'r5']);
  });

  it('measures Japanese wording by character bigrams, folding width and case', () => {
    expect(bigramSimilarity('印刷できない', '住民票の写しが印刷できない')).toBe(1);
    expect(bigramSimilarity('ﾌﾟﾘﾝﾀｰ', 'プリンター')).toBe(1);
    expect(bigramSimilarity('印刷できない', 'ログインできない')).toBeCloseTo(3 / 5);
    expect(bigramSimilarity('印刷', '課税額')).toBe(0);
  });

  it('indexes ahead in chunks, done only after the last one', () => {
    const finder = createSimilarIncidentFinder();
    const step = finder.prepare(rows, 3);
    expect(step()).toBe(false);
    expect(step()).toBe(true);
    expect(finder.find(query({ errorMessage: 'ERR-102' }), rows).map((f) => f.row.id)).toEqual([
      'code',
    ]);
  });

  it('uses a row again only while its revision is the same', () => {
    const finder = createSimilarIncidentFinder();
    const before = row('a', { title: '印刷できない' });
    expect(finder.find(query({ text: '印刷できない' }), [before])).toHaveLength(1);
    const edited = { ...row('a', { title: '課税額が空欄' }), rev: '2-b' };
    expect(finder.find(query({ text: '印刷できない' }), [edited])).toHaveLength(0);
  });

  // Timings live in `npm run bench:incidents` (real Chromium, 10,000 and 50,000 incidents); this
  // checks the same path for results: prepared in chunks, ranked per keystroke, rebuilt on change.
  it('follows typing over many rows, prepared a chunk at a time', () => {
    const systems = ['sys-1', 'sys-2', 'sys-3', 'sys-4'];
    const words = [
      '印刷',
      'ログイン',
      '帳票',
      '住所',
      '課税',
      '接続',
      '画面',
      '固まる',
      '遅い',
      '停止',
    ];
    const many = Array.from({ length: 3_000 }, (_, i) =>
      row(`id-${i}`, {
        rev: '1-a',
        systemId: systems[i % systems.length],
        title: `${words[i % 10]}の障害 ${words[(i * 7) % 10]}が${words[(i * 3) % 10]}`,
        errorMessage: i % 50 === 0 ? `E-${i % 997} サーバに接続できません` : '',
        symptoms: `窓口で${words[(i * 11) % 10]}したところ${words[(i * 13) % 10]}になった。職員${i}`,
      }),
    );
    const finder = createSimilarIncidentFinder();
    const step = finder.prepare(many);
    let chunks = 1;
    while (!step()) chunks += 1;
    expect(chunks).toBeGreaterThan(1);
    const typed = 'E-50 住民票を印刷しようとしたら画面が固まる';
    for (let n = 5; n <= typed.length; n++) {
      const found = finder.find(
        query({ errorMessage: typed.slice(0, 4), systemId: 'sys-1', text: typed.slice(4, n) }),
        many,
      );
      expect(found.length).toBe(5);
      expect(found[0]!.reasons).toContain('code');
    }
    // A change to any incident hands a new list: the index is rebuilt and still finds the code.
    const changed = [...many];
    const found = finder.find(query({ errorMessage: 'E-50', systemId: 'sys-2' }), changed);
    expect(found[0]!.row.errorMessage).toContain('E-50');
  });
});
