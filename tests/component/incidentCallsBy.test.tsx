import { describe, expect, it } from 'vitest';
import { useState } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { saveRecord } from '../../src/db/records.ts';
import { emptyIncident } from '../../src/domain/incident.ts';
import { logCall } from '../../src/domain/incidentCalls.ts';
import { setOperator } from '../../src/db/operator.ts';
import { newIncidentValues } from '../../src/features/incidents/incidentFormValues.ts';
import { IncidentDetailPage } from '../../src/features/incidents/IncidentDetailPage.tsx';
import { ContactsMadeEditor } from '../../src/features/incidents/IncidentListEditors.tsx';
import { saveStation } from '../../src/db/station.ts';
import type { IncidentData } from '../../src/domain/incident.ts';

// Incident 1.3: a call logged from an incident names who made it, shown in 連絡した記録.

const AT = '2026-11-30T00:30:00.000Z';
const CONTACT = '00000000-0000-4000-8000-0000000000c1';

describe('who made a call', () => {
  it('shows 「（山田 花子）」 beside a call that names its caller, and nothing for an older one', async () => {
    await freshDatabaseWithStation();
    const base = emptyIncident({
      title: '印刷できない',
      systemId: '00000000-0000-4000-8000-000000000001',
      occurredAt: '2026-11-30T00:00:00.000Z',
    });
    const first = logCall(
      base,
      { contactId: CONTACT, who: 'ヘルプデスク', number: null },
      AT,
      '山田 花子',
    );
    const older = logCall(first.data, { contactId: CONTACT, who: '課長', number: null }, AT);
    const incident = await saveRecord('incident', older.data);
    render(
      <MemoryRouter initialEntries={[`/incidents/${incident.id}`]}>
        <Routes>
          <Route path="/incidents/:id" element={<IncidentDetailPage />} />
        </Routes>
      </MemoryRouter>,
    );
    const calls = await screen.findByRole('region', { name: '連絡した記録' });
    const items = within(calls)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items[0]).toMatch(/ヘルプデスク（電話）（山田 花子）$/);
    expect(items[1]).toMatch(/課長（電話）$/);
  });

  it('prefills a new incident’s reporter with the operator, else the 担当者名', async () => {
    const { station } = await freshDatabaseWithStation();
    const shared = { ...station, staffNames: ['山田 花子', '佐藤 一郎'] };
    const now = new Date(AT);
    expect(newIncidentValues(shared, now).data.reporterName).toBe('山田 花子');
    setOperator(station.id, '佐藤 一郎');
    expect(newIncidentValues(shared, now).data.reporterName).toBe('佐藤 一郎');
    setOperator(station.id, null);
  });

  it('fills 連絡した人 of a call typed into the form with the operator, and lets it be changed', async () => {
    const { station } = await freshDatabaseWithStation();
    const { id: _id, ...form } = station;
    await saveStation({ ...form, staffNames: ['山田 花子', '佐藤 一郎'] });
    setOperator(station.id, '佐藤 一郎');
    let latest: IncidentData['contactsMade'] = [];
    function Editor() {
      const [calls, setCalls] = useState<IncidentData['contactsMade']>([]);
      latest = calls;
      return <ContactsMadeEditor contactsMade={calls} onChange={setCalls} errors={{}} />;
    }
    render(<Editor />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '連絡した記録を追加' }));
    const caller = await screen.findByLabelText('連絡した人 1');
    expect(caller).toHaveValue('佐藤 一郎');
    await user.clear(caller);
    await user.type(caller, '田中 翔');
    expect(latest[0]!.by).toBe('田中 翔');
    setOperator(station.id, null);
  });
});
