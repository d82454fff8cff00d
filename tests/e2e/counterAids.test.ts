import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, screenshot, serveBuiltApp, watchContext } from './browser.ts';
import { isA4Portrait, pagesOf, picture, savePdf, squeeze } from './pdfHelpers.ts';
import {
  openDemoPrintApp,
  openOutageOf,
  openPrintRoute,
  type DemoPrintApp,
} from './demoPrintApp.ts';
import { guidanceNotices } from '../../src/domain/guidanceTemplates.ts';
import { reportMemoFactKeys, reportMemoFactLabels } from '../../src/domain/reportMemo.ts';

// Issue 17 in real Chromium from the demo data: the 報告メモ of an incident (screen and one A4
// page), the counter poster of a procedure in three more languages, and a resolved incident
// leading to the procedure editor, whose new version names the incident.

let demo: DemoPrintApp;
let page: Page;
let incidentUrl: string;
let incidentTitle: string;

// The seed's order, as the domain module states it (its unit test pins the words).
const FACTS = reportMemoFactKeys.map((key) => reportMemoFactLabels[key]);

beforeAll(async () => {
  demo = await openDemoPrintApp('counter');
  page = demo.page;
  await openOutageOf(page, demo.app.server.url, '住民記録システム');
  const open = page.getByRole('region', { name: /このシステムで対応中の障害/ });
  const first = open.getByRole('link').first();
  incidentTitle = (await first.textContent())!.trim();
  await first.click();
  await page.getByRole('heading', { name: incidentTitle, level: 1 }).waitFor();
  incidentUrl = page.url();
});

afterAll(async () => {
  await demo?.close();
});

/** Waits for the one print() call a print route makes by itself. */
async function waitForPrint() {
  await page.waitForFunction(
    () => (window as unknown as { __printCalls: unknown[] }).__printCalls.length > 0,
  );
  const calls = await demo.printCalls();
  expect(calls).toHaveLength(1);
  expect(calls[0]!.isReady).toBe(true);
  return calls;
}

describe('報告メモ', () => {
  it("shows the six facts in the seed's order and prints them on one A4 page", async () => {
    // A photo of the screen, as a clerk attaches it, so the memo prints its thumbnail.
    const photo = await page.screenshot({ type: 'png' });
    await page.goto(incidentUrl);
    await page.getByRole('link', { name: '編集', exact: true }).click();
    await page
      .getByLabel('ファイルを追加')
      .setInputFiles([{ name: '画面の写真.png', mimeType: 'image/png', buffer: photo }]);
    await page.getByRole('button', { name: '画面の写真.pngを削除' }).waitFor();
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('保存しました。').waitFor();
    await page.getByRole('link', { name: '報告メモ', exact: true }).click();
    const facts = page.getByRole('list', { name: '報告する内容（この順番で）' });
    await facts.waitFor();
    const headings = await facts.getByRole('heading').allTextContents();
    expect(headings).toEqual(FACTS.map((f, i) => `${i + 1}. ${f}`));
    await expect
      .poll(() => page.getByRole('heading', { name: '連絡する窓口' }).isVisible())
      .toBe(true);
    // The IT section is first to call; the vendor desk is chosen, and its number goes to paper.
    await page
      .getByLabel('窓口を選ぶ')
      .selectOption({ label: 'ヘルプデスク（架空システムズ株式会社）' });
    await page.getByText('KS-2024-00123', { exact: true }).first().waitFor();
    await screenshot(page, 'counter-report-memo', true);

    await demo.clearPrintCalls();
    await page.getByRole('button', { name: '印刷', exact: true }).click();
    const [call] = await waitForPrint();
    expect(call).toMatchObject({ imagesLoaded: true, images: 1 });
    expect(call!.hash).toMatch(/^#\/print\/report-memo\/[^?]+\?desk=/);
    // The PDF from a fresh load, as the other print tests do: Chromium's PDF pass re-requests
    // blob: URLs that earlier screens of this document showed and revoked (a console error).
    await openPrintRoute(page, demo.app.server.url, `${call!.hash.slice(1)}&auto=0`);
    const pdf = await savePdf(page, demo.folder, 'report-memo');
    picture(pdf, 1, demo.imageDir, 'counter-report-memo-page');
    expect(isA4Portrait(pdf)).toBe(true);
    const pages = pagesOf(pdf);
    expect(pages).toHaveLength(1);
    const text = squeeze(pages[0]!);
    const positions = FACTS.map((f, i) => text.indexOf(`${i + 1}.${f}`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain('報告メモ');
    expect(text).toContain('写真・画面の記録（1件）');
    expect(text).toContain('契約番号・お客様番号');
    expect(text).toContain('契約番号・お客様番号KS-2024-00123');
  });
});

describe('counter poster', () => {
  it('prints a procedure with three more languages on one page holding all of them', async () => {
    await page.goto(`${demo.app.server.url}#/procedures`);
    await page.getByRole('link', { name: '住民記録システム停止時の窓口対応' }).click();
    await page
      .getByRole('heading', { name: '住民記録システム停止時の窓口対応', level: 1 })
      .waitFor();
    const procedureUrl = page.url();
    await page.getByRole('link', { name: '編集', exact: true }).click();
    await page.getByRole('button', { name: '他の言語の案内を編集' }).click();
    for (const [name, lang] of [
      ['English（英語）', 'en'],
      ['中文（简体）（中国語（簡体字））', 'zh-CN'],
      ['한국어（韓国語）', 'ko'],
    ] as const) {
      const region = page.getByRole('region', { name });
      await region.getByRole('button', { name: /のテンプレートを入れる$/ }).click();
      await expect.poll(() => region.locator('textarea').getAttribute('lang')).toBe(lang);
    }
    await page.getByRole('region', { name: 'English（英語）' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'counter-language-editor');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByRole('heading', { name: '他の言語' }).waitFor();
    expect(page.url()).toBe(procedureUrl);

    await demo.clearPrintCalls();
    await page.getByRole('button', { name: '多言語の掲示を印刷' }).click();
    await waitForPrint();
    expect(await page.locator('.poster-block[lang="zh-CN"]').count()).toBe(1);
    expect(await page.locator('.poster-block[lang="ko"]').count()).toBe(1);
    await screenshot(page, 'counter-poster', true);
    const pdf = await savePdf(page, demo.folder, 'poster');
    picture(pdf, 1, demo.imageDir, 'counter-poster-page');
    const pages = pagesOf(pdf);
    expect(pages).toHaveLength(1);
    const text = squeeze(pages[0]!);
    const [delay] = guidanceNotices;
    for (const lang of ['en', 'zh-CN', 'ko'])
      expect(text, lang).toContain(squeeze(delay!.texts[lang]!).slice(0, 12));
    expect(text).toContain('お知らせ');
  });
});

describe('guidance shown at the counter', () => {
  it('shows the guidance full screen with a switcher of the languages it has', async () => {
    await openOutageOf(page, demo.app.server.url, '住民記録システム');
    await page.getByRole('button', { name: '住民に画面で見せる' }).click();
    const dialog = page.getByRole('dialog', { name: '住民への案内（全画面）' });
    const switcher = dialog.getByRole('group', { name: '言語 / Language' });
    expect(await switcher.getByRole('button').allTextContents()).toEqual([
      '日本語',
      'English',
      '中文（简体）',
      '한국어',
      '閉じる',
    ]);
    await switcher.getByRole('button', { name: '中文（简体）' }).click();
    const text = dialog.locator('.guidance-fullscreen-text');
    expect(await text.getAttribute('lang')).toBe('zh-CN');
    expect(await text.textContent()).toContain('由于系统故障');
    await screenshot(page, 'counter-guidance-fullscreen');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });
});

describe('lessons back into the procedures', () => {
  it('resolving an incident leads to the procedure editor, and the new version names it', async () => {
    await page.goto(incidentUrl);
    await page.getByRole('link', { name: '編集', exact: true }).click();
    await page.getByLabel('原因', { exact: true }).fill('帳票サーバの証明書の期限切れ');
    await page.getByLabel('対策', { exact: true }).fill('証明書を更新し、期限を点検項目に加えた');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByRole('button', { name: '「解決」にする' }).click();
    await page.getByRole('heading', { name: 'マニュアル・手順書の更新' }).waitFor();
    await page.getByRole('heading', { name: 'マニュアル・手順書の更新' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'counter-manual-prompt');
    await page
      .getByRole('link', { name: /^代替手順「.+」を更新する$/ })
      .first()
      .click();

    await page
      .getByRole('heading', { name: new RegExp(`障害記録から手順書を更新: ${incidentTitle}`) })
      .waitFor();
    await page.getByLabel('版', { exact: true }).fill('第9版');
    await page.getByRole('button', { name: '保存する' }).click();
    const history = page.getByRole('region', { name: '改訂の記録' });
    await history.waitFor();
    expect(await history.textContent()).toContain('第9版');
    expect(await history.getByRole('link', { name: incidentTitle }).count()).toBe(1);

    await page.goto(incidentUrl);
    await page.getByText(/更新済み（代替手順「.+」を第9版に更新/).waitFor();
    expect(await page.getByRole('heading', { name: 'マニュアル・手順書の更新' }).count()).toBe(0);
  });
});

describe('the whole visit', () => {
  it('logged no console error and made no request off the app', () => {
    expect(demo.app.watch.problems).toEqual([]);
    expect(demo.app.watch.foreignRequests).toEqual([]);
  });
});

describe('報告メモ on a plain-HTTP intranet origin', () => {
  it('copies the text without the async clipboard, which such an origin lacks', async () => {
    const host = 'sonae.intranet.test';
    const server = await serveBuiltApp('/city/sonae/');
    const browser = await launchChromium([`--host-resolver-rules=MAP ${host} 127.0.0.1`]);
    try {
      const origin = `http://${host}:${server.port}`;
      const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
      const watch = watchContext(context, origin);
      const http = await context.newPage();
      await http.goto(`${origin}/city/sonae/`);
      await http.getByRole('button', { name: 'デモデータで試す' }).click();
      await http.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
      expect(await http.evaluate(() => [window.isSecureContext, 'clipboard' in navigator])).toEqual(
        [false, false],
      );
      await openOutageOf(http, `${origin}/city/sonae/`, '住民記録システム');
      await http
        .getByRole('region', { name: /このシステムで対応中の障害/ })
        .getByRole('link')
        .first()
        .click();
      await http.getByRole('link', { name: '報告メモ', exact: true }).click();
      // What the copy event carries: the selected text of the field being copied from.
      await http.evaluate(() => {
        document.addEventListener('copy', (event) => {
          const field = event.target as HTMLTextAreaElement;
          (window as unknown as { __copied: string }).__copied = field.value.slice(
            field.selectionStart,
            field.selectionEnd,
          );
        });
      });
      await http.getByRole('button', { name: 'テキストをコピー' }).click();
      await http.getByText(/テキストをコピーしました/).waitFor();
      const copied = await http.evaluate(
        () => (window as unknown as { __copied: string }).__copied,
      );
      expect(copied).toMatch(/^【報告メモ】住民記録システム\n/);
      expect(copied).toMatch(/\n1\. いつ(: |\n {3})令和/);
      expect(copied).toContain('6. 試したこと');
      expect(watch.problems).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
      await context.close();
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
