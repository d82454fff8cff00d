import { vi } from 'vitest';
import { getDatabase } from '../../../src/db/instance.ts';
import type {
  ExportWorkerReply,
  ExportWorkerRequest,
} from '../../../src/db/exportWorker/exportReaders.ts';
import { serialiseShare } from '../../../src/db/exportWorker/serialiseRecords.ts';

// A stand-in for the export's worker (src/db/exportWorker/exportRecords.worker.ts) in jsdom, which
// has no Worker: it answers the same messages with the same code, on the test's own database
// (each test opens a private IndexedDB, which a real worker could not reach).

export type FakeBehaviour = 'works' | 'fails to load' | 'replies with an error';

export interface FakeWorkers {
  requests: ExportWorkerRequest[];
  started: number;
  terminated: number;
}

/** Stubs the global Worker with the stand-in; undo with vi.unstubAllGlobals(). */
export function stubExportWorkers(behaviour: FakeBehaviour = 'works'): FakeWorkers {
  const seen: FakeWorkers = { requests: [], started: 0, terminated: 0 };
  class FakeWorker {
    onmessage: ((event: { data: ExportWorkerReply }) => void) | null = null;
    onerror: ((event: { preventDefault(): void }) => void) | null = null;
    constructor() {
      seen.started += 1;
    }
    terminate() {
      seen.terminated += 1;
    }
    postMessage(request: ExportWorkerRequest) {
      seen.requests.push(request);
      const { share } = request;
      if (!share) return;
      setTimeout(() => {
        if (behaviour === 'fails to load') {
          this.onerror?.({ preventDefault: () => undefined });
          return;
        }
        if (behaviour === 'replies with an error') {
          this.onmessage?.({ data: { ok: false, message: 'QuotaExceededError' } });
          return;
        }
        serialiseShare(getDatabase().backendDB(), share).then(
          (done) => this.onmessage?.({ data: { ok: true, share: done } }),
          (error: unknown) => this.onmessage?.({ data: { ok: false, message: String(error) } }),
        );
      });
    }
  }
  vi.stubGlobal('Worker', FakeWorker);
  return seen;
}
