import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { ContactListPage } from '../../src/features/contacts/ContactListPage.tsx';
import { emptyContact } from '../../src/features/contacts/contactFormValues.ts';
import { readFileBytes } from '../../src/features/exchange/download.ts';
import { saveRecord } from '../../src/db/records.ts';
import { saveStation } from '../../src/db/station.ts';
import type { ContactData } from '../../src/domain/contact.ts';

const contact = (over: Partial<ContactData>): ContactData => ({ ...emptyContact(), ...over });
const weekdays = {
  ranges: [{ days: [1, 2, 3, 4, 5], start: '08:30', end: '17:30', overnight: false }],
  closedOnHolidays: true,
};

function renderList(path = '/contacts') {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/contacts" element={<ContactListPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

/** Monday 30 November 2026 at `hhmm` in Tokyo. */
function setTokyoTime(hhmm: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`2026-11-30T${hhmm}:00+09:00`));
}

beforeEach(async () => {
  await freshDatabaseWithStation();
  await saveRecord(
    'contact',
    contact({
      name: 'ヘルプデスク',
      organization: '架空システムズ株式会社',
      role: '一次受付',
      phones: [{ label: '代表', number: '0120-000-111' }],
      businessHours: weekdays,
      afterHoursPhone: '090-0000-1111',
      contractNumber: 'KS-2024-00123',
    }),
  );
  await saveRecord(
    'contact',
    contact({
      name: '佐藤 一郎',
      organization: '架空市',
      kind: 'itSection',
      department: '情報政策課',
      phones: [{ label: '直通', number: '0000-11-2345' }],
      businessHours: weekdays,
    }),
  );
  await saveRecord(
    'contact',
    contact({ name: '広報課 当番', kind: 'internal', extension: '1501' }),
  );
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const rowOf = (name: string) => screen.getByRole('row', { name: new RegExp(name) });

describe('ContactListPage', () => {
  it('groups by organisation, the nameless last, and shows who answers now', async () => {
    setTokyoTime('10:00');
    renderList();
    expect(
      await screen.findByRole('heading', { name: /架空システムズ株式会社/ }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      '架空システムズ株式会社（1件）',
      '架空市（1件）',
      '（組織名なし）（1件）',
    ]);
    const desk = rowOf('ヘルプデスク');
    expect(within(desk).getByText('受付中')).toBeInTheDocument();
    expect(within(desk).getByText('17:30まで')).toBeInTheDocument();
    expect(within(desk).getByRole('link', { name: '0120-000-111' })).toHaveAttribute(
      'href',
      'tel:0120000111',
    );
    expect(within(desk).getByRole('link', { name: 'ヘルプデスク' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/contacts\/.+/),
    );
    expect(within(rowOf('広報課 当番')).getByText('受付時間未登録')).toBeInTheDocument();
    expect(
      within(rowOf('広報課 当番')).getByText('電話番号が登録されていません'),
    ).toBeInTheDocument();
  });

  it('gives the after-hours number when the desk is closed', async () => {
    setTokyoTime('20:00');
    renderList();
    const desk = await screen.findByRole('row', { name: /ヘルプデスク/ });
    expect(within(desk).getByText('時間外')).toBeInTheDocument();
    expect(within(desk).getByText('次は 12月1日(火) 8:30から')).toBeInTheDocument();
    expect(within(desk).getByRole('link', { name: '090-0000-1111' })).toBeInTheDocument();
    expect(
      within(rowOf('佐藤 一郎')).getByText('時間外の連絡先は登録されていません'),
    ).toBeInTheDocument();
  });

  it('searches with the incident search folding: width, case and dashes', async () => {
    const user = userEvent.setup();
    renderList();
    await screen.findByRole('heading', { name: /架空市/ });
    await user.type(screen.getByLabelText('キーワード'), 'ｋｓ－２０２４');
    expect(screen.getByRole('status')).toHaveTextContent('1件（全3件中）');
    expect(screen.getByRole('row', { name: /ヘルプデスク/ })).toBeInTheDocument();
    expect(screen.queryByRole('row', { name: /佐藤/ })).toBeNull();
    await user.clear(screen.getByLabelText('キーワード'));
    await user.type(screen.getByLabelText('キーワード'), '情報政策課 0000');
    expect(screen.getByRole('row', { name: /佐藤 一郎/ })).toBeInTheDocument();
    await user.clear(screen.getByLabelText('キーワード'));
    await user.type(screen.getByLabelText('キーワード'), '存在しない');
    expect(screen.getByText('条件に合う連絡先はありません。')).toBeInTheDocument();
  });

  it('writes the CSV only after saying it holds personal data and opens in Excel as it is', async () => {
    const user = userEvent.setup();
    setTokyoTime('10:00');
    let blob: Blob | undefined;
    let fileName = '';
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:test';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      fileName = this.download;
    });
    renderList();
    await screen.findByRole('heading', { name: /架空市/ });
    await user.click(screen.getByRole('button', { name: 'CSVで書き出す' }));
    const notice = screen.getByRole('alertdialog');
    expect(notice).toHaveTextContent('連絡先 3件をCSVファイルに書き出します');
    expect(notice).toHaveTextContent('個人情報が含まれます');
    expect(notice).toHaveTextContent('Excel などでそのまま開ける形');
    expect(blob).toBeUndefined();
    await user.click(within(notice).getByRole('button', { name: '書き出す' }));
    expect(fileName).toBe('連絡先_20261130.csv');
    const bytes = await readFileBytes(blob!);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain(
      '\r\nヘルプデスク,架空システムズ株式会社,,一次受付,ベンダー窓口,代表:0120-000-111,',
    );
    expect(screen.getByText('「連絡先_20261130.csv」を書き出しました。')).toBeInTheDocument();
  });

  it('lets the CSV notice be dismissed without writing', async () => {
    const user = userEvent.setup();
    const create = vi.spyOn(URL, 'createObjectURL');
    renderList();
    await screen.findByRole('heading', { name: /架空市/ });
    await user.click(screen.getByRole('button', { name: 'CSVで書き出す' }));
    await user.click(screen.getByRole('button', { name: 'やめる' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(create).not.toHaveBeenCalled();
  });

  it('offers 新規登録 and CSVから取り込む only on the IT section station', async () => {
    renderList();
    expect(await screen.findByRole('link', { name: '新規登録' })).toHaveAttribute(
      'href',
      '/contacts/new',
    );
    expect(screen.getByRole('link', { name: 'CSVから取り込む' })).toHaveAttribute(
      'href',
      '/contacts/import',
    );
  });

  it('is read-only on a department station, but can still be exported', async () => {
    await saveStation({
      municipality: '架空市',
      department: '市民課',
      terminal: 'PC',
      staffName: '',
      role: 'department',
    });
    renderList();
    expect(await screen.findByText(/この端末（所管課）では閲覧のみです/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '新規登録' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'CSVから取り込む' })).toBeNull();
    expect(screen.getByRole('button', { name: 'CSVで書き出す' })).toBeEnabled();
  });
});

describe('ContactListPage on an empty station', () => {
  it('says how to add the first contact', async () => {
    await freshDatabaseWithStation();
    renderList();
    expect(
      await screen.findByText(/まだ連絡先が登録されていません。「新規登録」から/),
    ).toBeInTheDocument();
    expect(screen.getByText(/「CSVから取り込む」で読み込めます/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'CSVで書き出す' })).toBeDisabled();
  });
});
