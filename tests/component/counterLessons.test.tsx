import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useParams } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { saveRecord } from '../../src/db/records.ts';
import { emptySystem } from '../../src/domain/system.ts';
import { emptyIncident } from '../../src/domain/incident.ts';
import { IncidentDetailPage } from '../../src/features/incidents/IncidentDetailPage.tsx';
import { ProcedureEditPage } from '../../src/features/procedures/ProcedureEditPage.tsx';
import { procedureData } from '../procedureFixtures.ts';

function SavedPage() {
  return <p>保存後の画面 {useParams().id}</p>;
}

function renderApp(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/incidents/:id" element={<IncidentDetailPage />} />
        <Route path="/procedures/:id" element={<SavedPage />} />
        <Route path="/procedures/:id/edit" element={<ProcedureEditPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

async function setUp(patch: Parameters<typeof emptyIncident>[0] = {}) {
  const { db } = await freshDatabaseWithStation();
  const system = await saveRecord('system', { ...emptySystem(), name: '住民記録システム' });
  const procedure = await saveRecord(
    'procedure',
    procedureData({ title: '住民記録停止時の窓口対応', systemIds: [system.id], version: '第1版' }),
  );
  const incident = await saveRecord(
    'incident',
    emptyIncident({
      title: '転入届が登録できない',
      systemId: system.id,
      occurredAt: '2026-11-20T00:30:00.000Z',
      status: 'resolved',
      cause: '証明書の期限切れ',
      countermeasure: '証明書を更新し、期限を点検に加えた',
      ...patch,
    }),
  );
  return { db, procedure, incident };
}

describe('lessons back into the procedures', () => {
  it('asks after 解決, opens the procedure editor and records the new version on both sides', async () => {
    const { db, procedure, incident } = await setUp();
    const user = userEvent.setup();
    renderApp(`/incidents/${incident.id}`);

    expect(
      await screen.findByRole('heading', { name: 'マニュアル・手順書の更新' }),
    ).toBeInTheDocument();
    await user.click(
      await screen.findByRole('link', { name: '代替手順「住民記録停止時の窓口対応」を更新する' }),
    );

    expect(
      await screen.findByRole('heading', {
        name: /障害記録から手順書を更新: 転入届が登録できない/,
      }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('改訂の内容')).toHaveValue(
      '障害記録「転入届が登録できない」の対策を反映: 証明書を更新し、期限を点検に加えた',
    );
    const version = screen.getByLabelText(/^版/);
    await user.clear(version);
    await user.type(version, '第2版');
    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(await screen.findByText(`保存後の画面 ${procedure.id}`)).toBeInTheDocument();

    const saved = await db.procedures.get(procedure.id);
    expect(saved?.versionHistory).toEqual([
      expect.objectContaining({ version: '第2版', incidentId: incident.id }),
    ]);
    await waitFor(async () => {
      const updated = await db.incidents.get(incident.id);
      expect(updated?.manualUpdated).toBe(true);
      expect(updated?.manualUpdateNote).toMatch(
        /代替手順「住民記録停止時の窓口対応」を第2版に更新/,
      );
    });
  });

  it('does not ask when the cause is unknown or the manual is already updated', async () => {
    const { incident } = await setUp({ cause: '' });
    renderApp(`/incidents/${incident.id}`);
    expect(
      await screen.findByRole('heading', { name: /転入届が登録できない/ }),
    ).toBeInTheDocument();
    await screen.findByRole('link', { name: '報告メモ' });
    expect(screen.queryByRole('heading', { name: 'マニュアル・手順書の更新' })).toBeNull();
  });
});
