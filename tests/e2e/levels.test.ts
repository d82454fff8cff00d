import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, screenshot, type AppSession, type PageWatch } from './browser.ts';
import type { StaticServer } from '../../scripts/staticServer.ts';

// 障害レベル in the built app, from the demo municipality: the level list and editor on the IT
// section's station, the level suggestion in the incident form, the deadline on the detail page.

let app: AppSession;
let page: Page;
let watch: PageWatch;
let server: StaticServer;

/** What a 1366×768 screen shows now, and the whole page beside it. */
async function shot(name: string) {
  await screenshot(page, name);
  await screenshot(page, `${name}-full`, true);
}

beforeAll(async () => {
  app = await openApp('/city/sonae/');
  ({ page, watch, server } = app);
  await page.goto(server.url);
  await page.getByRole('button', { name: 'デモデータで試す' }).click();
  // Wherever the demo lands, the main navigation is there once it has loaded.
  await page.getByRole('navigation', { name: 'メインメニュー' }).waitFor();
});

afterAll(async () => {
  await app?.close();
});

describe('障害レベル on the demo station', () => {
  it('lists the four demo levels in order with whom to notify and their questions', async () => {
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '障害レベル', exact: true })
      .click();
    await page.getByRole('heading', { name: '障害レベル', level: 1 }).waitFor();
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      'レベル1 軽微',
      'レベル2 中程度',
      'レベル3 重大',
      'レベル4 緊急',
    ]);
    const serious = page.getByRole('article', { name: 'レベル3 重大' });
    await serious.getByText('発生から15分以内').waitFor();
    await serious.getByText('紙での受付に切り替える必要がある').waitFor();
    await shot('level-list');
  });

  it('refuses a duplicate number, then creates a level with full-width minutes and a question', async () => {
    await page.getByRole('link', { name: '新規作成' }).click();
    const number = page.getByLabel('レベル（必須）', { exact: true });
    expect(await number.inputValue()).toBe('5');
    await number.selectOption('3');
    await page.getByLabel('レベル名').fill('全庁停止');
    await page.getByLabel('判断基準').fill('庁舎の停電などで、全庁の業務が止まっている。');
    await page.getByLabel('連絡先（誰に）').fill('市長、副市長');
    await page.getByLabel('連絡の期限（分）').fill('５分');
    await page.getByRole('button', { name: '質問を追加' }).click();
    await page.getByLabel('質問 1', { exact: true }).fill('庁舎が停電している');
    await page.getByRole('button', { name: '保存する' }).click();
    await page
      .getByText(
        'レベル3は「重大」で使われています。別の番号を選ぶか、「重大」のほうを編集してください',
      )
      .waitFor();
    await shot('level-edit-duplicate');
    await number.selectOption('5');
    expect(await page.getByLabel('質問 1 に「はい」なら').inputValue()).toBe('5');
    await page.getByRole('button', { name: '保存する' }).click();
    const created = page.getByRole('article', { name: 'レベル5 全庁停止' });
    await created.getByText('発生から5分以内').waitFor();
    await created.getByText('庁舎が停電している').waitFor();
  });

  it('suggests a level in the new-incident form, applies it, and shows the deadline on the detail page', async () => {
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '障害記録', exact: true })
      .click();
    await page.getByRole('link', { name: '障害を記録する' }).click();
    await page.getByLabel('件名').fill('転入届の登録ができない');
    await page
      .getByRole('combobox', { name: /^システム/ })
      .selectOption({ label: '住民記録システム' });
    await page.getByText('レベルの目安').click();
    const answer = (question: string, choice: 'はい' | 'いいえ') =>
      page.getByRole('radiogroup', { name: question }).getByRole('radio', { name: choice }).check();
    await answer('住民の待ち時間が30分を超えそう', 'はい');
    await answer('非常時優先業務（転入・転出届、証明書の交付など）が止まっている', 'はい');
    await answer('庁内LAN・LGWANにつながらず、ほとんどのシステムが使えない', 'いいえ');
    await page.getByText('目安: レベル3（重大）').waitFor();
    await shot('incident-form-suggestion');
    await page.getByRole('button', { name: 'このレベルにする' }).click();
    expect(await page.getByLabel('障害レベル').inputValue()).toBe('3');
    await page.getByText('障害レベルは目安と同じレベル3です。').waitFor();
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('保存しました。').waitFor();
    const deadline = page.getByRole('region', { name: '連絡の期限' });
    await deadline.getByText('所管課長、情報政策課長、総務部長').waitFor();
    await deadline.getByText(/あと1[45]分（\d{1,2}:\d{2}まで）/).waitFor();
    await shot('incident-detail-deadline');
  });

  it('turns the deadline red once it has passed', async () => {
    // 発生 an hour ago, typed as the Tokyo wall clock (the browser's zone).
    const hourAgo = new Date(Date.now() - 60 * 60_000 + 9 * 60 * 60_000).toISOString().slice(0, 16);
    await page.getByRole('link', { name: '編集' }).click();
    await page.getByLabel('発生日時').fill(hourAgo);
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('保存しました。').waitFor();
    const deadline = page.getByRole('region', { name: '連絡の期限' });
    await deadline.getByText('期限切れ').waitFor();
    await deadline.getByText(/期限を4[56]分過ぎています（\d{1,2}:\d{2}まで）/).waitFor();
    expect(await deadline.getAttribute('class')).toContain('is-overdue');
    await shot('incident-detail-overdue');
  });

  it('never made a request off its origin and logged no error', () => {
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
});
