// Page numbers for the binder's table of contents. Chromium has no target-counter(), and a page
// number guessed on screen could be wrong on paper, so (PRODUCT.md decision 11) the numbers come
// from a second pass: render the binder to PDF, find on which page each entry starts
// (`locateBinderEntries` over the pdftotext output), then render `binderPath({ toc })` again.
// The app's own 印刷 prints the table with chapter numbers only. Pure, shared with scripts/.

import { tokyoDateParts } from '../domain/holidays.ts';

/** The query parameter holding the page numbers: `?toc=3,4,6,…`, one per entry, in order. */
export const BINDER_TOC_PARAM = 'toc';

/**
 * The attribute every entry's element carries, holding the heading text to look for in the PDF
 * (document order = entry order), for a script that reads them from the page.
 */
export const BINDER_MARKER_ATTRIBUTE = 'data-binder-marker';

/** The value of `?toc=` for the first page of every entry. */
export function formatBinderToc(pages: readonly number[]): string {
  return pages.join(',');
}

export type BinderToc =
  { kind: 'none' } | { kind: 'pages'; pages: number[] } | { kind: 'invalid'; message: string };

/** Pages above this are a typo, not a binder. */
const MAX_PAGE = 9999;

/**
 * Reads `?toc=` for a binder of `entryCount` entries. A value that cannot be right (not numbers,
 * out of order, or a count that no longer matches the records) is refused with a reason, and the
 * table of contents is printed without page numbers rather than with wrong ones.
 */
export function parseBinderToc(raw: string | null, entryCount: number): BinderToc {
  if (raw === null || raw.trim() === '') return { kind: 'none' };
  const parts = raw.trim().split(/\s*,\s*/);
  const pages = parts.map((p) => (/^\d{1,4}$/.test(p) ? Number(p) : NaN));
  const isReadable = pages.every(
    (page, i) => page >= 1 && page <= MAX_PAGE && (i === 0 || page >= pages[i - 1]!),
  );
  if (!isReadable)
    return {
      kind: 'invalid',
      message:
        '目次のページ番号の指定を読み取れませんでした。目次はページ番号なしで表示しています。',
    };
  if (pages.length !== entryCount)
    return {
      kind: 'invalid',
      message: `目次のページ番号が${pages.length}個ありますが、目次の項目は${entryCount}個です。内容が変わった可能性があるため、目次はページ番号なしで表示しています。`,
    };
  return { kind: 'pages', pages };
}

/** The binder's print route; `toc` fills in the page numbers, `auto: false` only shows it. */
export function binderPath(options: { toc?: readonly number[]; auto?: boolean } = {}): string {
  const query = new URLSearchParams();
  if (options.toc) query.set(BINDER_TOC_PARAM, formatBinderToc(options.toc));
  if (options.auto === false) query.set('auto', '0');
  const text = query.toString();
  return `/print/binder${text ? `?${text}` : ''}`;
}

export type LocatedEntries = { ok: true; pages: number[] } | { ok: false; missing: string };

/**
 * The page (1-based) on which each marker first appears, searching forward from where the
 * previous one was found, so a title printed again later (a reference, a repeated name) is never
 * taken for the entry. `pageTexts` is the PDF's text split at form feeds (pdftotext, with or
 * without -layout); white space is ignored, since a long heading wraps.
 */
export function locateBinderEntries(
  pageTexts: readonly string[],
  markers: readonly string[],
): LocatedEntries {
  const pages = pageTexts.map((text) => text.replace(/\s+/g, ''));
  const found: number[] = [];
  let page = 0;
  let offset = 0;
  for (const marker of markers) {
    const needle = marker.replace(/\s+/g, '');
    let at = -1;
    while (page < pages.length) {
      at = pages[page]!.indexOf(needle, offset);
      if (at >= 0) break;
      page += 1;
      offset = 0;
    }
    if (at < 0) return { ok: false, missing: marker };
    found.push(page + 1);
    offset = at + needle.length;
  }
  return { ok: true, pages: found };
}

/** A name Windows and a USB stick accept: no \ / : * ? " < > | or control characters. */
function safeFilePart(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim() || '自治体';
}

/** 緊急時バインダー_架空市_20261129.html: the Tokyo date, whatever the PC's zone. */
export function binderFileName(municipality: string, now: Date): string {
  const date = tokyoDateParts(now).ymd.replaceAll('-', '');
  return `緊急時バインダー_${safeFilePart(municipality)}_${date}.html`;
}
