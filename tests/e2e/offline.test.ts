import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, serveBuiltApp, watchContext } from './browser.ts';
import type { StaticServer } from '../../scripts/staticServer.ts';
import { setUpStation, waitForServiceWorkerControl } from './offlineHelpers.ts';

// The bookmark moment: after one online visit, the app opens with the server process gone.
describe('offline after one visit', () => {
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

  it('opens in a new tab and on reload, with its data, after the server is stopped', async () => {
    const url = server!.url;
    const origin = new URL(url).origin;
    const context = await browser.newContext({ locale: 'ja-JP' });
    const watch = watchContext(context, origin);
    const page = await context.newPage();
    await page.goto(url);
    await setUpStation(page);
    await waitForServiceWorkerControl(page);
    await page.getByText('オフライン対応', { exact: true }).waitFor();
    // The new worker warms the deployment config in the background; on a busy machine that can
    // land after the worker took control, so wait for the stored copy before the server goes.
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const url = new URL('sonae.config.json', document.baseURI).href;
          for (const name of await caches.keys())
            if (await (await caches.open(name)).match(url)) return true;
          return false;
        }),
      )
      .toBe(true);

    await server!.close();
    server = null;
    // The server really is gone: a plain request now fails.
    await expect(fetch(url)).rejects.toThrow();

    const fresh = await context.newPage();
    await fresh.goto(url);
    await fresh.getByText('架空市 市民課 窓口PC-01').waitFor();
    await fresh.reload();
    await fresh.getByText('架空市 市民課 窓口PC-01').waitFor();

    // The IT section's deployment config (not precached: network-first) is there offline too.
    const config = await fresh.evaluate(async () => {
      const response = await fetch('sonae.config.json', { cache: 'no-store' });
      return [response.status, ((await response.json()) as { format?: string }).format];
    });
    expect(config).toEqual([200, 'sonae-config']);

    // A deep link (hash route) opens offline too, and the settings panel tells the truth.
    await fresh.goto(`${url}#/settings`);
    const panel = fresh.getByRole('region', { name: '保存領域とオフライン' });
    await panel.getByText('オフライン対応', { exact: true }).waitFor();
    await panel.getByText('まだ書き出していません').waitFor();
    await panel.getByText(/^約 .+（上限 約 .+）$/).waitFor();

    expect(watch.problems).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });
});
