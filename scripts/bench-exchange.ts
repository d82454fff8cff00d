/**
 * Measures data exchange alone, in real Chromium through the app's screens (scripts/benchExchange.ts):
 * export all, signed; import (file chosen → preview → done) with the longest main-thread task;
 * the floors (bare Dexie bulkPut, JSON.parse). Prints figures; asserts nothing.
 * Run after a build: `npm run bench:exchange` (COUNT, default 10,000; RUNS, default 3), on
 * dist/ or SONAE_DIST. `npm run bench` gives every figure of issue 9 in one table.
 */
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../tests/e2e/browser.ts';
import { runExchangeBench, startBenchSite, type ExchangeFigures } from './benchExchange.ts';

const COUNT = Number(process.env.COUNT ?? 10_000);
const RUNS = Number(process.env.RUNS ?? 3);

const ms = (value: number) => `${Math.round(value).toLocaleString('ja-JP')} ms`;

export function printExchangeFigures(f: ExchangeFigures): void {
  console.log(`  書き出し（すべて・署名付き）            ${ms(f.exportMs)}`);
  console.log(
    `  取り込み: ファイル選択 → 確認画面       ${ms(f.previewMs)}（最長タスク ${ms(f.longestTaskPreviewMs)}）`,
  );
  console.log(
    `  取り込み: 「取り込む」 → 完了           ${ms(f.applyMs)}（最長タスク ${ms(f.longestTaskApplyMs)}）`,
  );
  console.log(`  比較: Dexie bulkPut のみ               ${ms(f.bulkPutMs)}`);
  console.log(`  比較: ファイルの JSON.parse のみ        ${ms(f.parseMs)}`);
  console.log(
    `  ファイル ${(f.fileBytes / 1024 / 1024).toFixed(1)} MB ÷ 記録の JSON ${(f.compactJsonBytes / 1024 / 1024).toFixed(1)} MB = ${(f.fileBytes / f.compactJsonBytes).toFixed(2)}`,
  );
  console.log(
    `  Ed25519: ${f.nativeEd25519 ? 'Web Crypto（ネイティブ）' : '@noble（純 JavaScript）'}`,
  );
}

async function main() {
  const site = await startBenchSite(process.env.SONAE_DIST ?? 'dist');
  const browser = await launchChromium();
  try {
    const figures = await runExchangeBench(browser, site, COUNT, RUNS);
    console.log(
      `データ交換: 障害記録 ${COUNT.toLocaleString('ja-JP')}件、Chromium ${browser.version()}、${RUNS}回の中央値`,
    );
    printExchangeFigures(figures);
  } finally {
    await browser.close();
    await site.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
