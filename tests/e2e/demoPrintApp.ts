import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type AppSession } from './browser.ts';
import { exposeAppDatabase, putRow, readStationId } from './pdfHelpers.ts';
import { createStoredRecord } from '../../src/domain/storedRecord.ts';
import type { RecordOf } from '../../src/domain/recordSchemas.ts';
import type { ProcedureData } from '../../src/domain/procedure.ts';

// What a print e2e file starts from: the built app with the demo municipality loaded, a
// window.print() that records its calls instead of opening a dialog headless Chromium cannot
// close, and a folder for the PDFs.

/** One call of window.print(), as the page was at that moment. */
export interface PrintCall {
  hash: string;
  /** The layout was complete (`data-print-ready`). */
  isReady: boolean;
  /** Every <img> on the page had loaded. */
  imagesLoaded: boolean;
  images: number;
  /** Blank incident sheets on the page. */
  sheets: number;
}

export interface DemoPrintApp {
  app: AppSession;
  page: Page;
  /** A temporary folder for PDFs, removed by close(). */
  folder: string;
  /** Where page images go to be looked at: SONAE_SCREENSHOTS when set, else `folder`. */
  imageDir: string;
  printCalls(): Promise<PrintCall[]>;
  clearPrintCalls(): Promise<void>;
  /** Clicks the 印刷 button named `button` and returns the one print() call it led to. */
  printFrom(button: string): Promise<PrintCall>;
  close(): Promise<void>;
}

export async function openDemoPrintApp(name: string): Promise<DemoPrintApp> {
  const folder = mkdtempSync(path.join(tmpdir(), `sonae-${name}-e2e-`));
  const imageDir = process.env.SONAE_SCREENSHOTS ?? folder;
  mkdirSync(imageDir, { recursive: true });
  const app = await openApp('/city/sonae/');
  const { page } = app;
  await exposeAppDatabase(page);
  await page.addInitScript(() => {
    const calls: PrintCall[] = [];
    Object.defineProperty(window, '__printCalls', { value: calls });
    window.print = () => {
      const images = [...document.images];
      calls.push({
        hash: location.hash,
        isReady: document.querySelector('[data-print-ready="true"]') !== null,
        imagesLoaded: images.every((img) => img.complete && img.naturalWidth > 0),
        images: images.length,
        sheets: document.querySelectorAll('.incident-sheet').length,
      });
    };
  });
  await page.goto(app.server.url);
  await page.getByRole('button', { name: 'デモデータで試す' }).click();
  await page.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
  const printCalls = () =>
    page.evaluate(() => (window as unknown as { __printCalls: PrintCall[] }).__printCalls);
  const clearPrintCalls = () =>
    page.evaluate(() => {
      (window as unknown as { __printCalls: PrintCall[] }).__printCalls.length = 0;
    });
  return {
    app,
    page,
    folder,
    imageDir,
    printCalls,
    clearPrintCalls,
    async printFrom(button) {
      await clearPrintCalls();
      await page.getByRole('button', { name: button }).click();
      await page.waitForFunction(
        () => (window as unknown as { __printCalls: unknown[] }).__printCalls.length > 0,
      );
      const calls = await printCalls();
      expect(calls).toHaveLength(1);
      return calls[0]!;
    },
    async close() {
      await app.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Opens a print route by a fresh load (a live query does not see rows written around Dexie). */
export async function openPrintRoute(page: Page, appUrl: string, hashPath: string): Promise<void> {
  await page.goto(`${appUrl}#${hashPath}`);
  await page.reload();
  await page.locator('.print-page[data-print-ready="true"]').waitFor();
}

/** Opens 障害発生時 for the system named `name` (from the outage menu) and returns its id. */
export async function openOutageOf(page: Page, appUrl: string, name: string): Promise<string> {
  await page.goto(`${appUrl}#/outage`);
  await page.getByRole('link', { name: new RegExp(name) }).click();
  await page.getByRole('heading', { name: `「${name}」が止まったとき` }).waitFor();
  const systemId = decodeURIComponent(page.url().split('#/outage/')[1] ?? '');
  expect(systemId).not.toBe('');
  return systemId;
}

/**
 * Writes a procedure as this station's own, around the UI (see putRow: reload to see it).
 * Returns the stored record.
 */
export async function putProcedure(
  page: Page,
  data: ProcedureData,
): Promise<RecordOf<'procedure'>> {
  const record = createStoredRecord(
    'procedure',
    data,
    await readStationId(page),
    new Date().toISOString(),
  );
  await putRow(page, 'procedures', record);
  return record;
}
