import type { TrustedKey } from '../bundleTrust.ts';
import { parseBundleAsync } from '../parseBundle.ts';
import type { ShareAnswer } from '../bundleContents.ts';
import {
  collectCheckResult,
  type AnyWorkerRequest,
  type CheckResult,
  type WorkerMessage,
} from './bundleCheckMessages.ts';

export interface CheckOptions {
  trustedKeys: readonly TrustedKey[];
  maxBytes?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * The chosen file, when `bytes` are exactly its content (not a decrypted bundle): the workers
   * then read it themselves, and the page copies nothing to them.
   */
  file?: Blob;
}

/**
 * Files smaller than this are checked on the page's thread: they take well under 100 ms there,
 * less than a worker takes to start (about 280 ms the first time, 50–100 ms after).
 */
export const WORKER_FROM_BYTES = 1024 * 1024;

function startWorker(): Worker {
  return new Worker(new URL('./bundleCheck.worker.ts', import.meta.url), { type: 'module' });
}

type Started = { worker: Worker; failed: boolean };

/**
 * Workers per check: the checking worker and a helper that checks most of the records at the
 * same time (bundleHelper.ts), for the 2-core desk PCs. Where the second cannot start, the first
 * checks everything.
 */
const WORKERS = 2;

/** Workers started ahead of need, and whether each has already failed to load. */
let warm: Started[] = [];

function startWatched(): Started {
  const started = { worker: startWorker(), failed: false };
  started.worker.onerror = (event) => {
    event.preventDefault();
    started.failed = true;
  };
  return started;
}

/**
 * How long warm workers a screen has let go of stay for a check to take them. Choosing a file
 * changes the import screen's state, which lets go of its warm workers (its effect's clean-up)
 * just before the check asks for them: stopped at once, they were never used, and every check
 * waited for new workers to load.
 */
export const KEEP_RELEASED_MS = 10_000;

let stopReleased: ReturnType<typeof setTimeout> | undefined;

/**
 * Starts the checking workers while the person is still choosing a file (the import screen
 * opened), so a large file does not wait for their script to load. Returns the clean-up for a
 * screen that no longer needs them: they stop KEEP_RELEASED_MS later unless a check took them.
 */
export function warmUpBundleWorker(): () => void {
  if (typeof Worker === 'undefined') return () => undefined;
  clearTimeout(stopReleased);
  if (warm.length === 0)
    try {
      for (let i = 0; i < WORKERS; i++) warm.push(startWatched());
    } catch {
      // As many as could start (none where workers cannot).
    }
  const mine = warm;
  return () => {
    if (warm !== mine) return;
    clearTimeout(stopReleased);
    stopReleased = setTimeout(() => {
      if (warm !== mine) return;
      warm = [];
      for (const started of mine) started.worker.terminate();
    }, KEEP_RELEASED_MS);
  };
}

/**
 * The warm workers that are usable, else new ones: the first (the checking worker) throws where
 * workers cannot start; a helper that cannot start is simply missing.
 */
function takeWorkers(): { worker: Worker; helper: Worker | null } {
  const taken = warm;
  warm = [];
  const usable: Worker[] = [];
  for (const started of taken)
    if (started.failed) started.worker.terminate();
    else usable.push(started.worker);
  if (usable.length === 0) usable.push(startWorker());
  if (usable.length < WORKERS)
    try {
      usable.push(startWorker());
    } catch {
      // No helper: the checking worker checks every record.
    }
  return { worker: usable[0]!, helper: usable[1] ?? null };
}

/**
 * parseBundleAsync in Web Workers, so the page keeps painting (and its progress bar moving)
 * while a large file is parsed and checked: on this thread 50,000 records froze the page for
 * several seconds. The checking worker does every check; a helper parses the same file and
 * checks most records at the same time, and the page relays its answer (bundleHelper.ts). Each
 * gets a copy of the bytes; the page keeps its own for the file's hash. Small files, and pages
 * where there is no Worker (tests, an old browser) or it cannot start (its script missing from a
 * partial copy of the app), run the same checks here: only the time differs, never the verdict.
 */
export function checkBundleInWorker(
  bytes: Uint8Array,
  options: CheckOptions,
): Promise<CheckResult> {
  if (bytes.length < WORKER_FROM_BYTES) return parseBundleAsync(bytes, options);
  let workers: { worker: Worker; helper: Worker | null };
  try {
    workers = takeWorkers();
  } catch {
    return parseBundleAsync(bytes, options);
  }
  const { worker, helper } = workers;
  const { onProgress, file, ...rest } = options;
  const source = file ?? bytes;
  return new Promise<CheckResult>((resolve, reject) => {
    let heard = false;
    const parts = collectCheckResult();
    const stop = () => {
      worker.terminate();
      helper?.terminate();
    };
    const finish = (result: CheckResult) => {
      stop();
      try {
        const hashed =
          result.ok && share.fileSha256 ? { ...result, fileSha256: share.fileSha256 } : result;
        resolve(parts.finish(hashed));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    /** The helper: its answer relayed, all its leaves received; a result waiting for them. */
    const share = {
      relayed: false,
      done: helper === null,
      waiting: null as CheckResult | null,
      /** The file's SHA-256, when the helper could hash it (then the page need not). */
      fileSha256: undefined as string | undefined,
    };
    /**
     * Records checked, for the progress bar: the checking worker's count and the helper's added
     * (the checking worker reports `total` once everything, the helper's share too, is checked).
     */
    const progress = {
      checked: 0,
      helped: 0,
      total: 0,
      checker(done: number, total: number) {
        progress.total = total;
        progress.checked = done;
        progress.report();
      },
      helper(done: number) {
        progress.helped = done;
        if (progress.total > 0) progress.report();
      },
      report() {
        const { checked, helped, total } = progress;
        onProgress?.(checked >= total ? total : Math.min(checked + helped, total - 1), total);
      },
    };
    /** The helper's answer to the checking worker, once (null: it failed, check there). */
    const relay = (answer: ShareAnswer) => {
      if (share.relayed) return;
      share.relayed = true;
      const message: AnyWorkerRequest = { kind: 'shareAnswer', answer };
      worker.postMessage(message);
    };
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      heard = true;
      const message = event.data;
      if (message.kind === 'progress') progress.checker(message.done, message.total);
      else if (message.kind === 'records') parts.add(message);
      else if (message.kind === 'result') {
        // Records checked by the helper: its leaves may still be on their way.
        const needsHelper = message.result.ok && message.result.sharedFrom !== undefined;
        if (needsHelper && !share.done) share.waiting = message.result;
        else finish(message.result);
      } else if (message.kind === 'error') {
        stop();
        reject(new Error(message.message));
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      stop();
      // A worker that never started is replaced by the same checks on this thread.
      if (heard) reject(new Error(event.message || 'bundle check failed'));
      else resolve(parseBundleAsync(bytes, options));
    };
    if (helper) {
      helper.onmessage = (event: MessageEvent<WorkerMessage>) => {
        const message = event.data;
        if (message.kind === 'progress') progress.helper(message.done);
        else if (message.kind === 'share') relay(message.answer);
        else if (message.kind === 'records') parts.addShared(message);
        else if (message.kind === 'shareDone') {
          share.done = true;
          share.fileSha256 = message.fileSha256;
          helper.terminate();
          if (share.waiting) finish(share.waiting);
        }
      };
      helper.onerror = (event) => {
        event.preventDefault();
        if (!share.relayed) return relay(null);
        // Its answer was used but some of its leaves never came: the same checks here.
        stop();
        resolve(parseBundleAsync(bytes, options));
      };
    }
    const request: AnyWorkerRequest = {
      kind: 'check',
      bytes: source,
      ...rest,
      shared: helper !== null,
    };
    worker.postMessage(request);
    if (helper) {
      const help: AnyWorkerRequest = { kind: 'help', bytes: source };
      helper.postMessage(help);
    }
  });
}
