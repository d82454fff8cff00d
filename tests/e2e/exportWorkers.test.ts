import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { downloadedBytes, openApp, screenshot, watchPage, type AppSession } from './browser.ts';
import { writeValidIncidents } from './incidentData.ts';

// Issue 9: with more than a few thousand records, 書き出す serialises them in two Web Workers
// started when the screen opens; a browser without Worker does it on the page. Same records,
// byte for byte, in real Chromium. Timings belong to `npm run bench:export`, not to this test.

const COUNT = 2_600;
let app: AppSession;

beforeAll(async () => {
  app = await openApp();
  const { page, server } = app;
  await page.goto(server.url);
  await page.getByRole('button', { name: 'デモデータで試す' }).click();
  await page.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
  await writeValidIncidents(page, COUNT);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

/** Exports everything from the データ交換 screen of `page`; the file's text. */
async function exportAll(page: Page): Promise<string> {
  await page.goto(`${app.server.url}#/exchange`);
  await page.getByRole('radio', { name: 'すべて' }).check();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: '書き出す', exact: true }).click(),
  ]);
  await page.getByText(/を書き出しました（記録\d+件/).waitFor();
  return (await downloadedBytes(download)).toString('utf8');
}

/** The file's records as written: from `"records":[` to the member after them. */
function recordsText(file: string): string {
  const start = file.indexOf('"records":[');
  const end = file.indexOf('],"sequence":', start);
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return file.slice(start, end + 1);
}

describe('export in Web Workers', () => {
  it('writes the same records in workers as a page without Worker', async () => {
    const { page, context, watch } = app;
    const started: string[] = [];
    const ended: string[] = [];
    page.on('worker', (worker) => {
      if (!worker.url().includes('exportRecords.worker')) return;
      started.push(worker.url());
      worker.on('close', () => ended.push(worker.url()));
    });
    const inWorkers = await exportAll(page);
    await screenshot(page, 'export-workers');
    // Started when the screen opened, and ended by the export once they had replied.
    expect(started.length).toBeGreaterThanOrEqual(2);
    await expect.poll(() => ended.length).toBeGreaterThanOrEqual(2);
    const bundle = JSON.parse(inWorkers) as { records: { id: string }[] };
    expect(bundle.records.length).toBeGreaterThan(COUNT);

    const noWorkerPage = await context.newPage();
    watchPage(noWorkerPage, new URL(app.server.url).origin, watch);
    await noWorkerPage.addInitScript(() => {
      Object.defineProperty(window, 'Worker', { value: undefined });
    });
    const onPage = await exportAll(noWorkerPage);
    expect(await noWorkerPage.evaluate(() => typeof Worker)).toBe('undefined');
    const a = recordsText(inWorkers);
    const b = recordsText(onPage);
    expect(a.length).toBe(b.length);
    expect(a === b).toBe(true);
    expect(watch.problems).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });
});
