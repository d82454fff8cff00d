import type { AgeChunkSealer } from '../age/age.ts';
import { AGE_CHUNK_BYTES, sealFullChunks } from '../age/ageStream.ts';

export interface AgeSealRequest {
  key: Uint8Array;
  plain: Uint8Array;
  firstCounter: number;
}

export type AgeSealReply = { ok: true; sealed: Uint8Array } | { ok: false; message: string };

/** Below this the page seals alone: a worker's start costs more than it saves. */
const WORKER_FROM_BYTES = 1024 * 1024;

/**
 * Workers sealing in parallel: the bulk is split between them on chunk boundaries. Two, for the
 * 2-core desk PCs: with one the page waited for it (190 ms of 22 MB) once the rest of the export
 * got fast; the page itself only signs (natively, on another thread where it can) meanwhile.
 */
const WORKERS = 2;

function startWorker(): { worker: Worker; failed: boolean } | null {
  if (typeof Worker === 'undefined') return null;
  try {
    const started = {
      worker: new Worker(new URL('./ageSeal.worker.ts', import.meta.url), { type: 'module' }),
      failed: false,
    };
    started.worker.onerror = (event) => {
      event.preventDefault();
      started.failed = true;
    };
    return started;
  } catch {
    return null;
  }
}

/** Seals `plain` in `started` (a copy of the bytes goes over), or here if it cannot. */
function sealIn(
  started: { worker: Worker; failed: boolean } | null,
  key: Uint8Array,
  plain: Uint8Array,
  firstCounter: number,
): Promise<Uint8Array> {
  if (!started || started.failed) {
    started?.worker.terminate();
    return Promise.resolve(sealFullChunks(key, plain, firstCounter));
  }
  const { worker } = started;
  return new Promise<Uint8Array>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<AgeSealReply>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.sealed);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      // A worker that never loaded: the same chunks here.
      resolve(sealFullChunks(key, plain, firstCounter));
    };
    // A copy of the bytes: the page keeps them to sign and to hash for the 持ち出し記録.
    const request: AgeSealRequest = { key, plain, firstCounter };
    worker.postMessage(request);
  });
}

/**
 * A sealer for encryptAgeAround that runs in Web Workers started now, so their script loads
 * while the export still reads and serialises: the page signs while the workers encrypt. Where
 * no worker can start (tests, a partial copy of the app) the chunks are sealed on this thread;
 * the file is the same either way. One use; it ends the workers.
 */
export function startAgeSealer(): { seal: AgeChunkSealer; stop: () => void } {
  let workers = Array.from({ length: WORKERS }, startWorker);
  const seal: AgeChunkSealer = async (key, plain, firstCounter) => {
    const started = workers;
    workers = [];
    if (plain.length < WORKER_FROM_BYTES || started.every((w) => !w)) {
      for (const w of started) w?.worker.terminate();
      return [sealFullChunks(key, plain, firstCounter)];
    }
    // Equal shares of whole chunks; the last share takes the rest.
    const chunks = plain.length / AGE_CHUNK_BYTES;
    const share = Math.ceil(chunks / started.length);
    const parts = started.map((w, i) => {
      const from = Math.min(chunks, i * share);
      const to = Math.min(chunks, (i + 1) * share);
      return sealIn(
        w,
        key,
        plain.subarray(from * AGE_CHUNK_BYTES, to * AGE_CHUNK_BYTES),
        firstCounter + from,
      );
    });
    return Promise.all(parts);
  };
  // For an export that ends before it seals (refused, failed, or not encrypted after all).
  const stop = () => {
    for (const w of workers) w?.worker.terminate();
    workers = [];
  };
  return { seal, stop };
}
