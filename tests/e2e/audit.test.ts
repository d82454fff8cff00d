import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { downloadedBytes, screenshot } from './browser.ts';
import { openDemoPrintApp, type DemoPrintApp } from './demoPrintApp.ts';
import { auditEntryFieldLabels } from '../../src/domain/audit.ts';

// 操作履歴 in real Chromium: what leaves the PC (a contacts CSV, a printed contact list, the
// binder.html copy) is found on #/audit by kind; the trail's own CSV reads back for Excel and its
// hashes are those of the files written; and a trail of 50,000 entries stays quick to filter.

let demo: DemoPrintApp;
let page: Page;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const written: {
  contactsCsv?: { name: string; hash: string };
  binder?: { name: string; hash: string };
} = {};

beforeAll(async () => {
  demo = await openDemoPrintApp('audit');
  page = demo.page;
  // Chromium's own print() fires beforeprint and afterprint around the dialog: so does the stub.
  await page.addInitScript(() => {
    const stub = window.print.bind(window);
    window.print = () => {
      window.dispatchEvent(new Event('beforeprint'));
      stub();
      window.dispatchEvent(new Event('afterprint'));
    };
  });
  await page.reload();
  await page.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
});

afterAll(async () => {
  await demo?.close();
});

const menu = (name: string) =>
  page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name, exact: true });
const rows = () => page.getByRole('table').getByRole('row');

async function download(trigger: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger()]);
  return { name: file.suggestedFilename(), bytes: await downloadedBytes(file) };
}

describe('持ち出し記録', () => {
  it('exports the contacts as CSV', async () => {
    await menu('連絡先').click();
    await page.getByRole('button', { name: 'CSVで書き出す' }).click();
    const file = await download(() =>
      page.getByRole('alertdialog').getByRole('button', { name: '書き出す' }).click(),
    );
    expect(file.name).toMatch(/^連絡先_\d{8}\.csv$/);
    written.contactsCsv = { name: file.name, hash: sha256(file.bytes) };
  });

  it('prints the contact list', async () => {
    const call = await demo.printFrom('連絡先一覧を印刷');
    expect(call.hash).toBe('#/print/contacts');
    await page.getByRole('button', { name: '← 戻る' }).click();
  });

  it('saves the binder.html copy', async () => {
    await menu('代替手順').click();
    await page.getByRole('button', { name: '緊急用の閲覧コピー（HTML）を保存' }).click();
    const file = await download(() => page.getByRole('button', { name: '保存する' }).click());
    expect(file.name).toMatch(/^緊急時バインダー_架空市_\d{8}\.html$/);
    written.binder = { name: file.name, hash: sha256(file.bytes) };
    await page.getByText(/を保存しました。/).waitFor();
  });

  it('finds each of them on 操作履歴 by kind', async () => {
    await menu('設定').click();
    await page
      .getByRole('link', { name: 'すべての操作履歴を見る・絞り込む・CSVで書き出す' })
      .click();
    await page.getByRole('heading', { name: '操作履歴', level: 1 }).waitFor();
    const kind = page.getByLabel('操作の種類');

    await kind.selectOption({ label: '書き出し' });
    await expect.poll(() => page.url()).toContain('action=export');
    await rows()
      .filter({ hasText: `「${written.binder!.name}」` })
      .waitFor();
    const csvRow = rows().filter({ hasText: `CSVファイル「${written.contactsCsv!.name}」` });
    await csvRow.waitFor();
    expect(await csvRow.textContent()).toMatch(/連絡先 \d+件/);
    await expect.poll(() => rows().count()).toBe(3); // header, binder, CSV

    await kind.selectOption({ label: '印刷' });
    await rows().filter({ hasText: '「緊急連絡先一覧」を印刷' }).waitFor();
    await expect.poll(() => rows().count()).toBe(2);
    await screenshot(page, 'audit-prints');

    await kind.selectOption({ label: 'すべて' });
    await page.getByRole('searchbox', { name: 'キーワード' }).fill('csv 連絡先');
    await expect.poll(() => rows().count()).toBe(2);
    await page.getByRole('button', { name: '絞り込みを解除' }).click();
    // Station set-up, its signing key, demo data, and the three above.
    await expect.poll(() => rows().count()).toBe(7);
    await screenshot(page, 'audit-all', true);
  });

  it('exports the trail as CSV for Excel: BOM, CRLF, its own labels, the files hashes', async () => {
    await page.getByLabel('操作の種類').selectOption({ label: '書き出し' });
    await expect.poll(() => rows().count()).toBe(3);
    await page.getByRole('button', { name: 'CSVで書き出す' }).click();
    const notice = page.getByRole('alertdialog');
    await notice.getByText('絞り込んだ操作履歴 2件をCSVファイルに書き出します').waitFor();
    await notice.getByText('個人情報が含まれます', { exact: false }).waitFor();
    const file = await download(() => notice.getByRole('button', { name: '書き出す' }).click());
    expect(file.name).toMatch(/^操作履歴_\d{8}\.csv$/);
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.bytes.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
    const [header, ...lines] = text.split('\r\n').filter(Boolean);
    expect(header).toBe(Object.values(auditEntryFieldLabels).join(','));
    expect(lines).toHaveLength(2);
    const binderLine = lines.find((l) => l.includes(written.binder!.name))!;
    const csvLine = lines.find((l) => l.includes(written.contactsCsv!.name))!;
    expect(binderLine.endsWith(`,${written.binder!.hash}`)).toBe(true);
    expect(csvLine.endsWith(`,${written.contactsCsv!.hash}`)).toBe(true);
    expect(csvLine).toContain(',書き出し,,');
    expect(csvLine).toContain(',架空市 ');

    // That export is itself in the trail.
    await rows()
      .filter({ hasText: `CSVファイル「${file.name}」を書き出し` })
      .waitFor();
    expect(demo.app.watch.problems).toEqual([]);
    expect(demo.app.watch.foreignRequests).toEqual([]);
  });
});

/** Milliseconds from `act` until `done` resolves. */
async function timed(act: () => Promise<unknown>, done: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await act();
  await done();
  return Math.round(performance.now() - start);
}

describe('a trail of 50,000 entries', () => {
  const COUNT = 50_000;

  beforeAll(async () => {
    // Written around Dexie (as a long-used station would hold them), then a fresh load.
    await page.evaluate(async (count) => {
      const db = await window.openAppDatabase();
      const stationId = '11111111-2222-4333-8444-555555555555';
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('audit', 'readwrite');
        const store = tx.objectStore('audit');
        const start = Date.parse('2025-01-01T00:00:00Z');
        for (let i = 0; i < count; i++) {
          const isExport = i % 1000 === 0;
          store.add({
            at: new Date(start + i * 600_000).toISOString(),
            stationId,
            actor: i % 3 ? '山田 花子' : '佐藤 一郎',
            action: isExport ? 'export' : 'update',
            recordType: isExport ? null : 'contact',
            recordId: null,
            rev: null,
            summary: isExport
              ? `CSVファイル「大量_${i}.csv」を書き出し`
              : `連絡先「窓口${i}」を更新`,
          });
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, COUNT);
  }, 120_000);

  it('opens, filters, searches and pages quickly', async () => {
    const firstRow = () => rows().nth(1);
    const figures: Record<string, number> = {};
    figures.open = await timed(
      () => page.goto(`${demo.app.server.url}#/audit`).then(() => page.reload()),
      () => page.getByText(/^該当 50,00\d件/).waitFor(),
    );
    await expect.poll(() => rows().count()).toBe(51);
    figures.kind = await timed(
      () => page.getByLabel('操作の種類').selectOption({ label: '書き出し' }),
      () => page.getByText('該当 53件（新しい順に 1〜50件目）').waitFor(),
    );
    figures.olderPage = await timed(
      () => page.getByRole('button', { name: '古い50件 →' }).click(),
      () => page.getByText('該当 53件（新しい順に 51〜53件目）').waitFor(),
    );
    await page.getByLabel('操作の種類').selectOption({ label: 'すべて' });
    // Words no index holds: every entry is read.
    const box = page.getByRole('searchbox', { name: 'キーワード' });
    figures.search = await timed(
      () => box.fill('窓口4999'),
      () => page.getByText('該当 11件（新しい順に 1〜11件目）').waitFor(),
    );
    expect(await firstRow().textContent()).toContain('連絡先「窓口49999」を更新');
    // Typed key by key while those reads run: nothing may be lost.
    await box.clear();
    await box.pressSequentially('窓口4999', { delay: 20 });
    expect(await box.inputValue()).toBe('窓口4999');
    await page.getByText('該当 11件（新しい順に 1〜11件目）').waitFor();
    await expect.poll(() => page.url()).toContain('q=%E7%AA%93%E5%8F%A34999');
    figures.period = await timed(
      async () => {
        await box.clear();
        await page.getByLabel('期間（から）').fill('2025-03-01');
        await page.getByLabel('期間（まで）').fill('2025-03-01');
      },
      () => page.getByText('該当 144件（新しい順に 1〜50件目）').waitFor(),
    );
    console.log(`audit trail of ${COUNT} entries, ms:`, figures);
    await screenshot(page, 'audit-50k');
    for (const ms of Object.values(figures)) expect(ms).toBeLessThan(5000);
    expect(demo.app.watch.problems).toEqual([]);
  });
});
