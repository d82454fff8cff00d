import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { IncidentEditPage } from '../../src/features/incidents/IncidentEditPage.tsx';
import { saveRecord } from '../../src/db/records.ts';
import { emptySystem } from '../../src/domain/system.ts';
import { emptyIncident } from '../../src/domain/incident.ts';
import { createId } from '../../src/domain/ids.ts';

function renderPage(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/incidents/new" element={<IncidentEditPage />} />
        <Route path="/incidents/:id/edit" element={<IncidentEditPage />} />
        <Route path="/incidents/:id" element={<p>詳細画面</p>} />
      </Routes>
    </MemoryRouter>,
  );
}

let codeIncidentId = '';

beforeEach(async () => {
  await freshDatabaseWithStation();
  const system = await saveRecord('system', { ...emptySystem(), name: '住民記録システム' });
  const other = await saveRecord('system', { ...emptySystem(), name: '税務システム' });
  const base = {
    occurredAt: '2026-03-01T01:00:00.000Z',
    reporterName: '山田',
    department: '市民課',
  };
  await saveRecord('incident', {
    ...emptyIncident(base),
    title: '証明書の印刷が遅い',
    systemId: system.id,
    symptoms: '印刷に数分かかる',
  });
  const withCode = await saveRecord('incident', {
    ...emptyIncident(base),
    title: '転入届の登録でエラー',
    systemId: other.id,
    errorMessage: 'ERR-102 住所コードが不正です',
    status: 'resolved',
    cause: '住所マスタの更新漏れ',
    countermeasure: 'ベンダーが住所マスタを更新した',
    attempts: [{ id: createId(), action: '画面を開き直した', result: '変わらず' }],
  });
  codeIncidentId = withCode.id;
});

describe('過去の事例', () => {
  it('shows nothing until something is typed', async () => {
    renderPage('/incidents/new');
    const panel = await screen.findByRole('complementary', { name: '過去の事例' });
    expect(
      within(panel).getByText(/入力すると、似た障害の記録をここに表示します/),
    ).toBeInTheDocument();
    expect(within(panel).queryAllByRole('link')).toHaveLength(0);
  });

  it('brings up the incident with the typed error code first, with its reason and fix', async () => {
    const user = userEvent.setup();
    renderPage('/incidents/new');
    await screen.findByRole('option', { name: '住民記録システム' });
    await user.selectOptions(await screen.findByLabelText(/^システム/), '住民記録システム');
    await user.type(screen.getByLabelText(/^件名/), '印刷');
    await user.type(screen.getByLabelText(/^エラーメッセージ/), 'ｅｒｒ－１０２');
    // Typing is never lost to the suggestions.
    expect(screen.getByLabelText(/^エラーメッセージ/)).toHaveValue('ｅｒｒ－１０２');
    const panel = screen.getByRole('complementary', { name: '過去の事例' });
    await waitFor(
      () =>
        expect(
          within(panel)
            .getAllByRole('link')
            .map((l) => l.textContent),
        ).toEqual(['転入届の登録でエラー', '証明書の印刷が遅い']),
      { timeout: 5000 },
    );
    const first = within(panel).getAllByRole('listitem')[0]!;
    expect(within(first).getByText('同じエラーコード')).toBeInTheDocument();
    expect(await within(first).findByText('住所マスタの更新漏れ')).toBeInTheDocument();
    expect(within(first).getByText('ベンダーが住所マスタを更新した')).toBeInTheDocument();
    expect(within(first).getByText('画面を開き直した → 変わらず')).toBeInTheDocument();
    expect(within(panel).getAllByRole('listitem')[1]).toHaveTextContent('同じシステム・似た症状');
    await user.click(within(first).getByRole('link'));
    expect(await screen.findByText('詳細画面')).toBeInTheDocument();
  });

  it('does not suggest the incident being edited', async () => {
    renderPage(`/incidents/${codeIncidentId}/edit`);
    const panel = await screen.findByRole('complementary', { name: '過去の事例' });
    await screen.findByDisplayValue('転入届の登録でエラー');
    await waitFor(() =>
      expect(within(panel).getByText('似た障害の記録は見つかりません。')).toBeInTheDocument(),
    );
  });
});
