import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, serveBuiltApp, watchContext, type PageWatch } from './browser.ts';
import type { StaticServer } from '../../scripts/staticServer.ts';

// Two PCs as two browser contexts: a department counter PC and the IT section. They exchange
// signed files both ways through the UI only, trust each other's keys after checking the
// fingerprint, and settle a concurrent edit of the same incident without losing either edit.

let server: StaticServer;
let browser: Browser;
let folder: string;
const stations: Record<'dept' | 'it', { context: BrowserContext; page: Page; watch: PageWatch }> =
  {} as never;

beforeAll(async () => {
  server = await serveBuiltApp('/city/sonae/');
  browser = await launchChromium();
  folder = await mkdtemp(join(tmpdir(), 'sonae-exchange-'));
  for (const name of ['dept', 'it'] as const) {
    const context = await browser.newContext({
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      acceptDownloads: true,
    });
    const watch = watchContext(context, new URL(server.url).origin);
    context.setDefaultTimeout(10_000);
    stations[name] = { context, page: await context.newPage(), watch };
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

let saved = 0;
async function download(
  page: Page,
  click: () => Promise<void>,
): Promise<{ path: string; name: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(folder, `${++saved}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

async function open(page: Page, hash: string, heading: string) {
  await page.goto(`${server.url}#${hash}`);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

async function exportFile(page: Page, scope: 'すべて' | '前回の書き出しからの変更分') {
  await open(page, '/exchange', 'データ交換');
  await page.getByRole('radio', { name: scope }).check();
  const file = await download(page, () =>
    page.getByRole('button', { name: '書き出す', exact: true }).click(),
  );
  await page.getByText(`「${file.name}」を書き出しました`).waitFor();
  return file;
}

async function chooseImport(page: Page, path: string) {
  await open(page, '/exchange', 'データ交換');
  await page.getByLabel('取り込むファイルを選ぶ').setInputFiles(path);
}

async function confirmImport(page: Page, expected: RegExp) {
  await page.getByRole('heading', { name: /取り込みの確認/ }).waitFor();
  await page.getByText(expected).first().waitFor();
  await page.getByRole('button', { name: '取り込む', exact: true }).click();
  await page.getByText(/を取り込みました/).waitFor();
}

/** The owner's side of trusting a key: the public key file and the fingerprint read aloud. */
async function publicKeyOf(page: Page) {
  await open(page, '/settings', '設定');
  const fingerprint = (await page.getByTestId('station-fingerprint').textContent())!;
  const file = await download(page, () =>
    page.getByRole('button', { name: '公開鍵を書き出す' }).click(),
  );
  return { fingerprint, path: file.path };
}

async function trustRefusedSender(
  page: Page,
  key: { path: string; fingerprint: string },
  label: string,
  role: string,
) {
  await page.getByText('信頼していない鍵で署名されています').waitFor();
  await page.getByText(key.fingerprint).first().waitFor();
  await page.getByLabel('公開鍵ファイル').setInputFiles(key.path);
  await page.getByLabel('名前', { exact: true }).fill(label);
  await page.getByLabel('役割').selectOption({ label: role });
  // A misheard fingerprint is refused.
  await page.getByLabel('確認した指紋').fill('0000-0000-0000-0000-0000');
  await page.getByRole('button', { name: '指紋を確認して信頼する' }).click();
  await page.getByText('指紋が鍵の指紋と一致しません', { exact: false }).waitFor();
  await page.getByLabel('確認した指紋').fill(key.fingerprint);
  await page.getByRole('button', { name: '指紋を確認して信頼する' }).click();
}

async function editIncident(page: Page, title: string, field: string, value: string) {
  await open(page, '/incidents', '障害記録');
  await page
    .getByRole('link', { name: new RegExp(title) })
    .first()
    .click();
  await page.getByRole('link', { name: '編集' }).click();
  await page.getByLabel(field, { exact: true }).fill(value);
  await page.getByRole('button', { name: '保存する' }).click();
  await page.getByText('保存しました。').waitFor();
}

const TITLE = '窓口PC-02で住民票が印刷できない';
let resolution: { path: string; name: string } | undefined;

describe('two stations exchanging signed files', () => {
  it('sets up the IT section with the demo municipality and a department PC from scratch', async () => {
    const { page: it_ } = stations.it;
    await it_.goto(server.url);
    await it_.getByRole('button', { name: 'デモデータで試す' }).click();
    await it_.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();

    const { page: dept } = stations.dept;
    await dept.goto(server.url);
    await dept.getByLabel('自治体名').fill('架空市');
    await dept.getByLabel('部署').fill('市民課');
    await dept.getByLabel('端末名').fill('窓口PC-02');
    await dept.getByLabel('担当者名').fill('山田 花子');
    await dept.getByRole('button', { name: 'この内容で始める' }).click();
    await dept.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
  });

  it('refuses the IT section’s file until the department trusts its key by fingerprint, then imports it', async () => {
    const official = await exportFile(stations.it.page, 'すべて');
    expect(official.name).toMatch(/^sonae_.+_\d{8}-\d{4}_1\.sonae\.json$/);
    const itKey = await publicKeyOf(stations.it.page);
    const { page } = stations.dept;
    await chooseImport(page, official.path);
    await trustRefusedSender(page, itKey, '情報政策課', '情報システム担当課');
    await confirmImport(page, /新規/);
    await open(page, '/systems', 'システム');
    await page.getByRole('row', { name: /住民記録システム/ }).waitFor();
    // The same file again changes nothing and says so.
    await chooseImport(page, official.path);
    await page.getByText('取り込み済みです', { exact: false }).waitFor();
  });

  it('carries a department incident to the IT section, which trusts the department key', async () => {
    const { page } = stations.dept;
    await open(page, '/incidents', '障害記録');
    await page.getByRole('link', { name: '障害を記録する' }).click();
    await page.getByLabel('件名').fill(TITLE);
    await page.getByLabel('システム').selectOption({ label: '住民記録システム' });
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('保存しました。').waitFor();
    const report = await exportFile(page, '前回の書き出しからの変更分');
    const deptKey = await publicKeyOf(page);

    const { page: it_ } = stations.it;
    await chooseImport(it_, report.path);
    await trustRefusedSender(it_, deptKey, '市民課 窓口PC-02', '部署');
    await confirmImport(it_, new RegExp(TITLE));
    await open(it_, '/incidents', '障害記録');
    await it_
      .getByRole('link', { name: new RegExp(TITLE) })
      .first()
      .waitFor();
  });

  it('keeps a concurrent edit made on both PCs as a visible conflict, resolved with nothing lost', async () => {
    await editIncident(stations.dept.page, TITLE, '症状', '印刷ボタンを押すと画面が固まる');
    await editIncident(stations.it.page, TITLE, '原因', '帳票サーバの証明書の期限切れ');
    const fromDept = await exportFile(stations.dept.page, '前回の書き出しからの変更分');
    const fromIt = await exportFile(stations.it.page, '前回の書き出しからの変更分');
    await chooseImport(stations.it.page, fromDept.path);
    await confirmImport(stations.it.page, /競合/);
    await chooseImport(stations.dept.page, fromIt.path);
    await confirmImport(stations.dept.page, /競合/);

    for (const { page } of [stations.dept, stations.it]) {
      await open(page, '/incidents', '障害記録');
      await page
        .getByRole('link', { name: new RegExp(TITLE) })
        .first()
        .click();
      await page.getByRole('link', { name: '競合あり（2版）' }).waitFor();
    }

    // The IT section compares the versions side by side and keeps both edits.
    const { page } = stations.it;
    await page.getByRole('link', { name: '競合あり（2版）' }).click();
    await page.getByRole('heading', { name: '障害記録の競合（2版）' }).waitFor();
    const symptoms = page.getByRole('row', { name: /^≠?\s*症状/ });
    await symptoms
      .locator('td', { hasText: '印刷ボタンを押すと画面が固まる' })
      .getByRole('radio')
      .check();
    const cause = page.getByRole('row', { name: /^≠?\s*原因/ });
    await cause
      .locator('td', { hasText: '帳票サーバの証明書の期限切れ' })
      .getByRole('radio')
      .check();
    await page.getByRole('button', { name: 'この内容で解決する' }).click();
    await page.getByText('競合を解決しました').waitFor();
    await page.getByText('競合している記録はありません。').waitFor();

    resolution = await exportFile(page, '前回の書き出しからの変更分');
    await chooseImport(stations.dept.page, resolution.path);
    await confirmImport(stations.dept.page, /更新/);

    for (const { page: p } of [stations.dept, stations.it]) {
      await open(p, '/incidents', '障害記録');
      await p
        .getByRole('link', { name: new RegExp(TITLE) })
        .first()
        .click();
      await p.getByText('印刷ボタンを押すと画面が固まる').waitFor();
      await p.getByText('帳票サーバの証明書の期限切れ').waitFor();
      expect(await p.getByRole('link', { name: /競合あり/ }).count()).toBe(0);
    }
  });

  it('undoes the last import with 「取り込み前に戻す」, after which the same file imports again', async () => {
    const { page } = stations.dept;
    await open(page, '/exchange', 'データ交換');
    await page.getByRole('button', { name: '取り込み前に戻す' }).first().click();
    await page.getByRole('button', { name: '戻す', exact: true }).click();
    await page.getByText(/取り込む前の状態に戻しました/).waitFor();
    await page.getByRole('button', { name: /を比べる/ }).waitFor(); // the conflict is back
    await chooseImport(page, resolution!.path);
    await confirmImport(page, /更新/);
    await page.getByText('競合している記録はありません。').waitFor();
  });

  it('made no request off its origin and logged no error on either PC', () => {
    for (const { watch } of Object.values(stations)) {
      expect(watch.foreignRequests).toEqual([]);
      expect(watch.problems).toEqual([]);
    }
  });
});
