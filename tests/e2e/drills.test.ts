import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './browser.ts';
import { openDemoPrintApp, openPrintRoute, type DemoPrintApp } from './demoPrintApp.ts';
import { isA4Portrait, pagesOf, renderPage, savePdf, squeeze } from './pdfHelpers.ts';

// 訓練 in real Chromium from the demo municipality: plan a drill, run it on the real outage
// screen with 「訓練中」 on every screen and 「訓練用」 on the printed kit, record a contact and an
// incident, end it with a finding that opens a follow-up on the procedure, print the report, and
// keep the drill incident out of the default report.

const SYSTEM = '住民記録システム';
const PROCEDURE = '住民記録システム停止時の窓口対応';
const DRILL = '住民記録システム停止時の窓口訓練';
const FINDING = '代替の手順で使う申請書の置き場所が分からなかった';

let demo: DemoPrintApp;
let page: Page;
let drillUrl: string;
let systemId: string;

beforeAll(async () => {
  demo = await openDemoPrintApp('drills');
  page = demo.page;
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await demo?.close();
});

const banner = () => page.getByRole('region', { name: '訓練中' });
const tokyoToday = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());
/** The number in the report's 「障害 N件」. */
const reportCount = async () =>
  Number(
    (await page.getByRole('status').filter({ hasText: '障害' }).first().textContent())?.match(
      /(\d+)件$/,
    )?.[1],
  );

describe('a drill from plan to report', () => {
  it('plans a drill from 訓練・点検 → 訓練', async () => {
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '訓練・点検', exact: true })
      .click();
    await page
      .getByRole('navigation', { name: '訓練・点検' })
      .getByRole('link', { name: '訓練' })
      .click();
    await page.getByRole('heading', { name: '訓練', level: 1 }).waitFor();
    await page.getByRole('link', { name: '訓練を計画する' }).click();
    // Bad input: nothing is saved, the form says what is missing in Japanese.
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('訓練名を入力してください').waitFor();
    await page.getByLabel('訓練名').fill(DRILL);
    await page.getByLabel('実施日').fill(tokyoToday());
    await page.getByLabel('対象システム').selectOption({ label: SYSTEM });
    await page.getByLabel('訓練想定').fill('朝9時、証明書発行の画面が固まり、全端末で使えない');
    await page.getByLabel('訓練参加者').fill('市民課 窓口担当3名、情報政策課1名');
    await page.getByLabel('目標復旧時間（分）').fill('60');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByRole('heading', { name: new RegExp(`訓練: ${DRILL}`) }).waitFor();
    drillUrl = page.url();
  });

  it('starts drill mode on the real outage screen, with 「訓練中」 on every screen', async () => {
    await page.getByRole('button', { name: '訓練を開始' }).click();
    await page.getByRole('heading', { name: `「${SYSTEM}」が止まったとき` }).waitFor();
    systemId = page.url().split('#/outage/')[1]!;
    await banner().getByText(DRILL).waitFor();
    await screenshot(page, 'drill-banner');
    // At 200% zoom (683 CSS pixels) the banner wraps instead of pushing the page sideways.
    await page.setViewportSize({ width: 683, height: 384 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(683);
    await banner().getByRole('link', { name: '訓練を終了' }).waitFor();
    await screenshot(page, 'drill-banner-683');
    await page.setViewportSize({ width: 1366, height: 768 });
    // It survives a reload and follows to other screens.
    await page.reload();
    await banner().getByText(DRILL).waitFor();
    await page.getByRole('link', { name: '連絡先', exact: true }).click();
    await banner().waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: `「${SYSTEM}」が止まったとき` }).waitFor();
  });

  it('records a tick in 代替, a contact made and a drill incident', async () => {
    await page
      .getByRole('region', { name: '代替', exact: true })
      .getByRole('checkbox')
      .first()
      .check();
    const contacts = page.getByRole('region', { name: 'いま連絡する先' });
    await contacts
      .getByRole('button', { name: /に連絡した（訓練の記録）$/ })
      .first()
      .click();
    await contacts.getByText(/1回記録/).waitFor();
    await page.getByRole('button', { name: '障害を記録する（発生日時は今）' }).click();
    await page.getByLabel('件名').fill('【訓練】証明書発行の画面が固まる');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByRole('heading', { name: /証明書発行の画面が固まる/ }).waitFor();
    await banner().waitFor();
    // A call logged on the drill's incident goes on the drill's timeline as well (checked below).
    await page
      .getByRole('button', { name: /に電話した（経過に記録）$/ })
      .first()
      .click();
  });

  it('prints the outage kit marked 「訓練用」, and the print goes on the timeline', async () => {
    await page.goto(`${demo.app.server.url}#/outage/${systemId}`);
    await page.getByRole('button', { name: '障害時キットを印刷' }).click();
    await page.locator('.print-page[data-print-ready="true"]').waitFor();
    // window.print() is stubbed here; rendering the PDF fires the browser's beforeprint, as a
    // real print does, and that puts the print on the drill's timeline (checked below).
    const pdf = await savePdf(page, demo.folder, 'drill-kit');
    const first = squeeze(pagesOf(pdf)[0]!);
    expect(first).toContain('訓練用');
    expect(first).toContain(squeeze(DRILL));
    renderPage(pdf, 1, demo.imageDir, 'drill-kit-page1', 70);
  });

  it('keeps the drill incident out of the default report, and counts it when asked', async () => {
    await page.goto(`${demo.app.server.url}#/reports`);
    await page.getByRole('heading', { name: '報告・集計', level: 1 }).waitFor();
    await page.getByLabel('期間').selectOption({ label: '今月' });
    const include = page.getByRole('checkbox', { name: '訓練の障害も含める' });
    await include.waitFor();
    expect(await include.isChecked()).toBe(false);
    const without = await reportCount();
    await include.check();
    await expect.poll(reportCount).toBe(without + 1);
  });

  it('ends the drill with a finding that opens a follow-up on the procedure', async () => {
    await page.goto(drillUrl);
    await banner().getByRole('link', { name: '訓練を終了' }).click();
    await page.getByLabel('気づいたこと 1').fill(FINDING);
    await page.getByRole('button', { name: '訓練を終了する' }).click();
    await page.getByRole('heading', { name: new RegExp(`訓練: ${DRILL}`) }).waitFor();
    expect(await banner().count()).toBe(0);
    const timeline = page.getByRole('region', { name: '経過' });
    for (const entry of [
      '訓練開始',
      '手順を開いた',
      '段階を開始: 初動',
      '手順を実施',
      '連絡',
      '障害記録を開始',
      '印刷',
      '訓練終了',
    ])
      await timeline.getByText(entry).first().waitFor();
    // Two calls: from the outage screen and from the drill's incident.
    expect(await timeline.getByText(/^連絡/).count()).toBe(2);
    const times = page.getByRole('region', { name: '時間（目標との比較）' });
    await times.getByText('目標内').waitFor();
    expect(await times.getByRole('row', { name: /^代替/ }).textContent()).not.toContain('行わず');

    const form = page.getByRole('form', { name: `「${FINDING}」を要対応にする` });
    await form.getByLabel('対象', { exact: true }).selectOption({ label: PROCEDURE });
    await form.getByRole('button', { name: '要対応にする' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByText(`要対応（代替手順「${PROCEDURE}」）`).waitFor();
    await screenshot(page, 'drill-detail', true);
  });

  it('shows the follow-up on 点検 and on the procedure until it is closed there', async () => {
    await page.getByRole('link', { name: '点検（見直しが必要なもの）' }).click();
    await page.getByRole('list', { name: '点検が必要なもの' }).getByText(FINDING).waitFor();
    await page.getByRole('link', { name: '代替手順', exact: true }).click();
    await page.getByRole('link', { name: PROCEDURE }).first().click();
    const region = page.getByRole('region', { name: /^要対応/ });
    await region.getByText(FINDING).waitFor();
    await region.getByRole('button', { name: '対応済みにする' }).click();
    await region.getByLabel(/対応内容/).fill('申請書の置き場所を手順に書き足した');
    await region.getByRole('button', { name: '対応済みにする' }).click();
    await page.getByText(`「${FINDING}」を対応済みにしました。`).waitFor();
    await page.goto(drillUrl);
    await page.getByText('申請書の置き場所を手順に書き足した', { exact: false }).waitFor();
    await page.getByText('対応済み', { exact: true }).waitFor();
  });

  it('prints the 訓練実施報告書 on A4 with plan, timeline, times and the follow-up', async () => {
    const id = drillUrl.split('#/drills/')[1]!;
    await openPrintRoute(page, demo.app.server.url, `/print/drill-report/${id}?auto=0`);
    const pdf = await savePdf(page, demo.folder, 'drill-report');
    expect(isA4Portrait(pdf)).toBe(true);
    const text = squeeze(pagesOf(pdf).join('\n'));
    for (const expected of [
      '訓練実施報告書',
      DRILL,
      '訓練計画（様式12）',
      '時間と目標',
      '目標内',
      // A table cell wraps, and pdftotext interleaves the two columns' lines.
      FINDING.slice(0, 12),
      PROCEDURE,
      '対応済み',
    ])
      expect(text).toContain(squeeze(expected));
    // Printed after the drill: no 「訓練用」 mark (that is for sheets printed during one).
    expect(text).not.toContain('訓練用');
    renderPage(pdf, 1, demo.imageDir, 'drill-report-page1', 70);
  });

  it('never logs an error or reaches off the app’s origin', () => {
    expect(demo.app.watch.problems).toEqual([]);
    expect(demo.app.watch.foreignRequests).toEqual([]);
  });
});
