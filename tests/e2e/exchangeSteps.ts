import { join } from 'node:path';
import type { Page } from 'playwright-core';

// The exchange steps a clerk takes through the UI (データ交換, 設定), for e2e files that carry
// records between two stations. Same steps as tests/e2e/exchange.test.ts.

/** Saves each download into `folder` under a numbered name. */
export function downloadsInto(folder: string) {
  let saved = 0;
  return async function download(
    page: Page,
    click: () => Promise<void>,
  ): Promise<{ path: string; name: string }> {
    const [file] = await Promise.all([page.waitForEvent('download'), click()]);
    const path = join(folder, `${++saved}-${file.suggestedFilename()}`);
    await file.saveAs(path);
    return { path, name: file.suggestedFilename() };
  };
}
type Download = ReturnType<typeof downloadsInto>;

export async function openScreen(page: Page, appUrl: string, hash: string, heading: string) {
  await page.goto(`${appUrl}#${hash}`);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

/** 書き出す on データ交換: every record (すべて) or the changes since the last export. */
export async function exportFile(
  page: Page,
  appUrl: string,
  download: Download,
  scope: 'すべて' | '前回の書き出しからの変更分',
) {
  await openScreen(page, appUrl, '/exchange', 'データ交換');
  await page.getByRole('radio', { name: scope }).check();
  const file = await download(page, () =>
    page.getByRole('button', { name: '書き出す', exact: true }).click(),
  );
  await page.getByText(`「${file.name}」を書き出しました`).waitFor();
  return file;
}

export async function chooseImport(page: Page, appUrl: string, path: string) {
  await openScreen(page, appUrl, '/exchange', 'データ交換');
  await page.getByLabel('取り込むファイルを選ぶ').setInputFiles(path);
}

export async function confirmImport(page: Page, expected: RegExp) {
  await page.getByRole('heading', { name: /取り込みの確認/ }).waitFor();
  await page.getByText(expected).first().waitFor();
  await page.getByRole('button', { name: '取り込む', exact: true }).click();
  await page.getByText(/を取り込みました/).waitFor();
}

/** The owner's side of trusting a key: the public key file and the fingerprint read aloud. */
export async function publicKeyOf(page: Page, appUrl: string, download: Download) {
  await openScreen(page, appUrl, '/settings', '設定');
  const fingerprint = (await page.getByTestId('station-fingerprint').textContent())!;
  const file = await download(page, () =>
    page.getByRole('button', { name: '公開鍵を書き出す' }).click(),
  );
  return { fingerprint, path: file.path };
}

/** The receiver's side: the refused file's signer trusted by its key file and fingerprint. */
export async function trustRefusedSender(
  page: Page,
  key: { path: string; fingerprint: string },
  label: string,
  role: string,
) {
  await page.getByText('信頼していない鍵で署名されています').waitFor();
  await page.getByLabel('公開鍵ファイル').setInputFiles(key.path);
  await page.getByLabel('名前', { exact: true }).fill(label);
  await page.getByLabel('役割').selectOption({ label: role });
  await page.getByLabel('確認した指紋').fill(key.fingerprint);
  await page.getByRole('button', { name: '指紋を確認して信頼する' }).click();
}

/** A department PC named through the first-run form. */
export async function setUpDepartment(page: Page, appUrl: string, terminal: string) {
  await page.goto(appUrl);
  await page.getByLabel('自治体名').fill('架空市');
  await page.getByLabel('部署').fill('市民課');
  await page.getByLabel('端末名').fill(terminal);
  await page.getByLabel('担当者名').fill('山田 花子');
  await page.getByRole('button', { name: 'この内容で始める' }).click();
  await page.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
}
