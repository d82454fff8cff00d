import type { AgeChunkSealer } from '../age/age.ts';
import { sealFullChunks } from '../age/ageStream.ts';

export interface AgeSealRequest {
  key: Uint8Array;
  plain: Uint8Array;
  firstCounter: number;
}

export type AgeSealReply = { ok: true; sealed: Uint8Array } | { ok: false; message: string };

/** Below this the page seals alone: a worker's start costs more than it saves. */
const WORKER_FROM_BYTES = 1024 * 1024;

/**
 * A sealer for encryptAgeAround that runs in a Web Worker started now, so its script loads while
 * the export still reads and signs: the page signs (pure JS on plain HTTP) while the worker
 * encrypts, on the second core. Where no worker can start (tests, a partial copy of the app) the
 * chunks are sealed on this thread; the file is the same either way. One use; it ends the worker.
 */
export function startAgeSealer(): { seal: AgeChunkSealer; stop: () => void } {
  let worker: Worker | null = null;
  let failed = false;
  if (typeof Worker !== 'undefined') {
    try {
      worker = new Worker(new URL('./ageSeal.worker.ts', import.meta.url), { type: 'module' });
      worker.onerror = (event) => {
        event.preventDefault();
        failed = true;
      };
    } catch {
      worker = null;
    }
  }
  const seal: AgeChunkSealer = (key, plain, firstCounter) => {
    const started = worker;
    worker = null;
    if (!started || failed || plain.length < WORKER_FROM_BYTES) {
      started?.terminate();
      return Promise.resolve(sealFullChunks(key, plain, firstCounter));
    }
    return new Promise<Uint8Array>((resolve, reject) => {
      started.onmessage = (event: MessageEvent<AgeSealReply>) => {
        started.terminate();
        if (event.data.ok) resolve(event.data.sealed);
        else reject(new Error(event.data.message));
      };
      started.onerror = (event) => {
        event.preventDefault();
        started.terminate();
        // A worker that never loaded: the same chunks here.
        resolve(sealFullChunks(key, plain, firstCounter));
      };
      // A copy of the bytes: the page keeps them to sign and to hash for the 持ち出し記録.
      const request: AgeSealRequest = { key, plain, firstCounter };
      started.postMessage(request);
    });
  };
  // For an export that ends before it seals (refused, failed, or not encrypted after all).
  const stop = () => {
    worker?.terminate();
    worker = null;
  };
  return { seal, stop };
}
