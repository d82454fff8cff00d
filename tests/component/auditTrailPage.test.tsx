import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation, useNavigate } from 'react-router';
import { AuditTrailPage } from '../../src/features/audit/AuditTrailPage.tsx';
import { AuditTrailSection } from '../../src/features/settings/AuditTrailSection.tsx';
import { deleteRecord, saveRecord } from '../../src/db/records.ts';
import { recordDataRelease } from '../../src/db/dataRelease.ts';
import { emptySystem } from '../../src/domain/system.ts';
import { emptyContact } from '../../src/features/contacts/contactFormValues.ts';
import { readFileBytes } from '../../src/features/exchange/download.ts';
import type { AuditEntry } from '../../src/domain/audit.ts';
import type { SonaeDatabase } from '../../src/db/database.ts';
import { captureDownloads } from '../downloadCapture.ts';
import { freshDatabaseWithStation } from '../testDatabase.ts';

// 操作履歴 (#/audit): each filter narrows the rows and stays in the URL, typed text is never lost,
// rows open their records, pages of 50, and the filtered rows leave as a CSV that is recorded.

let db: SonaeDatabase;
let contactId = '';

function old(fields: Partial<AuditEntry>): AuditEntry {
  return {
    at: '2020-03-31T15:30:00.000Z', // 2020/04/01 00:30 in Tokyo
    stationId: '11111111-2222-4333-8444-555555555555',
    actor: '佐藤 一郎',
    action: 'update',
    recordType: 'contact',
    recordId: '0b6c1f1e-3f0a-4c57-9a55-0d1a2b3c4d5e',
    rev: null,
    summary: '連絡先「旧窓口」を更新',
    ...fields,
  };
}

beforeEach(async () => {
  ({ db } = await freshDatabaseWithStation());
  await db.audit.clear();
  await db.audit.bulkAdd([
    old({ at: '2020-03-31T14:30:00.000Z', summary: '連絡先「三月の窓口」を更新' }), // 3/31 23:30 JST
    old({}),
  ]);
  contactId = (await saveRecord('contact', { ...emptyContact(), name: 'ヘルプデスク' })).id;
  const system = await saveRecord('system', { ...emptySystem(), name: '旧システム' });
  await deleteRecord('system', system.id);
  await recordDataRelease({
    kind: 'csv',
    name: '連絡先_20261129.csv',
    what: '連絡先 1件',
    count: 1,
  });
  await recordDataRelease({ kind: 'print', name: '緊急連絡先一覧' });
});
afterEach(() => vi.restoreAllMocks());

/** Every query the URL held, in order: a filter put back after a link replaced it shows here. */
let urlsSeen: string[] = [];

/** The URL's query, and a link another screen could follow. */
function Query() {
  const location = useLocation();
  const navigate = useNavigate();
  if (urlsSeen.at(-1) !== location.search) urlsSeen.push(location.search);
  return (
    <>
      <output aria-label="URL">{decodeURIComponent(location.search)}</output>
      <button type="button" onClick={() => navigate('/audit?action=delete')}>
        別のリンクを開く
      </button>
    </>
  );
}

function renderPage(path = '/audit') {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Query />
      <Routes>
        <Route path="/audit" element={<AuditTrailPage />} />
        <Route path="/contacts/:id" element={<p>連絡先のページ</p>} />
      </Routes>
    </MemoryRouter>,
  );
}

const url = () => screen.getByLabelText('URL');
const count = () => screen.getByText(/該当|数えています/, { selector: '.result-count' });
// By selector, not role: role queries over 50 rows take long enough in jsdom to stall the page.
const summaries = () =>
  [...document.querySelectorAll('tbody tr')].map((row) => row.children[2]!.textContent);
const box = (name: string) => screen.getByRole<HTMLInputElement>('searchbox', { name });

async function expectRows(expected: string[]) {
  await waitFor(() => expect(summaries()).toEqual(expected));
}

describe('操作履歴 filters', () => {
  it('narrows by each filter, newest first, and keeps each in the URL', async () => {
    const user = userEvent.setup();
    renderPage();
    await expectRows([
      '「緊急連絡先一覧」を印刷',
      'CSVファイル「連絡先_20261129.csv」を書き出し（連絡先 1件）',
      'システム「旧システム」を削除',
      'システム「旧システム」を作成',
      '連絡先「ヘルプデスク」を作成',
      '連絡先「旧窓口」を更新',
      '連絡先「三月の窓口」を更新',
    ]);
    expect(count()).toHaveTextContent('該当 7件');

    const action = screen.getByRole('combobox', { name: '操作の種類' });
    await user.selectOptions(action, '書き出し');
    await expectRows(['CSVファイル「連絡先_20261129.csv」を書き出し（連絡先 1件）']);
    await waitFor(() => expect(url()).toHaveTextContent('?action=export'));
    await user.selectOptions(action, '印刷');
    await expectRows(['「緊急連絡先一覧」を印刷']);
    await user.selectOptions(action, 'すべて');

    await user.selectOptions(screen.getByRole('combobox', { name: '記録の種類' }), 'システム');
    await expectRows(['システム「旧システム」を削除', 'システム「旧システム」を作成']);
    await waitFor(() => expect(url()).toHaveTextContent('?type=system'));
    await user.selectOptions(screen.getByRole('combobox', { name: '記録の種類' }), 'すべて');

    // One Tokyo day: 2020/04/01 00:30 JST is in, 3/31 23:30 JST is not.
    fireEvent.change(screen.getByLabelText('期間（から）'), { target: { value: '2020-04-01' } });
    fireEvent.change(screen.getByLabelText('期間（まで）'), { target: { value: '2020-04-01' } });
    await expectRows(['連絡先「旧窓口」を更新']);
    await waitFor(() => expect(url()).toHaveTextContent('?from=2020-04-01&to=2020-04-01'));
    await user.click(screen.getByRole('button', { name: '絞り込みを解除' }));

    await user.type(box('担当者・端末・署名者'), '佐藤');
    await expectRows(['連絡先「旧窓口」を更新', '連絡先「三月の窓口」を更新']);
    await waitFor(() => expect(url()).toHaveTextContent('?who=佐藤'));
    expect(count()).toHaveTextContent('該当 2件');
  });

  it('never loses a typed character, and the URL follows the box', async () => {
    const user = userEvent.setup();
    renderPage();
    await expectRows(expect.arrayContaining(['連絡先「ヘルプデスク」を作成']) as never);
    // Typed key by key while queries and URL updates are still arriving.
    await user.type(box('キーワード'), 'ヘルプデスク 作成');
    expect(box('キーワード').value).toBe('ヘルプデスク 作成');
    await expectRows(['連絡先「ヘルプデスク」を作成']);
    await waitFor(() => expect(url()).toHaveTextContent('?q=ヘルプデスク+作成'));
    expect(box('キーワード').value).toBe('ヘルプデスク 作成');
  });

  it('opens on the filter in the URL and adopts a URL another link puts there', async () => {
    const user = userEvent.setup();
    urlsSeen = [];
    renderPage('/audit?action=print');
    await expectRows(['「緊急連絡先一覧」を印刷']);
    expect(screen.getByRole('combobox', { name: '操作の種類' })).toHaveValue('print');
    await user.click(screen.getByRole('button', { name: '別のリンクを開く' }));
    await expectRows(['システム「旧システム」を削除']);
    expect(screen.getByRole('combobox', { name: '操作の種類' })).toHaveValue('delete');
    // The old filter was never written back over the link's URL, not even for a moment.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(urlsSeen).toEqual(['?action=print', '?action=delete']);
  });

  it('says plainly when the period ends before it starts, and shows nothing', async () => {
    renderPage('/audit?from=2026-11-30&to=2026-11-01');
    await screen.findByText('期間の開始日が終了日より後になっています。日付を直してください。');
    await screen.findByText('条件に合う操作履歴はありません。');
    expect(count()).toHaveTextContent('該当 0件');
  });

  it('opens a record that still exists, and says when it is gone', async () => {
    const user = userEvent.setup();
    renderPage('/audit?type=system');
    await expectRows(['システム「旧システム」を削除', 'システム「旧システム」を作成']);
    expect(screen.getAllByText('システム（削除済み・この端末になし）')).toHaveLength(2);
    expect(screen.queryByRole('link', { name: 'システムを開く' })).toBeNull();
    await user.click(screen.getByRole('button', { name: '絞り込みを解除' }));
    const row = (await screen.findByText('連絡先「ヘルプデスク」を作成')).closest('tr')!;
    await user.click(within(row).getByRole('link', { name: '連絡先を開く' }));
    await screen.findByText('連絡先のページ');
  });
});

describe('操作履歴 pages and CSV', () => {
  it('shows 50 rows a page, older pages on request', async () => {
    const user = userEvent.setup();
    await db.audit.bulkAdd(
      Array.from({ length: 120 }, (_, i) => old({ summary: `一括${i + 1}`, actor: '一括' })),
    );
    renderPage('/audit?who=一括');
    await waitFor(() => expect(summaries()).toHaveLength(50));
    expect(summaries()[0]).toBe('一括120');
    expect(count()).toHaveTextContent('該当 120件（新しい順に 1〜50件目）');
    expect(screen.getByRole('button', { name: '← 新しい50件' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: '古い50件 →' }));
    await waitFor(() => expect(summaries()[0]).toBe('一括70'));
    await user.click(screen.getByRole('button', { name: '古い50件 →' }));
    await waitFor(() => expect(summaries()).toHaveLength(20));
    expect(summaries().at(-1)).toBe('一括1');
    expect(count()).toHaveTextContent('101〜120件目');
    expect(screen.getByRole('button', { name: '古い50件 →' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: '← 新しい50件' }));
    await waitFor(() => expect(summaries()[0]).toBe('一括70'));
  });

  it('exports the filtered rows as CSV for Excel, and records that export', async () => {
    const user = userEvent.setup();
    const saved = captureDownloads();
    renderPage('/audit?who=佐藤');
    await expectRows(['連絡先「旧窓口」を更新', '連絡先「三月の窓口」を更新']);
    await user.click(screen.getByRole('button', { name: 'CSVで書き出す' }));
    const notice = screen.getByRole('alertdialog');
    expect(notice).toHaveTextContent('絞り込んだ操作履歴 2件をCSVファイルに書き出します');
    expect(notice).toHaveTextContent('個人情報が含まれます');
    await user.click(within(notice).getByRole('button', { name: '書き出す' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.fileName).toMatch(/^操作履歴_\d{8}\.csv$/);
    const bytes = await readFileBytes(saved[0]!.blob);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    expect(lines[0]).toBe(
      '日時,操作,記録の種類,内容,担当者,ファイル名・文書名,件数,端末,記録ID,版,端末ID,ファイルのSHA-256',
    );
    expect(lines.slice(1)).toEqual([
      '2020/04/01 00:30:00,更新,連絡先,連絡先「旧窓口」を更新,佐藤 一郎,,,,0b6c1f1e-3f0a-4c57-9a55-0d1a2b3c4d5e,,11111111-2222-4333-8444-555555555555,',
      '2020/03/31 23:30:00,更新,連絡先,連絡先「三月の窓口」を更新,佐藤 一郎,,,,0b6c1f1e-3f0a-4c57-9a55-0d1a2b3c4d5e,,11111111-2222-4333-8444-555555555555,',
      '',
    ]);
    await screen.findByText(/を書き出しました。/);
    // The export is itself in the trail, with its count.
    await user.clear(box('担当者・端末・署名者'));
    await user.selectOptions(screen.getByRole('combobox', { name: '操作の種類' }), '書き出し');
    await waitFor(() =>
      expect(summaries()[0]).toMatch(
        /^CSVファイル「操作履歴_\d{8}\.csv」を書き出し（絞り込んだ操作履歴 2件）$/,
      ),
    );
    const entry = await db.audit.orderBy('seq').last();
    expect(entry?.release).toMatchObject({ kind: 'csv', count: 2 });
  });
});

describe('設定 「操作履歴」', () => {
  it('shows the newest 10 and leads to the whole trail', async () => {
    await act(() =>
      db.audit.bulkAdd(Array.from({ length: 15 }, (_, i) => old({ summary: `一括${i + 1}` }))),
    );
    render(
      <MemoryRouter>
        <AuditTrailSection />
      </MemoryRouter>,
    );
    await screen.findByRole('heading', { name: '操作履歴（最新10件）' });
    await waitFor(() => expect(summaries()).toHaveLength(10));
    expect(summaries()[0]).toBe('一括15');
    expect(
      screen.getByRole('link', { name: 'すべての操作履歴を見る・絞り込む・CSVで書き出す' }),
    ).toHaveAttribute('href', '/audit');
    expect(contactId).not.toBe('');
  });
});
