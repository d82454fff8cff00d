import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import {
  downloadedBytes,
  openApp,
  screenshot,
  type AppSession,
  type PageWatch,
} from './browser.ts';
import type { StaticServer } from '../../scripts/staticServer.ts';
import { contactAvailabilityAt, type BusinessHours } from '../../src/domain/businessHours.ts';
import { DEFAULT_CLOSURE_DAYS } from '../../src/domain/holidays.ts';

// 連絡先 on a new, empty IT-section station: create one by hand, import a Shift_JIS list made
// by a real encoder (iconv-lite), export the list and read the file back, then re-import it.

let app: AppSession;
let page: Page;
let watch: PageWatch;
let server: StaticServer;
let exported: Buffer;

beforeAll(async () => {
  app = await openApp('/city/joho/sonae/');
  ({ page, watch, server } = app);
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await app?.close();
});

const weekdayHours: BusinessHours = {
  ranges: [{ days: [1, 2, 3, 4, 5], start: '08:30', end: '17:15', overnight: false }],
  closedOnHolidays: true,
};

/** The label the app must show now; either side of a minute boundary the test may straddle. */
function expectedLabels(hours: BusinessHours | null): string[] {
  const contact = { phones: [], afterHoursPhone: '', businessHours: hours };
  const now = Date.now();
  return [now, now + 60_000].map(
    (t) => contactAvailabilityAt(contact, new Date(t), DEFAULT_CLOSURE_DAYS).label,
  );
}

const contactRows = () => page.locator('.contact-table tbody tr');

describe('contacts on a new station', () => {
  it('starts an empty IT-section station and says how to add a contact', async () => {
    await page.goto(server.url);
    await page.getByLabel('自治体名').fill('架空町');
    await page.getByLabel('部署').fill('情報政策課');
    await page.getByLabel('端末名').fill('情報PC-01');
    await page.getByRole('radio', { name: /^情報システム担当/ }).check();
    await page.getByRole('button', { name: 'この内容で始める' }).click();
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '連絡先', exact: true })
      .click();
    await page.getByText('まだ連絡先が登録されていません', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'CSVで書き出す' }).isDisabled()).toBe(true);
  });

  it('creates a contact with business hours and two phones, then lists it with its status', async () => {
    await page.getByRole('link', { name: '新規登録' }).click();
    await page.getByRole('heading', { name: '連絡先の登録' }).waitFor();
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('氏名・窓口名を入力してください').waitFor();
    await page.getByLabel('氏名・窓口名').fill('ヘルプデスク');
    await page.getByLabel('組織名').fill('架空システムズ株式会社');
    await page.getByLabel('電話番号の種類 1').fill('代表');
    await page.getByLabel('電話番号 1', { exact: true }).fill('0120-000-111');
    await page.getByRole('button', { name: '電話番号を追加' }).click();
    await page.getByLabel('電話番号の種類 2').fill('直通');
    await page.getByLabel('電話番号 2', { exact: true }).fill('03-1234-5678');
    await page.getByRole('radio', { name: '曜日と時刻で登録する' }).check();
    // A slip first: the end before the start is refused at the field.
    await page.getByLabel('終了時刻 1').fill('7:15');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('終了時刻が開始時刻より前です', { exact: false }).waitFor();
    await page.getByLabel('終了時刻 1').fill('17:15');
    await page.getByLabel('時間外の電話番号').fill('090-0000-1111');
    await page.getByLabel('契約番号・お客様番号').fill('KS-2024-00123');
    await screenshot(page, 'contact-edit', true);
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('保存しました。').waitFor();
    await page.getByRole('heading', { name: /ヘルプデスク/, level: 1 }).waitFor();
    await page.getByText('月〜金 8:30〜17:15（祝日・閉庁日は休み）').waitFor();
    await screenshot(page, 'contact-detail', true);

    await page.getByRole('link', { name: '← 連絡先の一覧' }).click();
    const row = page.getByRole('row', { name: /ヘルプデスク/ });
    await row.waitFor();
    const status = (await row.locator('.availability-badge').textContent()) ?? '';
    expect(expectedLabels(weekdayHours)).toContain(status);
    const number = status === '受付中' ? '0120-000-111' : '090-0000-1111';
    expect(await row.getByRole('link', { name: number }).getAttribute('href')).toBe(
      `tel:${number.replaceAll('-', '')}`,
    );
    await page.getByRole('heading', { name: /架空システムズ株式会社/, level: 2 }).waitFor();
  });

  it('imports a Shift_JIS CSV through mapping and preview, and lists the new rows', async () => {
    await page.getByRole('link', { name: 'CSVから取り込む' }).click();
    const csv =
      '会社名,窓口名,TEL,区分,営業時間,夜間・休日連絡先,メモ\r\n' +
      '架空ネットワークス株式会社,ネットワーク監視センター,24時間:0120-000-555,ベンダー窓口,24時間,,回線番号 NW-7788\r\n' +
      '架空市,広報課 当番,内線:1501,庁内,平日 8:30～17:15,,周知文の依頼\r\n' +
      '株式会社架空テック,保守窓口,0120-000-444,取引先,平日 9:00-17:00,,\r\n';
    await page.getByLabel('CSVファイルを選ぶ').setInputFiles({
      name: '業者一覧.csv',
      mimeType: 'text/csv',
      buffer: iconv.encode(csv, 'shift_jis'),
    });
    await page
      .getByText('Shift_JIS として読み込みました（データ 3行）', { exact: false })
      .waitFor();
    expect(await page.getByLabel('氏名・窓口名').inputValue()).not.toBe('');
    // メモ becomes 備考 by hand.
    await page.getByLabel('備考').selectOption({ label: 'メモ' });
    await screenshot(page, 'import-mapping', true);
    await page.getByRole('button', { name: '確認へ進む' }).click();
    await page.getByText('新規 2件・更新 0件・変更なし 0件・取り込めない行 1件').waitFor();
    await page.getByText('第4行: 種別「取引先」は使えません', { exact: false }).waitFor();
    await screenshot(page, 'import-preview', true);
    await page.getByRole('button', { name: '取り込む' }).click();
    await page.getByText('を取り込みました: 新規 2件', { exact: false }).waitFor();
    await page.getByRole('link', { name: '連絡先の一覧へ' }).click();
    await page.getByRole('row', { name: /ネットワーク監視センター/ }).waitFor();
    await page.getByRole('row', { name: /広報課 当番/ }).waitFor();
    await expect.poll(() => contactRows().count()).toBe(3);
    await screenshot(page, 'contact-list', true);
  });

  it('exports the list as a CSV Excel opens: BOM, CRLF, Japanese intact', async () => {
    await page.getByRole('button', { name: 'CSVで書き出す' }).click();
    const notice = page.getByRole('alertdialog');
    await notice.getByText('個人情報が含まれます', { exact: false }).waitFor();
    await screenshot(page, 'export-notice');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      notice.getByRole('button', { name: '書き出す' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^連絡先_\d{8}\.csv$/);
    exported = await downloadedBytes(download);
    expect([...exported.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = exported.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      '氏名・窓口名,組織名,部署,役割,種別,電話番号,内線,メールアドレス,受付時間,時間外の電話番号,契約番号・お客様番号,連絡順,備考',
    );
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
    expect(text).toContain(
      'ヘルプデスク,架空システムズ株式会社,,,ベンダー窓口,代表:0120-000-111 / 直通:03-1234-5678,',
    );
    expect(text).toContain('広報課 当番,架空市,,,庁内,内線:1501,');
    expect(text).toContain('回線番号 NW-7788');
  });

  it('re-imports its own export as unchanged, not as duplicates', async () => {
    await page.getByRole('link', { name: 'CSVから取り込む' }).click();
    await page.getByLabel('CSVファイルを選ぶ').setInputFiles({
      name: '連絡先.csv',
      mimeType: 'text/csv',
      buffer: exported,
    });
    await page.getByText('UTF-8 として読み込みました（データ 3行）', { exact: false }).waitFor();
    await page.getByRole('button', { name: '確認へ進む' }).click();
    await page.getByText('新規 0件・更新 0件・変更なし 3件・取り込めない行 0件').waitFor();
    await page.getByText('取り込む変更はありません', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: '取り込む' }).count()).toBe(0);
    await page.getByRole('button', { name: 'やめる' }).click();
    await page.getByRole('heading', { name: '連絡先', level: 1 }).waitFor();
    await expect.poll(() => contactRows().count()).toBe(3);
  });

  it('never made a request off its origin and logged no error', () => {
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
});
