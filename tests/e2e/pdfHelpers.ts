import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

// Reading printed layouts back as a person reads paper: Chromium's PDF of a page, then poppler
// (pdfinfo, pdftotext, pdftoppm; Debian's poppler-utils) for its pages, their size and text, and
// a picture of a page to look at.

/** Renders the current page to `folder/name.pdf` with the page size its CSS asks for. */
export async function savePdf(page: Page, folder: string, name: string): Promise<string> {
  const file = path.join(folder, `${name}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true });
  return file;
}

/** Each page's text, in reading order (pdftotext separates pages with a form feed). */
export function pagesOf(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], {
    encoding: 'utf8',
  });
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** Text without its white space: a heading wrapped on paper still matches. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * A page of a blank 障害記録票: only a sheet has both (the outage kit's first page names the sheet
 * but has no table of attempts).
 */
export function isBlankSheet(text: string): boolean {
  return text.includes('障害記録票') && text.includes('試したことと結果');
}

/** Width × height in points of every page. */
export function pageSizes(pdf: string): { width: number; height: number }[] {
  const count = Number(
    /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1],
  );
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(count), pdf], { encoding: 'utf8' });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}

/** True when every page is A4 portrait (595 × 842 pt). */
export function isA4Portrait(pdf: string): boolean {
  const sizes = pageSizes(pdf);
  return (
    sizes.length > 0 &&
    sizes.every((s) => Math.abs(s.width - 595) < 1 && Math.abs(s.height - 842) < 1)
  );
}

/** A PNG of one page at `dpi` (60 by default), written as `<dir>/<name>.png`; returns its path. */
export function renderPage(pdf: string, pageNumber: number, dir: string, name: string, dpi = 60) {
  const prefix = path.join(dir, name);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    String(dpi),
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

/**
 * Where the README's pictures go: docs/images/ when SONAE_DOC_IMAGES=1, else nowhere (null), so an
 * ordinary run never rewrites files in the tree.
 */
export const docImagesDir =
  process.env.SONAE_DOC_IMAGES === '1' ? path.resolve('docs/images') : null;

/** The most a README picture may weigh. */
export const DOC_IMAGE_BYTES = 150 * 1024;

/**
 * A picture of page `pageNumber` to look at, `<imageDir>/<name>.png` (every page as well, as
 * `<name>-page<n>.png`, with SONAE_SCREENSHOTS). Unless `forReadme` is false, also the smaller one
 * the README shows, checked to weigh under DOC_IMAGE_BYTES on every run: written to docs/images/
 * with SONAE_DOC_IMAGES=1, else to `imageDir` as `<name>-readme.png`.
 */
export function picture(
  pdf: string,
  pageNumber: number,
  imageDir: string,
  name: string,
  { forReadme = true } = {},
): void {
  expect(existsSync(renderPage(pdf, pageNumber, imageDir, name))).toBe(true);
  if (process.env.SONAE_SCREENSHOTS)
    for (let n = 1; n <= pageSizes(pdf).length; n += 1)
      renderPage(pdf, n, imageDir, `${name}-page${n}`);
  if (!forReadme) return;
  if (docImagesDir) mkdirSync(docImagesDir, { recursive: true });
  const png = docImagesDir
    ? renderPage(pdf, pageNumber, docImagesDir, name, 50)
    : renderPage(pdf, pageNumber, imageDir, `${name}-readme`, 50);
  expect(statSync(png).size).toBeLessThan(DOC_IMAGE_BYTES);
}

declare global {
  interface Window {
    /** The app's IndexedDB, opened around Dexie (see exposeAppDatabase). */
    openAppDatabase(): Promise<IDBDatabase>;
  }
}

/**
 * Gives every page load `window.openAppDatabase()`: the app's IndexedDB, whatever its name (one
 * per deployment path, or the older shared one), for writing rows the UI has no quick way to
 * make. Opens only a database that exists. Call before the first navigation.
 */
export async function exposeAppDatabase(page: Page): Promise<void> {
  await page.addInitScript(() => {
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
  });
}

/** The station's id, read from the app's database (needs exposeAppDatabase). */
export function readStationId(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await window.openAppDatabase();
    return new Promise<string>((resolve, reject) => {
      const request = db.transaction('settings').objectStore('settings').get('station');
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        db.close();
        resolve((request.result as { value: { id: string } }).value.id);
      };
    });
  });
}

/**
 * Writes one row into a table of the app's database, around Dexie (needs exposeAppDatabase).
 * A live query does not see it: reload the page after.
 */
export async function putRow(page: Page, table: string, row: unknown): Promise<void> {
  await page.evaluate(
    async ({ table, row }) => {
      const db = await window.openAppDatabase();
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(table, 'readwrite');
        tx.objectStore(table).put(row);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { table, row },
  );
}
