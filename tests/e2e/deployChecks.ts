import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { waitForServiceWorkerControl } from './offlineHelpers.ts';
import { docBlock } from './deploySteps.ts';
import type { RealServer } from './realServers.ts';

// What docs/deployment.md tells the IT section to check (4.1, 4.2, 5 step 6), as deploy.test.ts
// checks it on a copy served by a real server.

/** The header value 3.4 prints, which every sample must send as it is. */
const CSP = docBlock('csp').trim();

/** 4.1 for one copy: the redirect, types, caching, security headers, no listing. */
export async function expectServedAsShipped(
  origin: string,
  base: string,
  web: string,
): Promise<void> {
  const head = (path: string) => fetch(origin + path, { method: 'HEAD', redirect: 'manual' });
  const redirect = await head(base.slice(0, -1));
  expect(redirect.status).toBe(301);
  expect(new URL(redirect.headers.get('location')!, origin).href).toBe(origin + base);
  const asset = (await readdir(join(web, 'assets'))).find((name) => name.endsWith('.js'))!;
  const expected: [string, string, string][] = [
    ['', 'text/html', 'no-cache'],
    ['sw.js', 'text/javascript', 'no-cache'],
    ['manifest.webmanifest', 'application/manifest+json', 'no-cache'],
    ['sonae.config.json', 'application/json', 'no-cache'],
    [`assets/${asset}`, 'text/javascript', 'public, max-age=31536000, immutable'],
  ];
  for (const [path, type, cache] of expected) {
    const response = await head(base + path);
    const got = (name: string) => response.headers.get(name);
    const contentType = got('content-type')?.split(';')[0];
    expect([path, response.status, contentType, got('cache-control')]).toEqual([
      path,
      200,
      type,
      cache,
    ]);
    expect(got('content-security-policy')).toBe(CSP);
    expect(got('x-content-type-options')).toBe('nosniff');
  }
  expect([403, 404]).toContain((await head(`${base}assets/`)).status);
  // A missing file is never cached for a year (e.g. one asked for halfway through an update).
  const missing = await head(`${base}assets/index-missing.js`);
  expect([missing.status, missing.headers.get('cache-control')]).toEqual([404, null]);
}

export async function recordIncident(page: Page, base: string, title: string): Promise<void> {
  await page.goto(`${base}#/incidents`);
  await page.getByRole('link', { name: '障害を記録する' }).click();
  await page.getByLabel('件名').fill(title);
  await page.getByLabel('システム').selectOption({ label: '住民記録システム' });
  await page.getByRole('button', { name: '保存する' }).click();
  await page.getByText('保存しました。').waitFor();
}

export async function expectIncident(page: Page, base: string, title: string): Promise<void> {
  await page.goto(`${base}#/incidents`);
  await page.getByRole('link', { name: title }).waitFor();
}

/** 5, step 6: 版 as shown, and the key from sonae.config.json still trusted. */
export async function expectVersionAndKey(
  page: Page,
  base: string,
  shownVersion: string,
  key: { label: string; fingerprint: string },
): Promise<void> {
  await page.goto(`${base}#/settings`);
  const panel = page.getByRole('region', { name: '保存領域とオフライン' });
  await panel.getByText(shownVersion, { exact: true }).waitFor();
  const row = page.getByRole('row').filter({ hasText: '配布設定（sonae.config.json）' });
  await row.waitFor();
  expect(await row.textContent()).toContain(key.label);
  expect(await row.textContent()).toContain(key.fingerprint);
}

/** Opens the copy again as a clerk would after the folder changed, and accepts 「更新する」. */
export async function acceptUpdate(page: Page, base: string): Promise<void> {
  await page.goto(base);
  const prompt = page.getByRole('status').filter({ hasText: '新しい版があります' });
  await prompt.waitFor();
  await Promise.all([
    page.waitForEvent('load'),
    prompt.getByRole('button', { name: '更新する' }).click(),
  ]);
}

/**
 * 4.2, step 5: stops the server, runs `expectOpened` on a new tab (it must find the app, its
 * data and 版 without the server), then starts the server again.
 */
export async function expectOfflineUse(
  context: BrowserContext,
  server: RealServer,
  base: string,
  expectOpened: (page: Page) => Promise<void>,
): Promise<void> {
  const page = context.pages()[0]!;
  await waitForServiceWorkerControl(page);
  // The config is network-first, cached at its first fetch: wait for that copy (offline.test.ts).
  await expect
    .poll(() =>
      page.evaluate(async (url) => {
        for (const name of await caches.keys())
          if (await (await caches.open(name)).match(url)) return true;
        return false;
      }, `${base}sonae.config.json`),
    )
    .toBe(true);
  await server.stop();
  const fresh = await context.newPage();
  await expectOpened(fresh);
  await fresh.close();
  await server.start();
}
