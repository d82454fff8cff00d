import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, screenshot, type AppSession } from './browser.ts';
import { createStoredRecord } from '../../src/domain/storedRecord.ts';
import type { ProcedureData } from '../../src/domain/procedure.ts';

// The A4 print layouts in real Chromium: the outage kit and the blank incident sheet rendered to
// PDF, then read back with poppler (pdfinfo, pdftotext, pdftoppm) as a person would read paper.

let app: AppSession;
let page: Page;
let folder: string;
let systemId: string;

declare function openAppDatabase(): Promise<IDBDatabase>;

interface PrintCall {
  at: number;
  hash: string;
  isReady: boolean;
  sheets: number;
}

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'sonae-print-e2e-'));
  app = await openApp('/city/sonae/');
  page = app.page;
  // window.print() opens a dialog headless Chromium cannot close: record the call instead.
  await page.addInitScript(() => {
    // The app's IndexedDB, whatever its name (one per deployment path, or the older shared one),
    // for writing rows the UI has no quick way to make. Opens only a database that exists.
    Object.defineProperty(window, 'openAppDatabase', {
      value: async () => {
        const names = (await indexedDB.databases()).map((d) => d.name ?? '');
        const name = names.find((n) => n.startsWith('sonae:')) ?? names.find((n) => n === 'sonae');
        if (!name) throw new Error(`no app database among ${names.join(', ')}`);
        return new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => resolve(open.result);
        });
      },
    });
    const calls: PrintCall[] = [];
    Object.defineProperty(window, '__printCalls', { value: calls });
    window.print = () => {
      calls.push({
        at: performance.now(),
        hash: location.hash,
        isReady: document.querySelector('[data-print-ready="true"]') !== null,
        sheets: document.querySelectorAll('.incident-sheet').length,
      });
    };
  });
  await page.goto(app.server.url);
  await page.getByRole('button', { name: 'デモデータで試す' }).click();
  await page.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
  await page.getByRole('link', { name: /住民記録システム/ }).click();
  await page.getByRole('heading', { name: '「住民記録システム」が止まったとき' }).waitFor();
  systemId = decodeURIComponent(page.url().split('#/outage/')[1] ?? '');
  expect(systemId).not.toBe('');
});

afterAll(async () => {
  await app?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

const clearPrintCalls = () =>
  page.evaluate(() => {
    (window as unknown as { __printCalls: PrintCall[] }).__printCalls.length = 0;
  });

const printCalls = () =>
  page.evaluate(() => (window as unknown as { __printCalls: PrintCall[] }).__printCalls.slice());

/** Renders the current page to PDF with the page size the CSS asks for. */
async function savePdf(name: string): Promise<string> {
  const file = path.join(folder, `${name}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true });
  return file;
}

/** Each page's text, in reading order (pdftotext separates pages with a form feed). */
function pagesOf(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], {
    encoding: 'utf8',
  });
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** Width × height in points of every page. */
function pageSizes(pdf: string): { width: number; height: number }[] {
  const count = Number(
    /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1],
  );
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(count), pdf], { encoding: 'utf8' });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}

/** A PNG of one page at 60 dpi, kept in SONAE_SCREENSHOTS when set (to look at), else in tmp. */
function renderPage(pdf: string, pageNumber: number, name: string): string {
  const dir = process.env.SONAE_SCREENSHOTS ?? folder;
  const prefix = path.join(dir, name);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    String(pageNumber),
    '-l',
    String(pageNumber),
    '-singlefile',
    pdf,
    prefix,
  ]);
  return `${prefix}.png`;
}

const guidanceText = 'ただいまシステム障害のため、住民票の写し等の証明書を発行できません。';
/** Only a blank sheet has both: the kit's first page names the sheet but has no such table. */
const isBlankSheet = (text: string) =>
  text.includes('障害記録票') && text.includes('試したことと結果');

/** Opens the kit by a fresh page load (a live query does not see rows written around Dexie). */
async function openKit(query: string) {
  await page.goto(`${app.server.url}#/print/outage-kit/${encodeURIComponent(systemId)}?${query}`);
  await page.reload();
  await page.locator('.print-page[data-print-ready="true"]').waitFor();
}

describe('印刷 from the outage screen', () => {
  it('opens the kit in the same tab, which calls window.print() once, laid out', async () => {
    await page.goto(`${app.server.url}#/outage/${encodeURIComponent(systemId)}`);
    await clearPrintCalls();
    await page.getByRole('button', { name: '障害時キットを印刷' }).click();
    await page.waitForFunction(
      () => (window as unknown as { __printCalls: unknown[] }).__printCalls.length > 0,
    );
    const calls = await printCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.hash).toContain(`#/print/outage-kit/${systemId}`);
    expect(calls[0]!.isReady).toBe(true);
    expect(calls[0]!.sheets).toBe(5);
    // No menu on the print route, and 戻る returns to the outage screen.
    expect(await page.getByRole('navigation', { name: 'メインメニュー' }).count()).toBe(0);
    await page.getByRole('button', { name: '← 戻る' }).click();
    await page.getByRole('heading', { name: '「住民記録システム」が止まったとき' }).waitFor();
  });

  it('prints blank incident sheets from the second button', async () => {
    await clearPrintCalls();
    await page.getByRole('button', { name: '白紙の障害記録票を印刷' }).click();
    await page.waitForFunction(
      () => (window as unknown as { __printCalls: unknown[] }).__printCalls.length > 0,
    );
    const calls = await printCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.hash).toContain('#/print/incident-sheet');
    expect(calls[0]!.isReady).toBe(true);
    expect(calls[0]!.sheets).toBe(5);
  });
});

describe('the outage kit on A4', () => {
  let pdf: string;
  let pages: string[];

  beforeAll(async () => {
    await openKit('auto=0');
    await screenshot(page, 'print-kit-screen');
    expect(await printCalls()).toEqual([]);
    pdf = await savePdf('outage-kit');
    pages = pagesOf(pdf);
  });

  it('is A4 portrait on every page', () => {
    const sizes = pageSizes(pdf);
    expect(sizes.length).toBe(pages.length);
    for (const { width, height } of sizes) {
      expect(Math.abs(width - 595)).toBeLessThan(1);
      expect(Math.abs(height - 842)).toBeLessThan(1);
    }
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
    const png = renderPage(pdf, pages.indexOf(poster) + 1, 'print-kit-guidance');
    expect(existsSync(png)).toBe(true);
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
    expect(existsSync(renderPage(pdf, 1, 'print-kit-page1'))).toBe(true);
    expect(existsSync(renderPage(pdf, pages.length, 'print-kit-sheet'))).toBe(true);
  });

  it('prints as many blank sheets as the link asks', async () => {
    await openKit('auto=0&sheets=2');
    const fewer = pagesOf(await savePdf('outage-kit-2'));
    expect(fewer.filter(isBlankSheet)).toHaveLength(2);
    expect(fewer.length).toBe(pages.length - 3);
  });
});

describe('a long procedure', () => {
  it('paginates with no step cut across a page', async () => {
    const stationId = await page.evaluate(async () => {
      const db = await openAppDatabase();
      return new Promise<string>((resolve, reject) => {
        const request = db.transaction('settings').objectStore('settings').get('station');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          db.close();
          resolve((request.result as { value: { id: string } }).value.id);
        };
      });
    });
    const phases = ['initial', 'fallback', 'recovery'] as const;
    const data: ProcedureData = {
      title: '長い手順（改ページの確認）',
      systemIds: [systemId],
      trigger: '試験用。',
      levels: [],
      steps: Array.from({ length: 45 }, (_, i) => {
        const n = String(i).padStart(2, '0');
        return {
          id: `00000000-0000-4000-8000-0000000001${n}`,
          phase: phases[Math.floor(i / 15)]!,
          role: `担当${n}`,
          text: `S${n}A 紙の受付簿に受付時刻・氏名・手続の種類を記入し、整理番号を手書きで渡してから、待合の住民に遅延の見込みを案内し、係長に件数を報告する。 S${n}Z`,
        };
      }),
      residentGuidance: '',
      paperForms: [],
      afterRecovery: '',
      owner: '',
      lastReviewedOn: null,
      version: '',
      agreements: [],
    };
    const record = createStoredRecord('procedure', data, stationId, new Date().toISOString());
    await page.evaluate(async (row) => {
      const db = await openAppDatabase();
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('procedures', 'readwrite');
        tx.objectStore('procedures').put(row);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, record);
    await openKit(`auto=0&sheets=0&procedure=${record.id}`);
    await page.getByRole('heading', { name: /長い手順/ }).waitFor();
    const pdf = await savePdf('long-procedure');
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
    expect(existsSync(renderPage(pdf, 2, 'print-long-procedure-page2'))).toBe(true);
  });
});

describe('blank incident sheets on their own', () => {
  it('print one A4 page per sheet', async () => {
    await page.goto(`${app.server.url}#/print/incident-sheet?auto=0&sheets=3`);
    await page.locator('.print-page[data-print-ready="true"]').waitFor();
    const pdf = await savePdf('incident-sheet');
    const pages = pagesOf(pdf);
    expect(pages).toHaveLength(3);
    expect(pages.every(isBlankSheet)).toBe(true);
    expect(
      pageSizes(pdf).every((s) => Math.abs(s.width - 595) < 1 && Math.abs(s.height - 842) < 1),
    ).toBe(true);
    expect(pages[0]).toMatch(/印刷日時\s*令和/);
    expect(pages[0]).toMatch(/☐\s*1\s*軽微/);
  });

  it('left no console error, and asked nothing of any other origin', () => {
    expect(app.watch.problems).toEqual([]);
    expect(app.watch.foreignRequests).toEqual([]);
  });
});
