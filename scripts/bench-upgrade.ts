/**
 * The one-time upgrade of a station's database to Dexie version 10 (issue 9: the incident list as
 * segments, built from the records inside the upgrade), in real Chromium at 10,000 and 50,000
 * incidents. Each count: a department PC as a version-9 build left it (scripts/benchExchangePage.ts,
 * setUpVersion9), then the app opened straight on 障害記録 with the new build: the upgrade runs
 * before the database opens. Figures, from the navigation: the first row on screen, the full count
 * line, and the longest main-thread task; then the same after a reload (already upgraded), which
 * is what every later open costs. Prints figures; asserts nothing.
 *   npm run bench:upgrade   (after a build; SONAE_DIST=<dir>, COUNTS=10000,50000)
 */
import type { Page } from 'playwright-core';
import { launchChromium, OFFICE_CONTEXT } from '../tests/e2e/browser.ts';
import { databaseNameForPath } from '../src/db/databaseName.ts';
import { benchPage, callBench, startBenchSite } from './benchExchange.ts';
import { PAGE_PROBE, readProbe, type Probe } from './benchIncidentProbe.ts';

const dist = process.env.SONAE_DIST ?? 'dist';
const counts = (process.env.COUNTS ?? '10000,50000').split(',').map(Number);

/** Loads `url` in `page` and reads the probe from the navigation on. */
async function openList(page: Page, url: string, fullText: string): Promise<Probe> {
  await page.evaluate((text) => sessionStorage.setItem('sonae-bench-full', text), fullText);
  await page.goto(url);
  return readProbe(page);
}

const line = (probe: Probe) =>
  `最初の行 ${probe.firstRowAt.toFixed(0)} ms、全件 ${probe.fullAt.toFixed(0)} ms、` +
  `最長タスク ${probe.longest.toFixed(0)} ms（50 ms 以上: ${probe.longTasks.length} 個）`;

async function main() {
  const site = await startBenchSite(dist);
  const browser = await launchChromium();
  try {
    console.log(`データベースの更新（版 9 → 10）、Chromium ${browser.version()}`);
    for (const count of counts) {
      const context = await browser.newContext(OFFICE_CONTEXT);
      const setup = await benchPage(context, site);
      await callBench(setup, 'setUpVersion9', databaseNameForPath('/sonae/'), count);
      await setup.close();
      const page = await context.newPage();
      await page.addInitScript(PAGE_PROBE);
      await page.goto(site.benchUrl);
      const url = `${site.appUrl}#/incidents`;
      const fullText = `${count.toLocaleString('en-US').replaceAll(',', '')}件`;
      const upgrade = await openList(page, url, fullText);
      await page.goto(site.benchUrl);
      const after = await openList(page, url, fullText);
      console.log(`${count.toLocaleString('ja-JP')}件`);
      console.log(`  更新を含む最初の表示: ${line(upgrade)}`);
      console.log(`  更新後の表示:         ${line(after)}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
}

await main();
