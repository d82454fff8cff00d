/**
 * The page side of `npm run bench:incidents`: what the page records from its first script (long
 * tasks, when the first row and the full count appear), the keyword box timed from one input
 * event to the count line changing, and the list's search code run alone in the same page.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import type * as SearchTimer from './benchIncidentSearchPage.ts';

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

export interface Probe {
  firstRowAt: number;
  fullAt: number;
  from: number;
  longest: number;
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
    };
  });
}

/** Sets the keyword box as one input event and times it until the count line changes. */
export function timeSearch(page: Page, query: string): Promise<number> {
  return page.evaluate(
    (value) =>
      new Promise<number>((resolve) => {
        const box = document.querySelector<HTMLInputElement>('.filters input[type=search]')!;
        const count = document.querySelector('.result-count')!;
        const before = count.textContent;
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (count.textContent === before) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - started));
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
