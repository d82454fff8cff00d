// Renders one print route of the app to an A4 PDF, the way Chromium prints it (the @page size, the
// margin boxes with 「1 / 3」), and counts its pages without poppler, which an IT section's PC may
// not have.

import { writeFile } from 'node:fs/promises';
import type { PrintSession } from './printSession.ts';
import { PrintFailure } from './printFailure.ts';

type RouteState = 'ready' | 'notReady' | 'broken' | 'missing';

/**
 * Opens `route` (e.g. `/print/contacts?auto=0`) by a full page load — so no layout of the previous
 * document is still on screen looking ready — and waits until the print page says its layout is
 * complete (records rendered, a frame laid out, fonts loaded: `data-print-ready`).
 */
export async function openPrintRoute(session: PrintSession, route: string): Promise<void> {
  const { page, appUrl } = session;
  await page.goto('about:blank');
  await page.goto(`${appUrl}#${route}`);
  const handle = await page
    .waitForFunction(
      (): RouteState | false => {
        const printPage = document.querySelector('.print-page');
        if (printPage?.getAttribute('data-print-ready') === 'true') return 'ready';
        // The print page's own error banner (a record that is gone), never the document's text.
        if (printPage?.querySelector('.banner-error')) return 'missing';
        if (printPage) return false;
        // No print page at all: a placeholder route, or the error boundary in its place.
        const text = document.body.textContent ?? '';
        if (text.includes('準備中です')) return 'notReady';
        if (text.includes('この画面を表示できませんでした')) return 'broken';
        return false;
      },
      undefined,
      { polling: 100 },
    )
    .catch(() => null);
  const state = ((await handle?.jsonValue()) ?? 'timeout') as RouteState | 'timeout';
  if (state === 'ready') return;
  const reasons: Record<Exclude<RouteState, 'ready'> | 'timeout', string> = {
    notReady: 'この印刷物はまだアプリに用意されていません（準備中）',
    broken: '印刷用の画面でエラーが起きました',
    missing: '印刷する記録が見つかりません',
    timeout: '印刷用の画面が時間内に整いませんでした',
  };
  const problems = session.watch.problems.length
    ? `（${session.watch.problems.slice(-1)[0]!.slice(0, 200)}）`
    : '';
  throw new PrintFailure(`${reasons[state]}${problems}`);
}

/** Prints the open page to `file` at the page size its CSS asks for; returns the page count. */
export async function savePagePdf(session: PrintSession, file: string): Promise<number> {
  const pdf = await session.page.pdf({ preferCSSPageSize: true });
  const pages = countPdfPages(pdf);
  await writeFile(file, pdf).catch(() => {
    throw new PrintFailure(`ファイルに書き込めません: ${file}`);
  });
  return pages;
}

/**
 * The page count of a PDF as Chromium writes it: the largest /Count of its page tree (a long
 * document gets nested /Pages nodes; the root counts them all). 0 when there is no page tree.
 */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  let count = 0;
  for (const [dict] of text.matchAll(/<<(?:(?!<<|>>)[\s\S])*>>/g)) {
    if (!/\/Type\s*\/Pages\b/.test(dict)) continue;
    const found = /\/Count\s+(\d+)/.exec(dict);
    if (found) count = Math.max(count, Number(found[1]));
  }
  return count;
}
