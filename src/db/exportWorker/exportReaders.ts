import { serialiseShare, type ExportShare, type SerialisedShare } from './serialiseRecords.ts';

// The workers that serialise an export's records (issue 9: 10,000 incidents in 0.5 s), one share
// each, in parallel on the desk PC's two cores while the page's thread stays free. Started when
// the export screen opens (warmUpExportWorkers), so the click does not wait for their scripts
// and their connection to the database. Where no worker starts, or one fails, the page
// serialises that share itself with the same code: the file is the same either way.

export interface ExportWorkerRequest {
  /** The page's IndexedDB database, opened by the worker at its current version. */
  database: string;
  /** The records to serialise; absent when the page only warms the worker up. */
  share?: ExportShare;
}

export type ExportWorkerReply =
  { ok: true; share: SerialisedShare } | { ok: false; message: string };

/** Two, for the 2-core desk PCs; the page itself only waits meanwhile. */
export const EXPORT_WORKERS = 2;

interface Started {
  worker: Worker;
  failed: boolean;
}

let warm: { database: string; workers: Started[] } | null = null;

function startWorker(database: string): Started | null {
  if (typeof Worker === 'undefined') return null;
  try {
    const worker = new Worker(new URL('./exportRecords.worker.ts', import.meta.url), {
      type: 'module',
    });
    const started: Started = { worker, failed: false };
    worker.onerror = (event) => {
      event.preventDefault();
      started.failed = true;
    };
    const request: ExportWorkerRequest = { database };
    worker.postMessage(request);
    return started;
  } catch {
    return null;
  }
}

/** Starts the workers for the next export of `database`, unless they are already waiting. */
export function warmUpExportWorkers(database: string): void {
  if (warm?.database === database && warm.workers.every((w) => !w.failed)) return;
  releaseExportWorkers();
  const workers = Array.from({ length: EXPORT_WORKERS }, () => startWorker(database));
  warm = { database, workers: workers.filter((w): w is Started => w !== null) };
}

/** Ends the waiting workers (the export screen closed). */
export function releaseExportWorkers(): void {
  for (const w of warm?.workers ?? []) w.worker.terminate();
  warm = null;
}

/** The warm workers for `database`, topped up with new ones to `count`. One use each. */
function takeWorkers(database: string, count: number): (Started | null)[] {
  const taken = warm?.database === database ? warm.workers : [];
  if (warm?.database !== database) releaseExportWorkers();
  warm = null;
  const workers: (Started | null)[] = taken.filter((w) => !w.failed).slice(0, count);
  for (const w of taken) if (!workers.includes(w)) w.worker.terminate();
  while (workers.length < count) workers.push(startWorker(database));
  return workers;
}

/** `share` serialised by `started`, or here (`inline`) if it cannot: no worker, or it failed. */
function serialiseIn(
  started: Started | null,
  database: string,
  share: ExportShare,
  inline: () => Promise<SerialisedShare>,
): Promise<SerialisedShare> {
  if (!started || started.failed) {
    started?.worker.terminate();
    return inline();
  }
  const { worker } = started;
  return new Promise<SerialisedShare>((resolve, reject) => {
    const fallBack = () => {
      worker.terminate();
      // A worker that never loaded, or could not read: the same share here, which also gives
      // the storage error itself should the database be at fault.
      inline().then(resolve, reject);
    };
    worker.onmessage = (event: MessageEvent<ExportWorkerReply>) => {
      if (!event.data.ok) return fallBack();
      worker.terminate();
      resolve(event.data.share);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fallBack();
    };
    const request: ExportWorkerRequest = { database, share };
    worker.postMessage(request);
  });
}

/**
 * The shares serialised, in order: each in a worker of its own when there are several (the
 * warm ones first), a single share on the page. `open` gives the page's own connection.
 */
export async function serialiseShares(
  database: string,
  open: () => Promise<IDBDatabase>,
  shares: readonly ExportShare[],
): Promise<SerialisedShare[]> {
  const inline = (share: ExportShare) => async () => serialiseShare(await open(), share);
  if (shares.length < 2) return Promise.all(shares.map((share) => inline(share)()));
  const workers = takeWorkers(database, shares.length);
  return Promise.all(
    shares.map((share, i) => serialiseIn(workers[i]!, database, share, inline(share))),
  );
}
