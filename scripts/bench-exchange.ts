/**
 * Measures data exchange with 10,000 incidents in real Chromium: export (read + sign +
 * serialise), import (parse + verify signature + validate + merge + one transaction with
 * snapshot, history and audit), re-import of an unchanged set, and the same records written by
 * a bare Dexie bulkPut for comparison. Prints figures; asserts nothing.
 * Run: `npm run bench:exchange` (bundles its own page with Vite; no app build needed).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { launchChromium } from '../tests/e2e/browser.ts';
import { startStaticServer } from './staticServer.ts';
import type { BenchFigures } from './benchExchangePage.ts';

const COUNT = Number(process.env.COUNT ?? 10_000);
const RUNS = Number(process.env.RUNS ?? 3);

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function main() {
  const folder = await mkdtemp(join(tmpdir(), 'sonae-bench-exchange-'));
  const browser = await launchChromium();
  const server = await startStaticServer({ root: folder, basePath: '/bench/' });
  try {
    await build({
      configFile: false,
      logLevel: 'warn',
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        outDir: folder,
        emptyOutDir: false,
        target: 'es2022',
        lib: { entry: 'scripts/benchExchangePage.ts', formats: ['es'], fileName: () => 'bench.js' },
      },
    });
    await writeFile(
      join(folder, 'index.html'),
      '<!doctype html><meta charset="utf-8"><script type="module" src="./bench.js"></script>',
    );
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(server.url);
    await page.waitForFunction(() => 'runBench' in window);

    const runs: BenchFigures[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      runs.push(
        await page.evaluate(
          (count) =>
            (window as unknown as { runBench: (n: number) => Promise<BenchFigures> }).runBench(
              count,
            ),
          COUNT,
        ),
      );
    }
    const pick = (key: keyof BenchFigures) => median(runs.map((r) => r[key]));
    const importMs = pick('importMs');
    const bareMs = pick('bareMs');
    console.log(
      `データ交換ベンチマーク: 障害記録 ${COUNT.toLocaleString('ja-JP')}件、Chromium、${RUNS}回の中央値`,
    );
    console.log(
      `  ファイルサイズ                       ${(pick('fileBytes') / 1024 / 1024).toFixed(1)} MB`,
    );
    console.log(`  書き出し（読み出し・署名・JSON化）     ${ms(pick('exportMs'))}`);
    console.log(`  取り込み 確認（解析・署名検証・検証・マージ計画） ${ms(pick('prepareMs'))}`);
    console.log(`  取り込み 反映（スナップショット・1トランザクション） ${ms(pick('applyMs'))}`);
    console.log(`  取り込み 合計                        ${ms(importMs)}`);
    console.log(`  同じ記録の再取り込み（すべて変更なし）  ${ms(pick('reimportMs'))}`);
    console.log(`  比較: Dexie bulkPut のみ               ${ms(bareMs)}`);
    console.log(
      `  取り込み / bulkPut                    ${(importMs / bareMs).toFixed(1)} 倍（目標: 2秒未満、3倍以内）`,
    );
  } finally {
    await browser.close();
    await server.close();
    await rm(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
