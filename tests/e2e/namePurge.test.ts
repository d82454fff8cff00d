import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, type AppSession } from './browser.ts';

// PRODUCT.md decision 5 in real Chromium: on the IT section's demo station, 設定 → 氏名の削除
// finds the incidents a departed reporter's name is in, and after the confirmation the name is
// gone from the incident log's search while 「（削除）」 stands in its place.

let app: AppSession;

beforeAll(async () => {
  app = await openApp();
  await app.page.goto(app.server.url);
  await app.page.getByRole('button', { name: 'デモデータで試す' }).click();
  await app.page.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
});

afterAll(async () => {
  await app?.close();
});

async function searchIncidents(text: string): Promise<string> {
  const { page, server } = app;
  await page.goto(`${server.url}#/incidents?q=${encodeURIComponent(text)}`);
  const count = page.locator('.result-count');
  await count.filter({ hasText: /件/ }).waitFor();
  return (await count.textContent()) ?? '';
}

describe('氏名の削除', () => {
  it('replaces a reporter’s name in every incident, after a search and a confirmation', async () => {
    const { page, server } = app;
    expect(await searchIncidents('田中 翔')).toMatch(/^[1-9]\d*件（全\d+件中）/);
    await page.goto(`${server.url}#/settings`);
    const section = page.getByRole('region', { name: '氏名の削除' });
    await section.getByLabel('削除する氏名').fill('田中翔');
    await section.getByRole('button', { name: 'この氏名を含む記録を探す' }).click();
    await section.getByText(/^「田中翔」を含むもの: 記録 \d+件/).waitFor();
    await screenshot(page, 'name-purge-found');
    await section.getByRole('button', { name: '氏名を削除する' }).click();
    await section.getByRole('alertdialog').getByRole('button', { name: '氏名を削除する' }).click();
    await section.getByText(/氏名を「（削除）」に置き換えました/).waitFor();
    expect(await searchIncidents('田中 翔')).toMatch(/^0件/);
    expect(await searchIncidents('（削除）')).toMatch(/^[1-9]\d*件/);
    expect(app.watch.problems).toEqual([]);
    expect(app.watch.foreignRequests).toEqual([]);
  });
});
