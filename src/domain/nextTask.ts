/**
 * Ends the current task and resumes in a new one, so the page can paint and take a click in
 * between: long work on a large file (decrypting, hashing 100 MB) is cut into tasks with it.
 * `scheduler.yield` where the browser has it (Chromium), else a zero-delay timer (also in Node).
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
