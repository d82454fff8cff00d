import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { StaticServer } from '../../scripts/staticServer.ts';
import {
  launchChromium,
  OFFICE_CONTEXT,
  screenshot,
  serveBuiltApp,
  watchContext,
} from './browser.ts';
import { setUpStation, waitForServiceWorkerControl } from './offlineHelpers.ts';

// Issue 10, items 4–6 in the browser: the guides (手引き) and 「ファイルの検証」 open from the app
// itself with the server gone, the guides' renderer is not in the first screen's JavaScript, and
// 版 tells two builds of one version apart.

const ROOT = path.resolve(import.meta.dirname, '../..');
const DEPLOYMENT_TITLE = readFileSync(path.join(ROOT, 'docs/deployment.md'), 'utf8')
  .split('\n')[0]!
  .replace(/^# /, '');
/** A sentence only marked's code holds. */
const MARKED_SIGNATURE = 'Please report this to https://github.com/markedjs/marked.';

describe('手引き and ファイルの検証, offline', () => {
  let browser: Browser;
  let server: StaticServer | null = null;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await serveBuiltApp('/city/sonae/');
  });

  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });

  it('open from the menu and by deep link once the server is stopped', async () => {
    const url = server!.url;
    const origin = new URL(url).origin;
    const context = await browser.newContext(OFFICE_CONTEXT);
    const watch = watchContext(context, origin);
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.js')) scripts.push(response.url());
    });
    await page.goto(url);
    await setUpStation(page);
    await waitForServiceWorkerControl(page);
    await page.getByText('オフライン対応', { exact: true }).waitFor();

    // The first screen's JavaScript holds neither the Markdown renderer nor the guides' text.
    const firstScreen = await Promise.all(
      scripts.filter((s) => !s.endsWith('/sw.js')).map((s) => fetch(s).then((r) => r.text())),
    );
    expect(firstScreen.length).toBeGreaterThan(0);
    for (const code of firstScreen) {
      expect(code).not.toContain(MARKED_SIGNATURE);
      expect(code).not.toContain(DEPLOYMENT_TITLE);
    }

    // 版 carries a build id even though this build was given none (version + UTC minute + commit).
    if (!process.env.SONAE_BUILD_ID)
      expect(await page.locator('[data-build-id]').getAttribute('data-build-id')).toMatch(
        /^\d+\.\d+\.\d+\+\d{12}(\.[0-9a-f]{7,})?$/,
      );

    // Online: 手引き from the menu, then a guide from the list.
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '手引き' })
      .click();
    await page.getByRole('heading', { level: 1, name: '手引き' }).waitFor();
    await screenshot(page, 'help-index');
    await page.getByRole('link', { name: '設置・更新手順' }).click();
    await page.getByRole('heading', { level: 1, name: DEPLOYMENT_TITLE }).waitFor();
    expect(await page.getByRole('article').getByRole('table').count()).toBeGreaterThan(3);
    expect(await page.getByRole('article').locator('pre > code').count()).toBeGreaterThan(5);
    await screenshot(page, 'help-deployment', true);

    // The server goes away; a new tab opens the guides and the verify page from the cache.
    await server!.close();
    server = null;
    await expect(fetch(url)).rejects.toThrow();

    const offline = await context.newPage();
    await offline.goto(
      `${url}#/help/deployment?section=${encodeURIComponent('5-更新新しい版への入れ替え')}`,
    );
    await offline.getByRole('heading', { level: 1, name: DEPLOYMENT_TITLE }).waitFor();
    await offline.getByRole('navigation', { name: '目次' }).waitFor();
    // The link scrolled the heading into view.
    const heading = offline.getByRole('heading', { level: 2, name: /^5\. 更新/ });
    await expect
      .poll(() => heading.evaluate((h) => h.getBoundingClientRect().top))
      .toBeLessThan(200);
    await offline.goto(`${url}#/help/offline`);
    await offline
      .getByRole('heading', { level: 1, name: /Offline, updates and storage health/ })
      .waitFor();

    // ファイルの検証 offline: a file signed by a key this PC does not trust, then with its .pem.
    await offline.goto(`${url}#/exchange/verify`);
    await offline.getByRole('heading', { level: 1, name: 'ファイルの検証' }).waitFor();
    const bundlePath = path.join(ROOT, 'tests/fixtures/bundles/demo.sonae.json');
    await offline.getByLabel('検証するファイルを選ぶ').setInputFiles(bundlePath);
    const verdict = offline.getByRole('region', { name: /検証結果/ });
    await verdict
      .getByRole('status')
      .filter({ hasText: /^未確認/ })
      .waitFor();
    const sha256 = createHash('sha256').update(readFileSync(bundlePath)).digest('hex');
    await verdict.getByText(sha256).waitFor();
    await offline
      .getByLabel('公開鍵ファイルを選ぶ')
      .setInputFiles(path.join(ROOT, 'tests/fixtures/keys/demo-public.pem'));
    await verdict.getByRole('status').filter({ hasText: /^有効/ }).waitFor();
    await screenshot(offline, 'verify-valid', true);

    expect(watch.problems).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });
});
