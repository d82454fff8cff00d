import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './browser.ts';
import { isA4Portrait, isBlankSheet, pageSizes, pagesOf, picture, savePdf } from './pdfHelpers.ts';
import {
  openDemoPrintApp,
  openOutageOf,
  openPrintRoute,
  putProcedure,
  type DemoPrintApp,
} from './demoPrintApp.ts';
import { longSteps, procedureData } from '../procedureFixtures.ts';

// The A4 print layouts in real Chromium: the outage kit and the blank incident sheet rendered to
// PDF, then read back with poppler (pdfinfo, pdftotext, pdftoppm) as a person would read paper.
// SONAE_DOC_IMAGES=1 also writes the pictures in docs/images/ that the README shows.

let demo: DemoPrintApp;
let page: Page;
let systemId: string;

beforeAll(async () => {
  demo = await openDemoPrintApp('print');
  page = demo.page;
  systemId = await openOutageOf(page, demo.app.server.url, '住民記録システム');
});

afterAll(async () => {
  await demo?.close();
});

const guidanceText = 'ただいまシステム障害のため、住民票の写し等の証明書を発行できません。';

/** Opens the kit by a fresh page load (a live query does not see rows written around Dexie). */
function openKit(query: string) {
  return openPrintRoute(
    page,
    demo.app.server.url,
    `/print/outage-kit/${encodeURIComponent(systemId)}?${query}`,
  );
}

describe('印刷 from the outage screen', () => {
  it('opens the kit in the same tab, which calls window.print() once, laid out', async () => {
    await page.goto(`${demo.app.server.url}#/outage/${encodeURIComponent(systemId)}`);
    const call = await demo.printFrom('障害時キットを印刷');
    expect(call.hash).toContain(`#/print/outage-kit/${systemId}`);
    expect(call.isReady).toBe(true);
    expect(call.sheets).toBe(5);
    // No menu on the print route, and 戻る returns to the outage screen.
    expect(await page.getByRole('navigation', { name: 'メインメニュー' }).count()).toBe(0);
    await page.getByRole('button', { name: '← 戻る' }).click();
    await page.getByRole('heading', { name: '「住民記録システム」が止まったとき' }).waitFor();
  });

  it('prints blank incident sheets from the second button', async () => {
    const call = await demo.printFrom('白紙の障害記録票を印刷');
    expect(call.hash).toContain('#/print/incident-sheet');
    expect(call.isReady).toBe(true);
    expect(call.sheets).toBe(5);
  });
});

describe('the outage kit on A4', () => {
  let pdf: string;
  let pages: string[];

  beforeAll(async () => {
    await openKit('auto=0');
    await screenshot(page, 'print-kit-screen');
    expect(await demo.printCalls()).toEqual([]);
    pdf = await savePdf(page, demo.folder, 'outage-kit');
    pages = pagesOf(pdf);
  });

  it('is A4 portrait on every page', () => {
    expect(pageSizes(pdf).length).toBe(pages.length);
    expect(isA4Portrait(pdf)).toBe(true);
  });

  it('holds the Japanese text: system, 初動 first, numbers, 印刷日時 in 和暦', () => {
    const first = pages[0]!;
    expect(first).toContain('架空市');
    expect(first).toContain('住民記録システム');
    expect(first).toContain('障害時キット');
    expect(first).toMatch(/印刷日時：\s*令和\d+年\d+月\d+日（20\d\d年）\s*\d+:\d\d/);
    expect(first).toMatch(/最終見直し日：\s*令和8年4月15日（2026年）/);
    const all = pages.join('\n');
    // The phase headings, each at the start of a line: 初動, then 代替, then 復旧.
    const initial = all.search(/^\s*初動\s/m);
    expect(initial).toBeGreaterThan(0);
    expect(initial).toBeLessThan(all.search(/^\s*代替\s/m));
    expect(all.search(/^\s*代替\s/m)).toBeLessThan(all.search(/^\s*復旧\s/m));
    expect(first).toMatch(/☐\s+1\s+窓口担当\s+発生時刻・画面・エラーメッセージ/);
    expect(all).toContain('0120-000-111');
    expect(all).toContain('090-0000-1111');
    expect(all).toContain('KS-2024-00123');
    expect(all).toContain('障害レベルの目安');
    expect(all).toContain('合意事項');
    // The page numbers come from the @page margin box: 「1 / 8」.
    expect(first).toMatch(new RegExp(`1\\s*/\\s*${pages.length}`));
  });

  it('puts the resident guidance on a page of its own', () => {
    const posters = pages.filter((p) => p.replace(/\s/g, '').includes(guidanceText));
    expect(posters).toHaveLength(1);
    const poster = posters[0]!;
    expect(poster).toMatch(/お\s*知\s*ら\s*せ/);
    for (const other of ['初動', '連絡先', '障害記録票', '障害レベル'])
      expect(poster).not.toContain(other);
    picture(pdf, pages.indexOf(poster) + 1, demo.imageDir, 'print-guidance-poster');
  });

  it('ends with 5 blank incident sheets by default, one page each', () => {
    const sheets = pages.map(isBlankSheet);
    expect(sheets.filter(Boolean)).toHaveLength(5);
    expect(sheets.slice(-5)).toEqual([true, true, true, true, true]);
    const sheet = pages.at(-1)!;
    for (const field of [
      '発生日時',
      '検知日時',
      '端末・場所',
      '画面',
      '操作内容',
      '症状',
      'エラーメッセージ',
      '影響範囲',
      'ほかに影響を受けている人',
      '試したことと結果',
      '連絡の記録',
      'レベル',
      '住民への影響',
      '報告者（記入者）',
    ])
      expect(sheet).toContain(field);
    expect(sheet).toMatch(/☐\s*自分の端末のみ\s+☐\s*複数の端末\s+☐\s*課全体\s+☐\s*全庁/);
    picture(pdf, 1, demo.imageDir, 'print-outage-kit');
    picture(pdf, pages.length, demo.imageDir, 'print-kit-sheet', { forReadme: false });
  });

  it('prints as many blank sheets as the link asks', async () => {
    await openKit('auto=0&sheets=2');
    const fewer = pagesOf(await savePdf(page, demo.folder, 'outage-kit-2'));
    expect(fewer.filter(isBlankSheet)).toHaveLength(2);
    expect(fewer.length).toBe(pages.length - 3);
  });
});

describe('a long procedure', () => {
  it('paginates with no step cut across a page', async () => {
    const record = await putProcedure(
      page,
      procedureData({
        title: '長い手順（改ページの確認）',
        systemIds: [systemId],
        trigger: '試験用。',
        steps: longSteps(45),
      }),
    );
    await openKit(`auto=0&sheets=0&procedure=${record.id}`);
    await page.getByRole('heading', { name: /長い手順/ }).waitFor();
    const pdf = await savePdf(page, demo.folder, 'long-procedure');
    const pages = pagesOf(pdf);
    expect(pages.length).toBeGreaterThan(2);
    const pageOf = (marker: string) => pages.findIndex((p) => p.includes(marker));
    const pagesUsed = new Set<number>();
    for (let i = 0; i < 45; i += 1) {
      const n = String(i).padStart(2, '0');
      const start = pageOf(`S${n}A`);
      expect(start, `step ${n}`).toBeGreaterThanOrEqual(0);
      expect(pageOf(`S${n}Z`), `step ${n} ends on the page it starts`).toBe(start);
      pagesUsed.add(start);
    }
    expect(pagesUsed.size).toBeGreaterThan(1);
    // A heading is never the last thing on a page: 代替 and 復旧 start where their first step is.
    for (const [phase, first] of [
      ['代替', '15'],
      ['復旧', '30'],
    ] as const) {
      const stepPage = pageOf(`S${first}A`);
      const heading = pages[stepPage]!.split('\n').some((line) => line.trim().startsWith(phase));
      expect(heading, `${phase} heading kept with step ${first}`).toBe(true);
    }
    picture(pdf, 2, demo.imageDir, 'print-long-procedure-page2', { forReadme: false });
  });
});

describe('blank incident sheets on their own', () => {
  it('print one A4 page per sheet', async () => {
    await openPrintRoute(page, demo.app.server.url, '/print/incident-sheet?auto=0&sheets=3');
    const pdf = await savePdf(page, demo.folder, 'incident-sheet');
    const pages = pagesOf(pdf);
    expect(pages).toHaveLength(3);
    expect(pages.every(isBlankSheet)).toBe(true);
    expect(isA4Portrait(pdf)).toBe(true);
    expect(pages[0]).toMatch(/印刷日時\s*令和/);
    expect(pages[0]).toMatch(/☐\s*1\s*軽微/);
    picture(pdf, 1, demo.imageDir, 'print-incident-sheet');
  });

  it('left no console error, and asked nothing of any other origin', () => {
    expect(demo.app.watch.problems).toEqual([]);
    expect(demo.app.watch.foreignRequests).toEqual([]);
  });
});
