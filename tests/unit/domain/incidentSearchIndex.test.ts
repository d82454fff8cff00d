import { describe, expect, it } from 'vitest';
import { emptyIncidentFilter } from '../../../src/domain/incidentFilter.ts';
import type { LiveIncidentRow } from '../../../src/domain/incidentSearch.ts';
import {
  combineSearchChunks,
  searchChunkOf,
  searchIncidentIndex,
} from '../../../src/domain/incidentSearchIndex.ts';

const row = (n: number, text: string): LiveIncidentRow => ({
  id: `id-${n}`,
  rev: '1-a',
  updatedAt: '2026-11-01T00:00:00.000Z',
  occurredAt: `2026-11-${String(n + 1).padStart(2, '0')}T00:00:00.000Z`,
  status: 'occurred',
  level: null,
  scope: 'self',
  systemId: 'sys',
  title: `障害${n}`,
  terminal: '',
  errorMessage: '',
  text,
});

describe('searchChunkOf', () => {
  it('keeps every row’s text as it was (read from the haystack) and finds each row by it', () => {
    const texts = ['印刷できない\ne-1234', '', 'ログイン\nタイムアウト', 'a', 'e-12 認証'];
    const rows = texts.map((text, n) => row(n, text));
    const chunk = searchChunkOf(rows);
    expect(chunk.haystack).toBe(texts.join('\n'));
    expect(rows.map((r) => r.text)).toEqual(texts);
    const index = combineSearchChunks([chunk]);
    const titles = (text: string) =>
      searchIncidentIndex(index, { ...emptyIncidentFilter, text }).map((r) => r.title);
    // The first term by the haystack, a one-character term and a second term by the rows' texts.
    expect(titles('e-12')).toEqual(['障害4', '障害0']);
    expect(titles('a')).toEqual(['障害3']);
    expect(titles('e-12 認証')).toEqual(['障害4']);
    expect(titles('タイムアウト ログイン')).toEqual(['障害2']);
  });
});
