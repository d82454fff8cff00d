/**
 * Issue 16's export figure as a person meets it: click on 書き出す → the download starts, on the
 * app's own screen, for a department PC with `COUNT` incidents (default 10,000), in clear and
 * encrypted to two age recipients from sonae.config.json, alternating `RUNS` rounds (default 3;
 * medians). The same PC exports both ways, so only the encryption differs. Prints figures;
 * asserts nothing. Needs a build: `SONAE_DIST=<dir>` (default dist/).
 *   npx tsx scripts/bench-age-screen.ts
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, OFFICE_CONTEXT } from '../tests/e2e/browser.ts';
import { generateAgeIdentity } from '../src/exchange/age/ageRecipients.ts';
import { seedSender, startBenchSite } from './benchExchange.ts';

const COUNT = Number(process.env.COUNT ?? 10_000);
const RUNS = Number(process.env.RUNS ?? 3);
const HOST = 'sonae.intranet.test';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

const recipients = [
  { label: '情報政策課', recipient: generateAgeIdentity().recipient },
  { label: '情報政策課（保管用）', recipient: generateAgeIdentity().recipient },
];

/** Serves sonae.config.json with the recipients, or none (404). */
async function serveConfig(context: BrowserContext, encrypted: boolean) {
  await context.unroute('**/sonae.config.json');
  await context.route('**/sonae.config.json', (route) =>
    encrypted
      ? route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({
            format: 'sonae-config',
            version: 1,
            trustedKeys: [],
            encryptionRecipients: recipients,
          }),
        })
      : route.fulfill({ status: 404, body: '' }),
  );
}

/** One export from 書き出す, click → download, in ms; the background work is waited for after. */
async function exportOnce(page: Page, url: string, encrypted: boolean): Promise<number> {
  await page.goto(`${url}#/exchange`);
  await page.reload();
  await page.getByRole('heading', { name: 'データ交換', level: 1 }).waitFor({ timeout: 60_000 });
  await page.getByRole('radio', { name: 'すべて' }).check();
  const protection = page.getByRole('group', { name: '暗号化' });
  if (encrypted) {
    const mode = protection.getByRole('radio', { name: '宛先の鍵で暗号化する（age）' });
    await mode.waitFor();
    await mode.check();
  } else {
    await protection.getByRole('radio', { name: '暗号化しない' }).check();
    const reason = protection.getByLabel('暗号化しない理由（持ち出し記録に残ります）');
    if (await reason.count()) await reason.fill('計測');
  }
  const started = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 300_000 }),
    page.getByRole('button', { name: '書き出す', exact: true }).click(),
  ]);
  const ms = Date.now() - started;
  const name = download.suggestedFilename();
  if (encrypted !== name.endsWith('.age')) throw new Error(`unexpected file ${name}`);
  // The 持ち出し記録 (hashing the file) runs after the hand-over: let it end before the next run.
  await page.getByText(name, { exact: true }).first().waitFor({ timeout: 300_000 });
  return ms;
}

async function main() {
  const site = await startBenchSite(
    process.env.SONAE_DIST ?? 'dist',
    process.env.PLAIN ? HOST : undefined,
  );
  const browser = await launchChromium(
    process.env.PLAIN ? [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`] : [],
  );
  try {
    const context = await browser.newContext(OFFICE_CONTEXT);
    await seedSender(context, site, COUNT);
    const page = await context.newPage();
    const clear: number[] = [];
    const sealed: number[] = [];
    for (let round = 0; round < RUNS; round++) {
      await serveConfig(context, false);
      clear.push(await exportOnce(page, site.appUrl, false));
      await serveConfig(context, true);
      sealed.push(await exportOnce(page, site.appUrl, true));
    }
    const c = median(clear);
    const e = median(sealed);
    console.log(
      `画面からの書き出し（書き出す → ダウンロード開始）、障害記録 ${COUNT.toLocaleString('ja-JP')}件、${RUNS}回の中央値、${process.env.PLAIN ? 'HTTP・crypto.subtle なし' : '安全な接続'}`,
    );
    console.log(`  暗号化なし        ${c.toLocaleString('ja-JP')} ms（${clear.join(', ')}）`);
    console.log(
      `  age で暗号化      ${e.toLocaleString('ja-JP')} ms（${sealed.join(', ')}）: ${(((e - c) / c) * 100).toFixed(1)}% 増`,
    );
  } finally {
    await browser.close();
    await site.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
