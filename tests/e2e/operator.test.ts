import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { screenshot, watchPage, type AppSession } from './browser.ts';
import { openDemoPrintApp, type DemoPrintApp } from './demoPrintApp.ts';
import { downloadsInto, exportFile } from './exchangeSteps.ts';

// Who is at the keyboard (PRODUCT.md decision 6) in real Chromium: the demo's counter PC has two
// staff; the operator chosen in the header names the traces of what they do (操作履歴, the
// bundle's 持ち出し記録), lasts through a reload of the tab, and a new tab asks again.

let demo: DemoPrintApp;
let app: AppSession;
let page: Page;
let download: ReturnType<typeof downloadsInto>;

beforeAll(async () => {
  demo = await openDemoPrintApp('operator');
  ({ app, page } = demo);
  download = downloadsInto(demo.folder);
});

afterAll(async () => {
  await demo?.close();
});

const operator = (p: Page): Locator => p.getByRole('group', { name: '操作者' });

describe('the operator of a shared counter PC', () => {
  it('is asked for in the header, without blocking the outage screen, and chosen from the list', async () => {
    await operator(page).getByText('操作者を選んでください').waitFor();
    // The outage screen stays usable while nobody is chosen: no dialog in the way.
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.getByLabel('システムを探す').fill('住民記録');
    await screenshot(page, 'operator-ask');
    await operator(page)
      .getByRole('combobox', { name: '操作者を選ぶ' })
      .selectOption({ label: '山田 花子' });
    await operator(page).getByText('操作者: 山田 花子').waitFor();
    await screenshot(page, 'operator-chosen');
  });

  it('is the new incident’s reporter, and the call and its audit entry name them', async () => {
    await page
      .getByRole('link', { name: /住民記録システム/ })
      .first()
      .click();
    await page.getByRole('button', { name: '障害を記録する（発生日時は今）' }).click();
    await page.getByRole('heading', { name: '障害を記録する', level: 1 }).waitFor();
    expect(await page.getByLabel(/^報告者/).inputValue()).toBe('山田 花子');
    await page.getByLabel(/^件名/).fill('住民票の発行画面が開かない');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('保存しました。').waitFor();
    const panel = page.getByRole('region', { name: '連絡先と代替手順' });
    await panel.getByRole('button', { name: /ヘルプデスクに電話した/ }).click();
    await page.getByText(/への電話を経過に記録しました/).waitFor();
    // Incident 1.3: the call names who made it.
    await page
      .getByRole('region', { name: '連絡した記録' })
      .getByText(/ヘルプデスク（電話）（山田 花子）$/)
      .waitFor();
    const history = page.getByRole('region', { name: '操作履歴' });
    await expect
      .poll(() => history.getByRole('listitem').allTextContents())
      .toEqual([expect.stringMatching(/（山田 花子）$/), expect.stringMatching(/（山田 花子）$/)]);
  });

  it('is the person in the bundle’s 持ち出し記録 and in 設定’s 操作履歴', async () => {
    await exportFile(page, app.server.url, download, 'すべて');
    const release = page.getByRole('region', { name: '持ち出し記録' });
    await release.getByText('持ち出した人').waitFor();
    expect(await release.getByRole('definition').first().textContent()).not.toBe('');
    await release.getByText('山田 花子', { exact: true }).waitFor();

    await page.goto(`${app.server.url}#/settings`);
    const trail = page.getByRole('region', { name: '操作履歴（最新10件）' });
    const exported = trail.getByRole('row').filter({ hasText: 'を書き出し' });
    await exported.first().waitFor();
    expect(await exported.first().textContent()).toContain('山田 花子');
    const edits = trail.getByRole('row').filter({ hasText: '住民票の発行画面が開かない' });
    await expect.poll(() => edits.count()).toBe(2);
    for (const row of await edits.all()) expect(await row.textContent()).toContain('山田 花子');
    await screenshot(page, 'operator-audit', true);
  });

  it('lasts through a reload of the tab', async () => {
    await page.reload();
    await page.getByRole('heading', { name: '設定', level: 1 }).waitFor();
    await operator(page).getByText('操作者: 山田 花子').waitFor();
  });

  it('is asked for again in a new tab (a new session)', async () => {
    const other = await app.context.newPage();
    const watch = watchPage(other, new URL(app.server.url).origin);
    await other.goto(app.server.url);
    await other.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
    await operator(other).getByText('操作者を選んでください').waitFor();
    expect(watch.problems).toEqual([]);
    await other.close();
    expect(app.watch.problems).toEqual([]);
    expect(app.watch.foreignRequests).toEqual([]);
  });
});
