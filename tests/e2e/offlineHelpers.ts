import type { Page } from 'playwright-core';
import { copyBuildWithId } from './buildCopy.ts';

/** Names this PC through the first-run form, as a clerk would. */
export async function setUpStation(page: Page, terminal = '窓口PC-01'): Promise<void> {
  await page.getByLabel('自治体名').fill('架空市');
  await page.getByLabel('部署').fill('市民課');
  await page.getByLabel('端末名').fill(terminal);
  await page.getByLabel('担当者名').fill('山田 花子');
  await page.getByRole('button', { name: 'この内容で始める' }).click();
  await page.getByText(`架空市 市民課 ${terminal}`).waitFor();
}

/** Waits until the service worker has installed and controls this page (offline-ready). */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
    timeout: 20_000,
  });
}

/**
 * A build of the app in `outDir` (never dist/) with its own build id, for update tests: a copy of
 * the production build (SONAE_DIST, else dist/) with the id patched (buildCopy.ts), which the
 * service worker sees as a new build, in milliseconds instead of a `vite build` each.
 */
export async function buildApp(outDir: string, buildId: string): Promise<void> {
  await copyBuildWithId(process.env.SONAE_DIST ?? 'dist', outDir, buildId);
}

/** Writes a row straight into the app's IndexedDB `drafts` table, as an autosave would. */
export async function putDraftRaw(page: Page, key: string, value: unknown): Promise<void> {
  await page.evaluate(
    ([k, v]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(`sonae:${location.pathname}`);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('drafts', 'readwrite');
          tx.objectStore('drafts').put({ key: k, value: v, savedAt: new Date().toISOString() });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [key, value] as const,
  );
}

/** Reads one draft's value back, or null. */
export async function getDraftRaw(page: Page, key: string): Promise<unknown> {
  return page.evaluate(
    (k) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open(`sonae:${location.pathname}`);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('drafts').objectStore('drafts').get(k);
          request.onsuccess = () => {
            db.close();
            resolve((request.result as { value?: unknown } | undefined)?.value ?? null);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    key,
  );
}
