import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { freshDatabaseWithStation, openFreshDatabase } from '../testDatabase.ts';
import { saveRecord } from '../../src/db/records.ts';
import { saveStation } from '../../src/db/station.ts';
import { emptySystem } from '../../src/domain/system.ts';
import { emptyIncident } from '../../src/domain/incident.ts';
import { pickData } from '../../src/domain/recordMeta.ts';
import { IncidentDetailPage } from '../../src/features/incidents/IncidentDetailPage.tsx';
import { useCanEditMasterData } from '../../src/features/common/masterDataAccess.tsx';
import { useLiveRecords } from '../../src/db/hooks.ts';

/** Says when the station's role and the systems are loaded, so an absence can be asserted. */
function LoadedProbe() {
  const canEdit = useCanEditMasterData();
  const systems = useLiveRecords('system');
  return canEdit !== undefined && systems ? <p>読み込み完了</p> : null;
}

// Issue 12, item 9: an incident from a department names a system unknown here; the IT section
// links it to a registered one during triage, keeping what the department wrote.
const DEPARTMENT_SYSTEM = '00000000-0000-4000-8000-00000000d001';

async function departmentIncident(systemId = DEPARTMENT_SYSTEM) {
  return saveRecord(
    'incident',
    emptyIncident({
      title: '予約画面が開かない',
      systemId,
      systemName: '窓口予約システム',
      occurredAt: '2026-11-20T00:30:00.000Z',
      department: '市民課',
      symptoms: '真っ白になる',
    }),
  );
}

function renderDetail(id: string) {
  return render(
    <MemoryRouter initialEntries={[`/incidents/${id}`]}>
      <Routes>
        <Route
          path="/incidents/:id"
          element={
            <>
              <IncidentDetailPage />
              <LoadedProbe />
            </>
          }
        />
      </Routes>
    </MemoryRouter>,
  );
}

describe('linking an incident to a registered system (IT section)', () => {
  it('offers the registered systems, the one of the same name first, and keeps everything else', async () => {
    const { db } = await freshDatabaseWithStation();
    await saveRecord('system', { ...emptySystem(), name: '住民記録システム' });
    const booking = await saveRecord('system', { ...emptySystem(), name: '窓口予約システム' });
    const incident = await departmentIncident();
    const user = userEvent.setup();
    renderDetail(incident.id);

    expect(await screen.findByText('窓口予約システム（この端末に未登録）')).toBeInTheDocument();
    const select = await screen.findByRole('combobox', { name: '登録済みのシステムに結び付ける' });
    expect(select).toHaveValue(booking.id);
    await user.click(screen.getByRole('button', { name: '結び付ける' }));

    expect(
      await screen.findByText(/システム「窓口予約システム」に結び付けました/),
    ).toBeInTheDocument();
    const stored = (await db.incidents.get(incident.id))!;
    expect(pickData(stored)).toEqual({ ...pickData(incident), systemId: booking.id });
    expect(stored.systemName).toBe('窓口予約システム');
    expect(stored.revisions).toEqual([incident.rev]);
    expect(screen.queryByText(/この端末に未登録/)).not.toBeInTheDocument();
    expect(
      screen.queryByRole('combobox', { name: '登録済みのシステムに結び付ける' }),
    ).not.toBeInTheDocument();
  });

  it('links to another system the person chooses', async () => {
    const { db } = await freshDatabaseWithStation();
    const residents = await saveRecord('system', { ...emptySystem(), name: '住民記録システム' });
    const incident = await departmentIncident();
    const user = userEvent.setup();
    renderDetail(incident.id);
    const select = await screen.findByRole('combobox', { name: '登録済みのシステムに結び付ける' });
    expect(select).toHaveValue('');
    await user.click(screen.getByRole('button', { name: '結び付ける' }));
    expect(await screen.findByText('結び付けるシステムを選んでください。')).toBeInTheDocument();
    expect((await db.incidents.get(incident.id))!.rev).toBe(incident.rev);
    await user.selectOptions(select, '住民記録システム');
    await user.click(screen.getByRole('button', { name: '結び付ける' }));
    await screen.findByText(/結び付けました/);
    expect((await db.incidents.get(incident.id))!.systemId).toBe(residents.id);
  });

  it('offers nothing when the system is registered here', async () => {
    await freshDatabaseWithStation();
    const system = await saveRecord('system', { ...emptySystem(), name: '窓口予約システム' });
    const incident = await departmentIncident(system.id);
    renderDetail(incident.id);
    await screen.findByRole('heading', { name: /予約画面が開かない/ });
    await screen.findByText('読み込み完了');
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.queryByRole('combobox', { name: /結び付ける/ })).not.toBeInTheDocument();
  });

  it('offers nothing on a department’s station', async () => {
    openFreshDatabase();
    await saveStation({
      municipality: '架空市',
      department: '市民課',
      terminal: '窓口PC-01',
      staffName: '山田 花子',
      role: 'department',
    });
    await saveRecord('system', { ...emptySystem(), name: '窓口予約システム' });
    const incident = await departmentIncident();
    renderDetail(incident.id);
    expect(await screen.findByText('窓口予約システム（この端末に未登録）')).toBeInTheDocument();
    await screen.findByText('読み込み完了');
    // Let the page's own live queries settle too before asserting that nothing is offered.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.queryByRole('combobox', { name: /結び付ける/ })).not.toBeInTheDocument();
  });
});
