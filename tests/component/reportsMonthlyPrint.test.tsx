import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { expectNothingPrinted, renderPrintRoute, stubWindowPrint } from './printRouteHarness.tsx';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { MonthlyReportPage } from '../../src/print/MonthlyReportPage.tsx';
import { createStoredRecord } from '../../src/domain/storedRecord.ts';
import { emptySystem } from '../../src/domain/system.ts';
import type { Station } from '../../src/domain/station.ts';
import { id, incident } from '../unit/domain/reportFixtures.ts';

// The 月次報告 print route: the month's figures on A4 through PrintPage, printed once by itself;
// a month that cannot be read prints nothing.

let station: Station;
let print: ReturnType<typeof stubWindowPrint>;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-03T10:00:00+09:00'));
  print = stubWindowPrint();
  const fresh = await freshDatabaseWithStation();
  station = fresh.station;
  const at = new Date().toISOString();
  await fresh.db
    .recordTable('system')
    .put(
      createStoredRecord('system', { ...emptySystem(), name: '住民記録システム' }, 'st', at, id(1)),
    );
  await fresh.db
    .recordTable('incident')
    .bulkPut([
      incident({ title: '転入届の登録でエラー', occurredAt: '2026-11-10T00:00:00Z', level: 3 }, [
        ['provisional', 125],
      ]),
      incident({ title: '証明書が印刷できない', occurredAt: '2026-11-20T00:00:00Z', level: 2 }),
      incident({ title: '先月の障害', occurredAt: '2026-10-20T00:00:00Z', level: 1 }),
    ]);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function renderMonthly(query: string) {
  return renderPrintRoute(`/print/monthly-report${query}`, {
    '/print/monthly-report': <MonthlyReportPage station={station} />,
  });
}

describe('月次報告', () => {
  it('prints the month once: cover, summary, charts with tables, and the incident list', async () => {
    renderMonthly('?month=2026-11');
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    const cover = screen.getByRole('region', { name: '表紙' });
    expect(cover).toHaveTextContent('障害対応 月次報告');
    expect(cover).toHaveTextContent('令和8年11月（2026年）');
    expect(cover).toHaveTextContent('全部署');
    const summary = screen.getByRole('region', { name: '概要' });
    expect(summary).toHaveTextContent('障害の件数2件');
    expect(summary).toHaveTextContent('そのうち未解決2件');
    expect(summary).toHaveTextContent('最も高いレベルレベル3（1件）');
    expect(screen.getByRole('img', { name: /システム別のグラフ/ })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /月別（直近6か月）のグラフ/ })).toBeInTheDocument();
    const list = screen.getByRole('region', { name: '障害の一覧（2件）' });
    const rows = within(list).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent))).toEqual([
      [
        '11月10日 9:00',
        '転入届の登録でエラー',
        '住民記録システム',
        'レベル3',
        '暫定復旧',
        '2時間5分',
      ],
      ['11月20日 9:00', '証明書が印刷できない', '住民記録システム', 'レベル2', '発生', '未復旧'],
    ]);
    expect(document.title).toBe('障害対応 月次報告（2026年11月） — 備え');
  });

  it('says plainly when the month cannot be read, and prints nothing', async () => {
    renderMonthly('?month=2026-13');
    await expectNothingPrinted(print, /印刷する月の指定が正しくありません/);
  });
});
