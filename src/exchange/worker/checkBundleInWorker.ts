import type { TrustedKey } from '../bundleTrust.ts';
import { parseBundleAsync } from '../parseBundle.ts';
import {
  collectCheckResult,
  type CheckResult,
  type WorkerMessage,
  type WorkerRequest,
} from './bundleCheckMessages.ts';

export interface CheckOptions {
  trustedKeys: readonly TrustedKey[];
  maxBytes?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Files smaller than this are checked on the page's thread: they take well under 100 ms there,
 * less than a worker takes to start (about 280 ms the first time, 50–100 ms after).
 */
export const WORKER_FROM_BYTES = 1024 * 1024;

function startWorker(): Worker {
  return new Worker(new URL('./bundleCheck.worker.ts', import.meta.url), { type: 'module' });
}

/** A worker started ahead of need, and whether it has already failed to load. */
let warm: { worker: Worker; failed: boolean } | null = null;

/**
 * Starts the checking worker while the person is still choosing a file (the import screen
 * opened), so a large file does not wait for the worker's script to load. Returns the clean-up
 * for a screen that closes without using it.
 */
export function warmUpBundleWorker(): () => void {
  if (warm || typeof Worker === 'undefined') return () => undefined;
  try {
    const started = { worker: startWorker(), failed: false };
    started.worker.onerror = (event) => {
      event.preventDefault();
      started.failed = true;
    };
    warm = started;
  } catch {
    return () => undefined;
  }
  const mine = warm;
  return () => {
    if (warm !== mine) return;
    warm = null;
    mine.worker.terminate();
  };
}

/** The warm worker if it is usable, else a new one (which throws where workers cannot start). */
function takeWorker(): Worker {
  const taken = warm;
  warm = null;
  if (taken && !taken.failed) return taken.worker;
  taken?.worker.terminate();
  return startWorker();
}

/**
 * parseBundleAsync in a Web Worker, so the page keeps painting (and its progress bar moving)
 * while a large file is parsed and checked: on this thread 50,000 records froze the page for
 * several seconds. The worker gets a copy of the bytes; the page keeps its own for the file's
 * hash. Small files, and pages where there is no Worker (tests, an old browser) or it cannot
 * start (its script missing from a partial copy of the app), run the same checks here: only the
 * page's smoothness differs, never the verdict.
 */
export function checkBundleInWorker(
  bytes: Uint8Array,
  options: CheckOptions,
): Promise<CheckResult> {
  if (bytes.length < WORKER_FROM_BYTES) return parseBundleAsync(bytes, options);
  let worker: Worker;
  try {
    worker = takeWorker();
  } catch {
    return parseBundleAsync(bytes, options);
  }
  const { onProgress, ...rest } = options;
  return new Promise<CheckResult>((resolve, reject) => {
    let heard = false;
    const parts = collectCheckResult();
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      heard = true;
      const message = event.data;
      if (message.kind === 'progress') onProgress?.(message.done, message.total);
      else if (message.kind === 'records') parts.add(message);
      else {
        worker.terminate();
        if (message.kind === 'result') resolve(parts.finish(message.result));
        else reject(new Error(message.message));
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      // A worker that never started is replaced by the same checks on this thread.
      if (heard) reject(new Error(event.message || 'bundle check failed'));
      else resolve(parseBundleAsync(bytes, options));
    };
    const request: WorkerRequest = { bytes, ...rest };
    worker.postMessage(request);
  });
}
