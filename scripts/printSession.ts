// The browser side of `npm run print`: the built app served on loopback, the system Chromium, one
// page in a fresh profile, and the data loaded through the app's own screens — the first-run
// 「デモデータで試す」, or the first-run form and データ交換's import with its trust step — so the
// printouts come from exactly what staff would see, never from rows written around the app.

import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  CHROME_PATH,
  launchChromium,
  OFFICE_CONTEXT,
  watchPage,
  type PageWatch,
} from '../tests/e2e/browser.ts';
import { signerRoleLabels } from '../src/exchange/signerRoles.ts';
import { startStaticServer, type StaticServer } from './staticServer.ts';
import type { VerifiedBundle } from './printBundle.ts';
import { PrintFailure } from './printFailure.ts';
import type { Printables } from './printPlan.ts';

export interface PrintSession {
  page: Page;
  /** The app's address, e.g. http://127.0.0.1:41234/sonae/ */
  appUrl: string;
  /** Console errors, page errors and requests off the app's origin, for failure messages. */
  watch: PageWatch;
  close(): Promise<void>;
}

/** Long enough for a slow, shared PC; a layout that takes longer is reported, not waited for. */
export const STEP_TIMEOUT_MS = 30_000;

/** Stops before anything is written when there is no build to print from. */
export function requireBuiltApp(distDir: string): void {
  if (!existsSync(path.join(distDir, 'index.html')))
    throw new PrintFailure(
      `組み立て済みのアプリがありません（${path.join(distDir, 'index.html')}）。npm run print で実行するか、先に npm run build を実行してください。`,
    );
}

/**
 * Serves `distDir` and opens one page in a fresh browser profile (its own IndexedDB, so nothing
 * of this run is left behind). Inside the e2e run launchChromium connects to the run's shared
 * Chromium, and closing only disconnects.
 */
export async function openPrintSession(distDir: string): Promise<PrintSession> {
  requireBuiltApp(distDir);
  const server: StaticServer = await startStaticServer({ root: distDir, basePath: '/sonae/' });
  let browser: Browser | null = null;
  try {
    browser = await launchChromium().catch(() => {
      throw new PrintFailure(
        `Chromium を起動できません（${CHROME_PATH}）。chromium と fonts-noto-cjk を入れるか、環境変数 CHROME_PATH で場所を指定してください。`,
      );
    });
    const context = await browser.newContext(OFFICE_CONTEXT);
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    // ?auto=0 keeps the dialog closed; should a layout call print() anyway, nothing opens.
    await page.addInitScript(() => {
      window.print = () => undefined;
    });
    const watch = watchPage(page, new URL(server.url).origin);
    const opened = browser;
    return {
      page,
      appUrl: server.url,
      watch,
      async close() {
        await context.close().catch(() => undefined);
        await opened.close().catch(() => undefined);
        await server.close();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await server.close();
    throw error;
  }
}

/** 「デモデータで試す」 on the first-run screen: the demo municipality's IT-section station. */
export async function loadDemoThroughFirstRun({ page, appUrl }: PrintSession): Promise<void> {
  await page.goto(appUrl);
  await page.getByRole('button', { name: 'デモデータで試す' }).click();
  await page.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
}

/**
 * Sets up a station for `municipality` on the first-run screen, then imports the verified file
 * on データ交換 as staff would: choose the file; when its signer is not yet trusted, register the
 * --trust key with the fingerprint Node just verified; look at the preview; 取り込む.
 * Returns the app's own result line (「…を取り込みました: 新規 6件…」).
 */
export async function importThroughExchange(
  { page, appUrl }: PrintSession,
  verified: VerifiedBundle,
  municipality: string,
): Promise<string> {
  await page.goto(appUrl);
  await page.getByLabel('自治体名').fill(municipality);
  await page.getByLabel('部署').fill(verified.bundle.issuer.department || '情報システム担当');
  await page.getByLabel('端末名').fill('印刷コマンド');
  await page.getByRole('button', { name: 'この内容で始める' }).click();
  await page.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();

  await page.goto(`${appUrl}#/exchange`);
  await page.getByRole('heading', { name: 'データ交換', level: 1 }).waitFor();
  await page.getByLabel('取り込むファイルを選ぶ').setInputFiles({
    name: path.basename(verified.file),
    mimeType: 'application/json',
    buffer: Buffer.from(verified.bytes),
  });
  const preview = page.getByRole('heading', { name: /取り込みの確認/ });
  const refused = page.getByText(/^取り込めません:/);
  await preview.or(refused).first().waitFor();
  if (await refused.isVisible()) {
    const reason = (await refused.textContent())?.trim() ?? '';
    const isUntrusted = await page.getByRole('heading', { name: 'この鍵を信頼する' }).isVisible();
    if (!isUntrusted || !verified.trustFile)
      throw new PrintFailure(`アプリの「データ交換」で${reason}`);
    await page.getByLabel('公開鍵ファイル').setInputFiles(verified.trustFile);
    await page.getByLabel('役割').selectOption({ label: signerRoleLabels['it-section'] });
    await page.getByLabel('確認した指紋').fill(verified.fingerprint);
    await page.getByRole('button', { name: '指紋を確認して信頼する' }).click();
    await preview.waitFor();
  }
  await page.getByRole('button', { name: '取り込む', exact: true }).click();
  const done = page.getByText(/を取り込みました/);
  const importSection = page.locator('section', {
    has: page.getByRole('heading', { name: '取り込む', exact: true }),
  });
  const failed = importSection.getByRole('alert');
  await done.or(failed).first().waitFor();
  if (!(await done.isVisible()))
    throw new PrintFailure(
      `取り込みに失敗しました: ${(await failed.first().textContent())?.trim() ?? ''}`,
    );
  return (await done.textContent())?.trim() ?? '';
}

const printableStores = ['systems', 'procedures', 'incidents'];

/**
 * Reads the systems, procedures and incidents the app stored, read-only and in one transaction,
 * from the one database of this fresh profile. Tombstones are left out, as every screen does.
 */
export async function readPrintables({ page }: PrintSession): Promise<Printables> {
  // No named functions inside: tsx keeps names with a helper the page does not have.
  const rows = await page.evaluate(async (stores) => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '');
    const name = names.find((n) => n.startsWith('sonae:')) ?? names.find((n) => n === 'sonae');
    if (!name) throw new Error('database not found');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => resolve(open.result);
    });
    try {
      const tx = db.transaction(stores, 'readonly');
      return await Promise.all(
        stores.map(
          (store) =>
            new Promise<Record<string, unknown>[]>((resolve, reject) => {
              const request = tx.objectStore(store).getAll();
              request.onerror = () => reject(request.error);
              request.onsuccess = () => {
                const rows = request.result as Record<string, unknown>[];
                // Incidents: only the fields that pick the report, not a whole log with timelines.
                resolve(
                  store !== 'incidents'
                    ? rows
                    : rows.map((r) => ({
                        id: r.id,
                        title: r.title,
                        occurredAt: r.occurredAt,
                        deleted: r.deleted,
                      })),
                );
              };
            }),
        ),
      );
    } finally {
      db.close();
    }
  }, printableStores);
  const [systems, procedures, incidents] = rows.map((table) => table.filter((r) => !r['deleted']));
  return { systems, procedures, incidents } as unknown as Printables;
}
