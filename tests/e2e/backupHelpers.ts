import type { Page } from 'playwright-core';
import { computeRevision } from '../../src/domain/revision.ts';
import { pickData } from '../../src/domain/recordMeta.ts';
import { definePageNameHelper } from './incidentData.ts';

// Helpers of tests/e2e/backup.test.ts: raw IndexedDB reads and writes around Dexie, to give the
// demo station what a backup must carry and to compare two stations table for table.

/** Every table of the app's database, Blobs as `{blob: type, hex}`, keys beside outbound rows. */
export function dumpDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '');
    const name = names.find((n) => n.startsWith('sonae:'))!;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => resolve(open.result);
    });
    const read = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onerror = () => reject(request.error);
        request.onsuccess = () => resolve(request.result as unknown[]);
      });
    const hex = async (blob: Blob) =>
      [...new Uint8Array(await blob.arrayBuffer())]
        .map((b) => b.toString(16).padStart(2, '0'))
        .join('');
    const dump: Record<string, unknown[]> = {};
    for (const store of [...db.objectStoreNames]) {
      const rows = await read(store);
      dump[store] = await Promise.all(
        rows.map(async (row) => {
          const r = row as Record<string, unknown>;
          return r.blob instanceof Blob
            ? { ...r, blob: { type: r.blob.type, hex: await hex(r.blob) } }
            : row;
        }),
      );
    }
    db.close();
    return dump;
  });
}

type Row = Record<string, unknown> & { id: string; rev: string; revisions: string[] };

/**
 * Adds to the demo station, around Dexie: a photo in `attachments`, a conflict sibling of the
 * first incident (another edit of the same parent, with its true rev) and a tombstone of the
 * second (its true rev too). Returns the ids used. Reload the page after: live queries do not
 * see these writes.
 */
export async function addBackupFixtures(page: Page, png: number[]) {
  await definePageNameHelper(page);
  const [first, second] = (await dumpDatabase(page)).incidents as Row[];
  if (!first || !second) throw new Error('the demo has fewer than two incidents');
  const siblingData = {
    ...pickData(first as never),
    title: `${String(first.title)}（別の端末で編集）`,
  };
  const sibling = {
    ...first,
    ...siblingData,
    rev: computeRevision(first.revisions[0] ?? null, false, siblingData),
  };
  const tombstone = {
    id: second.id,
    rev: computeRevision(second.rev, true, {}),
    revisions: [second.rev, ...second.revisions],
    createdAt: second.createdAt,
    createdBy: second.createdBy,
    updatedAt: second.updatedAt,
    updatedBy: second.updatedBy,
    deleted: true,
    schemaVersion: second.schemaVersion,
  };
  const photoId = '0000cccc-0000-4000-8000-00000000e2e1';
  await page.evaluate(
    async ({ pngBytes, sibling, tombstone, photoId }) => {
      const names = (await indexedDB.databases()).map((d) => d.name ?? '');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(names.find((n) => n.startsWith('sonae:'))!);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => resolve(open.result);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['attachments', 'conflicts', 'incidents'], 'readwrite');
        const blob = new Blob([new Uint8Array(pngBytes)], { type: 'image/png' });
        tx.objectStore('attachments').put({ id: photoId, blob });
        tx.objectStore('conflicts').put({
          type: 'incident',
          id: sibling.id,
          rev: sibling.rev,
          record: sibling,
        });
        tx.objectStore('incidents').put(tombstone);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { pngBytes: png, sibling, tombstone, photoId },
  );
  return { photoId, conflictedId: first.id, deletedId: second.id };
}
