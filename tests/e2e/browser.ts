import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Download,
  type Page,
} from 'playwright-core';
import { startStaticServer, type StaticServer } from '../../scripts/staticServer.ts';

/** The system Chromium (Debian's package); never a downloaded browser. */
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** Where the e2e run's shared Chromium listens (set by tests/e2e/globalSetup.ts). */
export const SHARED_BROWSER_ENV = 'SONAE_SHARED_CHROMIUM';

/**
 * A browser with the required flags. Inside the e2e run this is a connection to the one shared
 * Chromium (closing it only disconnects); scripts and extra flags get a browser of their own.
 */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const shared = process.env[SHARED_BROWSER_ENV];
  if (shared && extraArgs.length === 0) return chromium.connect(shared);
  return chromium.launch({ executablePath: CHROME_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** Serves the built app (dist/) under a sub-path, as an IT section's file server would. */
export function serveBuiltApp(basePath = '/city/sonae/', port?: number): Promise<StaticServer> {
  // SONAE_DIST lets a second build (another worktree, a helper) be tested without touching dist/.
  const root = process.env.SONAE_DIST ?? 'dist';
  return startStaticServer({ root, basePath, ...(port ? { port } : {}) });
}

export interface PageWatch {
  problems: string[];
  foreignRequests: string[];
}

/**
 * Watches a page for the things every e2e test asserts never happen: a console error, an
 * uncaught exception, or a request to any origin but the app's own.
 */
export function watchPage(page: Page, appOrigin: string, into?: PageWatch): PageWatch {
  const watch = into ?? { problems: [], foreignRequests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') watch.problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => watch.problems.push(`pageerror: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== appOrigin) watch.foreignRequests.push(url);
  });
  return watch;
}

/** Watches every page of a context, including ones opened later. */
export function watchContext(context: BrowserContext, appOrigin: string): PageWatch {
  const watch: PageWatch = { problems: [], foreignRequests: [] };
  for (const page of context.pages()) watchPage(page, appOrigin, watch);
  context.on('page', (page) => watchPage(page, appOrigin, watch));
  return watch;
}

/** The context every e2e page uses: Japanese, Tokyo time, a 1366×768 office screen. */
export const OFFICE_CONTEXT = {
  locale: 'ja-JP',
  timezoneId: 'Asia/Tokyo',
  viewport: { width: 1366, height: 768 },
  acceptDownloads: true,
} as const;

/** A served build, one browser and one watched page: what most e2e files start from. */
export interface AppSession {
  server: StaticServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  watch: PageWatch;
  close(): Promise<void>;
}

export async function openApp(basePath = '/city/sonae/'): Promise<AppSession> {
  const server = await serveBuiltApp(basePath);
  const browser = await launchChromium();
  const context = await browser.newContext(OFFICE_CONTEXT);
  const page = await context.newPage();
  const watch = watchPage(page, new URL(server.url).origin);
  return {
    server,
    browser,
    context,
    page,
    watch,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * SONAE_SCREENSHOTS=DIR keeps screenshots of the screens the tests pass through, to look at;
 * without it nothing is written (CI stays fast).
 */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  const dir = process.env.SONAE_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage });
}

/**
 * The bytes of a download. `download.path()` is refused over the shared browser's connection;
 * `saveAs` streams the file to this process.
 */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sonae-download-'));
  try {
    const file = path.join(dir, 'download');
    await download.saveAs(file);
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
