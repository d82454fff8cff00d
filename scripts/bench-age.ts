/**
 * What age encryption adds to export and import (issue 16), in real Chromium, on a secure origin
 * (loopback) and on a plain-HTTP intranet host name (no crypto.subtle): for `COUNT` incidents
 * (default 10,000), the median of `RUNS` (default 5) of making the signed bundle, encrypting it
 * to two recipients, decrypting it, and checking it as an import does (scripts/benchAgePage.ts).
 * The ratios are against those steps and against the app's whole export and import times in
 * docs/performance.md (10,000 incidents). Prints figures; asserts nothing. Builds only its page.
 *   npx tsx scripts/bench-age.ts
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { launchChromium } from '../tests/e2e/browser.ts';
import { startStaticServer } from './staticServer.ts';

const COUNT = Number(process.env.COUNT ?? 10_000);
const RUNS = Number(process.env.RUNS ?? 5);
const HOST = 'sonae.intranet.test';
// docs/performance.md, 10,000 incidents (2026-11-29): the whole export, and file chosen → done.
const APP_EXPORT_MS = 1734;
const APP_IMPORT_MS = 6499;

type Figures = {
  bundleBytes: number;
  ageBytes: number;
  signMs: number;
  encryptMs: number;
  decryptMs: number;
  checkMs: number;
  secure: boolean;
  subtle: boolean;
};

type AppFigures = {
  clearExportMs: number;
  encryptedExportMs: number;
  decryptMs: number;
  previewMs: number;
};

const ms = (value: number) => `${Math.round(value).toLocaleString('ja-JP')} ms`;
const pct = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)}%`;

async function main() {
  const folder = await mkdtemp(join(tmpdir(), 'sonae-bench-age-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: folder,
      target: 'es2022',
      lib: { entry: 'scripts/benchAgePage.ts', formats: ['es'], fileName: () => 'bench.js' },
    },
  });
  await writeFile(
    join(folder, 'index.html'),
    '<!doctype html><meta charset="utf-8"><script type="module" src="./bench.js"></script>',
  );
  const server = await startStaticServer({ root: folder, basePath: '/' });
  const browser = await launchChromium([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
  try {
    console.log(
      `age 暗号化の上乗せ: 障害記録 ${COUNT.toLocaleString('ja-JP')}件、Chromium ${browser.version()}、${RUNS}回の中央値`,
    );
    for (const host of ['127.0.0.1', HOST]) {
      const page = await browser.newPage();
      page.on('pageerror', (error) => console.error('bench page error:', error.message));
      await page.goto(`http://${host}:${server.port}/`);
      await page.waitForFunction(() => document.body.dataset.ready === 'true');
      const f = (await page.evaluate(
        ([count, runs]) =>
          (
            window as unknown as { sonaeAgeBench: { run(c: number, r: number): Promise<unknown> } }
          ).sonaeAgeBench.run(count!, runs!),
        [COUNT, RUNS],
      )) as Figures;
      await page.close();
      console.log(`\n${host}（${f.secure ? '安全な接続' : 'HTTP・crypto.subtle なし'}）`);
      console.log(
        `  バンドル ${(f.bundleBytes / 1048576).toFixed(1)} MB → .age ${(f.ageBytes / 1048576).toFixed(1)} MB`,
      );
      console.log(`  署名付きバンドルを作る        ${ms(f.signMs)}`);
      console.log(
        `  age で暗号化（宛先2件）       ${ms(f.encryptMs)}（作成の ${pct(f.encryptMs, f.signMs)}、書き出し全体 ${ms(APP_EXPORT_MS)} の ${pct(f.encryptMs, APP_EXPORT_MS)}）`,
      );
      console.log(`  署名と内容の確認              ${ms(f.checkMs)}`);
      console.log(
        `  age で復号                    ${ms(f.decryptMs)}（確認の ${pct(f.decryptMs, f.checkMs)}、取り込み全体 ${ms(APP_IMPORT_MS)} の ${pct(f.decryptMs, APP_IMPORT_MS)}）`,
      );
      const appPage = await browser.newPage();
      appPage.on('pageerror', (error) => console.error('bench page error:', error.message));
      await appPage.goto(`http://${host}:${server.port}/`);
      await appPage.waitForFunction(() => document.body.dataset.ready === 'true');
      const a = (await appPage.evaluate(
        ([count, runs]) =>
          (
            window as unknown as {
              sonaeAgeBench: { runApp(c: number, r: number): Promise<unknown> };
            }
          ).sonaeAgeBench.runApp(count!, runs!),
        [COUNT, Math.min(RUNS, 3)],
      )) as AppFigures;
      await appPage.close();
      console.log(`  アプリの書き出し（IndexedDB から、暗号化なし）  ${ms(a.clearExportMs)}`);
      console.log(
        `  アプリの書き出し（age で暗号化）               ${ms(a.encryptedExportMs)}（${pct(a.encryptedExportMs - a.clearExportMs, a.clearExportMs)} 増）`,
      );
      console.log(
        `  アプリの取り込み確認（prepareImport）          ${ms(a.previewMs)}、復号 ${ms(a.decryptMs)}（${pct(a.decryptMs, a.previewMs)} 増）`,
      );
    }
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
