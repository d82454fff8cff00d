import { describe, expect, it } from 'vitest';
import {
  binderFileName,
  binderPath,
  formatBinderToc,
  locateBinderEntries,
  parseBinderToc,
} from '../../../src/print/binderToc.ts';

describe('?toc= (the table of contents page numbers)', () => {
  it('goes out and comes back as the same numbers', () => {
    const pages = [3, 3, 4, 9, 10, 17];
    expect(formatBinderToc(pages)).toBe('3,3,4,9,10,17');
    expect(parseBinderToc(formatBinderToc(pages), 6)).toEqual({ kind: 'pages', pages });
    // As a URL writes it, and with spaces someone typed.
    expect(parseBinderToc(new URLSearchParams('toc=3%2C4').get('toc'), 2)).toEqual({
      kind: 'pages',
      pages: [3, 4],
    });
    expect(parseBinderToc(' 3 , 4 ', 2)).toEqual({ kind: 'pages', pages: [3, 4] });
  });

  it('is simply absent when the link has none', () => {
    expect(parseBinderToc(null, 4)).toEqual({ kind: 'none' });
    expect(parseBinderToc('', 4)).toEqual({ kind: 'none' });
  });

  it.each([
    ['letters', 'a,b'],
    ['a page 0', '0,3'],
    ['pages out of order', '5,3'],
    ['a negative page', '-1,3'],
    ['a page too large', '3,99999'],
    ['a fraction', '3,4.5'],
    ['an empty item', '3,,4'],
  ])('refuses %s with a plain reason', (_, raw) => {
    const toc = parseBinderToc(raw, 2);
    expect(toc.kind).toBe('invalid');
    expect(toc.kind === 'invalid' && toc.message).toBe(
      '目次のページ番号の指定を読み取れませんでした。目次はページ番号なしで表示しています。',
    );
  });

  it('refuses numbers made for other records (a count that does not match)', () => {
    expect(parseBinderToc('3,4', 5)).toEqual({
      kind: 'invalid',
      message:
        '目次のページ番号が2個ありますが、目次の項目は5個です。内容が変わった可能性があるため、目次はページ番号なしで表示しています。',
    });
  });

  it('builds the route with the numbers, and with the print dialog kept closed', () => {
    expect(binderPath()).toBe('/print/binder');
    expect(binderPath({ auto: false })).toBe('/print/binder?auto=0');
    const path = binderPath({ toc: [3, 4], auto: false });
    expect(path).toBe('/print/binder?toc=3%2C4&auto=0');
    const search = new URLSearchParams(path.split('?')[1]);
    expect(parseBinderToc(search.get('toc'), 2)).toEqual({ kind: 'pages', pages: [3, 4] });
  });
});

describe('locateBinderEntries', () => {
  const pages = [
    '架空市\n緊急時バインダー\n',
    '目次\n1 住民記録システム 代替手順「窓口対応」\n2 庁内LAN 代替手順「窓口対応」（第1章）\n',
    '架空市 緊急時バインダー\n第1章 住民記録\nシステム\n代替手順「窓口対応」\n',
    '☐ 1 窓口担当 …\n',
    '第2章 庁内LAN\nこのシステムの代替手順「窓口対応」は、第1章にあります。\n',
  ];

  it('finds each entry on its page, not in the contents before it, across a wrapped line', () => {
    expect(
      locateBinderEntries(pages, [
        '第1章 住民記録システム',
        '代替手順「窓口対応」',
        '第2章 庁内LAN',
      ]),
    ).toEqual({ ok: true, pages: [3, 3, 5] });
  });

  it('takes a repeated title in order: the second one is found after the first', () => {
    expect(
      locateBinderEntries(pages, [
        '第1章 住民記録システム',
        '代替手順「窓口対応」',
        '代替手順「窓口対応」',
      ]),
    ).toEqual({ ok: true, pages: [3, 3, 5] });
  });

  it('names the first entry it cannot find', () => {
    expect(locateBinderEntries(pages, ['第2章 庁内LAN', '第1章 住民記録システム'])).toEqual({
      ok: false,
      missing: '第1章 住民記録システム',
    });
    expect(locateBinderEntries([], ['第1章 住民記録システム']).ok).toBe(false);
    expect(locateBinderEntries(pages, [])).toEqual({ ok: true, pages: [] });
  });
});

describe('binderFileName', () => {
  it('carries the municipality and the Tokyo date, whatever the PC zone', () => {
    // 23:30 UTC on the 29th is the 30th in Tokyo.
    expect(binderFileName('架空市', new Date('2026-11-29T23:30:00Z'))).toBe(
      '緊急時バインダー_架空市_20261130.html',
    );
  });

  it('replaces what a file name cannot hold', () => {
    expect(binderFileName('架空市/総務課:情報*政策?', new Date('2026-11-29T03:00:00Z'))).toBe(
      '緊急時バインダー_架空市_総務課_情報_政策__20261129.html',
    );
    expect(binderFileName('  ', new Date('2026-11-29T03:00:00Z'))).toBe(
      '緊急時バインダー_自治体_20261129.html',
    );
  });
});
