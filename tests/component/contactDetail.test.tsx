import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { ContactDetailPage } from '../../src/features/contacts/ContactDetailPage.tsx';
import { emptyContact } from '../../src/features/contacts/contactFormValues.ts';
import { saveRecord } from '../../src/db/records.ts';
import { saveStation } from '../../src/db/station.ts';
import { emptySystem } from '../../src/domain/system.ts';
import type { ContactData } from '../../src/domain/contact.ts';
import { createId } from '../../src/domain/ids.ts';
import type { RecordOf } from '../../src/domain/recordSchemas.ts';
import type { SonaeDatabase } from '../../src/db/database.ts';

const contact = (over: Partial<ContactData>): ContactData => ({ ...emptyContact(), ...over });
let db: SonaeDatabase;
let sato: RecordOf<'contact'>;
let suzuki: RecordOf<'contact'>;
let juki: RecordOf<'system'>;

function ListStub() {
  const state = useLocation().state as { deleted?: string } | null;
  return <p>一覧 {state?.deleted}</p>;
}

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/contacts" element={<ListStub />} />
        <Route path="/contacts/:id" element={<ContactDetailPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

beforeEach(async () => {
  ({ db } = await freshDatabaseWithStation());
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-30T10:00:00+09:00'));
  juki = await saveRecord('system', { ...emptySystem(), name: '住民記録システム' });
  suzuki = await saveRecord(
    'contact',
    contact({
      name: '鈴木 美咲',
      organization: '架空市',
      phones: [{ label: '直通', number: '0000-11-2346' }],
    }),
  );
  sato = await saveRecord(
    'contact',
    contact({
      name: '佐藤 一郎',
      organization: '架空市',
      department: '情報政策課',
      role: 'システム担当係長',
      kind: 'itSection',
      phones: [
        { label: '直通', number: '0000-11-2345' },
        { label: '携帯（公用）', number: '080-0000-2345' },
      ],
      extension: '2345',
      email: 'sato@example.jp',
      businessHours: {
        ranges: [{ days: [1, 2, 3, 4, 5], start: '08:30', end: '17:15', overnight: false }],
        closedOnHolidays: true,
      },
      afterHoursPhone: '080-0000-2345',
      contractNumber: 'IT-1',
      systemIds: [juki.id, createId()],
      escalationOrder: 1,
      deputyContactId: suzuki.id,
      notes: '休日は携帯へ',
    }),
  );
  await saveRecord('contact', contact({ name: '高橋 健', deputyContactId: sato.id }));
});

afterEach(() => vi.useRealTimers());

describe('ContactDetailPage', () => {
  it('shows every field, the hours in words and who answers now', async () => {
    renderAt(`/contacts/${sato.id}`);
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('佐藤 一郎架空市');
    const now = screen.getByRole('region', { name: 'いまの受付状況' });
    expect(within(now).getByText('受付中')).toBeInTheDocument();
    expect(within(now).getByText('17:15まで')).toBeInTheDocument();
    expect(within(now).getByRole('link', { name: '0000-11-2345' })).toHaveAttribute(
      'href',
      'tel:0000112345',
    );
    for (const text of [
      '情報システム担当',
      '情報政策課',
      'システム担当係長',
      '2345',
      'sato@example.jp',
      'IT-1',
      '1番目',
      '月〜金 8:30〜17:15（祝日・閉庁日は休み）',
      '休日は携帯へ',
      '（削除されたシステム）',
    ])
      expect(screen.getAllByText(text).length).toBeGreaterThan(0);
    expect(screen.getByRole('link', { name: '住民記録システム' })).toHaveAttribute(
      'href',
      `/systems/${juki.id}`,
    );
    expect(screen.getByRole('link', { name: '鈴木 美咲（架空市）' })).toHaveAttribute(
      'href',
      `/contacts/${suzuki.id}`,
    );
    expect(screen.getByRole('link', { name: '高橋 健' })).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: '080-0000-2345' }).length).toBe(2);
  });

  it('warns before deleting a contact others name as deputy, then deletes it', async () => {
    vi.useRealTimers();
    const user = userEvent.setup();
    renderAt(`/contacts/${sato.id}`);
    await user.click(await screen.findByRole('button', { name: '削除' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent(
      '「高橋 健」がこの連絡先を職務代行にしています',
    );
    await user.click(screen.getByRole('button', { name: '削除する' }));
    expect(await screen.findByText('一覧 連絡先「佐藤 一郎」を削除しました。')).toBeInTheDocument();
    expect((await db.contacts.get(sato.id))?.deleted).toBe(true);
  });

  it('says so for a contact that does not exist', async () => {
    renderAt('/contacts/nope');
    expect(await screen.findByText(/この連絡先は見つかりません/)).toBeInTheDocument();
  });

  it('hides 編集 and 削除 on a department station', async () => {
    await saveStation({
      municipality: '架空市',
      department: '市民課',
      terminal: 'PC',
      staffName: '',
      role: 'department',
    });
    renderAt(`/contacts/${suzuki.id}`);
    expect(await screen.findByText(/この端末（所管課）では閲覧のみです/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '編集' })).toBeNull();
    expect(screen.queryByRole('button', { name: '削除' })).toBeNull();
    expect(screen.getByRole('link', { name: '佐藤 一郎（架空市）' })).toBeInTheDocument();
  });
});
