/**
 * Measures "click to print preview" for the outage kit in real Chromium (PRODUCT.md,
 * clarifications): from the 印刷 click on the outage screen to the moment window.print() is
 * called with the layout complete (records rendered, a frame laid out, fonts loaded). The print
 * dialog is stubbed to read that moment. Prints figures; asserts nothing.
 *
 * Builds nothing: run `npm run build` first, or build to a folder of your own and point at it
 * (`npx vite build --outDir /tmp/sonae-dist && SONAE_DIST=/tmp/sonae-dist npm run bench:print`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { launchChromium, OFFICE_CONTEXT } from '../tests/e2e/browser.ts';
import { startStaticServer } from './staticServer.ts';

const RUNS = Number(process.env.RUNS ?? 7);
const ROOT = process.env.SONAE_DIST ?? 'dist';
const PRINT_BUTTON = '障害時キットを印刷';

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const list = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');

interface PrintMoment {
  at: number;
  isReady: boolean;
  sheets: number;
}

async function main() {
  if (!existsSync(path.join(ROOT, 'index.html')))
    throw new Error(`${ROOT}/index.html がありません。先に npm run build を実行してください。`);
  const server = await startStaticServer({ root: ROOT, basePath: '/sonae/' });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext(OFFICE_CONTEXT);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    // The stub hands the moment of the call to whoever waits for it.
    await page.addInitScript(() => {
      const w = window as unknown as { __onPrint?: (moment: PrintMoment) => void };
      window.print = () =>
        w.__onPrint?.({
          at: performance.now(),
          isReady: document.querySelector('[data-print-ready="true"]') !== null,
          sheets: document.querySelectorAll('.incident-sheet').length,
        });
    });
    await page.goto(server.url);
    await page.getByRole('button', { name: 'デモデータで試す' }).click();
    await page.getByRole('link', { name: /住民記録システム/ }).click();
    await page.getByRole('button', { name: PRINT_BUTTON }).waitFor();
    const outageUrl = page.url();

    /** Clicks 印刷 inside the page and resolves with the milliseconds until print(). */
    const clickToPrint = () =>
      page.evaluate(
        (name) =>
          new Promise<number>((resolve, reject) => {
            const w = window as unknown as { __onPrint?: (moment: PrintMoment) => void };
            const button = [...document.querySelectorAll('button')].find(
              (b) => b.textContent?.trim() === name,
            );
            if (!button) return reject(new Error(`no button ${name}`));
            const timer = setTimeout(() => reject(new Error('print() was not called')), 10_000);
            const started = performance.now();
            w.__onPrint = (moment) => {
              clearTimeout(timer);
              w.__onPrint = undefined;
              if (!moment.isReady || moment.sheets !== 5)
                reject(
                  new Error(`printed before the layout was complete: ${JSON.stringify(moment)}`),
                );
              else resolve(moment.at - started);
            };
            button.click();
          }),
        PRINT_BUTTON,
      );

    // After a page load: the app just opened on the outage screen (the first print of the day).
    const cold: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      await page.goto(outageUrl);
      await page.reload();
      await page.getByRole('button', { name: PRINT_BUTTON }).waitFor();
      cold.push(await clickToPrint());
    }
    // In a running app: back from the kit to the outage screen, then 印刷 again.
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      await page.getByRole('button', { name: '← 戻る' }).click();
      await page.getByRole('button', { name: PRINT_BUTTON }).waitFor();
      warm.push(await clickToPrint());
    }

    console.log(
      `障害時キット（住民記録システム、白紙の記録票5枚）/ Chromium ${browser.version()} / 中央値（${RUNS}回）`,
    );
    console.log(
      `  印刷クリック → window.print()（ページを開いた直後）: ${ms(median(cold))}  [${list(cold)}]`,
    );
    console.log(
      `  印刷クリック → window.print()（アプリ使用中）:     ${ms(median(warm))}  [${list(warm)}]`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
