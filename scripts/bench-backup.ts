/**
 * Whole-station backup and restore in real Chromium (issue 14): 10,000 incidents (as
 * tests/e2e/incidentData.ts seeds them) and 200 photos of 1 MB, backed up from 設定 and restored
 * on a fresh profile from the first-run screen. Prints the backup time (click → download),
 * restore check time (file chosen → preview) and restore time (click → the app opens), the
 * file size, and the peak JS heap of the page during each step (CDP Runtime.getHeapUsage,
 * sampled every 50 ms). Asserts nothing.
 * Run after a build: `SONAE_DIST=<dir> npx tsx scripts/bench-backup.ts` (`INCIDENTS=10000`,
 * `PHOTOS=200`, `PHOTO_KB=1024`, `PROTECTION=passphrase`: the default without recipients, age
 * with a passphrase; `clear` for a backup in clear).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium, OFFICE_CONTEXT } from '../tests/e2e/browser.ts';
import { definePageNameHelper, seedIncidents } from '../tests/e2e/incidentData.ts';
import { startStaticServer } from './staticServer.ts';

const INCIDENTS = Number(process.env.INCIDENTS ?? 10_000);
const PHOTOS = Number(process.env.PHOTOS ?? 200);
const PHOTO_KB = Number(process.env.PHOTO_KB ?? 1024);
const PASSPHRASE = process.env.PROTECTION === 'clear' ? null : 'bench-backup-passphrase';

/** Samples the page's used JS heap until stopped; returns the peak in MB. */
function heapSampler(cdp: CDPSession) {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      peak = Math.max(peak, usedSize);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return Math.round(peak / 1024 / 1024);
  };
}

/** Writes `count` photos of `kb` KB of random bytes into the page's attachments, around Dexie. */
function addPhotos(page: Page, count: number, kb: number) {
  return page.evaluate(
    async ({ count, kb }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(`sonae:${location.pathname.toLowerCase()}`);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => resolve(open.result);
      });
      for (let i = 0; i < count; i++) {
        const bytes = new Uint8Array(kb * 1024);
        for (let at = 0; at < bytes.length; at += 65536)
          crypto.getRandomValues(bytes.subarray(at, at + 65536));
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('attachments', 'readwrite');
          const id = `0000bbbb-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
          tx.objectStore('attachments').put({
            id,
            blob: new Blob([bytes], { type: 'image/jpeg' }),
          });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
      db.close();
    },
    { count, kb },
  );
}

async function main() {
  const root = process.env.SONAE_DIST ?? 'dist';
  const server = await startStaticServer({ root, basePath: '/city/sonae/' });
  const browser = await launchChromium();
  const dir = mkdtempSync(path.join(tmpdir(), 'sonae-bench-backup-'));
  try {
    const source = await browser.newContext(OFFICE_CONTEXT);
    const page = await source.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'デモデータで試す' }).click();
    await page.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
    await seedIncidents(page, INCIDENTS);
    await addPhotos(page, PHOTOS, PHOTO_KB);
    await page.goto(`${server.url}#/settings`);
    await page.reload();
    const button = page.getByRole('button', { name: 'バックアップを作成' });
    await button.waitFor();
    const protection = page.getByRole('group', { name: '暗号化' });
    if (PASSPHRASE) {
      await protection.getByLabel('パスフレーズ', { exact: true }).fill(PASSPHRASE);
      await protection.getByLabel('パスフレーズ（確認）').fill(PASSPHRASE);
    } else await protection.getByRole('radio', { name: '暗号化しない' }).check();
    const cdp = await source.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    let stop = heapSampler(cdp);
    const started = performance.now();
    const download = page.waitForEvent('download', { timeout: 600_000 });
    await button.click();
    const file = await download;
    const backupMs = performance.now() - started;
    await page.getByText(/を書き出しました/).waitFor({ timeout: 600_000 });
    const recordedMs = performance.now() - started;
    const backupHeap = await stop();
    const saved = path.join(dir, file.suggestedFilename());
    await file.saveAs(saved);
    const size = statSync(saved).size;
    await source.close();

    const target = await browser.newContext(OFFICE_CONTEXT);
    const fresh = await target.newPage();
    await fresh.goto(server.url);
    const input = fresh.getByLabel('バックアップファイル', { exact: true });
    await input.waitFor({ state: 'attached' });
    const cdp2 = await target.newCDPSession(fresh);
    stop = heapSampler(cdp2);
    const chosen = performance.now();
    await input.setInputFiles(saved);
    if (PASSPHRASE) {
      await fresh.getByLabel('このファイルのパスフレーズ').fill(PASSPHRASE);
      await fresh.getByRole('button', { name: '開く' }).click();
    }
    await fresh.getByTestId('backup-fingerprint').waitFor({ timeout: 600_000 });
    const checkMs = performance.now() - chosen;
    const clicked = performance.now();
    await fresh.getByRole('button', { name: 'このバックアップで復元' }).click();
    await fresh
      .getByRole('heading', { name: '障害発生時', level: 1 })
      .waitFor({ timeout: 600_000 });
    const restoreMs = performance.now() - clicked;
    const restoreHeap = await stop();
    await definePageNameHelper(fresh);
    const restored = await fresh.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(`sonae:${location.pathname.toLowerCase()}`);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => resolve(open.result);
      });
      const count = (store: string) =>
        new Promise<number>((resolve) => {
          const request = db.transaction(store).objectStore(store).count();
          request.onsuccess = () => resolve(request.result);
        });
      const figures = {
        incidents: await count('incidents'),
        attachments: await count('attachments'),
      };
      db.close();
      return figures;
    });
    await target.close();
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `whole-station backup: ${INCIDENTS} incidents, ${PHOTOS} photos of ${PHOTO_KB} KB, ${PASSPHRASE ? 'encrypted with age to a passphrase' : 'in clear'}`,
    );
    console.log(`| step | time | peak JS heap |`);
    console.log(`|---|---|---|`);
    console.log(`| backup (click → download starts) | ${s(backupMs)} | ${backupHeap} MB |`);
    console.log(`| backup (click → 持ち出し記録 written, file hashed) | ${s(recordedMs)} | |`);
    console.log(
      `| restore check (file chosen → preview) | ${s(checkMs)} | ${restoreHeap} MB (check + restore) |`,
    );
    console.log(`| restore (click → app open) | ${s(restoreMs)} | |`);
    console.log(
      `file size: ${(size / 1024 / 1024).toFixed(1)} MB; restored ${restored.incidents} incidents, ${restored.attachments} attachments`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
