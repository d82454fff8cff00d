import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { screenshot } from './browser.ts';
import {
  isA4Portrait,
  pagesOf,
  picture,
  putRow,
  readStationId,
  savePdf,
  squeeze,
} from './pdfHelpers.ts';
import {
  openDemoPrintApp,
  openOutageOf,
  openPrintRoute,
  type DemoPrintApp,
} from './demoPrintApp.ts';
import { createStoredRecord } from '../../src/domain/storedRecord.ts';
import type { ContactData } from '../../src/domain/contact.ts';
import { emptyContact } from '../../src/features/contacts/contactFormValues.ts';

// The report layouts in real Chromium: 障害報告書 (with a photo attached), 緊急連絡先一覧 and the
// wallet card, each reached from its 印刷 button, rendered to PDF and read back with poppler.
// SONAE_DOC_IMAGES=1 also writes the pictures in docs/images/ that the README shows.

let demo: DemoPrintApp;
let page: Page;
let incidentUrl: string;

beforeAll(async () => {
  demo = await openDemoPrintApp('reports');
  page = demo.page;
});

afterAll(async () => {
  await demo?.close();
});

/** Opens a layout by a fresh load with `auto=0` and renders it to PDF. */
async function renderLayout(hashPath: string, name: string) {
  await openPrintRoute(
    page,
    demo.app.server.url,
    `${hashPath}${hashPath.includes('?') ? '&' : '?'}auto=0`,
  );
  await screenshot(page, `${name}-screen`);
  const pdf = await savePdf(page, demo.folder, name);
  expect(isA4Portrait(pdf)).toBe(true);
  return { pdf, pages: pagesOf(pdf) };
}

describe('障害報告書', () => {
  it('records an incident with a photo of the screen and a call', async () => {
    const photo = await page.screenshot({ type: 'png' });
    await page.getByRole('link', { name: '障害記録', exact: true }).click();
    await page.getByRole('link', { name: '障害を記録する' }).click();
    await page.getByLabel('件名').fill('証明書発行画面でエラーが出る');
    await page.getByLabel('システム').selectOption({ label: '住民記録システム' });
    await page.getByLabel('エラーメッセージ').fill('E-PRT-0042 帳票サーバに接続できません');
    await page.getByLabel('ファイルを追加').setInputFiles([
      { name: '画面の写真.png', mimeType: 'image/png', buffer: photo },
      { name: 'メモ.txt', mimeType: 'text/plain', buffer: Buffer.from('メモ') },
    ]);
    await page.getByRole('button', { name: '画面の写真.pngを削除' }).waitFor();
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('保存しました。').waitFor();
    await page.getByRole('button', { name: 'ヘルプデスクに電話した（経過に記録）' }).click();
    await page.getByLabel('伝えた内容・回答').fill('調査中。30分以内に折り返す');
    await page.getByRole('button', { name: '内容を記録する' }).click();
    await page.getByRole('button', { name: '「対応中」にする' }).click();
    await page.getByText('状態を「対応中」にしました。').waitFor();
    incidentUrl = page.url();
  });

  it('prints from the incident once every thumbnail has loaded', async () => {
    const call = await demo.printFrom('障害報告書を印刷');
    expect(call.hash).toMatch(/^#\/print\/incident-report\//);
    expect(call).toMatchObject({ isReady: true, imagesLoaded: true, images: 1 });
    // No menu, no 「編集」 or 「← 障害記録の一覧」 on the print route.
    expect(await page.getByRole('navigation', { name: 'メインメニュー' }).count()).toBe(0);
    expect(await page.getByText('← 障害記録の一覧').count()).toBe(0);
    await page.getByRole('button', { name: '← 戻る' }).click();
    await page.getByRole('heading', { name: /証明書発行画面でエラーが出る/ }).waitFor();
  });

  it('prints the fields, the timeline and the photo on A4', async () => {
    const id = incidentUrl.split('#/incidents/')[1]!;
    const { pdf, pages } = await renderLayout(`/print/incident-report/${id}`, 'incident-report');
    picture(pdf, pages.length, demo.imageDir, 'print-incident-report-photo', { forReadme: false });
    const all = pages.join('\n');
    expect(pages[0]).toContain('架空市');
    expect(pages[0]).toContain('障害報告書');
    expect(pages[0]).toMatch(/印刷日時：\s*令和\d+年\d+月\d+日（20\d\d年）\s*\d+:\d\d/);
    expect(pages[0]).toMatch(/記録の版：\s*第\d+版/);
    for (const text of [
      '証明書発行画面でエラーが出る',
      '住民記録システム',
      'E-PRT-0042 帳票サーバに接続できません',
      '対応中',
      '経過・連絡の記録',
      '架空システムズ株式会社 ヘルプデスクに電話',
      '調査中。30分以内に折り返す',
      '状態を「発生」から「対応中」に変更',
      'メモ.txt',
    ])
      expect(squeeze(all)).toContain(squeeze(text));
    expect(pages[0]).toMatch(new RegExp(`1\\s*/\\s*${pages.length}`));
    // The photo is in the PDF as an image, not an empty box.
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' });
    expect(images.split('\n').filter((line) => /^\s*\d+\s+\d+\s+image/.test(line))).toHaveLength(1);
  });

  it('prints a closed demo incident with its attempts, cause and prevention', async () => {
    const id = await page.evaluate(async () => {
      const db = await window.openAppDatabase();
      const rows = await new Promise<{ id: string; status: string }[]>((resolve, reject) => {
        const request = db.transaction('incidents').objectStore('incidents').getAll();
        request.onerror = () => reject(request.error);
        request.onsuccess = () => resolve(request.result);
      });
      db.close();
      return rows.find((r) => r.status === 'closed')?.id;
    });
    expect(id).toBeDefined();
    const { pdf, pages } = await renderLayout(`/print/incident-report/${id}`, 'demo-report');
    picture(pdf, 1, demo.imageDir, 'print-incident-report');
    const all = squeeze(pages.join('\n'));
    for (const text of [
      '状態完了',
      '端末を再起動した改善しなかった',
      '再発防止策手順書に確認項目を追加した',
      'マニュアル更新更新済み（窓口マニュアル第4章を更新）',
      '状態を「完了」に変更',
    ])
      expect(all).toContain(text);
  });
});

function testContact(n: number): ContactData {
  const no = String(n).padStart(2, '0');
  return {
    ...emptyContact(),
    name: `試験担当${no}`,
    organization: '試験株式会社',
    kind: 'other',
    phones: [{ label: '代表', number: `0120-900-0${no}` }],
    notes: `C${no}A 障害時はまず代表番号にかけ、つながらないときは担当者の携帯に連絡する。契約内容は総務課の台帳で確認する。 C${no}Z`,
  };
}

describe('緊急連絡先一覧', () => {
  it('prints from the contact list', async () => {
    await page.goto(`${demo.app.server.url}#/contacts`);
    const call = await demo.printFrom('連絡先一覧を印刷');
    expect(call).toMatchObject({ hash: '#/print/contacts', isReady: true });
  });

  it('groups every contact by 区分 on A4, header repeated, no row cut across a page', async () => {
    const stationId = await readStationId(page);
    for (let n = 0; n < 30; n += 1)
      await putRow(
        page,
        'contacts',
        createStoredRecord('contact', testContact(n), stationId, new Date().toISOString()),
      );
    const { pdf, pages } = await renderLayout('/print/contacts', 'contacts');
    picture(pdf, 1, demo.imageDir, 'print-contacts');
    expect(pages.length).toBeGreaterThan(1);
    const first = pages[0]!;
    expect(first).toContain('緊急連絡先一覧');
    expect(first).toMatch(/区分:\s*情報システム担当/);
    expect(first).toMatch(
      /所属・名称\s+担当者\s+電話（時間内）\s+電話（時間外）\s+受付時間\s+契約番号\s+備考/,
    );
    const all = pages.join('\n');
    for (const text of ['0120-000-111', '090-0000-1111', 'KS-2024-00123', '080-0000-2345'])
      expect(all).toContain(text);
    expect(all.search(/区分:\s*情報システム担当/)).toBeLessThan(all.search(/区分:\s*ベンダー窓口/));
    const pageOf = (marker: string) => pages.findIndex((p) => p.includes(marker));
    const used = new Set<number>();
    for (let n = 0; n < 30; n += 1) {
      const no = String(n).padStart(2, '0');
      const start = pageOf(`C${no}A`);
      expect(start, `row ${no}`).toBeGreaterThanOrEqual(0);
      expect(pageOf(`C${no}Z`), `row ${no} ends on the page it starts`).toBe(start);
      used.add(start);
    }
    expect(used.size).toBeGreaterThan(1);
    // The table's header is printed again on the next page.
    expect(pages[pages.length - 1]).toMatch(/所属・名称\s+担当者/);
  });

  it('prints only one system’s contacts with ?system=', async () => {
    const systemId = await openOutageOf(page, demo.app.server.url, '住民記録システム');
    const { pages } = await renderLayout(`/print/contacts?system=${systemId}`, 'contacts-one');
    const all = pages.join('\n');
    expect(all).toMatch(/住民記録システム\s*緊急連絡先一覧/);
    expect(all).toContain('0120-000-111');
    expect(all).not.toContain('ネオ情報サービス');
    expect(all).not.toContain('試験担当');
  });
});

describe('携帯用カード', () => {
  it('prints from the contact list', async () => {
    await page.goto(`${demo.app.server.url}#/contacts`);
    const call = await demo.printFrom('携帯用カードを印刷');
    expect(call).toMatchObject({ hash: '#/print/wallet-card', isReady: true });
  });

  it('fits four 91 × 55 mm folding cards on one A4 page, no text under 7 pt', async () => {
    const { pdf, pages } = await renderLayout('/print/wallet-card', 'wallet-card');
    picture(pdf, 1, demo.imageDir, 'print-wallet-card');
    expect(pages).toHaveLength(1);
    const text = squeeze(pages[0]!);
    expect(text).toContain('携帯用緊急連絡先カード');
    for (const number of ['0000-11-2345', '080-0000-2345', '0120-000-111', '090-0000-1111'])
      expect(text.split(number).length - 1).toBe(4);
    expect(text).toMatch(/作成日令和\d+年\d+月\d+日（20\d\d年）/);
    const layout = await page.evaluate(() => {
      const mm = 96 / 25.4;
      const cards = [...document.querySelectorAll('.wallet-card')].map((card) => {
        const box = card.getBoundingClientRect();
        return { width: box.width / mm, height: box.height / mm };
      });
      const smallest = Math.min(
        ...[...document.querySelectorAll('.wallet-card *')]
          .filter((el) => el.textContent?.trim())
          .map((el) => parseFloat(getComputedStyle(el).fontSize) * 0.75),
      );
      const overflowing = [...document.querySelectorAll('.wallet-panel')].filter(
        (panel) => panel.scrollHeight > panel.clientHeight + 1,
      ).length;
      return { cards, smallest, overflowing };
    });
    expect(layout.cards).toHaveLength(4);
    for (const card of layout.cards) {
      expect(card.width).toBeCloseTo(182, 0);
      expect(card.height).toBeCloseTo(55, 0);
    }
    expect(layout.smallest).toBeGreaterThanOrEqual(6.99); // 7 pt, as px × 0.75 rounds
    expect(layout.overflowing).toBe(0);
  });

  it('left no console error, and asked nothing of any other origin', () => {
    expect(demo.app.watch.problems).toEqual([]);
    expect(demo.app.watch.foreignRequests).toEqual([]);
  });
});
