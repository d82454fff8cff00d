/// <reference lib="webworker" />
// Serialises a share of an export's records off the page's thread (exportReaders.ts).
import { serialiseShare } from './serialiseRecords.ts';
import type { ExportWorkerReply, ExportWorkerRequest } from './exportReaders.ts';

declare const self: DedicatedWorkerGlobalScope;

let opened: Promise<IDBDatabase> | null = null;

/**
 * The page's database, opened once (when the page warms the worker up, before the click). At
 * the version it has: were it missing, this would create it, so the creation is aborted instead.
 */
function openDatabase(name: string): Promise<IDBDatabase> {
  opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading the database must not wait for this worker.
      db.onversionchange = () => {
        db.close();
        opened = null;
      };
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
  });
  opened.catch(() => (opened = null));
  return opened;
}

self.onmessage = async (event: MessageEvent<ExportWorkerRequest>) => {
  const request = event.data;
  const database = openDatabase(request.database);
  if (!request.share) {
    database.catch(() => undefined);
    return;
  }
  let reply: ExportWorkerReply;
  try {
    reply = { ok: true, share: await serialiseShare(await database, request.share) };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply, reply.ok ? reply.share.parts.map((part) => part.buffer) : []);
};
