import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, watchContext } from './browser.ts';
import { startStaticServer, type StaticServer } from '../../scripts/staticServer.ts';
import {
  buildApp,
  getDraftRaw,
  putDraftRaw,
  setUpStation,
  waitForServiceWorkerControl,
} from './offlineHelpers.ts';

// Two builds of the app (A, then B) served in turn from the same origin, as an IT section
// replaces the folder on its server. Built into a temp dir: dist/ belongs to the other tests.
describe('update from one build to the next', () => {
  let browser: Browser;
  let server: StaticServer;
  let workDir: string;
  const buildA = 'e2e-update-a';
  const buildB = 'e2e-update-b';

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'sonae-update-'));
    await Promise.all([buildApp(join(workDir, 'a'), buildA), buildApp(join(workDir, 'b'), buildB)]);
    server = await startStaticServer({ root: join(workDir, 'a'), basePath: '/city/sonae/' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await server?.close();
    await browser?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('asks before switching, never reloads by itself, and keeps data and drafts', async () => {
    const url = server.url;
    const context = await browser.newContext({ locale: 'ja-JP' });
    const watch = watchContext(context, new URL(url).origin);
    const page = await context.newPage();
    const runningBuild = () => page.locator('[data-build-id]').getAttribute('data-build-id');
    await page.goto(url);
    await setUpStation(page);
    await waitForServiceWorkerControl(page);
    expect(await runningBuild()).toBe(buildA);
    await putDraftRaw(page, 'incident:new', { title: '窓口PC-01で印刷できない' });
    // The IT section edits sonae.config.json on the server: pages see the edit, not a frozen copy.
    const configPath = join(workDir, 'a', 'sonae.config.json');
    const edited = JSON.stringify(JSON.parse(await readFile(configPath, 'utf8')), null, 4);
    await writeFile(configPath, edited);
    const served = await page.evaluate(async () =>
      (await fetch('sonae.config.json', { cache: 'no-store' })).text(),
    );
    expect(served).toBe(edited);
    // A second tab on the same build, as staff often have.
    const other = await context.newPage();
    await other.goto(url);
    await other.getByText('架空市 市民課 窓口PC-01').waitFor();
    // Marks each document: the mark survives only if the page is not reloaded.
    for (const tab of [page, other]) {
      await tab.evaluate(() => Object.assign(window, { sonaeSameDocument: true }));
    }

    server.setRoot(join(workDir, 'b'));
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    const prompt = page.getByRole('status').filter({ hasText: '新しい版があります' });
    await prompt.waitFor();
    // The new build waits: same document, old code, nothing reloaded behind the clerk's back.
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => 'sonaeSameDocument' in window)).toBe(true);
    expect(await runningBuild()).toBe(buildA);

    await Promise.all([
      page.waitForEvent('load'),
      prompt.getByRole('button', { name: '更新する' }).click(),
    ]);
    await page.getByText('架空市 市民課 窓口PC-01').waitFor();
    expect(await runningBuild()).toBe(buildB);
    expect(await page.evaluate(() => 'sonaeSameDocument' in window)).toBe(false);
    expect(await getDraftRaw(page, 'incident:new')).toEqual({ title: '窓口PC-01で印刷できない' });
    expect(await page.getByText('新しい版があります').count()).toBe(0);

    // The other tab was not reloaded under its user either; it offers the switch instead.
    const otherPrompt = other.getByRole('status').filter({ hasText: '新しい版があります' });
    await otherPrompt.waitFor();
    expect(await other.evaluate(() => 'sonaeSameDocument' in window)).toBe(true);
    await Promise.all([
      other.waitForEvent('load'),
      otherPrompt.getByRole('button', { name: '更新する' }).click(),
    ]);
    expect(await other.locator('[data-build-id]').getAttribute('data-build-id')).toBe(buildB);

    // The new build is the offline copy now.
    await server.close();
    await page.reload();
    expect(await runningBuild()).toBe(buildB);

    expect(watch.problems).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });
});
