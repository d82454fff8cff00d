import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  OFFICE_CONTEXT,
  launchChromium,
  screenshot,
  serveBuiltApp,
  watchContext,
  type PageWatch,
} from './browser.ts';
import {
  chooseImport,
  confirmImport,
  downloadsInto,
  exportFile,
  openScreen,
  publicKeyOf,
  setUpDepartment,
  trustRefusedSender,
} from './exchangeSteps.ts';
import {
  draftedPictures,
  dropPhoto,
  naturalWidthOf,
  pasteScreenshot,
  scalePhoto,
} from './pictureSteps.ts';
import type { StaticServer } from '../../scripts/staticServer.ts';

// Issue 14, item 4 in real Chromium: a screenshot pasted with a clipboard event and a large photo
// dropped on the form become thumbnails; the photo is scaled down on request with its original
// size kept; both survive an export and an import on a second station.

const TITLE = '証明書発行画面でERR-102';
let server: StaticServer;
let browser: Browser;
let folder: string;
let download: ReturnType<typeof downloadsInto>;
const stations = {} as Record<
  'it' | 'dept',
  { context: BrowserContext; page: Page; watch: PageWatch }
>;

beforeAll(async () => {
  server = await serveBuiltApp('/city/sonae/');
  browser = await launchChromium();
  folder = await mkdtemp(join(tmpdir(), 'sonae-paste-'));
  download = downloadsInto(folder);
  for (const name of ['it', 'dept'] as const) {
    const context = await browser.newContext(OFFICE_CONTEXT);
    context.setDefaultTimeout(15_000);
    const watch = watchContext(context, new URL(server.url).origin);
    stations[name] = { context, page: await context.newPage(), watch };
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('screenshots and photos in an incident', () => {
  it('pastes a screenshot and drops a photo into a new incident, with thumbnails', async () => {
    const { page } = stations.it;
    await page.goto(server.url);
    await page.getByRole('button', { name: 'デモデータで試す' }).click();
    await page.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
    await openScreen(page, server.url, '/incidents/new', '障害を記録する');
    await page.getByLabel('件名').fill(TITLE);
    await page.getByLabel('システム').selectOption({ label: '住民記録システム' });

    await pasteScreenshot(page);
    const pasted = page.getByRole('button', {
      name: /^貼り付け_\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}\.pngを削除$/,
    });
    await pasted.scrollIntoViewIfNeeded();
    await expect.poll(() => naturalWidthOf(page, /^貼り付け_.*\.pngを拡大表示$/)).toBe(800);

    await dropPhoto(page);
    await screenshot(page, 'attachments-form-before-scaling');
    await scalePhoto(page);
    await screenshot(page, 'attachments-form');

    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('保存しました。').waitFor();
    await page.getByRole('heading', { name: new RegExp(TITLE), level: 1 }).waitFor();
  });

  it('shows both thumbnails on the detail and opens one large in the page', async () => {
    const { page } = stations.it;
    await expect.poll(() => naturalWidthOf(page, /^貼り付け_.*\.pngを拡大表示$/)).toBe(800);
    await expect.poll(() => naturalWidthOf(page, '窓口の写真.jpgを拡大表示')).toBe(1600);
    await page.getByText(/^窓口の写真\.jpg（\d+KB・縮小前 [\d.]+MB）$/).waitFor();

    await page.getByRole('button', { name: '窓口の写真.jpgを拡大表示' }).click();
    const dialog = page.getByRole('dialog', { name: '窓口の写真.jpg（拡大表示）' });
    await dialog.waitFor();
    const large = dialog.getByRole('img', { name: '窓口の写真.jpg' });
    await expect.poll(() => large.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1600);
    // Large in the page: wider than the thumbnail, within the window.
    const box = (await large.boundingBox())!;
    expect(box.width).toBeGreaterThan(900);
    expect(box.width).toBeLessThanOrEqual(1366);
    await screenshot(page, 'attachments-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Focus goes back to the thumbnail, for the keyboard too: Enter opens, 閉じる closes.
    const thumbnail = page.getByRole('button', { name: '窓口の写真.jpgを拡大表示' });
    await expect.poll(() => thumbnail.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: '閉じる' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => thumbnail.evaluate((b) => b === document.activeElement)).toBe(true);
  });

  it('refuses an SVG dropped on the form with a reason, and keeps the rest', async () => {
    const { page } = stations.it;
    await page.getByRole('link', { name: '編集' }).click();
    await page.getByRole('heading', { name: /障害記録の編集/ }).waitFor();
    await page.evaluate(() => {
      const dataTransfer = new DataTransfer();
      dataTransfer.items.add(
        new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'a.svg', { type: 'image/svg+xml' }),
      );
      document.body.dispatchEvent(
        new DragEvent('drop', { dataTransfer, bubbles: true, cancelable: true }),
      );
    });
    await page
      .getByRole('alert')
      .getByText(/追加できなかったファイル: 「a\.svg」/)
      .waitFor();
    expect(await page.getByRole('button', { name: /を削除$/ }).count()).toBe(2);
    // Still on the form: the browser did not leave the app to show the dropped file.
    expect(page.url()).toContain('/edit');
  });

  it('takes a real Ctrl+V of a picture, and leaves a real Ctrl+V of Excel cells to the field', async () => {
    const { page, context } = stations.it;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(server.url).origin,
    });
    await page.evaluate(async () => {
      const canvas = new OffscreenCanvas(320, 200);
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#1d4e89';
      context.fillRect(0, 0, 320, 200);
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
      (document.activeElement as HTMLElement | null)?.blur();
    });
    await page.keyboard.press('Control+V');
    await expect
      .poll(() => page.getByRole('button', { name: /^貼り付け_.*を削除$/ }).count())
      .toBe(2);

    // Excel copies cells as text and as a picture of them: into a text field, that is text.
    await page.evaluate(async () => {
      const canvas = new OffscreenCanvas(120, 40);
      canvas.getContext('2d')!.fillRect(0, 0, 120, 40);
      const picture = await canvas.convertToBlob({ type: 'image/png' });
      const text = new Blob(['ERR-102 住所コードが不正です'], { type: 'text/plain' });
      await navigator.clipboard.write([
        new ClipboardItem({ 'text/plain': text, 'image/png': picture }),
      ]);
    });
    const symptoms = page.getByLabel('症状', { exact: true });
    await symptoms.fill('');
    await symptoms.focus();
    await page.keyboard.press('Control+V');
    await expect.poll(() => symptoms.inputValue()).toBe('ERR-102 住所コードが不正です');
    expect(await page.getByRole('button', { name: /^貼り付け_.*を削除$/ }).count()).toBe(2);
  });

  it('carries the pasted screenshot and the scaled photo to another station in a bundle', async () => {
    const it_ = stations.it.page;
    const bundle = await exportFile(it_, server.url, download, 'すべて');
    const key = await publicKeyOf(it_, server.url, download);

    const { page } = stations.dept;
    await setUpDepartment(page, server.url, '窓口PC-05');
    await chooseImport(page, server.url, bundle.path);
    await trustRefusedSender(page, key, '情報政策課', '情報システム担当課');
    await confirmImport(page, /新規/);
    await openScreen(page, server.url, '/incidents', '障害記録');
    await page
      .getByRole('link', { name: new RegExp(TITLE) })
      .first()
      .click();
    await page.getByRole('heading', { name: new RegExp(TITLE), level: 1 }).waitFor();
    await expect.poll(() => naturalWidthOf(page, /^貼り付け_.*\.pngを拡大表示$/)).toBe(800);
    await expect.poll(() => naturalWidthOf(page, '窓口の写真.jpgを拡大表示')).toBe(1600);
    await page.getByText(/^窓口の写真\.jpg（\d+KB・縮小前 [\d.]+MB）$/).waitFor();
    await screenshot(page, 'attachments-imported-detail', true);
  });

  it('logged no error and made no request off its origin on either PC', () => {
    for (const { watch } of Object.values(stations)) {
      expect(watch.problems).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
    }
  });
});

// Not loopback, so not a secure context: the async Clipboard API is missing there, the paste
// event and canvas are not.
const HOST = 'sonae.intranet.test';

describe('on a plain-HTTP intranet host name', () => {
  it('takes a pasted screenshot, scales a dropped photo down and keeps both in the draft', async () => {
    const own = await launchChromium([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
    try {
      const origin = `http://${HOST}:${server.port}`;
      const context = await own.newContext(OFFICE_CONTEXT);
      context.setDefaultTimeout(15_000);
      const watch = watchContext(context, origin);
      const page = await context.newPage();
      await setUpDepartment(page, `${origin}/city/sonae/`, '窓口PC-09');
      expect(await page.evaluate(() => [window.isSecureContext, 'clipboard' in navigator])).toEqual(
        [false, false],
      );
      await openScreen(page, `${origin}/city/sonae/`, '/incidents/new', '障害を記録する');
      await pasteScreenshot(page);
      await expect.poll(() => naturalWidthOf(page, /^貼り付け_.*\.pngを拡大表示$/)).toBe(800);
      await dropPhoto(page);
      await scalePhoto(page);
      // The unsaved pictures live in the form's draft: after a reload they are back.
      await expect.poll(() => page.evaluate(draftedPictures)).toEqual({ pictures: 2, scaled: 1 });
      await page.reload();
      await page.getByText(/保存していない入力を復元しました/).waitFor();
      await expect.poll(() => naturalWidthOf(page, /^貼り付け_.*\.pngを拡大表示$/)).toBe(800);
      await expect.poll(() => naturalWidthOf(page, '窓口の写真.jpgを拡大表示')).toBe(1600);
      await page.getByText(/^窓口の写真\.jpg（\d+KB・縮小前 [\d.]+MB）$/).waitFor();
      expect(watch.problems).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
    } finally {
      await own.close();
    }
  });
});
