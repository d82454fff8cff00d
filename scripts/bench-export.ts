/**
 * Export alone (issue 9: 10,000 incidents, click on 書き出す → the download starts, ≤ 0.5 s), in
 * real Chromium through the app's screen, for one or more builds in alternating rounds so that
 * before and after are compared under the same load. Each round prepares a fresh department PC
 * with `COUNT` demo incidents (scripts/benchExchangePage.ts), opens データ交換, chooses すべて and
 * clicks 書き出す. Figures per round:
 *   - click → download: from the click event in the page to Playwright's download event (the
 *     browser has begun the download), on one wall clock;
 *   - click → hand-over: from the click event to the `<a download>` click (download.ts);
 *   - the longest main-thread task from the click to the download;
 *   - click → 持ち出し記録 shown (the marks and the record written after the download);
 *   - CPU time of the page's main thread and of each export worker (Linux /proc), and the page's
 *     plus the busiest worker's: what bounds click → download when the cores are free, a figure
 *     the other processes on a shared machine do not move as they move the wall clock.
 * Prints medians; asserts nothing.
 *   DISTS=before=/tmp/dist-a,after=/tmp/dist-b COUNT=10000 RUNS=5 npx tsx scripts/bench-export.ts
 *   HOST=sonae.intranet.test …   plain HTTP (no crypto.subtle)
 *   STEPS=1 …   also the steps of an export timed alone in a page (scripts/benchExportPage.ts)
 *   THREADS=1 … also each busy thread's CPU time, in the page's renderer and in the browser process
 *   (where IndexedDB reads), from the click to the download (Linux; scripts/benchThreadCpu.ts)
 *   PROFILE=/tmp/export.cpuprofile … a CPU profile of the last build's first round (click →
 *   download), with its heaviest functions printed, and one of each export worker that was
 *   running at the click (…worker1.cpuprofile, …)
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, OFFICE_CONTEXT } from '../tests/e2e/browser.ts';
import { seedSender, startBenchSite, type BenchSite } from './benchExchange.ts';
import { buildBenchPage } from './benchPageBuild.ts';
import { processCpu, startProfile, summarizeProfile } from './benchProfile.ts';
import { startWorkerProfiles } from './benchWorkerProfile.ts';
import {
  browserProcess,
  busiestRenderer,
  busyThreads,
  cpuBetween,
  newRendererThreads,
  rendererPids,
  threadCpu,
} from './benchThreadCpu.ts';

const COUNT = Number(process.env.COUNT ?? 10_000);
const RUNS = Number(process.env.RUNS ?? 5);
const HOST = process.env.HOST;
const PROFILE = process.env.PROFILE;
const STEPS = process.env.STEPS === '1';
const THREADS = process.env.THREADS === '1';
const DISTS = (process.env.DISTS ?? `build=${process.env.SONAE_DIST ?? 'dist'}`)
  .split(',')
  .map((entry) => {
    const [tag, path] = entry.includes('=') ? entry.split('=') : [entry, entry];
    return { tag: tag!, path: path! };
  });

interface Round {
  clickToDownloadMs: number;
  harnessMs: number;
  /** Main-thread busy time from the click to the download (CDP TaskDuration). */
  busyMs: number;
  /** CPU time of the renderers, and of every Chromium process, from the click to the download. */
  cpuRendererMs: number;
  cpuAllMs: number;
  handOverMs: number;
  longestTaskMs: number;
  /** The longest main-thread task after the hand-over, until the 持ち出し記録 is shown. */
  longestTaskAfterMs: number;
  releasedMs: number;
  fileBytes: number;
  /** CPU time (Linux /proc) from the click to the download: the page's main thread, each worker. */
  mainThreadCpuMs: number;
  workersCpuMs: number[];
}

/** In the app page: the click on 書き出す, the `<a download>` click, and long tasks. */
function watchExportInPage(): void {
  type Times = { click?: number; handOver?: number; tasks: [number, number][] };
  const times: Times = { tasks: [] };
  (window as unknown as { exportTimes: Times }).exportTimes = times;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) times.tasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: false });
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target as HTMLElement;
      if (target.tagName === 'BUTTON' && target.textContent === '書き出す')
        times.click ??= performance.now();
      if (target.tagName === 'A' && target.hasAttribute('download'))
        times.handOver ??= performance.now();
    },
    true,
  );
}

async function senderPage(browser: Browser, site: BenchSite) {
  const renderersBefore = rendererPids();
  const context = await browser.newContext(OFFICE_CONTEXT);
  await seedSender(context, site, COUNT);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('app page error:', error.message));
  await page.goto(`${site.appUrl}#/exchange`);
  await page
    .getByRole('heading', { name: 'データ交換', level: 1 })
    .waitFor({ timeout: 60_000 })
    .catch(async (error: unknown) => {
      await page.screenshot({ path: join(site.folder, '..', 'bench-export-failed.png') });
      throw error;
    });
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  await page.evaluate(watchExportInPage);
  await page.getByRole('radio', { name: 'すべて' }).check();
  // The export ends its workers as they reply; a worker ended can give neither its profile nor
  // its thread's CPU time, so ending is put off (idle threads, no CPU) until they are read.
  await page.evaluate(() => {
    const terminate = Worker.prototype.terminate;
    Worker.prototype.terminate = function (this: Worker) {
      setTimeout(() => terminate.call(this), 20_000);
    };
  });
  return { context, page, renderersBefore };
}

async function runOnce(browser: Browser, site: BenchSite, profile: string | null): Promise<Round> {
  const { context, page, renderersBefore } = await senderPage(browser, site);
  const timeout = 120_000 + COUNT * 4;
  // Let the screen's own start-up work (config, recipients) finish before the click.
  await page.getByRole('button', { name: '書き出す', exact: true }).waitFor();
  await page.waitForFunction(
    () => !(document.querySelector('button.primary') as HTMLButtonElement | null)?.disabled,
  );
  // And the service worker's install (it caches the app's files, 0.1–0.2 s of CPU): on a desk PC
  // it was done long before anyone exports. Plain HTTP has no service worker.
  await page.evaluate(async () => {
    if (window.isSecureContext && 'serviceWorker' in navigator) await navigator.serviceWorker.ready;
  });
  const stopProfile = profile ? await startProfile(page) : null;
  const stopWorkerProfiles = profile
    ? await startWorkerProfiles(page, 'exportRecords.worker')
    : null;
  // The page's main-thread busy time (CDP Performance metrics), less at the mercy of other
  // processes on a shared machine than the wall clock.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const busy = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!
      .value * 1000;
  const busyBefore = await busy();
  const cpuBefore = await processCpu(page);
  const threadsBefore = newRendererThreads(renderersBefore);
  const browserPid = browserProcess();
  const browserBefore = browserPid === null ? null : threadCpu(browserPid);
  const started = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout }),
    page.getByRole('button', { name: '書き出す', exact: true }).click(),
  ]);
  const downloadedAt = Date.now();
  const busyMs = (await busy()) - busyBefore;
  const cpuAfter = await processCpu(page);
  const renderer = busiestRenderer(threadsBefore);
  if (THREADS && renderer)
    console.log('    renderer:', busyThreads(threadsBefore.get(renderer.pid)!, renderer.threads));
  if (THREADS && browserPid !== null)
    console.log('    browser process:', busyThreads(browserBefore!, threadCpu(browserPid)));
  const threads = renderer
    ? cpuBetween(renderer.pid, threadsBefore.get(renderer.pid)!, renderer.threads)
    : null;
  const cpuDelta = (type?: string) =>
    [...cpuAfter]
      .filter(([id, p]) => cpuBefore.has(id) && (!type || p.type === type))
      .reduce((sum, [id, p]) => sum + p.cpu - cpuBefore.get(id)!.cpu, 0);
  await cdp.detach();
  if (stopProfile) {
    const cpu = await stopProfile();
    await writeFile(profile!, JSON.stringify(cpu));
    console.log(`\nCPU profile (click → download) → ${profile}`);
    console.log(summarizeProfile(cpu));
    for (const [i, workerCpu] of (await stopWorkerProfiles!()).entries()) {
      await writeFile(
        profile!.replace(/(\.cpuprofile)?$/, `.worker${i + 1}.cpuprofile`),
        JSON.stringify(workerCpu),
      );
      console.log(`\nCPU profile of the export's worker ${i + 1}`);
      console.log(summarizeProfile(workerCpu, 15));
    }
  }
  await page
    .getByRole('heading', { name: '持ち出し記録', level: 3 })
    .waitFor({ timeout: 120_000 + COUNT * 10 });
  const releasedAt = Date.now();
  const t = await page.evaluate(() => {
    const times = (
      window as unknown as {
        exportTimes: { click: number; handOver: number; tasks: [number, number][] };
      }
    ).exportTimes;
    return { ...times, origin: performance.timeOrigin };
  });
  const clickWall = t.origin + t.click;
  const path = `${site.folder}/export-${Date.now()}.sonae.json`;
  await download.saveAs(path);
  const { size } = await import('node:fs/promises').then((fs) => fs.stat(path));
  await context.close();
  return {
    clickToDownloadMs: downloadedAt - clickWall,
    harnessMs: downloadedAt - started,
    busyMs,
    cpuRendererMs: cpuDelta('renderer'),
    cpuAllMs: cpuDelta(),
    handOverMs: t.handOver - t.click,
    longestTaskMs: Math.max(
      0,
      ...t.tasks.filter(([at]) => at >= t.click && at <= t.handOver).map(([, d]) => d),
    ),
    longestTaskAfterMs: Math.max(0, ...t.tasks.filter(([at]) => at > t.handOver).map(([, d]) => d)),
    releasedMs: releasedAt - clickWall,
    fileBytes: size,
    mainThreadCpuMs: threads?.mainMs ?? NaN,
    workersCpuMs: threads?.workersMs ?? [],
  };
}

/** The export's steps one by one (scripts/benchExportPage.ts), in a page on the site's origin. */
async function runSteps(browser: Browser, site: BenchSite): Promise<Record<string, number>> {
  await buildBenchPage('scripts/benchExportPage.ts', join(site.folder, 'site', 'bench-export'));
  const context = await browser.newContext(OFFICE_CONTEXT);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('steps page error:', error.message));
  await page.goto(site.benchUrl.replace(/bench\/$/, 'bench-export/'));
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const figures = (await page.evaluate(
    ([count, runs]) =>
      (
        window as unknown as {
          sonaeExportBench: { steps(c: number, r: number): Promise<unknown> };
        }
      ).sonaeExportBench.steps(count!, runs!),
    [COUNT, RUNS],
  )) as Record<string, number>;
  await context.close();
  return figures;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const ms = (value: number) => `${Math.round(value).toLocaleString('ja-JP')} ms`;

async function main() {
  const browser = await launchChromium(HOST ? [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`] : []);
  const sites = await Promise.all(DISTS.map((d) => startBenchSite(d.path, HOST)));
  const rounds: Round[][] = DISTS.map(() => []);
  try {
    console.log(
      `書き出し: 障害記録 ${COUNT.toLocaleString('ja-JP')}件、Chromium ${browser.version()}、${RUNS}回（交互）、${HOST ?? '127.0.0.1'}`,
    );
    if (STEPS) {
      const figures = await runSteps(browser, sites.at(-1)!);
      for (const [step, time] of Object.entries(figures))
        console.log(`  ${step.padEnd(22)} ${ms(time)}`);
      return;
    }
    for (let run = 0; run < RUNS; run++)
      for (const [i, site] of sites.entries()) {
        const profile = PROFILE && run === 0 && i === sites.length - 1 ? PROFILE : null;
        const round = await runOnce(browser, site, profile);
        rounds[i]!.push(round);
        console.log(
          `  ${DISTS[i]!.tag} #${run + 1}: click→download ${ms(round.clickToDownloadMs)} (harness ${ms(round.harnessMs)}), main thread busy ${ms(round.busyMs)}, CPU renderer ${ms(round.cpuRendererMs)} / all ${ms(round.cpuAllMs)}, hand-over ${ms(round.handOverMs)}, longest task ${ms(round.longestTaskMs)} (after ${ms(round.longestTaskAfterMs)}), 持ち出し記録 ${ms(round.releasedMs)}; thread CPU: page ${ms(round.mainThreadCpuMs)}, workers ${round.workersCpuMs.map(ms).join(' + ') || '—'}`,
        );
      }
    console.log('\nmedians');
    for (const [i, list] of rounds.entries()) {
      const pick = (key: Exclude<keyof Round, 'workersCpuMs'>) => median(list.map((r) => r[key]));
      // What bounds the export on free cores: the page's thread plus the busiest worker's.
      const critical = median(list.map((r) => r.mainThreadCpuMs + (r.workersCpuMs[0] ?? 0)));
      console.log(
        `  ${DISTS[i]!.tag}: click→download ${ms(pick('clickToDownloadMs'))} (harness ${ms(pick('harnessMs'))}), main thread busy ${ms(pick('busyMs'))}, CPU renderer ${ms(pick('cpuRendererMs'))} / all ${ms(pick('cpuAllMs'))}, hand-over ${ms(pick('handOverMs'))}, longest task ${ms(pick('longestTaskMs'))} (after ${ms(pick('longestTaskAfterMs'))}), 持ち出し記録 ${ms(pick('releasedMs'))}, file ${(pick('fileBytes') / 1048576).toFixed(1)} MB; thread CPU: page ${ms(pick('mainThreadCpuMs'))}, page + busiest worker ${ms(critical)}`,
      );
    }
  } finally {
    await browser.close();
    await Promise.all(sites.map((site) => site.close()));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
