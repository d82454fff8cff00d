import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, serveBuiltApp, watchContext } from './browser.ts';
import type { StaticServer } from '../../scripts/staticServer.ts';
import { setUpStation } from './offlineHelpers.ts';

// A plain-HTTP intranet host name: not loopback, so not a secure context and no service worker.
const HOST = 'sonae.intranet.test';

describe('plain-HTTP intranet origin', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveBuiltApp('/city/sonae/');
    browser = await launchChromium([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
  });

  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });

  it('works without a service worker and explains, once, what the administrator can do', async () => {
    const origin = `http://${HOST}:${server.port}`;
    const url = `${origin}/city/sonae/`;
    const context = await browser.newContext({ locale: 'ja-JP' });
    const watch = watchContext(context, origin);
    const page = await context.newPage();
    await page.goto(url);

    expect(
      await page.evaluate(() => [window.isSecureContext, 'serviceWorker' in navigator]),
    ).toEqual([false, false]);
    const notice = page.getByRole('complementary', {
      name: 'この接続ではオフラインで開けません（管理者の方へ）',
    });
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain('OverrideSecurityRestrictionsOnInsecureOrigin');
    expect(text).toContain(origin);
    expect(text).toContain('dom.securecontext.allowlist');
    expect(text).toContain('データ交換');

    // Fully usable: first-run setup writes to IndexedDB, the header says offline is unavailable.
    await setUpStation(page);
    await page.getByText('オフライン非対応（HTTP）', { exact: true }).waitFor();
    await page.goto(`${url}#/settings`);
    const panel = page.getByRole('region', { name: '保存領域とオフライン' });
    await panel.getByText('オフライン非対応（HTTP）', { exact: true }).waitFor();
    expect(await panel.getByRole('button', { name: '保存領域を保護する' }).count()).toBe(0);

    // Closed once, it stays closed on reload; the data is still there.
    await notice.getByRole('button', { name: '閉じる' }).click();
    await notice.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByText('架空市 市民課 窓口PC-01').waitFor();
    expect(await notice.count()).toBe(0);

    expect(watch.problems).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });
});
