import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openApp, screenshot, watchPage, type AppSession, type PageWatch } from './browser.ts';
import type { StaticServer } from '../../scripts/staticServer.ts';

let app: AppSession;
let page: Page;
let watch: PageWatch;
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  app = await openApp('/city/sonae/');
  ({ page, watch, browser, server } = app);
  await page.goto(server.url);
  await page.getByRole('button', { name: 'デモデータで試す' }).click();
  await page.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
});

afterAll(async () => {
  await app?.close();
});

describe('障害発生時 from the demo municipality', () => {
  it('opens first, lists systems with 非常時優先業務 first, and filters as one types', async () => {
    const buttons = page.getByRole('list', { name: 'システム' }).getByRole('link');
    await buttons.first().waitFor();
    expect(await buttons.count()).toBe(8);
    // Highest priority first: the three 最優先 systems lead, by name.
    const first = await buttons.nth(0).textContent();
    expect(first).toContain('非常時優先');
    await screenshot(page, 'outage-picker-1366');
    await page.getByLabel('システムを探す').fill('住民記録');
    await expect.poll(() => buttons.count()).toBe(1);
    await page.getByLabel('システムを探す').press('Enter');
    await page.getByRole('heading', { name: '「住民記録システム」が止まったとき' }).waitFor();
  });

  it('shows whom to call now with numbers, the guidance and the procedure from 初動', async () => {
    const contacts = page.getByRole('region', { name: 'いま連絡する先' });
    await contacts
      .getByRole('link', { name: /0120-000-111/ })
      .first()
      .waitFor();
    await contacts
      .getByText(/受付中|時間外/)
      .first()
      .waitFor();
    const procedure = page.getByRole('region', { name: '代替手順', exact: true });
    const headings = (await procedure.getByRole('heading').allTextContents()).map((h) => h.trim());
    const initial = headings.indexOf('初動');
    const fallback = headings.indexOf('代替');
    expect(initial).toBeGreaterThanOrEqual(0);
    expect(fallback === -1 || initial < fallback).toBe(true);
    await page.getByRole('region', { name: '住民への案内' }).getByText(/。/).first().waitFor();
    await page
      .getByRole('region', { name: '障害レベルの目安' })
      .getByText('緊急')
      .first()
      .waitFor();
    // 既知の問題と回避策: the demo's resolved incidents of this system, with what fixed them.
    const known = page.getByRole('region', { name: '既知の問題と回避策（過去の事例）' });
    await known.getByRole('link').first().waitFor();
    expect(await known.getByText('原因', { exact: true }).count()).toBeGreaterThan(0);
    await screenshot(page, 'outage-1366');
  });

  it('fits a 200% zoom (683 CSS pixels wide) without sideways scrolling', async () => {
    const zoomed = await browser.newContext({
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      viewport: { width: 683, height: 384 },
      deviceScaleFactor: 2,
    });
    const small = await zoomed.newPage();
    const smallWatch = watchPage(small, new URL(server.url).origin);
    // Same origin, same IndexedDB? No: a new context is a new profile, so load the demo again.
    await small.goto(server.url);
    await small.getByRole('button', { name: 'デモデータで試す' }).click();
    await small.getByRole('link', { name: /住民記録システム/ }).click();
    await small.getByRole('button', { name: '障害を記録する（発生日時は今）' }).waitFor();
    const overflow = await small.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(small, 'outage-200pct');
    expect(smallWatch.problems).toEqual([]);
    await zoomed.close();
  });

  it('starts an incident for the system with the time filled in, and logs a call in one click', async () => {
    await page.getByRole('button', { name: '障害を記録する（発生日時は今）' }).click();
    await page.getByRole('heading', { name: '障害を記録する', level: 1 }).waitFor();
    const system = page.getByRole('combobox', { name: /^システム/ });
    expect(await system.locator('option:checked').textContent()).toBe('住民記録システム');
    const occurred = await page.getByLabel('発生日時').inputValue();
    expect(occurred).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    await page.getByLabel('件名').fill('住民票の発行画面が開かない');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('保存しました。').waitFor();

    const panel = page.getByRole('region', { name: '連絡先と代替手順' });
    await panel.getByRole('button', { name: /ヘルプデスクに電話した/ }).click();
    await page.getByText(/への電話を経過に記録しました/).waitFor();
    await page.getByLabel('伝えた内容・回答').fill('調査中。30分以内に折り返す');
    await page.getByRole('button', { name: '内容を記録する' }).click();
    const timeline = page.getByRole('region', { name: '経過' });
    await timeline.getByText(/ヘルプデスクに電話（0120-000-111|090-0000-1111）: 調査中/).waitFor();
    expect(watch.problems).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });
});

describe('focus stays visible (WCAG 2.4.11)', () => {
  it('never hides a field focused with Tab under the sticky save bar', async () => {
    await page.goto(`${app.server.url}#/incidents/new`);
    await page.getByRole('heading', { name: '障害を記録する', level: 1 }).waitFor();
    await page.getByLabel(/^件名/).focus();
    let checked = 0;
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const hidden = await page.evaluate(() => {
        const active = document.activeElement as HTMLElement | null;
        const bar = document.querySelector('.sticky-actions');
        if (!active || !bar || bar.contains(active) || active === document.body) return null;
        const field = active.getBoundingClientRect();
        return field.bottom > bar.getBoundingClientRect().top + 1
          ? active.outerHTML.slice(0, 80)
          : '';
      });
      if (hidden === null) continue;
      checked += 1;
      expect(hidden).toBe('');
    }
    expect(checked).toBeGreaterThan(20);
  });
});
