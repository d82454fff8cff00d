// Timing for benchmark pages (runs in the browser: no Node modules here).

/**
 * The median of `runs` timings of `work` (ms) and its last result. `settle` (untimed) waits after
 * each run for what the run left going in the background, so it never runs into the next run.
 */
export async function timedMedian<T>(
  runs: number,
  work: () => Promise<T> | T,
  settle: (result: T) => Promise<unknown> = async () => undefined,
): Promise<[number, T]> {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = await work();
    times.push(performance.now() - started);
    await settle(result);
  }
  return [[...times].sort((a, b) => a - b)[times.length >> 1]!, result];
}
