/**
 * The exchange half of `npm run bench` and `npm run bench:exchange`, in real Chromium through the
 * app's own screens: a department PC with `count` incidents exports them all, signed (click on
 * 書き出す → the download), and the IT section imports the file (file chosen → preview shown →
 * 取り込む → done), with the longest main-thread task while it does. Beside them, in the same
 * browser, the floors (scripts/benchExchangePage.ts): a bare Dexie bulkPut of the same rows and
 * JSON.parse of the same file. The app is a built copy (dist/ or SONAE_DIST) with the benchmark
 * page added under bench/, served on one origin so the page can prepare the app's database.
 */
import { cp, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { OFFICE_CONTEXT } from '../tests/e2e/browser.ts';
import { databaseNameForPath } from '../src/db/databaseName.ts';
import { startStaticServer, type StaticServer } from './staticServer.ts';

const BASE_PATH = '/sonae/';

export interface BenchSite {
  server: StaticServer;
  /** The app, e.g. http://127.0.0.1:4173/sonae/ */
  appUrl: string;
  benchUrl: string;
  /** Where downloads go. */
  folder: string;
  close(): Promise<void>;
}

/** A copy of the built app with the benchmark page beside it, served on loopback. */
export async function startBenchSite(dist: string, host?: string): Promise<BenchSite> {
  const folder = await mkdtemp(join(tmpdir(), 'sonae-bench-'));
  const root = join(folder, 'site');
  await cp(dist, root, { recursive: true });
  await build({
    configFile: false,
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: join(root, 'bench'),
      emptyOutDir: false,
      target: 'es2022',
      lib: { entry: 'scripts/benchExchangePage.ts', formats: ['es'], fileName: () => 'bench.js' },
    },
  });
  await writeFile(
    join(root, 'bench', 'index.html'),
    '<!doctype html><meta charset="utf-8"><input type="file" id="file"><script type="module" src="./bench.js"></script>',
  );
  const server = await startStaticServer({ root, basePath: BASE_PATH });
  const origin = `http://${host ?? '127.0.0.1'}:${server.port}`;
  return {
    server,
    appUrl: `${origin}${BASE_PATH}`,
    benchUrl: `${origin}${BASE_PATH}bench/`,
    folder,
    close: async () => {
      await server.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/**
 * A department PC in `context` with `count` demo incidents, written by the benchmark page
 * (scripts/benchExchangePage.ts) straight into the app's database; returns its key facts.
 */
export async function seedSender(
  context: BrowserContext,
  site: BenchSite,
  count: number,
): Promise<{ publicKeyPem: string; fingerprint: string; compactJsonBytes: number }> {
  const setup = await context.newPage();
  setup.on('pageerror', (error) => console.error('bench page error:', error.message));
  await setup.goto(site.benchUrl);
  await setup.waitForFunction(() => document.body.dataset.ready === 'true');
  const key = await callBench(setup, 'setUpSender', databaseNameForPath(BASE_PATH), count);
  await setup.close();
  return key;
}

export interface ExchangeFigures {
  count: number;
  exportMs: number;
  fileBytes: number;
  compactJsonBytes: number;
  /** File chosen → preview shown. */
  previewMs: number;
  /** 取り込む clicked → done. */
  applyMs: number;
  /** Longest main-thread task from the file chosen to the preview, and while writing. */
  longestTaskPreviewMs: number;
  longestTaskApplyMs: number;
  bulkPutMs: number;
  parseMs: number;
  nativeEd25519: boolean;
}

type BenchApi = {
  setUpSender(
    name: string,
    count: number,
  ): Promise<{
    publicKeyPem: string;
    fingerprint: string;
    compactJsonBytes: number;
  }>;
  setUpReceiver(name: string, pem: string, fingerprint: string): Promise<void>;
  setUpVersion9(name: string, count: number): Promise<void>;
  measureFloors(
    count: number,
    runs: number,
  ): Promise<{
    parseMs: number;
    bulkPutMs: number;
    nativeEd25519: boolean;
  }>;
};

export async function benchPage(context: BrowserContext, site: BenchSite): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('bench page error:', error.message));
  await page.goto(site.benchUrl);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  return page;
}

export function callBench<K extends keyof BenchApi>(
  page: Page,
  name: K,
  ...args: Parameters<BenchApi[K]>
): Promise<Awaited<ReturnType<BenchApi[K]>>> {
  return page.evaluate(
    ([fn, rest]) =>
      (window as unknown as { sonaeBench: Record<string, (...a: unknown[]) => unknown> })
        .sonaeBench[fn as string]!(...(rest as unknown[])),
    [name, args] as const,
  ) as never;
}

export async function openExchange(page: Page, site: BenchSite): Promise<void> {
  await page.goto(`${site.appUrl}#/exchange`);
  await page.getByRole('heading', { name: 'データ交換', level: 1 }).waitFor({ timeout: 60_000 });
}

/** Records, in the app page, when the file is chosen, the preview shows, 取り込む is clicked and done. */
export function watchImportInPage(): void {
  type Times = Record<string, number> & { tasks: [number, number][] };
  const times = { tasks: [] } as unknown as Times;
  (window as unknown as { importTimes: Times }).importTimes = times;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) times.tasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: false });
  document.addEventListener('change', () => (times.chosen ??= performance.now()), true);
  document.addEventListener(
    'click',
    (event) => {
      if ((event.target as HTMLElement).textContent === '取り込む')
        times.confirm = performance.now();
    },
    true,
  );
  // Checked once a frame, on two small elements: reading the whole page's text on every change
  // (or Playwright's text locators) would itself cost the main thread what is being measured.
  const section = document.querySelector('section[aria-labelledby="import-heading"]')!;
  const check = () => {
    if (times.preview === undefined && section.querySelector('.import-preview'))
      times.preview = performance.now();
    if (times.done === undefined && section.querySelector('.banner-success'))
      times.done = performance.now();
    if (times.done === undefined) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** Waits, polling rarely, until the page has noted `mark` (see watchImportInPage). */
export async function waitForMark(page: Page, mark: string, timeout: number): Promise<void> {
  await page.waitForFunction(
    (name) =>
      (window as unknown as { importTimes: Record<string, number> }).importTimes[name] !==
      undefined,
    mark,
    { polling: 200, timeout },
  );
}

export const longest = (tasks: [number, number][], from: number, to: number) =>
  Math.max(0, ...tasks.filter(([start]) => start >= from && start <= to).map(([, d]) => d));

/** One export and one import of `count` incidents, and the floors. */
async function runOnce(browser: Browser, site: BenchSite, count: number, runs: number) {
  const databaseName = databaseNameForPath(BASE_PATH);
  const timeout = 120_000 + count * 4;

  const sender = await browser.newContext(OFFICE_CONTEXT);
  const key = await seedSender(sender, site, count);
  const exporting = await sender.newPage();
  await openExchange(exporting, site);
  await exporting.getByRole('radio', { name: 'すべて' }).check();
  const started = Date.now();
  const [download] = await Promise.all([
    exporting.waitForEvent('download', { timeout }),
    exporting.getByRole('button', { name: '書き出す', exact: true }).click(),
  ]);
  const exportMs = Date.now() - started;
  const path = join(site.folder, `bench-${count}.sonae.json`);
  await download.saveAs(path);
  await sender.close();

  const receiver = await browser.newContext(OFFICE_CONTEXT);
  const setup = await benchPage(receiver, site);
  await callBench(setup, 'setUpReceiver', databaseName, key.publicKeyPem, key.fingerprint);
  const importing = await receiver.newPage();
  await openExchange(importing, site);
  // tsx keeps function names by wrapping inner functions in __name(), which the page lacks.
  await importing.evaluate('globalThis.__name ??= (fn) => fn');
  await importing.evaluate(watchImportInPage);
  await importing.getByLabel('取り込むファイルを選ぶ').setInputFiles(path);
  await waitForMark(importing, 'preview', timeout);
  await importing.getByRole('button', { name: '取り込む', exact: true }).click();
  await waitForMark(importing, 'done', timeout);
  const times = await importing.evaluate(
    () =>
      (window as unknown as { importTimes: Record<string, number> & { tasks: [number, number][] } })
        .importTimes,
  );
  await importing.close();
  await setup.locator('#file').setInputFiles(path);
  const floors = await callBench(setup, 'measureFloors', count, runs);
  await receiver.close();

  return {
    count,
    exportMs,
    fileBytes: (await stat(path)).size,
    compactJsonBytes: key.compactJsonBytes,
    previewMs: times.preview! - times.chosen!,
    applyMs: times.done! - times.confirm!,
    longestTaskPreviewMs: longest(times.tasks, times.chosen!, times.preview!),
    longestTaskApplyMs: longest(times.tasks, times.confirm!, times.done!),
    ...floors,
  } satisfies ExchangeFigures;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/** The exchange figures for `count` incidents, each the median of `runs` rounds. */
export async function runExchangeBench(
  browser: Browser,
  site: BenchSite,
  count: number,
  runs: number,
): Promise<ExchangeFigures> {
  const rounds: ExchangeFigures[] = [];
  for (let i = 0; i < runs; i++) rounds.push(await runOnce(browser, site, count, 1));
  const pick = (key: keyof ExchangeFigures) => median(rounds.map((r) => Number(r[key])));
  return {
    count,
    exportMs: pick('exportMs'),
    fileBytes: pick('fileBytes'),
    compactJsonBytes: pick('compactJsonBytes'),
    previewMs: pick('previewMs'),
    applyMs: pick('applyMs'),
    longestTaskPreviewMs: pick('longestTaskPreviewMs'),
    longestTaskApplyMs: pick('longestTaskApplyMs'),
    bulkPutMs: pick('bulkPutMs'),
    parseMs: pick('parseMs'),
    nativeEd25519: rounds.every((r) => r.nativeEd25519),
  };
}
