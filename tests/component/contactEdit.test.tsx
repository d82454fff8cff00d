import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useParams } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { ContactEditPage } from '../../src/features/contacts/ContactEditPage.tsx';
import { emptyContact } from '../../src/features/contacts/contactFormValues.ts';
import { deleteRecord, saveRecord } from '../../src/db/records.ts';
import { saveStation } from '../../src/db/station.ts';
import { emptySystem } from '../../src/domain/system.ts';
import type { ContactData } from '../../src/domain/contact.ts';
import type { SonaeDatabase } from '../../src/db/database.ts';

let db: SonaeDatabase;
const contact = (over: Partial<ContactData>): ContactData => ({ ...emptyContact(), ...over });

function Detail() {
  return <p>詳細 {useParams().id}</p>;
}

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/contacts" element={<p>連絡先一覧</p>} />
        <Route path="/contacts/new" element={<ContactEditPage />} />
        <Route path="/contacts/:id" element={<Detail />} />
        <Route path="/contacts/:id/edit" element={<ContactEditPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

const save = () => userEvent.click(screen.getByRole('button', { name: '保存する' }));

beforeEach(async () => {
  ({ db } = await freshDatabaseWithStation());
});

describe('ContactEditPage', () => {
  it('creates a contact with two phones and weekday hours typed loosely', async () => {
    const user = userEvent.setup();
    const system = await saveRecord('system', { ...emptySystem(), name: '住民記録システム' });
    renderAt('/contacts/new');
    await user.type(await screen.findByLabelText(/氏名・窓口名/), 'ヘルプデスク');
    await user.type(screen.getByLabelText('組織名'), '架空システムズ株式会社');
    await user.type(screen.getByLabelText('電話番号の種類 1'), '代表');
    await user.type(screen.getByLabelText('電話番号 1'), '0120-000-111');
    await user.click(screen.getByRole('button', { name: '電話番号を追加' }));
    await user.type(screen.getByLabelText('電話番号の種類 2'), '直通');
    await user.type(screen.getByLabelText('電話番号 2'), '03-1234-5678');
    await user.click(screen.getByRole('radio', { name: '曜日と時刻で登録する' }));
    const range = screen.getByRole('group', { name: '受付時間 1' });
    await user.click(within(range).getByRole('checkbox', { name: '土' }));
    await user.clear(screen.getByLabelText('開始時刻 1'));
    await user.type(screen.getByLabelText('開始時刻 1'), '９：００');
    await user.clear(screen.getByLabelText('終了時刻 1'));
    await user.type(screen.getByLabelText('終了時刻 1'), '17時');
    await user.type(screen.getByLabelText('時間外の電話番号'), '090-0000-1111');
    await user.click(screen.getByRole('checkbox', { name: '住民記録システム' }));
    await user.type(screen.getByLabelText('連絡順'), '２');
    await save();
    expect(await screen.findByText(/^詳細 /)).toBeInTheDocument();
    const [stored] = await db.contacts.toArray();
    expect(stored).toMatchObject({
      name: 'ヘルプデスク',
      organization: '架空システムズ株式会社',
      phones: [
        { label: '代表', number: '0120-000-111' },
        { label: '直通', number: '03-1234-5678' },
      ],
      businessHours: {
        ranges: [{ days: [1, 2, 3, 4, 5, 6], start: '09:00', end: '17:00', overnight: false }],
        closedOnHolidays: true,
      },
      afterHoursPhone: '090-0000-1111',
      systemIds: [system.id],
      escalationOrder: 2,
      deputyContactId: null,
    });
    expect(await db.drafts.count()).toBe(0);
  });

  it('refuses hours that end before they start unless marked overnight', async () => {
    const user = userEvent.setup();
    renderAt('/contacts/new');
    await user.type(await screen.findByLabelText(/氏名・窓口名/), '夜間窓口');
    await user.click(screen.getByRole('radio', { name: '曜日と時刻で登録する' }));
    await user.clear(screen.getByLabelText('開始時刻 1'));
    await user.type(screen.getByLabelText('開始時刻 1'), '22:00');
    await user.clear(screen.getByLabelText('終了時刻 1'));
    await user.type(screen.getByLabelText('終了時刻 1'), '6:00');
    await save();
    expect(
      await screen.findByText(
        /終了時刻が開始時刻より前です。夜をまたぐ場合は「翌日まで」にしてください/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('終了時刻 1')).toHaveAttribute('aria-invalid', 'true');
    expect(await db.contacts.count()).toBe(0);
    await user.click(screen.getByRole('checkbox', { name: '翌日まで（夜間）' }));
    // Marked overnight but ending later the same evening: also refused, saying what to do.
    await user.clear(screen.getByLabelText('終了時刻 1'));
    await user.type(screen.getByLabelText('終了時刻 1'), '23:00');
    await save();
    expect(
      await screen.findByText(/「翌日まで」のときは、終了時刻を開始時刻より前にしてください/),
    ).toBeInTheDocument();
    await user.clear(screen.getByLabelText('終了時刻 1'));
    await user.type(screen.getByLabelText('終了時刻 1'), '6:00');
    await save();
    expect(await screen.findByText(/^詳細 /)).toBeInTheDocument();
    expect((await db.contacts.toArray())[0]?.businessHours?.ranges[0]).toMatchObject({
      start: '22:00',
      end: '06:00',
      overnight: true,
    });
  });

  it('asks for weekdays, a readable time, a number order and a phone number to each phone label', async () => {
    const user = userEvent.setup();
    renderAt('/contacts/new');
    await user.type(await screen.findByLabelText(/氏名・窓口名/), '窓口');
    await user.click(screen.getByRole('button', { name: '電話番号を追加' }));
    await user.type(screen.getByLabelText('電話番号の種類 2'), '携帯');
    await user.click(screen.getByRole('radio', { name: '曜日と時刻で登録する' }));
    for (const day of ['月', '火', '水', '木', '金'])
      await user.click(screen.getByRole('checkbox', { name: day }));
    await user.clear(screen.getByLabelText('開始時刻 1'));
    await user.type(screen.getByLabelText('開始時刻 1'), '朝');
    await user.type(screen.getByLabelText('連絡順'), '一番');
    await save();
    expect(await screen.findByText('曜日を選んでください')).toBeInTheDocument();
    expect(screen.getByText('時刻は「09:00」の形で入力してください')).toBeInTheDocument();
    expect(screen.getByText(/連絡順は1〜99の数字で入力してください/)).toBeInTheDocument();
    // The empty first phone row is ignored; the message stays on the second row.
    expect(screen.getByLabelText('電話番号 2')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('入力内容を確認してください（4件）。')).toBeInTheDocument();
    expect(await db.contacts.count()).toBe(0);
  });

  it('names the other contact when the escalation order is taken for a shared system', async () => {
    const user = userEvent.setup();
    const system = await saveRecord('system', { ...emptySystem(), name: '税務システム' });
    await saveRecord(
      'contact',
      contact({
        name: 'サポート窓口',
        organization: 'ネオ情報',
        systemIds: [system.id],
        escalationOrder: 1,
      }),
    );
    renderAt('/contacts/new');
    await user.type(await screen.findByLabelText(/氏名・窓口名/), '保守窓口');
    await user.click(screen.getByRole('checkbox', { name: '税務システム' }));
    await user.type(screen.getByLabelText('連絡順'), '1');
    await save();
    expect(
      await screen.findByText(
        /連絡順1は、「税務システム」の連絡先「サポート窓口（ネオ情報）」と同じです/,
      ),
    ).toBeInTheDocument();
    expect(await db.contacts.count()).toBe(1);
    // The other contact as deputy: the two may share the order.
    await user.selectOptions(screen.getByLabelText('職務代行'), 'サポート窓口（ネオ情報）');
    await save();
    expect(await screen.findByText(/^詳細 /)).toBeInTheDocument();
    expect(await db.contacts.count()).toBe(2);
  });

  it('refuses a deputy who is the contact itself', async () => {
    const user = userEvent.setup();
    const stored = await saveRecord('contact', contact({ name: '佐藤' }));
    // As it could arrive from another PC: the schema alone cannot see the loop.
    await saveRecord('contact', contact({ name: '佐藤', deputyContactId: stored.id }), {
      id: stored.id,
    });
    renderAt(`/contacts/${stored.id}/edit`);
    expect(await screen.findByLabelText('職務代行')).toHaveDisplayValue('（この連絡先自身）');
    await save();
    expect(await screen.findByText(/職務代行に自分自身は選べません/)).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('職務代行'), 'なし');
    await save();
    expect(await screen.findByText(`詳細 ${stored.id}`)).toBeInTheDocument();
    expect((await db.contacts.get(stored.id))?.deputyContactId).toBeNull();
  });

  it('catches a deputy and a system that were deleted meanwhile', async () => {
    const user = userEvent.setup();
    const system = await saveRecord('system', { ...emptySystem(), name: '旧システム' });
    const deputy = await saveRecord('contact', contact({ name: '退職した人' }));
    const stored = await saveRecord(
      'contact',
      contact({ name: '高橋', systemIds: [system.id], deputyContactId: deputy.id }),
    );
    await deleteRecord('system', system.id);
    await deleteRecord('contact', deputy.id);
    renderAt(`/contacts/${stored.id}/edit`);
    expect(await screen.findByLabelText('職務代行')).toHaveDisplayValue('（削除された連絡先）');
    await save();
    expect(
      await screen.findByText(/職務代行に選んでいた連絡先は削除されています/),
    ).toBeInTheDocument();
    expect(screen.getByText(/担当するシステムのうち1件は削除されています/)).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: '（削除されたシステム）' }));
    await user.selectOptions(screen.getByLabelText('職務代行'), 'なし');
    await save();
    expect(await screen.findByText(`詳細 ${stored.id}`)).toBeInTheDocument();
    expect(await db.contacts.get(stored.id)).toMatchObject({
      systemIds: [],
      deputyContactId: null,
    });
  });

  it('edits a stored contact, keeping what is not shown as it was', async () => {
    const user = userEvent.setup();
    const stored = await saveRecord(
      'contact',
      contact({
        name: '運用センター',
        phones: [{ label: '24時間', number: '0120-000-333' }],
        businessHours: {
          ranges: [{ days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '24:00', overnight: false }],
          closedOnHolidays: false,
        },
      }),
    );
    renderAt(`/contacts/${stored.id}/edit`);
    expect(
      await screen.findByRole('heading', { name: '連絡先の編集: 運用センター' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: '祝日・閉庁日は休み' })).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: '電話番号 1 を削除' }));
    await user.type(screen.getByLabelText('備考'), '契約更新は4月');
    await save();
    expect(await screen.findByText(`詳細 ${stored.id}`)).toBeInTheDocument();
    expect(await db.contacts.get(stored.id)).toMatchObject({
      phones: [],
      notes: '契約更新は4月',
      businessHours: stored.businessHours,
    });
  });

  it('shows only the read-only notice on a department station', async () => {
    await saveStation({
      municipality: '架空市',
      department: '市民課',
      terminal: '窓口PC-01',
      staffName: '',
      role: 'department',
    });
    renderAt('/contacts/new');
    expect(await screen.findByText(/この端末（所管課）では閲覧のみです/)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: '保存する' })).toBeNull());
  });
});
