import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, screenshot, type AppSession } from './browser.ts';
import { demoIncidentTemplates } from '../../src/demo/demoIncidents.ts';

// 過去の事例 in real Chromium over the demo municipality: typing a demo incident's error code in
// a new incident brings that incident up beside the form, and one click opens it.

let app: AppSession;
let page: Page;

const template = demoIncidentTemplates.find((t) => t.errorMessage.startsWith('ERR-102'))!;

beforeAll(async () => {
  app = await openApp();
  page = app.page;
  await page.goto(app.server.url);
  await page.getByRole('button', { name: 'デモデータで試す' }).click();
  await page.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
});

afterAll(async () => {
  await app?.close();
});

describe('過去の事例', () => {
  it('brings up the demo incident with a typed error code and opens it', async () => {
    await page.goto(`${app.server.url}#/incidents`);
    await page.getByRole('link', { name: '障害を記録する' }).click();
    const panel = page.getByRole('complementary', { name: '過去の事例' });
    await panel.getByText(/入力すると、似た障害の記録をここに表示します/).waitFor();
    expect(await panel.getByRole('link').count()).toBe(0);

    const field = page.getByLabel('エラーメッセージ');
    await field.pressSequentially('ERR-102 が出た');
    expect(await field.inputValue()).toBe('ERR-102 が出た');
    const first = panel.getByRole('listitem').first();
    await expect.poll(() => first.getByRole('link').textContent()).toBe(template.title);
    await first.getByText('同じエラーコード').waitFor();
    await first.getByText(template.cause).waitFor();
    await first.getByText(template.countermeasure).waitFor();
    await screenshot(page, 'similar-incidents');

    await first.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: new RegExp(template.title) }).waitFor();
    expect(page.url()).toMatch(/#\/incidents\/[0-9a-f-]{36}$/);
    expect(app.watch.problems).toEqual([]);
    expect(app.watch.foreignRequests).toEqual([]);
  });
});
