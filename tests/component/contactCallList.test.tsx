import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { ContactCallList } from '../../src/features/contacts/ContactCallList.tsx';
import { emptyContact } from '../../src/features/contacts/contactFormValues.ts';
import { saveRecord } from '../../src/db/records.ts';
import { saveStation } from '../../src/db/station.ts';
import type { ContactData } from '../../src/domain/contact.ts';
import { createId } from '../../src/domain/ids.ts';

const JUKI = createId();
const ZEI = createId();

const contact = (over: Partial<ContactData>): ContactData => ({ ...emptyContact(), ...over });
const office = {
  ranges: [{ days: [1, 2, 3, 4, 5], start: '08:30', end: '17:15', overnight: false }],
  closedOnHolidays: true,
};

function renderList(systemId: string, actions = false) {
  return render(
    <MemoryRouter>
      <ContactCallList
        systemId={systemId}
        {...(actions
          ? { renderActions: (c) => <button type="button">{`${c.name}に電話した`}</button> }
          : {})}
      />
    </MemoryRouter>,
  );
}

function at(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

beforeEach(async () => {
  await freshDatabaseWithStation();
  const deputy = await saveRecord(
    'contact',
    contact({
      name: '鈴木',
      organization: '架空市',
      systemIds: [JUKI],
      escalationOrder: 1,
      phones: [{ label: '直通', number: '0000-11-2346' }],
      businessHours: office,
    }),
  );
  await saveRecord(
    'contact',
    contact({
      name: '佐藤',
      organization: '架空市',
      systemIds: [JUKI],
      escalationOrder: 1,
      deputyContactId: deputy.id,
      phones: [
        { label: '直通', number: '0000-11-2345' },
        { label: '携帯', number: '080-0000-2345' },
      ],
      businessHours: office,
      afterHoursPhone: '080-0000-2345',
    }),
  );
  await saveRecord(
    'contact',
    contact({
      name: 'ヘルプデスク',
      organization: '架空システムズ',
      systemIds: [JUKI],
      escalationOrder: 2,
      phones: [{ label: '代表', number: '0120-000-111' }],
      businessHours: office,
      contractNumber: 'KS-2024-00123',
    }),
  );
  await saveRecord('contact', contact({ name: '税務担当', systemIds: [ZEI], escalationOrder: 1 }));
});

afterEach(() => vi.useRealTimers());

describe('ContactCallList', () => {
  it('lists whom to call in order, with the number to dial now and what to quote', async () => {
    at('2026-11-30T10:00:00+09:00');
    renderList(JUKI, true);
    const rows = await screen.findAllByRole('listitem');
    expect(rows.map((r) => r.querySelector('.call-name')?.textContent)).toEqual([
      '佐藤（架空市）',
      '鈴木（架空市）',
      'ヘルプデスク（架空システムズ）',
    ]);
    const [sato, , desk] = rows as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(sato).getByText('受付中')).toBeInTheDocument();
    expect(within(sato).getByRole('link', { name: '0000-11-2345' })).toHaveAttribute(
      'href',
      'tel:0000112345',
    );
    expect(within(sato).getByText(/職務代行/)).toHaveTextContent(
      '職務代行: 鈴木（架空市） 0000-11-2346',
    );
    expect(within(sato).getByRole('button', { name: '佐藤に電話した' })).toBeInTheDocument();
    expect(within(desk).getByText('KS-2024-00123')).toBeInTheDocument();
    expect(within(desk).getByText('2番目')).toBeInTheDocument();
  });

  it('switches to the after-hours number at the minute the desk closes', async () => {
    at('2026-11-30T17:15:00+09:00');
    renderList(JUKI);
    const rows = await screen.findAllByRole('listitem');
    const [sato, suzuki] = rows as [HTMLElement, HTMLElement];
    expect(within(sato).getByText('時間外')).toBeInTheDocument();
    expect(within(sato).getByText('いまかける番号（時間外）')).toBeInTheDocument();
    expect(within(sato).getAllByRole('link', { name: '080-0000-2345' })[0]).toHaveClass(
      'phone-big',
    );
    expect(within(suzuki).getByText('時間外の連絡先は登録されていません')).toBeInTheDocument();
  });

  it('says when a system has no contact, linking to 連絡先 on the IT section station', async () => {
    renderList('none');
    expect(await screen.findByText(/このシステムの連絡先は登録されていません/)).toBeInTheDocument();
    // The link depends on the station's role, read apart from the contacts.
    expect(await screen.findByRole('link', { name: '連絡先の画面で登録する' })).toHaveAttribute(
      'href',
      '/contacts',
    );
  });

  it('sends a department station to the IT section instead', async () => {
    await saveStation({
      municipality: '架空市',
      department: '市民課',
      terminal: 'PC',
      staffName: '',
      role: 'department',
    });
    renderList('none');
    expect(await screen.findByText(/情報システム担当に確認してください/)).toBeInTheDocument();
    expect(screen.queryByRole('link')).toBeNull();
  });
});
