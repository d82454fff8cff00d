import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, screenshot, type AppSession, type PageWatch } from './browser.ts';
import type { StaticServer } from '../../scripts/staticServer.ts';
import { buildDemoData } from '../../src/demo/demoMunicipality.ts';
import { listReviewItems } from '../../src/domain/reviewRules.ts';
import { defaultDeploymentSettings } from '../../src/features/exchange/deploymentConfig.ts';
import { reviewSettingsOf } from '../../src/features/review/useReviewItems.ts';

// 点検 in the built app, from the demo municipality: the list shows the demo's overdue items in
// order, 「確認した」 on a contact takes it off the list and the count, and a follow-up opened on a
// procedure shows there and on the list until it is closed.

let app: AppSession;
let page: Page;
let watch: PageWatch;
let server: StaticServer;

beforeAll(async () => {
  app = await openApp('/city/review/sonae/');
  ({ page, watch, server } = app);
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await app?.close();
});

/** What the rules say about the demo data now (a new station: never backed up). */
function expectedDemoItems() {
  const demo = buildDemoData('00000000-0000-4000-8000-000000000001');
  return listReviewItems(
    {
      ...demo,
      levels: demo.incidentLevel,
      procedures: demo.procedure,
      contacts: demo.contact,
      systems: demo.system,
      drills: demo.drill,
      followUps: [],
      lastBackupAt: null,
    },
    reviewSettingsOf(defaultDeploymentSettings),
    new Date(),
  );
}

/** Today on the Tokyo calendar, for a date input. */
const tokyoToday = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());

const menu = () => page.getByRole('navigation', { name: 'メインメニュー' });
const reviewLink = () => menu().getByRole('link', { name: '訓練・点検', exact: true });
const list = () => page.getByRole('list', { name: '点検が必要なもの' });
/** The number shown (the element also holds visually hidden words for screen readers). */
const navCount = async () =>
  Number((await reviewLink().locator('.nav-count').textContent())?.replace(/\D/g, ''));

describe('点検 from the demo data', () => {
  it('counts on the navigation and lists the demo’s overdue items, most urgent first', async () => {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'デモデータで試す' }).click();
    await menu().waitFor();
    const expected = expectedDemoItems();
    // The count is in the link, out of its accessible name (found above with exact: true).
    await expect.poll(navCount).toBe(expected.length);
    expect(await reviewLink().getAttribute('aria-describedby')).toBe('review-nav-count');

    await reviewLink().click();
    await page.getByRole('heading', { name: '点検', level: 1 }).waitFor();
    await expect.poll(() => list().getByRole('listitem').count()).toBe(expected.length);
    const titles = await list().locator('.review-title').allTextContents();
    expect(titles.map((t) => t.replace(/（設定で保存）$/, ''))).toEqual(
      expected.map((item) => item.title),
    );
    // The demo's procedures reviewed more than a year ago, with the date and since when.
    for (const item of expected.filter((i) => i.kind === 'procedure')) {
      const row = list().getByRole('listitem').filter({ hasText: item.title });
      await row.getByText(/^最終見直し日は\d{4}年\d{1,2}月\d{1,2}日です。/).waitFor();
      await row.getByRole('button', { name: '見直しました（今日の日付にする）' }).waitFor();
    }
    await screenshot(page, 'review-list', true);
  });

  it('「確認した」 on a contact removes it from the list and the count', async () => {
    const before = await navCount();
    const row = list().getByRole('listitem').filter({ hasText: '連絡先の確認' }).first();
    const name = (await row.locator('.review-title').textContent())!;
    await row.getByRole('button', { name: '確認した' }).click();
    await page.getByText(`「${name}」を確認済みにしました`, { exact: false }).waitFor();
    await expect
      .poll(() => list().locator('.review-title').filter({ hasText: name }).count())
      .toBe(0);
    await expect.poll(navCount).toBe(before - 1);

    // The contact's page says who confirmed it and when.
    await menu().getByRole('link', { name: '連絡先', exact: true }).click();
    await page.getByRole('link', { name, exact: true }).first().click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    const confirmed = page.locator('.detail-item').filter({ hasText: '最終確認日' });
    await confirmed.getByText(/^\d{4}年\d{1,2}月\d{1,2}日（デモ 利用者）$/).waitFor();
    expect(await page.getByRole('button', { name: '確認した' }).isDisabled()).toBe(true);
    await screenshot(page, 'review-contact-confirmed');
  });

  it('「見直しました」 on the list is the procedure page’s action, and takes it off', async () => {
    await reviewLink().click();
    const before = await navCount();
    const row = list().getByRole('listitem').filter({ hasText: '代替手順の見直し' }).first();
    const title = (await row.locator('.review-title').textContent())!;
    await row.getByRole('button', { name: '見直しました（今日の日付にする）' }).click();
    await page.getByText(`「${title}」の最終見直し日を`, { exact: false }).waitFor();
    await expect.poll(navCount).toBe(before - 1);
    await page.getByRole('link', { name: '訓練', exact: true }).waitFor();
  });

  it('a drill’s finding opens a follow-up: on the list first, closed from the procedure page', async () => {
    await reviewLink().click();
    const system = '住民記録システム';
    const procedure = '住民記録システム停止時の窓口対応';
    // 点検's own link opens the drill plan with the system chosen (the drill engineer's form).
    await page.getByRole('link', { name: `${system}の訓練を計画する` }).click();
    await page.getByLabel('訓練名').fill('窓口停止の机上訓練');
    await page.getByLabel('実施日').fill(tokyoToday());
    await page.getByLabel('訓練想定').fill('朝9時に住民記録システムが止まる');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByRole('button', { name: '訓練を開始' }).click();
    // The drill engineer's banner, on every screen while the drill runs.
    await page
      .getByRole('region', { name: '訓練中' })
      .getByRole('link', { name: '訓練を終了' })
      .click();
    await page.getByLabel('気づいたこと 1').fill('業者の電話番号が古かった');
    await page.getByRole('button', { name: '訓練を終了する' }).click();
    const form = page.getByRole('form', { name: '「業者の電話番号が古かった」を要対応にする' });
    await form.getByLabel('対象', { exact: true }).selectOption({ label: procedure });
    await form.getByRole('button', { name: '要対応にする' }).click();
    await form.waitFor({ state: 'detached' });

    // On 点検: first, naming the procedure; the system has had its drill.
    await reviewLink().click();
    const first = list().getByRole('listitem').first();
    await first.getByText('業者の電話番号が古かった').waitFor();
    await first.getByText(`代替手順: ${procedure}`, { exact: false }).waitFor();
    expect(
      await list()
        .getByRole('link', { name: `${system}の訓練を計画する` })
        .count(),
    ).toBe(0);
    await screenshot(page, 'review-follow-up');

    // Closed from the procedure's page, with a note; then gone from both.
    await first.getByRole('link', { name: procedure }).click();
    const region = page.getByRole('region', { name: /^要対応/ });
    await region.getByText('業者の電話番号が古かった').waitFor();
    await screenshot(page, 'review-procedure-follow-up');
    await region.getByRole('button', { name: '対応済みにする' }).click();
    await region.getByLabel(/対応内容/).fill('新しい番号に直した');
    await region.getByRole('button', { name: '対応済みにする' }).click();
    await page.getByText('「業者の電話番号が古かった」を対応済みにしました。').waitFor();
    await reviewLink().click();
    await list().waitFor();
    expect(await list().getByText('業者の電話番号が古かった').count()).toBe(0);
  });

  it('never logs an error or reaches off the app’s origin', () => {
    expect(watch.problems).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });
});
