/**
 * Measures the incident log with 10,000 incidents in real Chromium: time to open the list
 * and time for each kind of filter to show its result. Prints figures; asserts nothing.
 * Run after a build: `npm run bench:incidents`.
 */
import { launchChromium } from '../tests/e2e/browser.ts';
import { startStaticServer } from './staticServer.ts';
import { generateDemoIncidents } from '../src/demo/demoMunicipality.ts';
import { createStoredRecord } from '../src/domain/storedRecord.ts';

const COUNT = Number(process.env.COUNT ?? 10_000);
const RUNS = 5;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function main() {
  const server = await startStaticServer({ root: 'dist', basePath: '/sonae/' });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(server.url);
    await page.getByRole('button', { name: 'デモデータで試す' }).click();
    await page.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();

    const { stationId, systemIds } = await page.evaluate(
      () =>
        new Promise<{ stationId: string; systemIds: string[] }>((resolve, reject) => {
          const open = indexedDB.open(`sonae:${location.pathname.toLowerCase()}`);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(['settings', 'systems', 'incidents'], 'readwrite');
            const station = tx.objectStore('settings').get('station');
            const systems = tx.objectStore('systems').getAllKeys();
            tx.objectStore('incidents').clear();
            tx.oncomplete = () => {
              open.result.close();
              resolve({
                stationId: station.result.value.id,
                systemIds: systems.result as string[],
              });
            };
          };
        }),
    );
    const at = new Date().toISOString();
    const records = generateDemoIncidents(COUNT, systemIds, { seed: 42, spanDays: 365 * 3 }).map(
      (data) => createStoredRecord('incident', data, stationId, at),
    );
    await page.evaluate(
      (rows) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(`sonae:${location.pathname.toLowerCase()}`);
          open.onsuccess = () => {
            const tx = open.result.transaction('incidents', 'readwrite');
            for (const row of rows) tx.objectStore('incidents').put(row);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      records,
    );

    const expectCount = `${COUNT}件`;

    // Cold open: a fresh page load straight into the list.
    const cold: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      await page.goto(`${server.url}#/settings`);
      await page.reload();
      await page.getByRole('heading', { name: '設定', level: 1 }).waitFor();
      const started = Date.now();
      await page.goto(`${server.url}#/incidents`);
      await page.locator('.incident-row').first().waitFor();
      await page.waitForFunction(
        (text) => document.querySelector('.result-count')?.textContent === text,
        expectCount,
      );
      cold.push(Date.now() - started);
    }
    // Warm open: from another screen of the running app (the usual case).
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      await page.getByRole('link', { name: '設定', exact: true }).click();
      await page.getByRole('heading', { name: '設定', level: 1 }).waitFor();
      const started = Date.now();
      await page.getByRole('link', { name: '障害記録', exact: true }).click();
      await page.waitForFunction(
        (text) => document.querySelector('.result-count')?.textContent === text,
        expectCount,
      );
      await page.locator('.incident-row').first().waitFor();
      warm.push(Date.now() - started);
    }

    // Filters: time from the input event to the count showing the new result, measured in the page.
    const filterTimes: Record<string, number[]> = {};
    const measureInPage = (selector: string, value: string) =>
      page.evaluate(
        ([sel, val]) =>
          new Promise<number>((resolve) => {
            const el = document.querySelector<HTMLInputElement | HTMLSelectElement>(sel!)!;
            const count = document.querySelector('.result-count')!;
            const before = count.textContent;
            const started = performance.now();
            const observer = new MutationObserver(() => {
              if (count.textContent !== before) {
                observer.disconnect();
                requestAnimationFrame(() => resolve(performance.now() - started));
              }
            });
            observer.observe(count, { childList: true, subtree: true, characterData: true });
            const setter = Object.getOwnPropertyDescriptor(
              Object.getPrototypeOf(el),
              'value',
            )!.set!;
            setter.call(el, val);
            el.dispatchEvent(
              new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
            );
          }),
        [selector, value],
      );
    const cases: [string, string, string][] = [
      ['キーワード「印刷」', '.filters input[type=search]', '印刷'],
      ['キーワード「ｅｒｒ－１０２」(全角)', '.filters input[type=search]', 'ｅｒｒ－１０２'],
      ['キーワード 2語「税 金額」', '.filters input[type=search]', '税 金額'],
      ['状態「未解決」', '.filters label:nth-of-type(2) select', 'open'],
    ];
    for (const [name, selector, value] of cases) {
      filterTimes[name] = [];
      for (let i = 0; i < RUNS; i += 1) {
        filterTimes[name].push(await measureInPage(selector, value));
        await page.getByRole('button', { name: '絞り込みを解除' }).click();
        await page.waitForFunction(
          (text) => document.querySelector('.result-count')?.textContent === text,
          expectCount,
        );
      }
    }

    // Scroll to the end of 10,000 rows: the virtual list renders only what is visible.
    const scroll = await page.evaluate(
      () =>
        new Promise<{ ms: number; rows: number }>((resolve) => {
          const box = document.querySelector('.virtual-scroll')!;
          const started = performance.now();
          box.scrollTop = box.scrollHeight;
          requestAnimationFrame(() =>
            requestAnimationFrame(() =>
              resolve({
                ms: performance.now() - started,
                rows: document.querySelectorAll('.incident-row').length,
              }),
            ),
          );
        }),
    );
    const heap = await page.evaluate(
      () =>
        (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory
          ?.usedJSHeapSize ?? 0,
    );

    console.log(
      `障害記録 ${COUNT.toLocaleString()}件 / Chromium ${browser.version()} / 中央値（${RUNS}回）`,
    );
    console.log(`  一覧を開く（ページ読み込みから）: ${ms(median(cold))}  [${cold.join(', ')}]`);
    console.log(`  一覧を開く（他の画面から移動）:   ${ms(median(warm))}  [${warm.join(', ')}]`);
    for (const [name, times] of Object.entries(filterTimes))
      console.log(
        `  絞り込み ${name}: ${ms(median(times))}  [${times.map((t) => t.toFixed(0)).join(', ')}]`,
      );
    console.log(`  末尾までスクロールして描画: ${ms(scroll.ms)}（描画している行 ${scroll.rows}）`);
    console.log(`  JS ヒープ使用量: ${(heap / 1024 / 1024).toFixed(1)} MB`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
