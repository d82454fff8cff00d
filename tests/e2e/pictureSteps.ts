import { expect } from 'vitest';
import type { Page } from 'playwright-core';

// Pictures put into the incident form the ways a clerk does (issue 14, item 4), for e2e tests.

/** Ctrl+V of a screenshot, as the browser reports it: a paste event whose clipboard holds a PNG. */
export async function pasteScreenshot(page: Page) {
  await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(800, 450);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, 800, 450);
    context.fillStyle = '#a61b1b';
    context.font = '32px sans-serif';
    context.fillText('ERR-102 住所コードが不正です', 40, 220);
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    const clipboardData = new DataTransfer();
    clipboardData.items.add(new File([blob], 'image.png', { type: 'image/png' }));
    document.body.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }),
    );
  });
}

/** A 4000×3000 phone photo (JPEG) dropped on the attachments of the form. */
export async function dropPhoto(page: Page) {
  await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(4000, 3000);
    const context = canvas.getContext('2d')!;
    const gradient = context.createLinearGradient(0, 0, 4000, 3000);
    gradient.addColorStop(0, '#1d4e89');
    gradient.addColorStop(1, '#f3c969');
    context.fillStyle = gradient;
    context.fillRect(0, 0, 4000, 3000);
    // Fine detail, as a photo of a screen has, so the JPEG is megabytes like a real one.
    for (let y = 0; y < 3000; y += 6)
      for (let x = (y / 6) % 5; x < 4000; x += 9) {
        context.fillStyle = `hsl(${(x * 7 + y * 3) % 360} 60% ${30 + ((x + y) % 40)}%)`;
        context.fillRect(x, y, 3, 3);
      }
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
    const dataTransfer = new DataTransfer();
    dataTransfer.items.add(new File([blob], '窓口の写真.jpg', { type: 'image/jpeg' }));
    const target = document.querySelector('.attachments-editor')!;
    for (const type of ['dragenter', 'dragover', 'drop'])
      target.dispatchEvent(new DragEvent(type, { dataTransfer, bubbles: true, cancelable: true }));
  });
}

/** 縮小して保存 on the dropped photo: 1600×1200, with its size before scaling shown. */
export async function scalePhoto(page: Page) {
  // Thumbnails decode lazily: the size (and so the button) is known once the photo is in view.
  await page.getByRole('button', { name: '窓口の写真.jpgを削除' }).scrollIntoViewIfNeeded();
  const scale = page.getByRole('button', { name: '窓口の写真.jpgを縮小して保存' });
  await page.getByText('4000×3000', { exact: true }).waitFor();
  const before = (await page.getByText(/^窓口の写真\.jpg（[\d.]+MB）$/).textContent())!;
  await scale.click();
  await page.getByText(/を 1600×1200 ピクセルに縮小しました/).waitFor();
  const after = page.getByText(/^窓口の写真\.jpg（\d+KB・縮小前 [\d.]+MB）$/);
  await after.waitFor();
  // The original size is the photo's size before scaling, as the list showed it.
  expect((await after.textContent())!).toContain(`縮小前 ${/（(.+)）/.exec(before)![1]}`);
  await page.getByText('1600×1200', { exact: true }).waitFor();
  expect(await scale.count()).toBe(0);
}

/** The decoded width of a thumbnail, brought into view first (thumbnails load lazily). */
export async function naturalWidthOf(page: Page, name: string | RegExp) {
  const button = page.getByRole('button', { name });
  await button.scrollIntoViewIfNeeded();
  return button
    .getByRole('img')
    .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth);
}

/** The pictures the incident form's drafts hold, and how many of them are scaled (in the page). */
export function draftedPictures(): Promise<{ pictures: number; scaled: number }> {
  type Row = {
    value?: {
      newBlobs?: Record<string, Blob>;
      data?: { attachments?: { originalSize?: number }[] };
    };
  };
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(`sonae:${location.pathname}`);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction('drafts').objectStore('drafts').getAll();
      request.onsuccess = () => {
        db.close();
        const rows = request.result as Row[];
        resolve({
          pictures: rows.reduce((n, row) => n + Object.keys(row.value?.newBlobs ?? {}).length, 0),
          scaled: rows.reduce(
            (n, row) =>
              n + (row.value?.data?.attachments ?? []).filter((a) => a.originalSize).length,
            0,
          ),
        });
      };
      request.onerror = () => reject(request.error);
    };
  });
}
