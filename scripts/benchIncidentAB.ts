/**
 * Compares two builds of the app on the incident log at `COUNT` incidents (default 50,000) in
 * the same run, alternating A and B each round (A B, then B A, …) so a busy machine weighs on
 * both alike: open from another screen (first rows, every row searchable, longest main-thread
 * task) and each keyword search (DOM updated / next frame, see SearchTiming), medians of `ROUNDS`
 * (default 5; each search `SEARCH_REPEAT` times a round, default 3). `TRACE_GC=1` also traces each
 * open for the main thread's garbage-collection pauses (the tracing itself slows the open). Ends with the keystroke check on each build. For issue 9's before/after figures:
 * `A=/tmp/dist-before B=/tmp/dist-after npx tsx scripts/benchIncidentAB.ts`.
 */
import { loadavg } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../tests/e2e/browser.ts';
import { expectedCodeHits } from '../tests/e2e/incidentData.ts';
import { startStaticServer, type StaticServer } from './staticServer.ts';
import {
  armProbe,
  countText,
  openSeededPage,
  readProbe,
  timeSearch,
  waitForCount,
} from './benchIncidentProbe.ts';

interface Side {
  name: string;
  server: StaticServer;
  page: Page;
  figures: Map<string, number[]>;
  longTasks: number[][];
}

const GC_TRACE = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
];

/**
 * Garbage collection on the main thread of the page that set the mark `sonae-ab-open` (the
 * trace covers every page of the browser), from that mark on: total and longest pause (ms).
 */
function gcOfTrace(buffer: Buffer): { totalMs: number; longestMs: number; otherTaskMs: number } {
  const { traceEvents } = JSON.parse(buffer.toString()) as {
    traceEvents: { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number }[];
  };
  const mark = traceEvents.find((e) => e.name === 'sonae-ab-open');
  if (!mark) return { totalMs: NaN, longestMs: NaN, otherTaskMs: NaN };
  const mine = traceEvents.filter(
    (e) => e.ph === 'X' && e.pid === mark.pid && e.tid === mark.tid && e.ts >= mark.ts,
  );
  const gcs = mine.filter((e) => e.name === 'MinorGC' || e.name === 'MajorGC');
  const pauses = gcs.map((e) => (e.dur ?? 0) / 1000);
  // The longest task that holds no collection: the page's own work (reading, indexing, React).
  const others = mine
    .filter((t) => t.name === 'RunTask')
    .filter((t) => !gcs.some((g) => g.ts >= t.ts && g.ts < t.ts + (t.dur ?? 0)))
    .map((t) => (t.dur ?? 0) / 1000);
  return {
    totalMs: pauses.reduce((a, b) => a + b, 0),
    longestMs: Math.max(0, ...pauses),
    otherTaskMs: Math.max(0, ...others),
  };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function prepare(browser: Browser, name: string, root: string, count: number) {
  const server = await startStaticServer({ root, basePath: '/sonae/' });
  const page = await openSeededPage(browser, server.url, count);
  await page.reload();
  await page.goto(`${server.url}#/incidents`);
  await waitForCount(page, `${count}件`);
  const side: Side = { name, server, page, figures: new Map(), longTasks: [] };
  return side;
}

function note(side: Side, key: string, value: number) {
  side.figures.set(key, [...(side.figures.get(key) ?? []), value]);
}

async function round(side: Side, count: number, queries: string[], searchRepeats: number) {
  const { page } = side;
  const all = `${count}件`;
  await page.getByRole('link', { name: '連絡先', exact: true }).click();
  await page.getByRole('heading', { name: '連絡先', level: 1 }).waitFor();
  await page.waitForTimeout(300);
  await armProbe(page, all);
  const tracing = process.env.TRACE_GC === '1';
  if (tracing) {
    await page.context().browser()!.startTracing(page, { categories: GC_TRACE });
    await page.evaluate(() => performance.mark('sonae-ab-open'));
  }
  await page.getByRole('link', { name: '障害記録', exact: true }).click();
  const probe = await readProbe(page);
  if (tracing) {
    const gc = gcOfTrace(await page.context().browser()!.stopTracing());
    note(side, '開く間の GC 合計', gc.totalMs);
    note(side, '開く間の最長 GC', gc.longestMs);
    note(side, '開く間の最長タスク（GC 以外）', gc.otherTaskMs);
  }
  note(side, '開く → 最初の行', probe.firstRowAt - probe.from);
  note(side, '開く → 全件検索可', probe.fullAt - probe.from);
  note(side, '開く間の最長タスク', probe.longest);
  if (probe.longTasks.length) side.longTasks.push(probe.longTasks);
  // What the open left on the JavaScript heap, after a full collection: bytes, not time, so a
  // busy machine does not blur it (taken after the timings above).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  note(side, '開いた後のヒープ MB', usedSize / 2 ** 20);
  await page.waitForTimeout(300);
  for (let repeat = 0; repeat < searchRepeats; repeat += 1)
    for (const query of queries) {
      const { domMs, frameMs } = await timeSearch(page, query);
      note(side, `「${query}」DOM 更新`, domMs);
      note(side, `「${query}」次のフレーム`, frameMs);
      await page.waitForTimeout(100);
      // Emptying the box brings back every row: the largest result to lay out.
      const cleared = await timeSearch(page, '');
      note(side, `空に戻す DOM 更新`, cleared.domMs);
      note(side, `空に戻す 次のフレーム`, cleared.frameMs);
      await waitForCount(page, all);
      await page.waitForTimeout(100);
    }
}

async function keystroke(side: Side, count: number) {
  const { page } = side;
  const box = page.getByRole('searchbox', { name: 'キーワード' });
  await box.click();
  await page.keyboard.type('E-1234', { delay: 50 });
  const expected = `${expectedCodeHits('E-1234', count)}件（全${count}件中）`;
  const started = Date.now();
  while ((await countText(page)) !== expected && Date.now() - started < 10_000)
    await page.waitForTimeout(20);
  return `${side.name}: 入力欄「${await box.inputValue()}」、${await countText(page)}（期待 ${expected}）`;
}

async function main() {
  const count = Number(process.env.COUNT ?? 50_000);
  const rounds = Number(process.env.ROUNDS ?? 5);
  const searchRepeats = Number(process.env.SEARCH_REPEAT ?? 3);
  const queries = (process.env.QUERIES ?? 'E-1234,印刷').split(',').filter(Boolean);
  const browser = await launchChromium();
  const sides: Side[] = [];
  try {
    for (const name of ['A', 'B']) {
      const root = process.env[name];
      if (!root) throw new Error(`set ${name}=<build folder>`);
      sides.push(await prepare(browser, name, root, count));
    }
    const load: number[] = [];
    for (let r = 0; r < rounds; r += 1) {
      for (const side of r % 2 === 0 ? sides : [...sides].reverse())
        await round(side, count, queries, searchRepeats);
      load.push(loadavg()[0]!);
      console.log(`round ${r + 1}/${rounds} done, load ${loadavg()[0]!.toFixed(1)}`);
    }
    console.log(
      `\n${count.toLocaleString()}件、${rounds}回の中央値（A: ${process.env.A}, B: ${process.env.B}）、1分負荷平均 ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}`,
    );
    for (const key of sides[0]!.figures.keys()) {
      const [a, b] = sides.map((s) => s.figures.get(key) ?? []);
      console.log(
        `  ${key.padEnd(16)} A ${median(a!).toFixed(1).padStart(7)}  B ${median(b!).toFixed(1).padStart(7)}   (A ${a!.map((v) => v.toFixed(0)).join(' ')} | B ${b!.map((v) => v.toFixed(0)).join(' ')})`,
      );
    }
    for (const side of sides)
      console.log(`  ${side.name} 50 ms 以上のタスク: ${JSON.stringify(side.longTasks)}`);
    for (const side of sides) console.log(`  ${await keystroke(side, count)}`);
  } finally {
    await browser.close();
    for (const side of sides) await side.server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
