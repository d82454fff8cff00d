import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { OFFICE_CONTEXT, screenshot } from './browser.ts';
import {
  DOC_IMAGE_BYTES,
  docImagesDir,
  isA4Portrait,
  pagesOf,
  picture,
  savePdf,
  squeeze,
} from './pdfHelpers.ts';
import {
  openDemoPrintApp,
  openOutageOf,
  openPrintRoute,
  putProcedure,
  type DemoPrintApp,
} from './demoPrintApp.ts';
import { longSteps, procedureData } from '../procedureFixtures.ts';
import { binderPath, locateBinderEntries } from '../../src/print/binderToc.ts';

// 緊急時バインダー in real Chromium: printed from 代替手順, rendered to PDF twice (the second time
// with the page numbers the first one showed, as `npm run print` does), read back with poppler;
// and its read-only HTML copy, opened from file:// with scripts off.
// SONAE_DOC_IMAGES=1 also writes the pictures in docs/images/ that the README shows.

let session: DemoPrintApp;
let page: Page;

const STEPS = 45;
const longTitle = '長い手順（改ページの確認）';
const guidanceLines = Array.from(
  { length: 30 },
  (_, i) => `G${String(i).padStart(2, '0')} 窓口では番号札の順にご案内しています。お待ちください。`,
);

beforeAll(async () => {
  session = await openDemoPrintApp('binder');
  page = session.page;
});

afterAll(async () => {
  await session?.close();
});

/** Adds a procedure of 45 steps and 30 lines of guidance to 住民記録システム, around the UI. */
async function addLongProcedure() {
  const systemId = await openOutageOf(page, session.app.server.url, '住民記録システム');
  await putProcedure(
    page,
    procedureData({
      title: longTitle,
      systemIds: [systemId],
      trigger: '試験用。',
      steps: longSteps(STEPS),
      residentGuidance: guidanceLines.join('\n'),
    }),
  );
}

/** Opens the binder without the print dialog; `toc` fills in its page numbers. */
function openBinder(toc?: readonly number[]) {
  return openPrintRoute(page, session.app.server.url, binderPath({ auto: false, toc }));
}

describe('印刷 on 代替手順', () => {
  it('opens the binder, which calls window.print() once, laid out', async () => {
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '代替手順' })
      .click();
    await page.getByRole('heading', { name: '代替手順', level: 1 }).waitFor();
    const call = await session.printFrom('緊急時バインダーを印刷');
    expect(call).toMatchObject({ hash: '#/print/binder', isReady: true });
    await screenshot(page, 'binder-screen');
    await page.getByRole('button', { name: '← 戻る' }).click();
    await page.getByRole('heading', { name: '代替手順', level: 1 }).waitFor();
  });
});

describe('the read-only copy (binder.html)', () => {
  let file: string;

  beforeAll(async () => {
    await page.goto(`${session.app.server.url}#/procedures`);
    await page.getByRole('button', { name: '緊急用の閲覧コピー（HTML）を保存' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '保存する' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^緊急時バインダー_架空市_20\d{6}\.html$/);
    file = path.join(session.folder, download.suggestedFilename());
    await download.saveAs(file);
    await page.getByText(/を保存しました。/).waitFor();
    await screenshot(page, 'binder-procedures');
  });

  it('is one file with no script and nothing to fetch', () => {
    const html = readFileSync(file, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    const targets = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(5);
    for (const target of targets) expect(target).toMatch(/^(#|data:)/);
    expect(html).not.toMatch(/url\((?!\s*["']?data:)/);
  });

  it('opens from file:// with scripts off, reads whole, and asks for nothing', async () => {
    const context = await session.app.browser.newContext({
      ...OFFICE_CONTEXT,
      javaScriptEnabled: false,
    });
    try {
      const copy = await context.newPage();
      const url = pathToFileURL(file).href;
      const requests: string[] = [];
      copy.on('request', (request) => requests.push(request.url()));
      await copy.goto(url);
      await copy.getByRole('heading', { name: '緊急時バインダー', level: 1 }).waitFor();
      await expect(copy.getByRole('note').textContent()).resolves.toMatch(
        /この写しは 令和\d+年\d+月\d+日（20\d\d年） \d+:\d\d 時点の内容です。最新とは限りません。/,
      );
      const text = await copy.locator('body').innerText();
      for (const expected of [
        '代替手順「住民記録システム停止時の窓口対応」',
        '代替手順「福祉総合システム停止時の緊急支給」',
        '0120-000-111',
        '090-0000-1111',
        'KS-2024-00123',
        '障害レベルの目安',
      ])
        expect(text).toContain(expected);
      if (docImagesDir) {
        // Tall enough to show the notice, the cover and the start of the contents.
        await copy.setViewportSize({ width: 1000, height: 1150 });
        const png = path.join(docImagesDir, 'binder-html.png');
        await copy.screenshot({ path: png });
        expect(statSync(png).size).toBeLessThan(DOC_IMAGE_BYTES);
      }
      // The contents are links within the page: they work with scripts off.
      await copy
        .getByRole('link', { name: /福祉総合システム/ })
        .first()
        .click();
      expect(new URL(copy.url()).hash).toMatch(/^#binder-ch-\d+$/);
      expect(requests.filter((r) => r !== url)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the binder on A4, page numbers from a second pass', () => {
  let pdf: string;
  let pages: string[];
  let tocPages: number[];

  beforeAll(async () => {
    await addLongProcedure();
    await openBinder();
    const first = pagesOf(await savePdf(page, session.folder, 'binder-pass1'));
    const markers = await page.$$eval('[data-binder-marker]', (elements) =>
      elements.map((e) => e.getAttribute('data-binder-marker') ?? ''),
    );
    const located = locateBinderEntries(first, markers);
    if (!located.ok) throw new Error(`not found in the PDF: ${located.missing}`);
    tocPages = located.pages;
    await openBinder(tocPages);
    pdf = await savePdf(page, session.folder, 'binder');
    pages = pagesOf(pdf);
    expect(pages.length, 'the page numbers move nothing').toBe(first.length);
  });

  it('is A4 portrait on every page, with a cover that says what and when', () => {
    expect(isA4Portrait(pdf)).toBe(true);
    const cover = pages[0]!;
    expect(cover).toContain('架空市');
    expect(cover).toMatch(/緊\s*急\s*時\s*バ\s*イ\s*ン\s*ダ\s*ー/);
    expect(cover).toMatch(/作成日時：\s*令和\d+年\d+月\d+日（20\d\d年）\s*\d+:\d\d/);
    expect(cover).toContain('使い方');
    expect(cover).toMatch(new RegExp(`1\\s*/\\s*${pages.length}`));
  });

  /** The page number the printed table of contents gives on the line that holds `label`. */
  function pageInContents(label: string): number {
    const line = pages[1]!.split('\n').find((l) => squeeze(l).includes(squeeze(label)));
    expect(line, `a line for ${label}`).toBeDefined();
    return Number(/(\d+)\s*$/.exec(line!)?.[1]);
  }

  /** The first page after the contents (page 2) on which `heading` stands. */
  function pageAfterContents(heading: string): number {
    return pages.findIndex((p, i) => i > 1 && squeeze(p).includes(squeeze(heading))) + 1;
  }

  it('finds each system on the page the table of contents gives', async () => {
    expect(pages[1]).toContain('目次');
    const rows = await page.$$eval('.binder-toc-chapter', (trs) =>
      trs.map((tr) => ({
        chapter: tr.querySelector('td')?.textContent ?? '',
        name: tr.querySelector('strong')?.textContent ?? '',
      })),
    );
    const systems = rows.slice(0, -1); // the last chapter is the level guide
    expect(systems.map((r) => r.name)).toContain('住民記録システム');
    expect(systems.length).toBe(7);
    for (const { chapter, name } of rows) {
      const printed = pageInContents(`${chapter} ${name}`);
      expect(printed, name).toBeGreaterThan(2);
      expect(pageAfterContents(`第${chapter}章 ${name}`), name).toBe(printed);
    }
  });

  it('gives each procedure the page it starts on', async () => {
    const titles = await page.$$eval('.binder-procedure .print-section > h2', (hs) =>
      hs.filter((h) => h.textContent?.startsWith('代替手順')).map((h) => h.textContent ?? ''),
    );
    expect(titles.length).toBe(5);
    for (const title of titles) {
      const printed = pageInContents(title);
      expect(printed, title).toBeGreaterThan(2);
      expect(pageAfterContents(title), title).toBe(printed);
    }
  });

  it('cuts no step of the long procedure across a page', () => {
    const pageOf = (marker: string) => pages.findIndex((p) => p.includes(marker));
    const used = new Set<number>();
    for (let i = 0; i < STEPS; i += 1) {
      const n = String(i).padStart(2, '0');
      const start = pageOf(`S${n}A`);
      expect(start, `step ${n}`).toBeGreaterThan(1);
      expect(pageOf(`S${n}Z`), `step ${n} ends on the page it starts`).toBe(start);
      used.add(start);
    }
    expect(used.size).toBeGreaterThan(1);
  });

  it('lets long guidance flow on, its heading kept with its first lines', () => {
    const found = guidanceLines.map((line) => pages.findIndex((p) => p.includes(line)));
    expect(found.every((n) => n > 1)).toBe(true);
    expect([...found].sort((a, b) => a - b)).toEqual(found);
    const first = pages[found[0]!]!;
    expect(first.slice(0, first.indexOf(guidanceLines[0]!))).toContain('住民への案内');
  });

  it('prints one page to look at in the README', () => {
    const chapterPage = pages.findIndex((p) => /第\d+章住民記録システム/.test(squeeze(p))) + 1;
    expect(chapterPage).toBeGreaterThan(2);
    picture(pdf, chapterPage, session.imageDir, 'print-binder');
  });
});

describe('a page number the binder cannot trust', () => {
  it('is refused on screen and left out of the table', async () => {
    await openBinder([1, 2]);
    await page.getByRole('alert').filter({ hasText: '目次のページ番号が2個ありますが' }).waitFor();
    const cells = await page.$$eval('.binder-toc-table td.col-page', (tds) =>
      tds.map((td) => td.textContent),
    );
    expect(cells.every((text) => text === '')).toBe(true);
  });
});

describe('the whole run', () => {
  it('left no console error, and asked nothing of any other origin', () => {
    expect(session.app.watch.problems).toEqual([]);
    expect(session.app.watch.foreignRequests).toEqual([]);
  });
});
