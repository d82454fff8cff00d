import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openApp, watchPage, type AppSession, type PageWatch } from './browser.ts';
import type { StaticServer } from '../../scripts/staticServer.ts';

let app: AppSession;
let page: Page;
let watch: PageWatch;
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  app = await openApp('/city/bousai/sonae/');
  ({ page, watch, browser, server } = app);
});

afterAll(async () => {
  await app?.close();
});

describe('first run without demo data', () => {
  it('refuses an empty station form, then starts with the station shown in the header', async () => {
    const fresh = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    const first = await fresh.newPage();
    const freshWatch = watchPage(first, new URL(server.url).origin);
    await first.goto(server.url);
    await first.getByRole('button', { name: 'この内容で始める' }).click();
    await first.getByText('自治体名を入力してください').waitFor();
    await first.getByText('端末名を入力してください').waitFor();
    await first.getByLabel('自治体名').fill('架空町');
    await first.getByLabel('部署').fill('住民課');
    await first.getByLabel('端末名').fill('窓口PC-02');
    await first.getByRole('button', { name: 'この内容で始める' }).click();
    await first.getByText('架空町 住民課 窓口PC-02').waitFor();
    // A new station opens on 障害発生時, which says how to register the first system.
    await first.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
    await first.getByText('まだシステムが登録されていません').waitFor();
    await first.getByRole('link', { name: '障害記録', exact: true }).click();
    await first.getByText('まだ障害記録はありません', { exact: false }).waitFor();
    // The station stays editable under 設定, and the change is audited.
    await first.getByRole('link', { name: '設定', exact: true }).click();
    await first.getByLabel('担当者名').fill('佐々木 実');
    await first.getByRole('button', { name: '保存する' }).click();
    // The header names the station, and the person at the keyboard (the only staff name).
    await first.getByText('架空町 住民課 窓口PC-02').waitFor();
    await first.getByRole('group', { name: '操作者' }).getByText('操作者: 佐々木 実').waitFor();
    await first.getByRole('cell', { name: '端末の設定を変更' }).waitFor();
    expect(freshWatch.problems).toEqual([]);
    expect(freshWatch.foreignRequests).toEqual([]);
    await fresh.close();
  });
});

describe('incident log in the built app', () => {
  it('starts in Japanese and loads the demo municipality on first run', async () => {
    await page.goto(server.url);
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    await page.getByRole('button', { name: 'デモデータで試す' }).click();
    await page.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
    await page.getByRole('link', { name: '障害記録', exact: true }).click();
    await page.getByRole('heading', { name: '障害記録', level: 1 }).waitFor();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '件' }).first().textContent())
      .toBe('30件');
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    for (const label of [
      '障害発生時',
      '障害記録',
      '連絡先',
      '代替手順',
      '障害レベル',
      'システム',
      '報告・集計',
      '訓練・点検',
      'データ交換',
      '設定',
    ])
      expect(await nav.getByRole('link', { name: label, exact: true }).count()).toBe(1);
  });

  it('refuses an incomplete incident with messages at the fields and saves nothing', async () => {
    await page.getByRole('link', { name: '障害を記録する' }).click();
    await page.getByLabel('件名').fill('');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('件名を入力してください').waitFor();
    await page.getByText('システムを選んでください').waitFor();
    expect(await page.getByLabel('件名').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('検知日時').fill('2020-01-01T09:00');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('検知日時が発生日時より前になっています').waitFor();
    expect(page.url()).toContain('#/incidents/new');
  });

  it('creates an incident, keeps a draft across a reload, and shows it in the list', async () => {
    await page.getByLabel('件名').fill('窓口PC-03で証明書が印刷できない');
    await page.getByLabel('システム').selectOption({ label: '住民記録システム' });
    await page.getByLabel('検知日時').fill('');
    await page.getByLabel('エラーメッセージ').fill('E-PRT-9999 帳票サーバに接続できません');
    await page.getByRole('button', { name: '試したことを追加' }).click();
    await page.getByLabel('試したこと 1').fill('端末を再起動した');
    await page.getByLabel('結果 1').fill('改善しなかった');
    await page.waitForTimeout(600); // autosave delay
    await page.reload();
    await page.getByText('保存していない入力を復元しました').waitFor();
    expect(await page.getByLabel('件名').inputValue()).toBe('窓口PC-03で証明書が印刷できない');
    expect(await page.getByLabel('結果 1').inputValue()).toBe('改善しなかった');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('保存しました。').waitFor();
    await page.getByText('障害記録を作成（発生）').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
      '窓口PC-03で証明書が印刷できない',
    );
  });

  it('edits the incident, moves its status with a timestamp, and keeps it after a reload', async () => {
    await page.getByRole('button', { name: '「報告済」にする' }).click();
    await page.getByText('状態を「発生」から「報告済」に変更').waitFor();
    await page.getByRole('link', { name: '編集' }).click();
    await page.getByLabel('症状').fill('印刷ボタンを押すと固まる');
    await page.getByLabel('状態').selectOption({ label: '対応中' });
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('保存しました。').waitFor();
    await page.reload();
    await page.getByText('印刷ボタンを押すと固まる').waitFor();
    await page.getByText('状態を「報告済」から「対応中」に変更').waitFor();
    // Closing needs cause and countermeasure: refused with a clear message, nothing changed.
    await page.getByRole('button', { name: '「完了」にする' }).click();
    await page.getByText('「完了」にするには原因を入力してください', { exact: false }).waitFor();
    expect(await page.locator('h1 .status-badge').textContent()).toBe('対応中');
  });

  it('filters the list by text, status, system and period', async () => {
    await page.getByRole('link', { name: '障害記録', exact: true }).click();
    await expect.poll(() => page.locator('.result-count').textContent()).toBe('31件');
    await page.getByLabel('キーワード').fill('ｅ－ｐｒｔ－９９９９');
    await expect
      .poll(() => page.locator('.result-count').textContent())
      .toContain('1件（全31件中）');
    await page.getByRole('link', { name: /窓口PC-03で証明書が印刷できない/ }).waitFor();
    await page.getByRole('button', { name: '絞り込みを解除' }).click();
    await page.getByLabel('状態').selectOption({ label: '対応中' });
    const inProgress = Number(
      (await page.locator('.result-count').textContent())!.match(/^(\d+)件/)![1],
    );
    expect(inProgress).toBeGreaterThan(0);
    expect(await page.locator('.incident-row .status-badge').allTextContents()).toEqual(
      Array(Math.min(inProgress, await page.locator('.incident-row').count())).fill('対応中'),
    );
    await page.getByLabel('システム').selectOption({ label: '税務システム' });
    await page.getByLabel('発生日（から）').fill('2000-01-01');
    await page.getByLabel('発生日（まで）').fill('2000-01-02');
    await page.getByText('条件に合う障害記録はありません。').waitFor();
    // The filter lives in the URL: a reload keeps it.
    await page.reload();
    await page.getByText('条件に合う障害記録はありません。').waitFor();
  });

  it('registers, edits and deletes a system', async () => {
    await page.getByRole('link', { name: 'システム', exact: true }).click();
    await page.getByRole('link', { name: 'システムを登録' }).click();
    await page.getByLabel('目標復旧時間（時間）').fill('三時間');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('システム名を入力してください').waitFor();
    await page.getByText('目標復旧時間は数字で入力してください').waitFor();
    await page.getByLabel('システム名').fill('施設予約システム');
    await page.getByLabel('目標復旧時間（時間）').fill('48');
    await page.getByRole('button', { name: '保存する' }).click();
    const row = page.getByRole('row', { name: /施設予約システム/ });
    await row.getByText('2日').waitFor();
    await page.getByRole('link', { name: '施設予約システムを編集' }).click();
    await page.getByLabel('ベンダー').fill('架空サービス株式会社');
    await page.getByRole('button', { name: '保存する' }).click();
    await row.getByText('架空サービス株式会社').waitFor();
    await page.getByRole('button', { name: '施設予約システムを削除' }).click();
    await page.getByRole('button', { name: '削除する' }).click();
    await page.getByText('「施設予約システム」を削除しました。').waitFor();
    expect(await page.getByRole('row', { name: /施設予約システム/ }).count()).toBe(0);
  });

  it('never made a request off its origin and logged no error', () => {
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
});
