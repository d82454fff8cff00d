/**
 * The page side of `npm run bench:incidents`: what the page records from its first script (long
 * tasks, when the first row and the full count appear), the keyword box timed from one input
 * event to the count line changing, and the list's search code run alone in the same page.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import type * as SearchTimer from './benchIncidentSearchPage.ts';
import { OFFICE_CONTEXT } from '../tests/e2e/browser.ts';
import { seedIncidents } from '../tests/e2e/incidentData.ts';

/** Runs in every page from its first script: records long tasks and when rows appear. */
export const PAGE_PROBE = `
  globalThis.__name ??= (fn) => fn; // see definePageNameHelper
  globalThis.__bench = {
    longTasks: [], firstRowAt: null, fullAt: null, from: 0,
    fullText: sessionStorage.getItem('sonae-bench-full'),
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      __bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    const b = __bench;
    if (b.firstRowAt === null && document.querySelector('.incident-row')) {
      b.firstRowAt = -1;
      requestAnimationFrame(() => (b.firstRowAt = performance.now()));
    }
    const count = document.querySelector('.result-count');
    if (b.fullAt === null && b.fullText && count && count.textContent === b.fullText)
      b.fullAt = performance.now();
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

/**
 * A new browser context on the app at `url`, probed from its first script (PAGE_PROBE), set up
 * with the demo data and `count` incidents written straight into its database (their list rows
 * are rebuilt on the first open of 障害記録).
 */
export async function openSeededPage(browser: Browser, url: string, count: number): Promise<Page> {
  const context = await browser.newContext(OFFICE_CONTEXT);
  const page = await context.newPage();
  await page.addInitScript(PAGE_PROBE);
  await page.goto(url);
  await page.getByRole('button', { name: 'デモデータで試す' }).click({ timeout: 120_000 });
  await page.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
  await seedIncidents(page, count);
  return page;
}

/** Waits until the incident log's count line reads `text` (e.g. 「50000件」). */
export async function waitForCount(page: Page, text: string, timeout = 300_000): Promise<void> {
  await page.waitForFunction(
    (t) => document.querySelector('.result-count')?.textContent === t,
    text,
    { timeout },
  );
}

export interface Probe {
  firstRowAt: number;
  fullAt: number;
  from: number;
  longest: number;
  /** Every main-thread task of 50 ms or more while the list opened, in order (ms). */
  longTasks: number[];
}

export async function armProbe(page: Page, fullText: string): Promise<void> {
  await page.evaluate((text) => {
    const b = (globalThis as unknown as { __bench: Record<string, unknown> }).__bench;
    Object.assign(b, { firstRowAt: null, fullAt: null, fullText: text, from: performance.now() });
    b.longTasks = [];
  }, fullText);
}

export async function readProbe(page: Page): Promise<Probe> {
  await page.waitForFunction(
    () => {
      const b = (
        globalThis as unknown as { __bench: { firstRowAt: number | null; fullAt: number } }
      ).__bench;
      return (b.firstRowAt ?? -1) > 0 && b.fullAt !== null;
    },
    undefined,
    { timeout: 120_000 },
  );
  // Long tasks are reported after they end: give the last one a moment to arrive.
  await page.waitForTimeout(100);
  return page.evaluate(() => {
    const b = (
      globalThis as unknown as {
        __bench: {
          firstRowAt: number;
          fullAt: number;
          from: number;
          longTasks: { start: number; duration: number }[];
        };
      }
    ).__bench;
    const during = b.longTasks.filter((t) => t.start >= b.from && t.start <= b.fullAt);
    return {
      firstRowAt: b.firstRowAt,
      fullAt: b.fullAt,
      from: b.from,
      longest: Math.max(0, ...during.map((t) => t.duration)),
      longTasks: during.map((t) => Math.round(t.duration)),
    };
  });
}

/** One keyword search, timed from the input event (ms). */
export interface SearchTiming {
  /**
   * Until the count line's text changed in the DOM: React has committed the new result (the
   * list's rows are committed in the same commit). Nothing is on screen yet.
   */
  domMs: number;
  /**
   * Until the first animation frame after that: the frame that paints the result starts (its
   * style, layout and paint follow). This is the figure `npm run bench` has always reported as
   * 「入力 → 一覧更新」; it includes waiting for the display's next frame (0–16 ms at 60 Hz) and
   * whatever the page runs before that frame (e.g. the URL following the box).
   */
  frameMs: number;
}

/** Sets the keyword box as one input event and times it until the count line changes. */
export function timeSearch(page: Page, query: string): Promise<SearchTiming> {
  return page.evaluate(
    (value) =>
      new Promise<SearchTiming>((resolve) => {
        const box = document.querySelector<HTMLInputElement>('.filters input[type=search]')!;
        const count = document.querySelector('.result-count')!;
        const before = count.textContent;
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (count.textContent === before) return;
          const domMs = performance.now() - started;
          observer.disconnect();
          requestAnimationFrame(() => resolve({ domMs, frameMs: performance.now() - started }));
        });
        observer.observe(count, { childList: true, subtree: true, characterData: true });
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        setter.call(box, value);
        box.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    query,
  );
}

/**
 * Sets one field of the incident form (`label`) as one input event and times it until 過去の事例
 * lists an incident whose link text contains `expect` (the panel ranks on deferred copies).
 */
export function timeSuggestion(
  page: Page,
  label: string,
  value: string,
  expect: string,
): Promise<number> {
  return page.getByLabel(label, { exact: true }).evaluate(
    (field, [text, wanted]) =>
      new Promise<number>((resolve, reject) => {
        const panel = document.querySelector('.similar-incidents')!;
        const started = performance.now();
        const done = () =>
          [...panel.querySelectorAll('li a')].some((a) => a.textContent?.includes(wanted!));
        const observer = new MutationObserver(() => {
          if (!done()) return;
          observer.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() => resolve(performance.now() - started));
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`過去の事例に「${wanted}」が出ません`));
        }, 60_000);
        observer.observe(panel, { childList: true, subtree: true, characterData: true });
        const proto =
          field instanceof HTMLTextAreaElement
            ? HTMLTextAreaElement.prototype
            : HTMLInputElement.prototype;
        Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(field, text);
        field.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    [value, expect] as const,
  );
}

/** Clears the field and waits for 過去の事例 to go back to its hint. */
export async function clearSuggestion(page: Page, label: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill('');
  await page.locator('.similar-incidents li').first().waitFor({ state: 'detached' });
}

/** The page side of the search figures (benchIncidentSearchPage.ts), bundled as one script. */
export async function bundleSearchTimer(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: {
        entry: fileURLToPath(new URL('./benchIncidentSearchPage.ts', import.meta.url)),
        formats: ['iife'],
        name: 'sonaeSearchBench',
      },
    },
  });
  const [output] = Array.isArray(result) ? result : [result as Rolldown.RolldownOutput];
  return output!.output[0].code;
}

export async function timeSearchFunction(
  page: Page,
  script: string,
  queries: string[],
  runs: number,
) {
  // A string is evaluated by DevTools itself, which the page's CSP (no eval) does not govern.
  await page.evaluate(script);
  return page.evaluate(
    ([values, times]) =>
      (
        globalThis as unknown as { sonaeSearchBench: typeof SearchTimer }
      ).sonaeSearchBench.timeSearchInPage(values, times),
    [queries, runs] as const,
  );
}

export const countText = async (page: Page) =>
  ((await page.locator('.result-count').textContent()) ?? '').replace('絞り込みを解除', '');
