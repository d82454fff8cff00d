import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  launchChromium,
  OFFICE_CONTEXT,
  screenshot,
  serveBuiltApp,
  watchContext,
  type PageWatch,
} from './browser.ts';
import { setUpStation } from './offlineHelpers.ts';
import { writeValidIncidents } from './incidentData.ts';
import type { StaticServer } from '../../scripts/staticServer.ts';

// Issue 9: a large file is checked in a Web Worker and written in batches, with a progress bar
// that counts the records written; on a plain-HTTP intranet name (no Web Crypto, so @noble) the
// same file imports the same way. Timings belong to `npm run bench`, not to this test.

const COUNT = 3_000;
const HOST = 'sonae.intranet.test';
let server: StaticServer;
let browser: Browser;
let folder: string;
let file: { path: string; fingerprint: string; keyPath: string };

/** Notes every text the import's progress line shows, to read after the import. */
function recordProgressInPage(): void {
  const seen: string[] = [];
  (window as unknown as { progressSeen: string[] }).progressSeen = seen;
  new MutationObserver(() => {
    const text = document.querySelector('.import-progress [role="status"]')?.textContent;
    if (text && seen.at(-1) !== text) seen.push(text);
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}

async function download(page: Page, click: () => Promise<void>, name: string): Promise<string> {
  const [saved] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  const path = join(folder, name);
  await saved.saveAs(path);
  return path;
}

beforeAll(async () => {
  server = await serveBuiltApp('/city/sonae/');
  browser = await launchChromium();
  folder = await mkdtemp(join(tmpdir(), 'sonae-large-'));
  // The IT section's demo station with COUNT more incidents exports everything.
  const context = await browser.newContext(OFFICE_CONTEXT);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'デモデータで試す' }).click();
  await page.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
  // Incidents made by another department's PC, which this station would relay: any ids will do.
  await writeValidIncidents(page, COUNT);
  await page.goto(`${server.url}#/settings`);
  const fingerprint = (await page.getByTestId('station-fingerprint').textContent())!;
  const keyPath = await download(
    page,
    () => page.getByRole('button', { name: '公開鍵を書き出す' }).click(),
    'public.pem',
  );
  await page.goto(`${server.url}#/exchange`);
  await page.getByRole('radio', { name: 'すべて' }).check();
  const path = await download(
    page,
    () => page.getByRole('button', { name: '書き出す', exact: true }).click(),
    'large.sonae.json',
  );
  await context.close();
  file = { path, fingerprint, keyPath };
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** A department PC at `url` that trusts the IT key, imports the file and says what it showed. */
async function importOnNewStation(
  url: string,
  into: Browser,
): Promise<{
  watch: PageWatch;
  progress: string[];
  result: string;
  secure: boolean;
}> {
  const context = await into.newContext(OFFICE_CONTEXT);
  const watch = watchContext(context, new URL(url).origin);
  const page = await context.newPage();
  await page.goto(url);
  await setUpStation(page);
  await page.goto(`${url}#/exchange`);
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  await page.evaluate(recordProgressInPage);
  await page.getByLabel('取り込むファイルを選ぶ').setInputFiles(file.path);
  await page.getByText('信頼していない鍵で署名されています').waitFor({ timeout: 60_000 });
  await page.getByLabel('公開鍵ファイル').setInputFiles(file.keyPath);
  await page.getByLabel('名前', { exact: true }).fill('情報政策課');
  await page.getByLabel('役割').selectOption({ label: '情報システム担当課' });
  await page.getByLabel('確認した指紋').fill(file.fingerprint);
  await page.getByRole('button', { name: '指紋を確認して信頼する' }).click();
  await page.getByRole('heading', { name: /取り込みの確認/ }).waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: '取り込む', exact: true }).click();
  await screenshot(page, `exchange-large-writing-${new URL(url).hostname}`);
  const done = page.getByText(/を取り込みました/);
  await done.waitFor({ timeout: 120_000 });
  await screenshot(page, `exchange-large-${new URL(url).hostname}`);
  const progress = await page.evaluate(
    () => (window as unknown as { progressSeen: string[] }).progressSeen,
  );
  const secure = await page.evaluate(() => window.isSecureContext);
  const result = (await done.textContent()) ?? '';
  await context.close();
  return { watch, progress, result, secure };
}

describe(`a file of ${COUNT.toLocaleString('ja-JP')} incidents and the demo lists`, () => {
  it('imports with a progress bar that counts the records checked, then written', async () => {
    const { watch, progress, result, secure } = await importOnNewStation(server.url, browser);
    expect(secure).toBe(true);
    // While the file is checked, the records checked so far (both workers', every 1,000 each).
    const checked = progress.filter((text) => text.startsWith('ファイルを確認しています: '));
    expect(checked.length).toBeGreaterThan(0);
    for (const text of checked)
      expect(text).toMatch(/^ファイルを確認しています: [\d,]+ \/ [\d,]+件$/);
    // Batches of 1,000: every count appears, up to all of them.
    const written = progress.filter((text) => text.startsWith('取り込んでいます: '));
    expect(written[0]).toMatch(/^取り込んでいます: 0 \/ [\d,]+件$/);
    expect(written).toContain(written.at(-1)!.replace(/: [\d,]+ \//, ': 1,000 /'));
    const [, all, total] = /: ([\d,]+) \/ ([\d,]+)件$/.exec(written.at(-1)!)!;
    expect(all).toBe(total);
    expect(Number(total!.replace(/,/g, ''))).toBeGreaterThan(COUNT);
    expect(result).toContain(`新規 ${Number(total!.replace(/,/g, ''))}件`);
    expect(watch.problems).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  }, 180_000);

  it('imports the same way on a plain-HTTP intranet name, without Web Crypto', async () => {
    const plain = await launchChromium([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
    try {
      const url = `http://${HOST}:${server.port}/city/sonae/`;
      const { watch, progress, result, secure } = await importOnNewStation(url, plain);
      expect(secure).toBe(false);
      expect(progress.at(-1)).toMatch(/^取り込んでいます: ([\d,]+) \/ \1件$/);
      expect(result).toMatch(/新規 \d+件/);
      expect(watch.problems).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
    } finally {
      await plain.close();
    }
  }, 180_000);
});
