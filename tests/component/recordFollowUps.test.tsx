import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { procedureData } from '../procedureFixtures.ts';
import { ProcedureDetailPage } from '../../src/features/procedures/ProcedureDetailPage.tsx';
import { ContactDetailPage } from '../../src/features/contacts/ContactDetailPage.tsx';
import { SystemDetailPage } from '../../src/features/systems/SystemDetailPage.tsx';
import { LevelListPage } from '../../src/features/levels/LevelListPage.tsx';
import { saveRecord } from '../../src/db/records.ts';
import { saveStation } from '../../src/db/station.ts';
import { createFollowUp } from '../../src/db/followUps.ts';
import { emptySystem } from '../../src/domain/system.ts';
import { emptyContact } from '../../src/features/contacts/contactFormValues.ts';
import type { SonaeDatabase } from '../../src/db/database.ts';
import type { Station } from '../../src/domain/station.ts';

let db: SonaeDatabase;
let station: Station;

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/procedures/:id" element={<ProcedureDetailPage />} />
        <Route path="/contacts/:id" element={<ContactDetailPage />} />
        <Route path="/systems/:id" element={<SystemDetailPage />} />
        <Route path="/levels" element={<LevelListPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

const section = () => screen.findByRole('region', { name: /^要対応/ });

beforeEach(async () => {
  ({ db, station } = await freshDatabaseWithStation());
});

describe('follow-ups on a record', () => {
  it('shows the open follow-ups of a procedure and closes one with a note', async () => {
    const user = userEvent.setup();
    const procedure = await saveRecord('procedure', procedureData({ title: '住民票の手書き交付' }));
    const other = await saveRecord('procedure', procedureData({ title: '別の手順' }));
    const followUp = await createFollowUp({
      targetType: 'procedure',
      targetId: procedure.id,
      text: '業者の電話番号が古い',
    });
    await createFollowUp({ targetType: 'procedure', targetId: other.id, text: '別の手順の要対応' });
    renderAt(`/procedures/${procedure.id}`);
    const region = await section();
    expect(within(region).getByRole('heading', { name: '要対応（1件）' })).toBeInTheDocument();
    expect(region).toHaveTextContent('業者の電話番号が古い');
    expect(region).not.toHaveTextContent('別の手順の要対応');

    // An empty note is refused with a reason, and nothing changes.
    await user.click(within(region).getByRole('button', { name: '対応済みにする' }));
    await user.click(within(region).getByRole('button', { name: '対応済みにする' }));
    expect(await within(region).findByRole('alert')).toHaveTextContent(
      '対応内容を入力してください',
    );
    expect((await db.followUps.get(followUp.id))!.status).toBe('open');

    await user.type(within(region).getByLabelText(/対応内容/), '新しい番号に直した');
    await user.click(within(region).getByRole('button', { name: '対応済みにする' }));
    expect(
      await screen.findByText('「業者の電話番号が古い」を対応済みにしました。'),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('業者の電話番号が古い')).not.toBeInTheDocument());
    // Gone from the record's page, kept as the follow-up's history.
    expect(await db.followUps.get(followUp.id)).toMatchObject({
      status: 'closed',
      closedBy: '山田 花子',
      closeNote: '新しい番号に直した',
      deleted: false,
    });
  });

  it('shows nothing when a record has no open follow-up', async () => {
    const procedure = await saveRecord('procedure', procedureData({ title: '住民票の手書き交付' }));
    renderAt(`/procedures/${procedure.id}`);
    await screen.findByRole('heading', { name: '住民票の手書き交付', level: 1 });
    expect(screen.queryByRole('region', { name: /^要対応/ })).not.toBeInTheDocument();
  });

  it('shows on contacts, systems and levels, and a department’s station may close them', async () => {
    const { id: _id, ...form } = station;
    await saveStation({ ...form, role: 'department' });
    const contact = await saveRecord('contact', { ...emptyContact(), name: '佐藤 一郎' });
    const system = await saveRecord('system', { ...emptySystem(), name: '住民記録システム' });
    const level = await saveRecord('incidentLevel', {
      level: 2,
      name: '重大',
      criteria: '窓口業務が止まる',
      actions: '代替手順を始める',
      notify: '',
      notifyWithinMinutes: null,
    });
    for (const [targetType, targetId] of [
      ['contact', contact.id],
      ['system', system.id],
      ['incidentLevel', level.id],
    ] as const)
      await createFollowUp({ targetType, targetId, text: `${targetType}の要対応` });

    const contactPage = renderAt(`/contacts/${contact.id}`);
    expect(await section()).toHaveTextContent('contactの要対応');
    contactPage.unmount();
    const systemPage = renderAt(`/systems/${system.id}`);
    expect(await section()).toHaveTextContent('systemの要対応');
    systemPage.unmount();
    renderAt('/levels');
    const region = await section();
    expect(within(region).getByRole('heading', { level: 3 })).toHaveTextContent('要対応（1件）');
    const user = userEvent.setup();
    await user.click(within(region).getByRole('button', { name: '対応済みにする' }));
    await user.type(within(region).getByLabelText(/対応内容/), '基準を見直した');
    await user.click(within(region).getByRole('button', { name: '対応済みにする' }));
    await screen.findByText('「incidentLevelの要対応」を対応済みにしました。');
  });
});

describe('「確認した」 on the contact page', () => {
  it('records who and when in one click and shows it', async () => {
    const user = userEvent.setup();
    const contact = await saveRecord('contact', { ...emptyContact(), name: '佐藤 一郎' });
    renderAt(`/contacts/${contact.id}`);
    expect(await screen.findByText('まだ確認していません')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '確認した' }));
    await screen.findByText(
      /^「佐藤 一郎」を確認済みにしました（\d{4}年\d{1,2}月\d{1,2}日、山田 花子）。$/,
    );
    expect(await screen.findByText(/^\d{4}年\d{1,2}月\d{1,2}日（山田 花子）$/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '確認した' })).toBeDisabled();
    expect((await db.contacts.get(contact.id))!.confirmedBy).toBe('山田 花子');
  });

  it('is not offered on a department’s station', async () => {
    const { id: _id, ...form } = station;
    await saveStation({ ...form, role: 'department' });
    const contact = await saveRecord('contact', { ...emptyContact(), name: '佐藤 一郎' });
    renderAt(`/contacts/${contact.id}`);
    await screen.findByText('まだ確認していません');
    expect(screen.queryByRole('button', { name: '確認した' })).not.toBeInTheDocument();
  });
});
