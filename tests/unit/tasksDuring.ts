/**
 * Runs `work` and counts how many other tasks (zero-delay timers) ran meanwhile: long work cut
 * into tasks (nextTask) lets several run; one long task lets none.
 */
export async function tasksDuring<T>(work: () => Promise<T>): Promise<[T, number]> {
  let ticks = 0;
  let done = false;
  const tick = () => {
    if (done) return;
    ticks += 1;
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const result = await work();
  done = true;
  return [result, ticks];
}
