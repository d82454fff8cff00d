import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { downloadedBytes, screenshot } from './browser.ts';
import { isA4Portrait, pagesOf, picture, renderPage, savePdf, squeeze } from './pdfHelpers.ts';
import { openDemoPrintApp, type DemoPrintApp } from './demoPrintApp.ts';
import { incidentStatusLabels, type IncidentStatus } from '../../src/domain/incidentStatus.ts';

// 報告・集計 in real Chromium over the demo municipality: the screen's counts against counts made
// here from the IndexedDB rows, a chart against its table, the 統計 files against every free-text
// field of the demo data, and the 月次報告 on A4 paper.

let demo: DemoPrintApp;
let page: Page;

interface Row {
  id: string;
  rev: string;
  deleted?: boolean;
  systemId: string;
  occurredAt: string;
  status: string;
  level: number | null;
  [field: string]: unknown;
}

/** Every row of a store, read around the app (its own code is not what is being checked). */
function readStore(store: string): Promise<Row[]> {
  return page.evaluate(async (name) => {
    const db = await window.openAppDatabase();
    const rows = await new Promise<Row[]>((resolve, reject) => {
      const request = db.transaction(name).objectStore(name).getAll();
      request.onerror = () => reject(request.error);
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return rows;
  }, store);
}

/** A Tokyo calendar date, YYYY-MM-DD, computed here with Intl (not with the app's code). */
const tokyoDay = (ms: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date(ms));

/** The body rows of a section's table: [row header, …cells]. */
async function tableRows(section: Locator): Promise<string[][]> {
  return section
    .locator('table tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent ?? '')),
    );
}

function tally(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

const section = (name: string) => page.getByRole('region', { name, exact: true });

let incidents: Row[];
let from: string;
let to: string;

beforeAll(async () => {
  demo = await openDemoPrintApp('reports-screen');
  page = demo.page;
  incidents = (await readStore('incidents')).filter((i) => !i.deleted);
  // Every demo incident is within the last 180 days.
  to = tokyoDay(Date.now());
  from = tokyoDay(Date.now() - 200 * 86_400_000);
});

afterAll(async () => {
  await demo?.close();
});

describe('報告・集計', () => {
  it('loads the chart library only when the reports screen opens', async () => {
    const scriptsWithPlot = () =>
      page.evaluate(async () => {
        const urls = performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((u) => u.endsWith('.js'));
        const bodies = await Promise.all(urls.map((u) => fetch(u).then((r) => r.text())));
        return urls.filter((_, i) => bodies[i]!.includes('--plot-background'));
      });
    expect(await scriptsWithPlot()).toEqual([]);
    await page.getByRole('link', { name: '報告・集計', exact: true }).click();
    await page.getByRole('heading', { name: '報告・集計', level: 1 }).waitFor();
    await section('システム別').getByRole('img').waitFor();
    expect(await scriptsWithPlot()).toHaveLength(1);
  });

  it('counts this month like the IndexedDB rows say', async () => {
    const month = to.slice(0, 7);
    const expected = incidents.filter((i) => tokyoDay(Date.parse(i.occurredAt)).startsWith(month));
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '障害' }).first().textContent())
      .toMatch(new RegExp(`障害\\s*${expected.length}件$`));
  });

  it('counts a custom period by system, level, status and month like the rows say', async () => {
    await page.getByLabel('期間').selectOption({ label: '期間を指定' });
    await page.getByLabel('開始日').fill(from);
    await page.getByLabel('終了日').fill(to);
    await page.getByRole('button', { name: 'この期間で集計' }).click();
    await page.waitForURL(/period=custom/);
    const systems = new Map((await readStore('systems')).map((s) => [s.id, s.name as string]));
    const inPeriod = incidents.filter((i) => {
      const day = tokyoDay(Date.parse(i.occurredAt));
      return day >= from && day <= to;
    });
    expect(inPeriod).toHaveLength(incidents.length);
    const nonZero = (rows: string[][]) =>
      Object.fromEntries(rows.filter(([, n]) => n !== '0').map(([k, n]) => [k, Number(n)]));
    await expect
      .poll(async () => nonZero(await tableRows(section('システム別'))))
      .toEqual(tally(inPeriod.map((i) => systems.get(i.systemId)!)));
    expect(nonZero(await tableRows(section('レベル別')))).toEqual(
      tally(inPeriod.map((i) => (i.level === null ? '未設定' : `レベル${i.level}`))),
    );
    expect(nonZero(await tableRows(section('状態別')))).toEqual(
      tally(inPeriod.map((i) => incidentStatusLabels[i.status as IncidentStatus])),
    );
    const byMonth = tally(
      inPeriod.map((i) => {
        const [y, m] = tokyoDay(Date.parse(i.occurredAt)).split('-');
        return `${y}年${Number(m)}月`;
      }),
    );
    expect(nonZero(await tableRows(section('月別')))).toEqual(byMonth);
    // The demo's timelines reach 暫定復旧 60 minutes after the occurrence.
    const recovered = inPeriod.filter((i) =>
      ['provisional', 'resolved', 'closed'].includes(i.status),
    );
    const durations = await tableRows(section('発生からの所要時間'));
    expect(durations[1]).toEqual(['暫定復旧まで', String(recovered.length), '1時間', '1時間', '0']);
  });

  it('draws each chart with the numbers of its table', async () => {
    for (const [name, axis] of [
      ['システム別', 'y-axis tick label'],
      ['月別', 'x-axis tick label'],
    ] as const) {
      const chart = section(name).getByRole('img', { name: new RegExp(`${name}のグラフ`) });
      const labels = await chart
        .locator(`g[aria-label="${axis}"] text`)
        .evaluateAll((t) => t.map((e) => e.textContent));
      const counts = await chart
        .locator('g.report-chart-count text')
        .evaluateAll((t) => t.map((e) => e.textContent));
      // Every row, zeros included: a bar of 0 is labelled 0.
      const rows = await tableRows(section(name));
      expect(labels).toEqual(rows.map(([k]) => k));
      expect(counts).toEqual(rows.map(([, n]) => n));
    }
    await screenshot(page, 'reports-screen', true);
  });

  it('writes 統計 files that hold no string from any free-text field of the demo data', async () => {
    const stats = section('統計データ（オープンデータ用）');
    await stats.getByRole('button', { name: '書き出す内容を確認' }).click();
    await expect
      .poll(() =>
        stats.getByRole('table', { name: '書き出す列' }).locator('tbody th').allTextContents(),
      )
      .toEqual(expect.arrayContaining(['月', '区分', '項目', '件数', '秘匿']));
    await screenshot(page, 'reports-statistics-review');
    const files: Record<string, string> = {};
    for (const kind of ['CSV', 'JSON']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        stats.getByRole('button', { name: `統計データを${kind}で書き出す` }).click(),
      ]);
      files[kind] = (await downloadedBytes(download)).toString('utf8');
    }
    expect(files.CSV!.startsWith('\uFEFF月,区分,項目,件数,秘匿\r\n')).toBe(true);
    expect(JSON.parse(files.JSON!).cells.length).toBeGreaterThan(0);
    const freeText = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value === 'string' && value.trim()) freeText.add(value.trim());
      else if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    for (const i of incidents)
      for (const field of [
        'id',
        'rev',
        'title',
        'reporterName',
        'department',
        'terminal',
        'screen',
        'operation',
        'symptoms',
        'errorMessage',
        'othersAffected',
        'residentImpact',
        'cause',
        'countermeasure',
        'recurrencePrevention',
        'manualUpdateNote',
        'attempts',
        'contactsMade',
        'timeline',
        'systemName',
      ])
        collect(i[field]);
    // Timestamps and enum values inside the lists are not free text.
    const texts = [...freeText].filter(
      (t) =>
        !/^\d{4}-\d\d-\d\dT/.test(t) &&
        !(
          t in
          {
            phone: 1,
            email: 1,
            visit: 1,
            other: 1,
            occurred: 1,
            reported: 1,
            inProgress: 1,
            provisional: 1,
            resolved: 1,
            closed: 1,
          }
        ),
    );
    expect(texts.length).toBeGreaterThan(20);
    for (const file of Object.values(files))
      for (const text of texts) expect(file, text).not.toContain(text);
  });

  it('prints the 月次報告 on A4 from its 印刷 button', async () => {
    await page.getByLabel('期間').selectOption({ label: '今月' });
    await page.waitForURL(/#\/reports$/);
    const call = await demo.printFrom('月次報告を印刷');
    expect(call.hash).toMatch(/^#\/print\/monthly-report\?month=\d{4}-\d{2}$/);
    expect(call.isReady).toBe(true);
    await screenshot(page, 'reports-monthly-screen');
    const pdf = await savePdf(page, demo.folder, 'monthly-report');
    expect(isA4Portrait(pdf)).toBe(true);
    const pages = pagesOf(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(squeeze(pages[0]!)).toContain('障害対応月次報告');
    expect(squeeze(pages[0]!)).toContain('架空市');
    const all = squeeze(pages.join('\n'));
    for (const text of [
      '1.概要',
      'システム別',
      '発生からの所要時間',
      '障害の一覧',
      '復旧までの時間',
    ])
      expect(all).toContain(text);
    picture(pdf, 1, demo.imageDir, 'print-monthly-report-cover', { forReadme: false });
    picture(pdf, 2, demo.imageDir, 'print-monthly-report', { forReadme: false });
    // Sharper pages to read when looking at the screenshots.
    if (process.env.SONAE_SCREENSHOTS)
      for (let n = 2; n <= pages.length; n++)
        renderPage(pdf, n, demo.imageDir, `print-monthly-report-sharp${n}`, 110);
  });

  it('logged no console error and asked nothing of another origin (Plot’s <style> is removed)', () => {
    expect(demo.app.watch.problems).toEqual([]);
    expect(demo.app.watch.foreignRequests).toEqual([]);
  });
});
