/**
 * Measures the incident log in real Chromium at 10,000 and 50,000 incidents (issue 9): open →
 * first rows (from a page load and from another screen) with the longest main-thread task, the
 * whole list ready, keyword search beside a plain substring scan of the same texts in the same page
 * (the floor), and typing a code key by key at 50 ms a key. A search is one input event, timed
 * to two moments: 「DOM 更新」, when the count line's text changed (React committed the result and
 * its rows), and 「次のフレーム」, the first animation frame after that, when the browser starts the
 * frame that paints it (the figure reported before as 入力 → 一覧更新, and the one `scripts/bench.ts`
 * puts in the table; it includes up to one frame of waiting for the display). Also the gzip
 * size of the JavaScript the first screen loads. Prints figures; asserts nothing.
 * Run after a build: `npm run bench:incidents`, or `SONAE_DIST=<dir> npx tsx scripts/bench-incidents.ts`
 * (`COUNTS=10000,50000`, `RUNS=5`). `runIncidentBench` (and `measureFirstScreenJs` in
 * benchFirstScreenJs.ts) are for `scripts/bench.ts`, which prints every benchmark in one table.
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../tests/e2e/browser.ts';
import { expectedCodeHits } from '../tests/e2e/incidentData.ts';
import { startStaticServer, type StaticServer } from './staticServer.ts';
import {
  armProbe,
  bundleSearchTimer,
  clearSuggestion,
  countText,
  openSeededPage,
  readProbe,
  timeSearch,
  timeSearchFunction,
  timeSuggestion,
} from './benchIncidentProbe.ts';
import { measureFirstScreenJs } from './benchFirstScreenJs.ts';

// scripts/bench.ts takes both halves of the incident figures from here.
export { measureFirstScreenJs, type FirstScreenJs } from './benchFirstScreenJs.ts';

export interface IncidentBenchOptions {
  /** Built app to serve (default: SONAE_DIST or dist). */
  dist?: string;
  counts?: number[];
  /** Repetitions of each timing; medians are reported. */
  runs?: number;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export interface SearchFigure {
  query: string;
  /**
   * Input event → the first animation frame after the count line changed, median (ms): the
   * frame that paints the new list starts (see SearchTiming in benchIncidentProbe.ts).
   */
  ms: number;
  /** Input event → the count line (and the rows, same commit) changed in the DOM, median (ms). */
  domMs: number;
  /** The list's search function alone on the same rows in the same page, median (ms). */
  searchMs: number;
  /** Plain `includes` over the same folded texts in the same page: the floor, median (ms). */
  floorMs: number;
  hits: number;
}

export interface IncidentBenchFigures {
  count: number;
  /** Page load straight into 障害記録 → first rows painted, median (ms). */
  openColdMs: number;
  /** From another screen (連絡先) → first rows painted, median (ms). */
  openWarmMs: number;
  /** From another screen → every row read and searchable (the count shows all), median (ms). */
  fullListMs: number;
  /** Longest main-thread task while the list opened from another screen (ms; 0 = none ≥ 50). */
  longestTaskMs: number;
  /** The same, median over the runs (the maximum above is the worst run). */
  longestTaskMedianMs: number;
  /** The long tasks (≥ 50 ms) of every run that had any, e.g. [[62], [51, 70]]. */
  longTasks: number[][];
  /** The same for a page load straight into the list (includes starting the app itself). */
  longestTaskColdMs: number;
  /** First open after the incidents were written straight into IndexedDB (rows rebuilt), ms. */
  rebuildOpenMs: number;
  search: SearchFigure[];
  keystroke: { typed: string; value: string; countText: string; expected: string; ok: boolean };
  /** 過去の事例: an error code typed in the new-incident form → the matching incident listed. */
  suggestion: SuggestionFigure[];
}

export interface SuggestionFigure {
  /** The field and what was put in it. */
  typed: string;
  /** Input event → 過去の事例 shows the incident with that code, median (ms). */
  ms: number;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function benchOneSize(
  browser: Browser,
  server: StaticServer,
  searchScript: string,
  count: number,
  runs: number,
  log: (line: string) => void,
): Promise<IncidentBenchFigures> {
  log(`  ${count}件を書き込み中…`);
  const page = await openSeededPage(browser, server.url, count);
  const context = page.context();
  const all = `${count}件`;
  const listUrl = `${server.url}#/incidents`;

  // First open after direct writes: the list rows are rebuilt from the incidents.
  await page.reload();
  await armProbe(page, all);
  let started = await page.evaluate(() => performance.now());
  await page.goto(listUrl);
  await page.waitForFunction(
    (text) => document.querySelector('.result-count')?.textContent === text,
    all,
    { timeout: 300_000 },
  );
  const rebuildOpenMs = (await page.evaluate(() => performance.now())) - started;
  log(`  索引の再作成を含む最初の表示: ${rebuildOpenMs.toFixed(0)} ms`);

  const cold: number[] = [];
  const warm: number[] = [];
  const full: number[] = [];
  const longest: number[] = [];
  const longTasks: number[][] = [];
  const longestCold: number[] = [];
  // A load straight into the list (a bookmark): times count from navigation start.
  await page.evaluate((text) => sessionStorage.setItem('sonae-bench-full', text), all);
  for (let i = 0; i < runs; i += 1) {
    await page.goto(listUrl);
    await page.reload();
    const probe = await readProbe(page);
    cold.push(probe.firstRowAt);
    longestCold.push(probe.longest);
  }
  for (let i = 0; i < runs; i += 1) {
    // From 連絡先, which reads no incidents (設定 and 障害発生時 read them all, see the note).
    await page.getByRole('link', { name: '連絡先', exact: true }).click();
    await page.getByRole('heading', { name: '連絡先', level: 1 }).waitFor();
    await page.waitForTimeout(300);
    await armProbe(page, all);
    await page.getByRole('link', { name: '障害記録', exact: true }).click();
    const probe = await readProbe(page);
    warm.push(probe.firstRowAt - probe.from);
    full.push(probe.fullAt - probe.from);
    longest.push(probe.longest);
    if (probe.longTasks.length) longTasks.push(probe.longTasks);
  }

  const queries = ['E-1234', '印刷', 'ｅｒｒ－１０２', '税 金額'];
  const inPage = await timeSearchFunction(page, searchScript, queries, runs * 3);
  const search: SearchFigure[] = [];
  for (const [n, query] of queries.entries()) {
    const times: number[] = [];
    const domTimes: number[] = [];
    let hits = 0;
    for (let i = 0; i < runs; i += 1) {
      const { domMs, frameMs } = await timeSearch(page, query);
      times.push(frameMs);
      domTimes.push(domMs);
      hits = Number((await countText(page)).match(/^(\d+)件/)?.[1] ?? 0);
      await page.getByRole('button', { name: '絞り込みを解除' }).click();
      await page.waitForFunction(
        (text) => document.querySelector('.result-count')?.textContent === text,
        all,
      );
    }
    const { indexMs, scanMs } = inPage[n]!;
    search.push({
      query,
      ms: median(times),
      domMs: median(domTimes),
      searchMs: median(indexMs),
      floorMs: median(scanMs),
      hits,
    });
  }

  const typed = 'E-1234';
  const box = page.getByRole('searchbox', { name: 'キーワード' });
  await box.click();
  await page.keyboard.type(typed, { delay: 50 });
  const value = await box.inputValue();
  const expected = `${expectedCodeHits(typed, count)}件（全${count}件中）`;
  started = Date.now();
  while ((await countText(page)) !== expected && Date.now() - started < 10_000)
    await page.waitForTimeout(20);
  const shown = await countText(page);

  // 過去の事例 while a person writes a new incident: each code is one input event.
  await page.getByRole('link', { name: '障害を記録する' }).first().click();
  await page.getByLabel('エラーメッセージ').waitFor();
  // The first update waits for the finder to index every row (chunked; typing stays free).
  // Incident i has the code E-<i> and the title 「…（i+1）」 (tests/e2e/incidentData.ts).
  const code = 'エラーメッセージ';
  await timeSuggestion(page, code, 'E-42', '（43）');
  await clearSuggestion(page, code);
  const cases = [count - 7, 1234, Math.floor(count / 3)].map((n) => ({
    label: code,
    typed: `E-${n}`,
    expect: `（${n + 1}）`,
  }));
  // Wording alone (no code): the character-bigram ranking over every row.
  cases.push({ label: '症状', typed: '住民票の写しを印刷しようとすると止まる', expect: '住民票' });
  const suggestion: SuggestionFigure[] = [];
  for (const { label, typed, expect } of cases) {
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      times.push(await timeSuggestion(page, label, typed, expect));
      await clearSuggestion(page, label);
    }
    suggestion.push({ typed: `${label}「${typed}」`, ms: median(times) });
  }
  await context.close();
  return {
    count,
    openColdMs: median(cold),
    openWarmMs: median(warm),
    fullListMs: median(full),
    longestTaskMs: Math.max(...longest),
    longestTaskMedianMs: median(longest),
    longTasks,
    longestTaskColdMs: Math.max(...longestCold),
    rebuildOpenMs,
    search,
    keystroke: {
      typed,
      value,
      countText: shown,
      expected,
      ok: value === typed && shown === expected,
    },
    suggestion,
  };
}

/** The incident-log figures at each size, each in a fresh browser profile. */
export async function runIncidentBench(
  options: IncidentBenchOptions = {},
): Promise<IncidentBenchFigures[]> {
  const root = options.dist ?? process.env.SONAE_DIST ?? 'dist';
  const log = options.log ?? (() => undefined);
  const searchScript = await bundleSearchTimer();
  const server = await startStaticServer({ root, basePath: '/sonae/' });
  const browser = await launchChromium();
  try {
    const figures: IncidentBenchFigures[] = [];
    for (const count of options.counts ?? [10_000, 50_000]) {
      log(`障害記録 ${count.toLocaleString()}件`);
      figures.push(
        await benchOneSize(browser, server, searchScript, count, options.runs ?? 5, log),
      );
    }
    return figures;
  } finally {
    await browser.close();
    await server.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main() {
  const counts = (process.env.COUNTS ?? '10000,50000').split(',').map(Number);
  const runs = Number(process.env.RUNS ?? 5);
  const figures = await runIncidentBench({ counts, runs, log: (line) => console.log(line) });
  console.log(
    `\n障害記録 / 中央値（${runs}回）/ 負荷平均 ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  for (const f of figures) {
    console.log(`${f.count.toLocaleString()}件`);
    console.log(`  一覧を開く → 最初の行（ページ読み込みから）: ${f.openColdMs.toFixed(0)} ms`);
    console.log(`  一覧を開く → 最初の行（他の画面から）:       ${f.openWarmMs.toFixed(0)} ms`);
    console.log(`  一覧を開く → 全件を検索できる（他の画面から）: ${f.fullListMs.toFixed(0)} ms`);
    console.log(
      `  開く間の最長のメインスレッドタスク: 他の画面から ${f.longestTaskMs.toFixed(0)} ms（中央値 ${f.longestTaskMedianMs.toFixed(0)} ms、50 ms 以上: ${JSON.stringify(f.longTasks)}）、ページ読み込みから ${f.longestTaskColdMs.toFixed(0)} ms`,
    );
    console.log(`  直接書き込み後の最初の表示（行の再作成込み）: ${f.rebuildOpenMs.toFixed(0)} ms`);
    for (const s of f.search)
      console.log(
        `  キーワード「${s.query}」入力 → DOM 更新 ${s.domMs.toFixed(1)} ms、次のフレーム ${s.ms.toFixed(1)} ms（検索だけ ${s.searchMs.toFixed(1)} ms、単純な走査 ${s.floorMs.toFixed(1)} ms、${s.hits}件）`,
      );
    const k = f.keystroke;
    console.log(
      `  1文字50msで「${k.typed}」を入力: 入力欄「${k.value}」、${k.countText}（期待 ${k.expected}）→ ${k.ok ? 'OK' : '失敗'}`,
    );
    for (const s of f.suggestion)
      console.log(`  過去の事例: ${s.typed} → 似た記録が出る: ${s.ms.toFixed(1)} ms`);
  }
  const js = await measureFirstScreenJs();
  console.log(`\n最初の画面（障害発生時）の JavaScript: ${kb(js.totalGzipBytes)}（gzip）`);
  for (const f of js.files.sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 6))
    console.log(`  ${kb(f.gzipBytes).padStart(9)}  ${f.file}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
