/**
 * Profiles the incident log at `COUNT` incidents (default 50,000) in real Chromium, for issue 9's
 * speed work: one Chromium trace with CPU samples around (1) opening 障害記録 from another screen
 * and (2) each keyword search (one input event), then prints, per main-thread task, when it ran,
 * how long it took and where its time went (self time by function, with two callers). A tool for
 * finding what to change, not a figure: the sampler slows the page.
 * `SONAE_DIST=<an unminified build> npx tsx scripts/benchIncidentProfile.ts` (build one with
 * `npx vite build --minify false --outDir <dir>`); `QUERIES=E-1234,印刷`, `MIN_TASK_MS=2`.
 */
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../tests/e2e/browser.ts';
import { startStaticServer } from './staticServer.ts';
import { openSeededPage, waitForCount } from './benchIncidentProbe.ts';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> };
}
interface CpuNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'IndexedDB',
  ...(process.env.ALL_EVENTS === '1' ? ['v8', 'blink_gc', 'disabled-by-default-v8.gc'] : []),
  'v8.execute',
  ...(process.env.SAMPLES === '0' ? [] : ['disabled-by-default-v8.cpu_profiler']),
];

/** CPU samples of the renderer's main thread: [time µs, node id], and the nodes by id. */
function samplesOf(events: TraceEvent[], pid: number, tid: number) {
  const nodes = new Map<number, CpuNode>();
  const samples: [number, number][] = [];
  const starts = new Map<string, number>();
  for (const e of events)
    if (e.name === 'Profile' && e.pid === pid && e.tid === tid)
      starts.set(e.id!, (e.args!.data as { startTime: number }).startTime);
  const clock = new Map(starts);
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== pid || !clock.has(e.id!)) continue;
    const data = e.args!.data as {
      cpuProfile?: { nodes?: CpuNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    let t = clock.get(e.id!)!;
    const deltas = data.timeDeltas ?? [];
    (data.cpuProfile?.samples ?? []).forEach((node, i) => {
      t += deltas[i] ?? 0;
      samples.push([t, node]);
    });
    clock.set(e.id!, t);
  }
  return { nodes, samples };
}

const short = (url = '') => url.replace(/^.*\//, '').replace(/\?.*$/, '');
const label = (n: CpuNode | undefined) =>
  n
    ? `${n.callFrame.functionName || '(anon)'}@${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`
    : '';

/** Prints each main-thread task in [from, to] (trace µs) over `minMs`, with its top self times. */
function report(events: TraceEvent[], from: number, to: number, title: string, minMs: number) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('no renderer main thread in the trace');
  const { pid, tid } = main;
  const { nodes, samples } = samplesOf(events, pid, tid);
  const tasks = events
    .filter(
      (e) =>
        e.pid === pid &&
        e.tid === tid &&
        e.ph === 'X' &&
        e.name === 'RunTask' &&
        e.ts >= from &&
        e.ts <= to,
    )
    .sort((a, b) => a.ts - b.ts);
  const gcMs =
    events
      .filter(
        (e) =>
          e.pid === pid &&
          e.tid === tid &&
          e.ph === 'X' &&
          (e.name === 'MinorGC' || e.name === 'MajorGC') &&
          e.ts >= from &&
          e.ts <= to,
      )
      .reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000;
  const long = tasks.filter((t) => (t.dur ?? 0) >= 50_000).map((t) => Math.round(t.dur! / 1000));
  console.log(
    `\n== ${title}: ${tasks.length} tasks, window ${((to - from) / 1000).toFixed(1)} ms, GC on the main thread ${gcMs.toFixed(0)} ms, tasks ≥ 50 ms: ${JSON.stringify(long)}`,
  );
  for (const task of tasks) {
    const ms = (task.dur ?? 0) / 1000;
    if (ms < minMs) continue;
    const end = task.ts + (task.dur ?? 0);
    const inner = events.filter(
      (e) =>
        e.pid === pid &&
        e.tid === tid &&
        e.ph === 'X' &&
        e.ts >= task.ts &&
        e.ts < end &&
        e !== task &&
        (e.dur ?? 0) > 300 &&
        (process.env.ALL_EVENTS === '1' ||
          /FunctionCall|EventDispatch|TimerFire|FireAnimationFrame|Layout|UpdateLayoutTree|Paint|PrePaint|MajorGC|MinorGC|IDB|IndexedDB|ParseHTML|v8.compile|RunMicrotasks|Commit/.test(
            e.name,
          )),
    );
    const kinds = new Map<string, number>();
    for (const e of inner) kinds.set(e.name, (kinds.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    console.log(
      `  +${((task.ts - from) / 1000).toFixed(1)} ms  task ${ms.toFixed(1)} ms  [${[...kinds]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(', ')}]`,
    );
    const self = new Map<string, number>();
    let total = 0;
    for (let i = 0; i < samples.length; i += 1) {
      const [t, id] = samples[i]!;
      if (t < task.ts || t >= end) continue;
      const next = samples[i + 1]?.[0] ?? t;
      const dt = Math.min(next - t, 2000) / 1000;
      const node = nodes.get(id);
      const parent = node?.parent === undefined ? undefined : nodes.get(node.parent);
      const grand = parent?.parent === undefined ? undefined : nodes.get(parent.parent);
      const key = `${label(node)} ← ${label(parent)} ← ${label(grand)}`;
      self.set(key, (self.get(key) ?? 0) + dt);
      total += dt;
    }
    for (const [key, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 8))
      if (v >= 0.3) console.log(`      ${v.toFixed(1).padStart(6)} ms  ${key}`);
    if (total === 0) console.log('      (no samples)');
  }
}

async function traced(
  browser: Browser,
  page: Page,
  title: string,
  act: () => Promise<void>,
  minMs: number,
) {
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.evaluate(() => performance.mark('sonae-profile-start'));
  await act();
  await page.evaluate(() => performance.mark('sonae-profile-end'));
  await page.waitForTimeout(200);
  const buffer = await browser.stopTracing();
  const file = `/tmp/sonae-profile-${title.replace(/\W+/g, '_')}.json`;
  writeFileSync(file, buffer);
  const { traceEvents } = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] };
  const mark = (name: string) => traceEvents.find((e) => e.name === name)?.ts ?? 0;
  report(traceEvents, mark('sonae-profile-start'), mark('sonae-profile-end'), title, minMs);
}

async function main() {
  const count = Number(process.env.COUNT ?? 50_000);
  const minMs = Number(process.env.MIN_TASK_MS ?? 2);
  const queries = (process.env.QUERIES ?? 'E-1234,印刷').split(',').filter(Boolean);
  const rounds = Number(process.env.ROUNDS ?? 2);
  const server = await startStaticServer({
    root: process.env.SONAE_DIST ?? 'dist',
    basePath: '/sonae/',
  });
  const browser = await launchChromium();
  try {
    const page = await openSeededPage(browser, server.url, count);
    await page.reload();
    const all = `${count}件`;
    await page.goto(`${server.url}#/incidents`);
    await waitForCount(page, all);
    for (let round = 0; round < rounds; round += 1) {
      await page.getByRole('link', { name: '連絡先', exact: true }).click();
      await page.getByRole('heading', { name: '連絡先', level: 1 }).waitFor();
      await page.waitForTimeout(500);
      await traced(
        browser,
        page,
        `open-${round}`,
        async () => {
          await page.getByRole('link', { name: '障害記録', exact: true }).click();
          await waitForCount(page, all);
        },
        minMs,
      );
    }
    for (const query of queries)
      for (let round = 0; round < rounds; round += 1) {
        await page.waitForTimeout(300);
        await traced(
          browser,
          page,
          `search-${query}-${round}`,
          async () => {
            await page.evaluate(
              (value) =>
                new Promise<void>((resolve) => {
                  const box = document.querySelector<HTMLInputElement>(
                    '.filters input[type=search]',
                  )!;
                  const setter = Object.getOwnPropertyDescriptor(
                    HTMLInputElement.prototype,
                    'value',
                  )!.set!;
                  setter.call(box, value);
                  performance.mark('sonae-input');
                  box.dispatchEvent(new Event('input', { bubbles: true }));
                  setTimeout(resolve, 150);
                }),
              query,
            );
          },
          minMs,
        );
        await page.getByRole('button', { name: '絞り込みを解除' }).click();
        await waitForCount(page, all);
      }
    await page.context().close();
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
