// The binder, which needs more than one pass: Chromium cannot number the table of contents by
// itself, so the binder is rendered once, the page of each entry is read back from the PDF's text
// (locateBinderEntries, src/print/binderToc.ts), and the binder is rendered again with `?toc=`
// (PRODUCT.md decision 11). And its read-only HTML copy, saved through the app's own button.

import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  BINDER_MARKER_ATTRIBUTE,
  binderPath,
  locateBinderEntries,
} from '../src/print/binderToc.ts';
import { openPrintRoute, savePagePdf } from './printDocuments.ts';
import type { PrintSession } from './printSession.ts';
import { PrintFailure } from './printFailure.ts';

/** Passes after the first: a table that grows by a page moves every entry once, then settles. */
const MAX_NUMBERING_PASSES = 3;

/** Each page's text (pdftotext separates pages with a form feed); null without poppler. */
async function pdfPageTexts(file: string): Promise<string[] | null> {
  try {
    const { stdout } = await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', file, '-'], {
      maxBuffer: 64 * 1024 * 1024,
    });
    const pages = stdout.split('\f');
    if (pages.at(-1)?.trim() === '') pages.pop();
    return pages;
  } catch {
    return null;
  }
}

const same = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((n, i) => n === b[i]);

/**
 * Writes binder.pdf with page numbers in its table of contents. Returns the page count and a
 * note when the numbers could not be filled in (no pdftotext, an entry not found), in which case
 * the binder is still written, with chapter numbers only — never with wrong page numbers.
 */
export async function writeBinderPdf(
  session: PrintSession,
  file: string,
): Promise<{ pages: number; note: string | null }> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'sonae-binder-'));
  try {
    const draft = path.join(scratch, 'binder.pdf');
    let toc: number[] | undefined;
    let note = '目次のページ番号が定まらなかったため、入れていません';
    for (let pass = 0; pass <= MAX_NUMBERING_PASSES; pass += 1) {
      await openPrintRoute(session, binderPath({ toc, auto: false }));
      const pages = await savePagePdf(session, draft);
      const markers = await session.page
        .locator(`[${BINDER_MARKER_ATTRIBUTE}]`)
        .evaluateAll(
          (nodes, name) => nodes.map((node) => node.getAttribute(name) ?? ''),
          BINDER_MARKER_ATTRIBUTE,
        );
      const texts = markers.length ? await pdfPageTexts(draft) : [];
      if (texts === null) {
        note =
          '目次のページ番号は入っていません（pdftotext がないため。poppler-utils を入れてください）';
        break;
      }
      const located = locateBinderEntries(texts, markers);
      if (!located.ok) {
        note = `目次のページ番号は入っていません（「${located.missing}」が PDF に見つかりません）`;
        break;
      }
      // Done when the numbers printed are the numbers found (or there is nothing to number).
      if (markers.length === 0 || (toc && same(toc, located.pages))) {
        await copyFile(draft, file).catch(() => {
          throw new PrintFailure(`ファイルに書き込めません: ${file}`);
        });
        return { pages, note: null };
      }
      toc = located.pages;
    }
    // Chapter numbers only, rather than page numbers that may be wrong.
    await openPrintRoute(session, binderPath({ auto: false }));
    return { pages: await savePagePdf(session, file), note };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The button on 代替手順 that saves the emergency read-only copy. */
export const BINDER_HTML_BUTTON = '緊急用の閲覧コピー（HTML）を保存';

/** Saves binder.html through the app's own button and its confirmation; returns its size. */
export async function writeBinderHtml(session: PrintSession, file: string): Promise<number> {
  const { page, appUrl } = session;
  await page.goto(`${appUrl}#/procedures`);
  await page.getByRole('heading', { name: '代替手順', level: 1 }).waitFor();
  const button = page.getByRole('button', { name: BINDER_HTML_BUTTON });
  // The screen is up: the button is there within moments, or this build has none.
  await button.waitFor({ timeout: 5_000 }).catch(() => {
    throw new PrintFailure(`「${BINDER_HTML_BUTTON}」のボタンが代替手順の画面にありません`);
  });
  await button.click();
  // The app says first that the copy holds personal data, unencrypted; the command said so at its
  // start (printCli.ts), so it confirms here.
  const confirm = page.getByRole('alertdialog').getByRole('button', { name: '保存する' });
  const [download] = await Promise.all([page.waitForEvent('download'), confirm.click()]);
  await download.saveAs(file).catch(() => {
    throw new PrintFailure(`ファイルに書き込めません: ${file}`);
  });
  return (await stat(file)).size;
}
