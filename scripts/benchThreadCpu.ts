/**
 * CPU time of each thread of the page's renderer process, from Linux's /proc (schedstat: time on
 * a CPU in ns), for the export benchmark (scripts/bench-export.ts). On a machine shared with other
 * benchmarks the wall clock says little; a thread's CPU time says how much work it did, and the
 * largest of the threads working in parallel bounds how fast the export can be when the cores are
 * free. Linux only; elsewhere nothing is measured.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ThreadCpu {
  name: string;
  ms: number;
}

/** The parent of `pid` (the 4th field of /proc/PID/stat, after the name in parentheses). */
function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** Started by this process, directly or not (the benchmark's own Chromium, not another's). */
function isOurs(pid: number): boolean {
  for (let at: number | null = pid; at !== null && at > 1; at = parentOf(at))
    if (at === process.pid) return true;
  return false;
}

/** This process's Chromium's renderers running now (command line `--type=renderer`). */
export function rendererPids(): Set<number> {
  const pids = new Set<number>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return pids;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (
        readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('--type=renderer') &&
        isOurs(Number(entry))
      )
        pids.add(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}

/** Each thread of `pid` by thread id: its name and CPU time so far. */
export function threadCpu(pid: number): Map<number, ThreadCpu> {
  const threads = new Map<number, ThreadCpu>();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
        const ns = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
        threads.set(Number(tid), { name, ms: ns / 1e6 });
      } catch {
        // Ended meanwhile.
      }
    }
  } catch {
    // The process ended.
  }
  return threads;
}

/** The threads of every renderer started since `before`, by process id. */
export function newRendererThreads(before: Set<number>): Map<number, Map<number, ThreadCpu>> {
  const threads = new Map<number, Map<number, ThreadCpu>>();
  for (const pid of rendererPids()) if (!before.has(pid)) threads.set(pid, threadCpu(pid));
  return threads;
}

/** Of those renderers, the one that used the most CPU since: the page's. */
export function busiestRenderer(
  before: Map<number, Map<number, ThreadCpu>>,
): { pid: number; threads: Map<number, ThreadCpu> } | null {
  let best: { pid: number; threads: Map<number, ThreadCpu>; used: number } | null = null;
  for (const [pid, was] of before) {
    const now = threadCpu(pid);
    let used = 0;
    for (const [tid, thread] of now) used += thread.ms - (was.get(tid)?.ms ?? 0);
    if (!best || used > best.used) best = { pid, threads: now, used };
  }
  return best;
}

/** CPU used between two readings: the main thread's, and each dedicated worker's. */
export function cpuBetween(
  pid: number,
  before: Map<number, ThreadCpu>,
  after: Map<number, ThreadCpu>,
): { mainMs: number; workersMs: number[]; otherMs: number } {
  let mainMs = 0;
  let otherMs = 0;
  const workersMs: number[] = [];
  for (const [tid, thread] of after) {
    const used = thread.ms - (before.get(tid)?.ms ?? 0);
    if (tid === pid) mainMs = used;
    else if (thread.name === 'DedicatedWorker') {
      if (used >= 1) workersMs.push(used);
    } else otherMs += used;
  }
  return { mainMs, workersMs: workersMs.sort((a, b) => b - a), otherMs };
}

/** This process's Chromium's browser process (its child whose command line has no `--type=`). */
export function browserProcess(): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || parentOf(Number(entry)) !== process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes('chrom') && !cmdline.includes('--type=')) return Number(entry);
    } catch {
      // Gone meanwhile.
    }
  }
  return null;
}

/** The threads that used over 20 ms between two readings, busiest first: `name ms, …`. */
export function busyThreads(before: Map<number, ThreadCpu>, after: Map<number, ThreadCpu>): string {
  return [...after]
    .map(([tid, t]) => ({ name: t.name, ms: t.ms - (before.get(tid)?.ms ?? 0) }))
    .filter((t) => t.ms > 20)
    .sort((a, b) => b.ms - a.ms)
    .map((t) => `${t.name} ${t.ms.toFixed(0)} ms`)
    .join(', ');
}
