import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { captureDownloads } from '../downloadCapture.ts';
import { ReportsPage } from '../../src/features/reports/ReportsPage.tsx';
import { readFileBytes } from '../../src/features/exchange/download.ts';
import { createStoredRecord } from '../../src/domain/storedRecord.ts';
import { emptySystem } from '../../src/domain/system.ts';
import type { SonaeDatabase } from '../../src/db/database.ts';
import { id, incident } from '../unit/domain/reportFixtures.ts';

// 報告・集計 in jsdom over a real (fake-indexeddb) database: the filters, a chart against its
// table, the incidents behind a duration, and the 統計 export's checks.

let db: SonaeDatabase;

function Where() {
  const location = useLocation();
  return <output aria-label="URL">{`${location.pathname}${location.search}`}</output>;
}

function renderReports(path = '/reports') {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/reports" element={<ReportsPage />} />
        <Route path="/incidents/:id" element={<p>障害記録の詳細</p>} />
        <Route path="/print/monthly-report" element={<p>月次報告の印刷</p>} />
      </Routes>
      <Where />
    </MemoryRouter>,
  );
}

/** 「障害 N件」 under the filters. */
async function shownCount(): Promise<string> {
  const status = await screen.findByText(
    (_, el) => el?.tagName === 'P' && /障害\s*\d+件$/.test(el.textContent ?? ''),
  );
  return status.textContent!.replace(/.*障害\s*/, '');
}

const nov = (day: number, hour = 10) =>
  `2026-11-${String(day).padStart(2, '0')}T${String(hour - 9).padStart(2, '0')}:00:00Z`;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-20T12:00:00+09:00'));
  db = (await freshDatabaseWithStation()).db;
  const at = new Date().toISOString();
  await db
    .recordTable('system')
    .bulkPut([
      createStoredRecord('system', { ...emptySystem(), name: '住民記録システム' }, 'st', at, id(1)),
      createStoredRecord('system', { ...emptySystem(), name: '税務システム' }, 'st', at, id(2)),
    ]);
  await db.recordTable('incident').bulkPut([
    incident({ occurredAt: nov(2), department: '市民課', title: '住民票が出ない' }, [
      ['provisional', 0],
    ]),
    incident({ occurredAt: nov(3), department: '市民課', errorMessage: 'ERR-102' }),
    incident({
      occurredAt: nov(4),
      department: '税務課',
      systemId: id(2),
      errorMessage: 'ERR-102',
    }),
    incident({ occurredAt: '2026-10-15T01:00:00Z', department: '市民課' }),
  ]);
  // The provisional fix of the first one came 90 minutes after it occurred.
  const first = (await db.recordTable('incident').toArray()).find(
    (i) => i.title === '住民票が出ない',
  )!;
  await db.recordTable('incident').put({
    ...first,
    status: 'provisional',
    timeline: [{ ...first.timeline[0]!, at: '2026-11-02T02:30:00Z' }],
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('報告・集計 filters', () => {
  it('opens on this month (Tokyo) for every department', async () => {
    renderReports();
    expect(await shownCount()).toBe('3件');
    expect(screen.getByLabelText('期間')).toHaveValue('this');
    expect(screen.getByText(/2026年11月1日〜11月30日・すべての部署/)).toBeInTheDocument();
  });

  it('switches to last month and keeps the choice in the URL', async () => {
    renderReports();
    await shownCount();
    await userEvent.selectOptions(screen.getByLabelText('期間'), '先月');
    await waitFor(async () => expect(await shownCount()).toBe('1件'));
    expect(screen.getByLabelText('URL')).toHaveTextContent('/reports?period=last');
  });

  it('narrows to one department, listing the departments typed into incidents', async () => {
    renderReports();
    await shownCount();
    const department = screen.getByLabelText('部署');
    expect(
      within(department)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['すべての部署', '市民課', '税務課']);
    await userEvent.selectOptions(department, '税務課');
    await waitFor(async () => expect(await shownCount()).toBe('1件'));
  });

  it('offers drills only once an incident is one, and leaves them out by default', async () => {
    renderReports();
    await shownCount();
    expect(screen.queryByLabelText('訓練の障害も含める')).toBeNull();
    await db.recordTable('incident').put({ ...incident({ occurredAt: nov(5) }), drillId: id(900) });
    const drills = await screen.findByLabelText('訓練の障害も含める');
    expect(await shownCount()).toBe('3件');
    await userEvent.click(drills);
    await waitFor(async () => expect(await shownCount()).toBe('4件'));
    expect(screen.getByLabelText('URL')).toHaveTextContent('/reports?drills=1');
  });

  it('refuses a typed period that ends before it starts and keeps the figures', async () => {
    renderReports();
    await shownCount();
    await userEvent.selectOptions(screen.getByLabelText('期間'), '期間を指定');
    await userEvent.clear(screen.getByLabelText('開始日'));
    await userEvent.type(screen.getByLabelText('開始日'), '2026-11-30');
    await userEvent.clear(screen.getByLabelText('終了日'));
    await userEvent.type(screen.getByLabelText('終了日'), '2026-10-01');
    await userEvent.click(screen.getByRole('button', { name: 'この期間で集計' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '開始日が終了日より後になっています。',
    );
    expect(await shownCount()).toBe('3件');
    expect(screen.getByLabelText('URL')).toHaveTextContent(/^\/reports$/);

    await userEvent.clear(screen.getByLabelText('開始日'));
    await userEvent.type(screen.getByLabelText('開始日'), '2026-10-01');
    await userEvent.clear(screen.getByLabelText('終了日'));
    await userEvent.type(screen.getByLabelText('終了日'), '2026-11-30');
    await userEvent.click(screen.getByRole('button', { name: 'この期間で集計' }));
    await waitFor(async () => expect(await shownCount()).toBe('4件'));
    expect(screen.getByLabelText('URL')).toHaveTextContent(
      'period=custom&from=2026-10-01&to=2026-11-30',
    );
  });
});

describe('報告・集計 figures', () => {
  it('draws each chart with the same numbers as the table beside it', async () => {
    renderReports();
    const section = await screen.findByRole('region', { name: 'システム別' });
    const chart = await within(section).findByRole('img', { name: /システム別のグラフ/ });
    const labels = [...chart.querySelectorAll('g[aria-label="y-axis tick label"] text')].map(
      (t) => t.textContent,
    );
    const counts = [...chart.querySelectorAll('g.report-chart-count text')].map(
      (t) => t.textContent,
    );
    const rows = within(section)
      .getAllByRole('row')
      .slice(1, -1)
      .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['住民記録システム', '2'],
      ['税務システム', '1'],
    ]);
    expect(labels).toEqual(rows.map((r) => r[0]));
    expect(counts).toEqual(rows.map((r) => r[1]));
    // The CSP forbids inline <style>: Plot's is gone.
    expect(chart.querySelector('style')).toBeNull();
  });

  it('writes a table as CSV for Excel: BOM, CRLF, the same rows and the total', async () => {
    const saved = captureDownloads();
    renderReports();
    const section = await screen.findByRole('region', { name: 'システム別' });
    await userEvent.click(
      within(section).getByRole('button', { name: '「システム別」をCSVで書き出す' }),
    );
    expect(saved.map((f) => f.fileName)).toEqual(['報告_システム別_2026-11-01_2026-11-30.csv']);
    const bytes = await readFileBytes(saved[0]!.blob);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(
      '\uFEFFシステム,件数\r\n住民記録システム,2\r\n税務システム,1\r\n合計,3\r\n',
    );
  });

  it('lists the incidents behind a duration, each one click away', async () => {
    renderReports();
    const section = await screen.findByRole('region', { name: '発生からの所要時間' });
    const recovered = within(section).getByRole('row', { name: /暫定復旧まで/ });
    expect(
      within(recovered)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1', '1時間30分', '1時間30分', '0']);
    const summary = within(section).getByText(/暫定復旧までの時間の元になった障害（1件）/);
    await userEvent.click(summary);
    await userEvent.click(
      within(summary.closest('details')!).getByRole('link', { name: '住民票が出ない' }),
    );
    expect(await screen.findByText('障害記録の詳細')).toBeInTheDocument();
  });
});

describe('統計 export', () => {
  it('refuses a threshold out of range with a message and writes nothing', async () => {
    const saved = captureDownloads();
    renderReports();
    const section = await screen.findByRole('region', { name: '統計データ（オープンデータ用）' });
    const threshold = within(section).getByLabelText(/秘匿の基準/);
    await userEvent.clear(threshold);
    await userEvent.type(threshold, '1');
    await userEvent.click(within(section).getByRole('button', { name: '書き出す内容を確認' }));
    expect(within(section).getByRole('alert')).toHaveTextContent(
      '秘匿の基準は2から50までの整数で入力してください。',
    );
    expect(within(section).queryByRole('button', { name: /統計データをCSVで書き出す/ })).toBeNull();
    expect(saved).toHaveLength(0);
  });

  it('shows exactly which columns leave the PC before writing', async () => {
    const saved = captureDownloads();
    renderReports();
    const section = await screen.findByRole('region', { name: '統計データ（オープンデータ用）' });
    await userEvent.click(within(section).getByRole('button', { name: '書き出す内容を確認' }));
    const review = within(section).getByRole('group', { name: '書き出す内容' });
    const columns = within(review).getByRole('table', { name: '書き出す列' });
    expect(
      within(columns)
        .getAllByRole('rowheader')
        .map((h) => h.textContent)
        .slice(0, 5),
    ).toEqual(['月', '区分', '項目', '件数', '秘匿']);
    expect(review).toHaveTextContent(/氏名、電話番号、端末名/);
    await userEvent.click(
      within(review).getByRole('button', { name: '統計データをCSVで書き出す' }),
    );
    expect(saved.map((f) => f.fileName)).toEqual(['統計データ_2026-11-01_2026-11-30.csv']);
    const text = new TextDecoder().decode(await readFileBytes(saved[0]!.blob));
    expect(text.split('\r\n')[0]).toBe('月,区分,項目,件数,秘匿');
    expect(text).not.toContain('住民票が出ない');
  });
});
