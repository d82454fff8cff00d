import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  downloadedBytes,
  launchChromium,
  serveBuiltApp,
  watchContext,
  type PageWatch,
} from './browser.ts';
import type { StaticServer } from '../../scripts/staticServer.ts';

// Issue 12, item 11: a file attached to an incident never runs script in the app's origin, and
// the Content-Security-Policy of index.html leaves the built app (module script, styles,
// service worker, blob: thumbnails) working.

const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">' +
    '<script>window.top.pwned = true; alert("pwned")</script>' +
    '<rect width="10" height="10"/></svg>',
);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>' +
    'endobj 3 0 obj<</Type/Page/MediaBox[0 0 200 200]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF',
);

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let watch: PageWatch;
const dialogs: string[] = [];
const violations: string[] = [];

/** Records every dialog and CSP violation in `target` (a page of this context). */
function guard(target: Page) {
  target.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  target.on('console', (message) => {
    if (message.text().startsWith('CSP:')) violations.push(message.text());
  });
}

beforeAll(async () => {
  server = await serveBuiltApp('/city/sonae/');
  browser = await launchChromium();
  context = await browser.newContext({
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
  });
  // Runs outside the page's CSP (injected by the driver), so it can report what the CSP blocks.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.log(
        `CSP: ${event.violatedDirective} ${event.blockedURI} in ${event.documentURI} ${event.sourceFile}:${event.lineNumber} ${event.sample}`,
      ),
    );
  });
  watch = watchContext(context, new URL(server.url).origin);
  context.on('page', guard);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the built app under its Content-Security-Policy', () => {
  it('loads its module script, styles and service worker', async () => {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'デモデータで試す' }).click();
    await page.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
    // The stylesheet applied: the navigation is laid out as the CSS says, not as a bare list.
    const listStyle = await page.evaluate(
      () =>
        getComputedStyle(document.querySelector('nav ul, nav ol') ?? document.body).listStyleType,
    );
    expect(listStyle).toBe('none');
    const active = await page.evaluate(() =>
      navigator.serviceWorker.ready.then((registration) => registration.active?.state),
    );
    expect(['activating', 'activated']).toContain(active);
    const csp = await page.evaluate(
      () =>
        document
          .querySelector('meta[http-equiv="Content-Security-Policy"]')
          ?.getAttribute('content') ?? '',
    );
    for (const directive of ["script-src 'self'", "object-src 'none'", "base-uri 'self'"])
      expect(csp).toContain(directive);
  });
});

describe('attachments', () => {
  it('attaches an SVG with script and a PNG to a new incident', async () => {
    await page.getByRole('link', { name: '障害記録', exact: true }).click();
    await page.getByRole('link', { name: '障害を記録する' }).click();
    await page.getByLabel('件名').fill('画面の写真を添付');
    await page.getByLabel('システム').selectOption({ label: '住民記録システム' });
    await page.getByLabel('ファイルを追加').setInputFiles([
      { name: 'evil.svg', mimeType: 'image/svg+xml', buffer: SVG },
      { name: 'screen.png', mimeType: 'image/png', buffer: PNG },
      { name: '手順書.pdf', mimeType: 'application/pdf', buffer: PDF },
    ]);
    await page.getByRole('button', { name: 'evil.svgを削除' }).waitFor();
    await page.getByRole('button', { name: 'screen.pngを削除' }).waitFor();
    await page.getByRole('button', { name: '手順書.pdfを削除' }).waitFor();
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('保存しました。').waitFor();
  });

  it('runs no script from the SVG, however it is opened, and offers it only as a download', async () => {
    // 「画像を新しいタブで開く」 and the like: every URL the SVG's entry exposes, opened in a tab.
    const item = page.locator('.attachment-grid li', { hasText: 'evil.svg' });
    await item.locator('a').first().waitFor();
    const urls = [
      ...(await item.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))),
      ...(await item.locator('img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src')))),
    ].filter((url): url is string => Boolean(url));
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      const tab = await context.newPage();
      const navigation = await tab.goto(url).then(
        () => 'shown',
        (error: Error) => error.message,
      );
      expect(await tab.evaluate(() => (window as { pwned?: boolean }).pwned ?? false)).toBe(false);
      expect(dialogs).toEqual([]);
      // A blob typed application/octet-stream is saved, not shown: the navigation is aborted.
      expect(navigation).toMatch(/download|ERR_ABORTED/i);
      await tab.close();
    }
    expect(await page.evaluate(() => (window as { pwned?: boolean }).pwned ?? false)).toBe(false);
    // Clicking it saves the file as it came, under its own name.
    expect(await page.getByRole('link', { name: 'evil.svgを開く' }).count()).toBe(0);
    const save = page.getByRole('link', { name: 'evil.svgを保存' });
    const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
    expect(download.suggestedFilename()).toBe('evil.svg');
    expect(await downloadedBytes(download)).toEqual(SVG);
  });

  it('still opens the PNG in a new tab, as an image, and shows its thumbnail', async () => {
    const open = page.getByRole('link', { name: 'screen.pngを開く' });
    const thumbnail = page.getByRole('button', { name: 'screen.pngを拡大表示' }).getByRole('img');
    await thumbnail.scrollIntoViewIfNeeded();
    await expect
      .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBe(1);
    const [tab] = await Promise.all([context.waitForEvent('page'), open.click()]);
    await tab.waitForLoadState();
    expect(tab.url()).toMatch(/^blob:/);
    expect(await tab.evaluate(() => document.contentType)).toBe('image/png');
    await tab.close();
  });

  it('opens the PDF in the browser viewer, which the CSP does not block', async () => {
    const [tab] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('link', { name: '手順書.pdfを開く' }).click(),
    ]);
    await tab.waitForLoadState();
    expect(await tab.evaluate(() => document.contentType)).toBe('application/pdf');
    await tab.close();
  });

  it('saw no CSP violation, dialog, console error or foreign request', () => {
    expect(violations).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(watch.problems).toEqual([]);
    // The PDF tab loads Chromium's built-in viewer (chrome-extension:, chrome: resources), which
    // is the browser itself, not the network.
    const foreign = watch.foreignRequests.filter((url) => /^(https?|wss?):/.test(url));
    expect(foreign).toEqual([]);
  });
});

describe('the Content-Security-Policy itself', () => {
  // Last: the refusal it provokes is a console error and a violation, which the checks above forbid.
  it('refuses inline script in its own origin', async () => {
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.head.append(script);
      return (window as unknown as { inlineRan?: boolean }).inlineRan ?? false;
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations.some((v) => v.startsWith('CSP: script-src'))).toBe(true);
  });
});
