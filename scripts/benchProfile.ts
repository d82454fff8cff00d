/**
 * Reads a V8 CPU profile (CDP `Profiler.stop`) for the benchmarks: the heaviest functions by
 * self and by total time, and a coarse timeline (what the main thread did in each slice, idle
 * included, so waits on IndexedDB or the browser show as gaps). Use an unminified build
 * (`vite build --minify false`) for readable names. Also what the benchmarks read through CDP
 * beside it: the profile itself and each Chromium process's CPU time.
 */
import type { Page } from 'playwright-core';

export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

function nameOf(frame: CpuProfile['nodes'][number]['callFrame']): string {
  const file = frame.url.split('/').pop() ?? '';
  return `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${frame.lineNumber + 1}` : ''}`;
}

const IDLE = new Set(['(idle)', '(program)', '(root)']);

/** Top functions (self and total, ms) and a timeline in `sliceMs` slices. */
export function summarizeProfile(profile: CpuProfile, top = 25, sliceMs = 50): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const slices: Map<string, number>[] = [];
  let at = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    at += (profile.timeDeltas[i] ?? 0) / 1000;
    const id = profile.samples[i]!;
    const name = nameOf(byId.get(id)!.callFrame);
    self.set(name, (self.get(name) ?? 0) + delta);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const key = nameOf(byId.get(n)!.callFrame);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + delta);
    }
    const slice = (slices[Math.floor(at / sliceMs)] ??= new Map());
    slice.set(name, (slice.get(name) ?? 0) + delta);
  }
  const lines: string[] = [];
  const span = (profile.endTime - profile.startTime) / 1000;
  lines.push(`  profile ${span.toFixed(0)} ms`);
  const list = (map: Map<string, number>, label: string) => {
    lines.push(`  ${label}:`);
    for (const [name, time] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
      lines.push(`    ${time.toFixed(1).padStart(8)} ms  ${name}`);
  };
  list(self, 'self time');
  list(total, 'total time');
  lines.push(`  timeline (${sliceMs} ms slices: idle ms, then the top self entries):`);
  slices.forEach((slice, i) => {
    const idle = (slice.get('(idle)') ?? 0) + (slice.get('(program)') ?? 0);
    const busy = [...slice]
      .filter(([name]) => !IDLE.has(name))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([name, time]) => `${name} ${time.toFixed(0)}`)
      .join(', ');
    lines.push(
      `    ${String(i * sliceMs).padStart(5)} ms  idle ${idle.toFixed(0).padStart(2)}  ${busy}`,
    );
  });
  return lines.join('\n');
}

/** CPU time (ms) of each Chromium process, by id (CDP SystemInfo.getProcessInfo). */
export async function processCpu(page: Page): Promise<Map<number, { type: string; cpu: number }>> {
  const browser = page.context().browser()!;
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; id: number; cpuTime: number }[];
  };
  await cdp.detach();
  return new Map(processInfo.map((p) => [p.id, { type: p.type, cpu: p.cpuTime * 1000 }]));
}

/** Starts V8's sampling profiler on `page`; the returned function stops it and gives the profile. */
export async function startProfile(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach();
    return profile as unknown as CpuProfile;
  };
}
