import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { usePageTitle } from '../features/common/usePageTitle.ts';
import { formatJapaneseDateTime } from '../domain/japaneseDate.ts';
import { isAutoPrint } from './printOptions.ts';
import { usePrintRelease } from './usePrintRelease.ts';
import { DrillPrintContext, useDrillPrint } from './DrillPrintMark.tsx';
import './print.css';

/**
 * The moment the document is printed: when the page opened, and again just before the browser
 * prints (a page left open for an hour must not print an hour-old 印刷日時).
 */
export function usePrintedAt(): Date {
  const [printedAt, setPrintedAt] = useState(() => new Date());
  useEffect(() => {
    // flushSync: the browser lays the page out for print right after this event returns.
    const update = () => flushSync(() => setPrintedAt(new Date()));
    window.addEventListener('beforeprint', update);
    return () => window.removeEventListener('beforeprint', update);
  }, []);
  return printedAt;
}

/** A CSS string literal holding any text. */
function cssString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ')}"`;
}

/**
 * Puts the document's name and 印刷日時 in the bottom margin of every page (Chromium prints
 * @page margin boxes; other browsers leave them out and the section numbers remain). A margin
 * box takes its text only from CSS, and the CSP forbids inline <style>, so the rule goes into a
 * constructed style sheet, removed again when the page closes.
 */
function usePageMarginText(left: string, right: string) {
  useLayoutEffect(() => {
    if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
    let sheet: CSSStyleSheet;
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(
        `@page sonae-a4 { @bottom-left { content: ${cssString(left)}; } @bottom-right { content: ${cssString(right)}; } }`,
      );
    } catch {
      return; // an engine without constructable style sheets prints without the footer text
    }
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [left, right]);
}

/** Resolves after the next frame (or 100 ms, should the tab be hidden and frames paused). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Calls window.print() once, when the document holds its data (`ready`), a frame has been laid
 * out and the fonts are loaded — unless the link says `?auto=0`. Returns whether the layout is
 * complete; the page shows it as `data-print-ready` (already there when print() is called), which
 * tests and the benchmark read.
 */
function useAutoPrint(ready: boolean, auto: boolean): boolean {
  const printed = useRef(false);
  const [laidOut, setLaidOut] = useState(false);
  useEffect(() => {
    if (!ready) return;
    let cancelled = false;
    void nextFrame()
      .then(() => document.fonts?.ready)
      .then(() => {
        if (!cancelled) setLaidOut(true);
      });
    return () => {
      cancelled = true;
    };
  }, [ready]);
  const isComplete = ready && laidOut;
  useEffect(() => {
    if (!isComplete || !auto || printed.current) return;
    // Out of React's commit: print() fires beforeprint, whose handler re-renders with flushSync.
    // The ref survives StrictMode's second run of this effect: one print dialog, not two.
    const timer = setTimeout(() => {
      printed.current = true;
      window.print();
    }, 0);
    return () => clearTimeout(timer);
  }, [isComplete, auto]);
  return isComplete;
}

export interface PrintPageProps {
  /** The tab title: the document's name. */
  title: string;
  /** Where 戻る goes when this page was opened directly (no screen of the app before it). */
  backTo: string;
  /** True once every record the document needs is loaded (and exists). */
  ready: boolean;
  /** Bottom-left text of every A4 page: municipality and document name. */
  footer: string;
  printedAt: Date;
  /** More controls for the toolbar (e.g. the number of blank sheets). */
  tools?: ReactNode;
  children: ReactNode;
}

/**
 * The shell of every print route, outside the app's layout so no menu prints: a small toolbar on
 * screen (戻る, 印刷, hidden on paper) and the document, printed once by itself when it is ready.
 */
export function PrintPage({
  title,
  backTo,
  ready,
  footer,
  printedAt,
  tools,
  children,
}: PrintPageProps) {
  const navigate = useNavigate();
  const location = useLocation();
  const [search] = useSearchParams();
  usePageTitle(title);
  usePrintRelease(title);
  // During a drill every page says so, also documents without a header (issue 15).
  const drillTitle = useDrillPrint(title);
  usePageMarginText(
    drillTitle ? `【訓練用】${footer}` : footer,
    `印刷 ${formatJapaneseDateTime(printedAt)}`,
  );
  // Not before it is known whether a drill runs: a drill's sheet must never print unmarked.
  const isLaidOut = useAutoPrint(ready && drillTitle !== undefined, isAutoPrint(search));

  function goBack() {
    // 'default' is the key of the first location of this tab: nothing of the app to go back to.
    if (location.key !== 'default') navigate(-1);
    else navigate(backTo);
  }

  return (
    <div className="print-page" data-print-ready={isLaidOut ? 'true' : undefined}>
      <div className="print-toolbar" role="toolbar" aria-label="印刷">
        <button type="button" onClick={goBack}>
          ← 戻る
        </button>
        <button type="button" className="primary" onClick={() => window.print()} disabled={!ready}>
          印刷
        </button>
        {tools}
        <span className="print-toolbar-hint">
          A4縦・白黒向けです。ページ番号は自動で入るので、印刷の設定の「ヘッダーとフッター」はオフにしてください。
        </span>
      </div>
      <DrillPrintContext value={drillTitle ?? null}>{children}</DrillPrintContext>
    </div>
  );
}
