/**
 * Import checks alone (issue 9: 10,000 incidents, file chosen → preview shown, ≤ 300 ms), in real
 * Chromium through the app's screen, for one or more builds in alternating rounds so that before
 * and after are compared under the same load. The file is exported once (a department PC with
 * `COUNT` demo incidents, through 書き出す with the first build) and reused; each round is a
 * fresh IT-section PC that trusts the sender's key (scripts/benchExchange.ts), opens データ交換,
 * lets the screen settle (the checking worker starts while a person picks the file) and chooses
 * the file. Figures per round: file chosen → `.import-preview` shown (marks in the page), and the
 * longest main-thread task in between. Prints medians; asserts nothing.
 *   DISTS=before=/tmp/dist-a,after=/tmp/dist-b COUNT=10000 RUNS=5 npx tsx scripts/bench-import.ts
 *   HOST=sonae.intranet.test …   plain HTTP (no crypto.subtle)
 *   FILE=/tmp/x.sonae.json …   reuse a file exported before (its key beside it, FILE.key.json)
 *   TRACE=/tmp/import.trace.json …   a Chromium trace (main thread and workers, CPU samples) of
 *     the last build's first round; summarise it with a trace reader of your choice
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { launchChromium, OFFICE_CONTEXT } from '../tests/e2e/browser.ts';
import { databaseNameForPath } from '../src/db/databaseName.ts';
import { processCpu } from './benchProfile.ts';
import { busiestRenderer, cpuBetween, newRendererThreads, rendererPids } from './benchThreadCpu.ts';
import {
  benchPage,
  callBench,
  longest,
  openExchange,
  seedSender,
  startBenchSite,
  waitForMark,
  watchImportInPage,
  type BenchSite,
} from './benchExchange.ts';

const COUNT = Number(process.env.COUNT ?? 10_000);
const RUNS = Number(process.env.RUNS ?? 5);
const HOST = process.env.HOST;
const TRACE = process.env.TRACE;
/** Time a person takes to pick the file: the screen's start-up and the worker's load end in it. */
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 1500);
const DISTS = (process.env.DISTS ?? `build=${process.env.SONAE_DIST ?? 'dist'}`)
  .split(',')
  .map((entry) => {
    const [tag, path] = entry.includes('=') ? entry.split('=') : [entry, entry];
    return { tag: tag!, path: path! };
  });

type SenderKey = Awaited<ReturnType<typeof seedSender>>;

/** The file to import and the sender's key: FILE if given (or cached), else exported now. */
async function exportedFile(
  browser: Browser,
  site: BenchSite,
): Promise<{ path: string; key: SenderKey }> {
  const path = process.env.FILE ?? `/tmp/sonae-bench-import-${COUNT}.sonae.json`;
  if (existsSync(path) && existsSync(`${path}.key.json`))
    return { path, key: JSON.parse(await readFile(`${path}.key.json`, 'utf8')) as SenderKey };
  const sender = await browser.newContext(OFFICE_CONTEXT);
  const key = await seedSender(sender, site, COUNT);
  const page = await sender.newPage();
  await openExchange(page, site);
  await page.getByRole('radio', { name: 'すべて' }).check();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 + COUNT * 4 }),
    page.getByRole('button', { name: '書き出す', exact: true }).click(),
  ]);
  await download.saveAs(path);
  await writeFile(`${path}.key.json`, JSON.stringify(key));
  await sender.close();
  return { path, key };
}

interface Round {
  previewMs: number;
  longestTaskMs: number;
  /**
   * CPU time of the renderers (page, workers, Web Crypto's threads) from the file chosen to the
   * preview seen (polled, so up to 200 ms of idle after it): the work done, less at the mercy of
   * the other people's benchmarks on this machine than the wall clock.
   */
  cpuRendererMs: number;
  /**
   * CPU time of the page's main thread and of each worker (busiest first), from /proc
   * (scripts/benchThreadCpu.ts): with free cores, the page's plus the busiest worker's bounds
   * the figure, whatever the other benchmarks on the machine do to the wall clock.
   */
  mainThreadCpuMs: number;
  workersCpuMs: number[];
}

async function runOnce(
  browser: Browser,
  site: BenchSite,
  file: { path: string; key: SenderKey },
  trace: string | null,
): Promise<Round> {
  const renderersBefore = rendererPids();
  const receiver = await browser.newContext(OFFICE_CONTEXT);
  const setup = await benchPage(receiver, site);
  const { publicKeyPem, fingerprint } = file.key;
  await callBench(
    setup,
    'setUpReceiver',
    databaseNameForPath('/sonae/'),
    publicKeyPem,
    fingerprint,
  );
  await setup.close();
  const page = await receiver.newPage();
  page.on('pageerror', (error) => console.error('app page error:', error.message));
  if (trace)
    await browser.startTracing(page, {
      categories: [
        'disabled-by-default-v8.cpu_profiler',
        'v8.execute',
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
      ],
    });
  await openExchange(page, site);
  // tsx keeps function names by wrapping inner functions in __name(), which the page lacks.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  await page.evaluate(watchImportInPage);
  // A worker ended can no longer give its thread's CPU time: ending is put off until it is read.
  await page.evaluate(() => {
    const terminate = Worker.prototype.terminate;
    Worker.prototype.terminate = function (this: Worker) {
      setTimeout(() => terminate.call(this), 20_000);
    };
  });
  await page.waitForTimeout(SETTLE_MS);
  const cpuBefore = await processCpu(page);
  const threadsBefore = newRendererThreads(renderersBefore);
  await page.getByLabel('取り込むファイルを選ぶ').setInputFiles(file.path);
  await waitForMark(page, 'preview', 120_000 + COUNT * 4);
  const cpuAfter = await processCpu(page);
  const renderer = busiestRenderer(threadsBefore);
  const threads = renderer
    ? cpuBetween(renderer.pid, threadsBefore.get(renderer.pid)!, renderer.threads)
    : null;
  if (trace) await writeFile(trace, await browser.stopTracing());
  const times = await page.evaluate(
    () =>
      (window as unknown as { importTimes: Record<string, number> & { tasks: [number, number][] } })
        .importTimes,
  );
  await receiver.close();
  return {
    previewMs: times.preview! - times.chosen!,
    longestTaskMs: longest(times.tasks, times.chosen!, times.preview!),
    cpuRendererMs: [...cpuAfter]
      .filter(([id, p]) => cpuBefore.has(id) && p.type === 'renderer')
      .reduce((sum, [id, p]) => sum + p.cpu - cpuBefore.get(id)!.cpu, 0),
    mainThreadCpuMs: threads?.mainMs ?? NaN,
    workersCpuMs: threads?.workersMs ?? [],
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const ms = (value: number) => `${Math.round(value).toLocaleString('ja-JP')} ms`;

async function main() {
  const browser = await launchChromium(HOST ? [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`] : []);
  const sites = await Promise.all(DISTS.map((d) => startBenchSite(d.path, HOST)));
  const rounds: Round[][] = DISTS.map(() => []);
  try {
    const file = await exportedFile(browser, sites[0]!);
    const size = (await readFile(file.path)).length;
    console.log(
      `取り込み（プレビューまで）: 障害記録 ${COUNT.toLocaleString('ja-JP')}件、${(size / 1048576).toFixed(1)} MB、Chromium ${browser.version()}、${RUNS}回（交互）、${HOST ?? '127.0.0.1'}`,
    );
    for (let run = 0; run < RUNS; run++)
      for (const [i, site] of sites.entries()) {
        const trace = TRACE && run === 0 && i === sites.length - 1 ? TRACE : null;
        const round = await runOnce(browser, site, file, trace);
        rounds[i]!.push(round);
        console.log(
          `  ${DISTS[i]!.tag} #${run + 1}: chosen→preview ${ms(round.previewMs)}, longest task ${ms(round.longestTaskMs)}, CPU renderer ${ms(round.cpuRendererMs)}; thread CPU: page ${ms(round.mainThreadCpuMs)}, workers ${round.workersCpuMs.map(ms).join(' + ') || '—'}`,
        );
      }
    console.log('\nmedians');
    for (const [i, list] of rounds.entries()) {
      const pick = (key: Exclude<keyof Round, 'workersCpuMs'>) =>
        ms(median(list.map((r) => r[key])));
      const critical = median(list.map((r) => r.mainThreadCpuMs + (r.workersCpuMs[0] ?? 0)));
      console.log(
        `  ${DISTS[i]!.tag}: chosen→preview ${pick('previewMs')}, longest task ${pick('longestTaskMs')}, CPU renderer ${pick('cpuRendererMs')}; thread CPU: page ${pick('mainThreadCpuMs')}, page + busiest worker ${ms(critical)}`,
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
