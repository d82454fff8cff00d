// Temp: CPU profiles of the import preview and apply at COUNT, main thread + workers (tracing).
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, OFFICE_CONTEXT } from '../tests/e2e/browser.ts';
import { databaseNameForPath } from '../src/db/databaseName.ts';
import { startBenchSite } from './benchExchange.ts';
const COUNT = Number(process.env.COUNT ?? 10000);
const site = await startBenchSite(process.env.DIST ?? 'dist', process.env.HOST);
const browser = await launchChromium(process.env.HOST ? [`--host-resolver-rules=MAP ${process.env.HOST} 127.0.0.1`] : []);
const call = (page: Page, fn: string, ...args: unknown[]) => page.evaluate(([f, a]) => (window as any).sonaeBench[f as string](...(a as unknown[])), [fn, args] as const) as Promise<any>;
const benchPage = async (ctx: any) => { const p = await ctx.newPage(); await p.goto(site.benchUrl); await p.waitForFunction(() => document.body.dataset.ready === 'true'); return p; };
const db = databaseNameForPath('/sonae/');
let path = process.env.FILE ?? '';
let key: any = process.env.FILE ? JSON.parse(readFileSync(path + '.key.json', 'utf8')) : null;
if (!path) {
  const sender = await browser.newContext(OFFICE_CONTEXT);
  key = await call(await benchPage(sender), 'setUpSender', db, COUNT);
  const ex = await sender.newPage();
  await ex.goto(`${site.appUrl}#/exchange`);
  await ex.getByRole('heading', { name: 'データ交換', level: 1 }).waitFor({ timeout: 60000 });
  await ex.getByRole('radio', { name: 'すべて' }).check();
  const [d] = await Promise.all([ex.waitForEvent('download', { timeout: 300000 }), ex.getByRole('button', { name: '書き出す', exact: true }).click()]);
  path = `/tmp/x/import-${COUNT}.sonae.json`;
  await d.saveAs(path);
  writeFileSync(path + '.key.json', JSON.stringify(key));
  await sender.close();
}
for (let round = 0; round < Number(process.env.ROUNDS ?? 1); round++) {
const receiver = await browser.newContext(process.env.NOSW === '1' ? { ...OFFICE_CONTEXT, serviceWorkers: 'block' } : OFFICE_CONTEXT);
const setup = await benchPage(receiver);
await call(setup, 'setUpReceiver', db, key.publicKeyPem, key.fingerprint);
const page = await receiver.newPage();
const trace = process.env.TRACE === '1';
if (trace) await browser.startTracing(page, { categories: ['disabled-by-default-v8.cpu_profiler', 'v8.execute', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] });
await page.goto(`${site.appUrl}#/exchange`);
await page.getByRole('heading', { name: 'データ交換', level: 1 }).waitFor({ timeout: 60000 });
await page.waitForTimeout(1500);
const t0 = Date.now();
await page.getByLabel('取り込むファイルを選ぶ').setInputFiles(path);
await page.locator('.import-preview').waitFor({ timeout: 300000 });
const t1 = Date.now();
await page.waitForTimeout(300);
console.log(await page.evaluate(() => { const ms = performance.getEntriesByType('mark'); const ch = ms.find((m) => m.name === 'posted')!.startTime; return ms.map((m) => `${m.name} ${(m.startTime - ch).toFixed(0)}`).join(' | ') + ' | preview ' + (() => { const el = document.querySelector('.import-preview'); return el ? 'shown' : '?'; })(); }));
if (process.env.PREVIEW_ONLY === '1') { if (trace) writeFileSync('/tmp/x/prof/import.trace.json', await browser.stopTracing()); console.log(`preview ${t1 - t0} ms`); await receiver.close(); continue; }
await page.getByRole('button', { name: '取り込む', exact: true }).click();
await page.locator('.banner-success').waitFor({ timeout: 300000 });
const t2 = Date.now();
if (trace) { const buf = await browser.stopTracing(); writeFileSync('/tmp/x/prof/import.trace.json', buf); }
console.log(`preview ${t1 - t0} ms, apply ${t2 - t1} ms`);
await receiver.close();
}
await browser.close(); await site.close();
