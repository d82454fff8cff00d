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
});

afterAll(async () => {
  await app?.close();
});

async function openProcedureList() {
  await page
    .getByRole('navigation', { name: 'メインメニュー' })
    .getByRole('link', { name: '代替手順', exact: true })
    .click();
  await page.getByRole('heading', { name: '代替手順', level: 1 }).waitFor();
}

describe('代替手順 in the built app', () => {
  it('lists the demo procedures and flags the ones not reviewed for a year', async () => {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'デモデータで試す' }).click();
    await page.getByRole('navigation', { name: 'メインメニュー' }).waitFor();
    await openProcedureList();
    await expect.poll(() => page.locator('.result-count').textContent()).toBe('4件');
    // Reviewed on 2025-06-30 in the demo data: overdue from 2026-06-30 on.
    const overdue = page.getByRole('row', { name: /福祉総合システム停止時の緊急支給/ });
    await overdue.getByText('要見直し（1年以上見直していません）').waitFor();
    await overdue.getByRole('cell', { name: '福祉総合システム', exact: true }).waitFor();
    await screenshot(page, 'list');
  });

  it('opens a procedure with 初動 first, the agreement and the resident guidance', async () => {
    await page.getByRole('link', { name: '住民記録システム停止時の窓口対応' }).click();
    await page
      .getByRole('heading', { name: '住民記録システム停止時の窓口対応', level: 1 })
      .waitFor();
    const main = page.locator('.procedure-main');
    const headings = await main.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings.slice(0, 4)).toEqual(['開始の判断', '初動', '代替', '復旧']);
    const top = async (name: string) =>
      (await main.getByRole('heading', { name, exact: true }).boundingBox())!.y;
    expect(await top('初動')).toBeLessThan(await top('代替'));
    expect(await top('代替')).toBeLessThan(await top('復旧'));

    const agreements = page.getByRole('region', { name: '合意事項' });
    await agreements.getByText('障害の一次報告は連絡から30分以内に電話で行う。').waitFor();
    await agreements.getByText('架空システムズ株式会社').waitFor();
    await agreements.getByText('2026年4月10日').waitFor();

    const guidance = page.locator('.resident-guidance');
    await guidance.getByText(/証明書を発行できません/).waitFor();
    const fontSize = await guidance.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(24);

    const fallback = page.getByRole('region', { name: '代替' });
    await fallback.getByRole('checkbox', { name: /紙の受付簿（様式A）で受付し/ }).check();
    await fallback.getByText('済み 1 / 3').waitFor();
    await screenshot(page, 'detail');
    await screenshot(page, 'detail-full', true);
  });

  it('refuses an incomplete procedure, then creates one with steps in every phase', async () => {
    await openProcedureList();
    await page.getByRole('link', { name: '新規作成' }).click();
    await page.getByRole('heading', { name: '代替手順の作成', level: 1 }).waitFor();
    await page.getByRole('button', { name: '初動の手順を追加' }).click();
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('手順名を入力してください').waitFor();
    await page.getByText('手順の内容を入力してください（不要な手順は削除してください）').waitFor();
    expect(page.url()).toContain('#/procedures/new');

    await page.getByLabel('手順名').fill('財務会計システム停止時の支払対応');
    await page.getByRole('checkbox', { name: '財務会計システム' }).check();
    await page.getByRole('checkbox', { name: /^レベル2 / }).check();
    await page.getByLabel('開始の判断').fill('支払日当日に30分以上使えないとき');
    await page.getByLabel('初動 1 の手順').fill('会計課長に報告し、当日の支払件数を確認する');
    await page.getByLabel('初動 1 の担当').fill('会計課係長');
    await page.getByRole('button', { name: '代替の手順を追加' }).click();
    await page.getByLabel('代替 1 の手順').fill('紙の支出命令書で決裁を受ける');
    await page.getByRole('button', { name: '復旧の手順を追加' }).click();
    await page.getByLabel('復旧 1 の手順').fill('紙で決裁した支出をシステムに入力する');
    await page.getByRole('button', { name: '合意事項を追加' }).click();
    await page.getByLabel('合意 1 の日付').fill('2026-05-20');
    await page.getByLabel('合意 1 の相手').fill('架空銀行 公金事務部');
    await page.getByLabel('合意 1 の内容').fill('当日16時までの紙の振込依頼は受け付ける。');
    await screenshot(page, 'form', true);
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('保存しました。').waitFor();
    await page
      .getByRole('heading', { name: '財務会計システム停止時の支払対応', level: 1 })
      .waitFor();
    await page
      .getByRole('region', { name: '初動' })
      .getByText('会計課長に報告し、当日の支払件数を確認する')
      .waitFor();

    await openProcedureList();
    // By system: the new one and the LAN procedure, which covers 財務会計システム too.
    await page.getByLabel('手順名・システム名で探す').fill('財務会計');
    await expect.poll(() => page.locator('.result-count').textContent()).toBe('2件（全5件中）');
    await page.getByRole('link', { name: '庁内LAN・LGWAN停止時の全庁対応' }).waitFor();
    await page.getByLabel('手順名・システム名で探す').fill('支払対応');
    await expect.poll(() => page.locator('.result-count').textContent()).toBe('1件（全5件中）');
    await page.getByRole('link', { name: '財務会計システム停止時の支払対応' }).waitFor();
  });

  it('clears the review flag when the procedure is marked reviewed', async () => {
    await page.getByLabel('手順名・システム名で探す').fill('');
    await page.getByRole('link', { name: '福祉総合システム停止時の緊急支給' }).click();
    const flag = page.getByText('要見直し（1年以上見直していません）').first();
    await flag.waitFor();
    await page.getByRole('button', { name: '見直しました（今日の日付にする）' }).click();
    await page.getByText(/最終見直し日を\d{4}年\d{1,2}月\d{1,2}日にしました。/).waitFor();
    expect(await page.getByText('要見直し（1年以上見直していません）').count()).toBe(0);
  });

  it('stays readable at 200% zoom', async () => {
    const zoomed = await browser.newContext({
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      viewport: { width: 683, height: 384 },
      deviceScaleFactor: 2,
    });
    const zoomedPage = await zoomed.newPage();
    const zoomedWatch = watchPage(zoomedPage, new URL(server.url).origin);
    // Same origin, but a new context has its own IndexedDB: load the demo again.
    await zoomedPage.goto(server.url);
    await zoomedPage.getByRole('button', { name: 'デモデータで試す' }).click();
    await zoomedPage.getByRole('navigation', { name: 'メインメニュー' }).waitFor();
    await zoomedPage.goto(`${server.url}#/procedures`);
    await zoomedPage.getByRole('link', { name: '住民記録システム停止時の窓口対応' }).click();
    await zoomedPage.locator('.resident-guidance').waitFor();
    // Nothing wider than the window: no sideways scrolling to read a step.
    const overflow = await zoomedPage.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(zoomedPage, 'detail-200');
    await screenshot(zoomedPage, 'detail-200-full', true);
    expect(zoomedWatch.problems).toEqual([]);
    expect(zoomedWatch.foreignRequests).toEqual([]);
    await zoomed.close();
  });

  it('never made a request off its origin and logged no error', () => {
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
});
