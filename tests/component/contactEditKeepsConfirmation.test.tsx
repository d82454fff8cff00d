import { beforeEach, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { ContactEditPage } from '../../src/features/contacts/ContactEditPage.tsx';
import { emptyContact } from '../../src/features/contacts/contactFormValues.ts';
import { saveRecord } from '../../src/db/records.ts';
import type { SonaeDatabase } from '../../src/db/database.ts';

// Issue 15: 「確認した」 writes confirmedOn/confirmedBy; editing the contact afterwards must keep
// them (the form does not show them), or the contact would drop back onto 点検 after any edit.

let db: SonaeDatabase;

beforeEach(async () => {
  ({ db } = await freshDatabaseWithStation());
});

it('keeps the confirmation when the contact is edited', async () => {
  const user = userEvent.setup();
  const saved = await saveRecord('contact', {
    ...emptyContact(),
    name: '佐藤 一郎',
    confirmedOn: '2026-11-01',
    confirmedBy: '鈴木',
  });
  render(
    <MemoryRouter initialEntries={[`/contacts/${saved.id}/edit`]}>
      <Routes>
        <Route path="/contacts/:id/edit" element={<ContactEditPage />} />
        <Route path="/contacts/:id" element={<p>詳細</p>} />
      </Routes>
    </MemoryRouter>,
  );
  await user.type(await screen.findByLabelText('備考'), '内線は2345');
  await user.click(screen.getByRole('button', { name: '保存する' }));
  await screen.findByText('詳細');
  expect(await db.contacts.get(saved.id)).toMatchObject({
    notes: '内線は2345',
    confirmedOn: '2026-11-01',
    confirmedBy: '鈴木',
  });
});
