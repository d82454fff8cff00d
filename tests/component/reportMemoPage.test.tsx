import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { saveRecord } from '../../src/db/records.ts';
import { emptySystem } from '../../src/domain/system.ts';
import { emptyIncident } from '../../src/domain/incident.ts';
import { emptyContact } from '../../src/features/contacts/contactFormValues.ts';
import { ReportMemoPage } from '../../src/features/incidents/ReportMemoPage.tsx';

async function setUp() {
  const { db } = await freshDatabaseWithStation();
  const system = await saveRecord('system', { ...emptySystem(), name: '住民記録システム' });
  await saveRecord('contact', {
    ...emptyContact(),
    name: 'サポートセンター',
    organization: '架空システムズ',
    kind: 'vendor',
    phones: [{ label: '代表', number: '03-0000-0000' }],
    contractNumber: 'K-0001',
    systemIds: [system.id],
    escalationOrder: 1,
  });
  const incident = await saveRecord(
    'incident',
    emptyIncident({
      title: '転入届が登録できない',
      systemId: system.id,
      occurredAt: '2026-11-20T00:30:00.000Z',
      terminal: '窓口PC-01',
      errorMessage: 'E-1234',
    }),
  );
  render(
    <MemoryRouter initialEntries={[`/incidents/${incident.id}/memo`]}>
      <Routes>
        <Route path="/incidents/:id/memo" element={<ReportMemoPage />} />
      </Routes>
    </MemoryRouter>,
  );
  return { db, incident };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('報告メモ screen', () => {
  it("shows the facts in the seed's order, 未記入 where empty, and the number to quote", async () => {
    await setUp();
    const facts = await screen.findByRole('list', { name: '報告する内容（この順番で）' });
    expect(
      within(facts)
        .getAllByRole('heading')
        .map((h) => h.textContent),
    ).toEqual([
      '1. いつ',
      '2. どこで',
      '3. どのような操作',
      '4. どのような症状',
      '5. 他の職員への影響',
      '6. 試したこと',
    ]);
    expect(within(facts).getAllByText('未記入').length).toBeGreaterThan(3);
    expect(within(facts).getByText('「E-1234」')).toBeInTheDocument();
    expect(screen.getByText('K-0001')).toBeInTheDocument();
    expect(screen.getByText('架空システムズ サポートセンター')).toBeInTheDocument();
  });

  it('logs the call with the facts ticked, without retyping', async () => {
    const { db, incident } = await setUp();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('checkbox', { name: 'いつを伝えた' }));
    await user.click(screen.getByRole('checkbox', { name: '試したことを伝えた' }));
    await user.click(screen.getByRole('button', { name: '通話を記録' }));
    expect(
      await screen.findByText('「架空システムズ サポートセンター」への電話を経過に記録しました。'),
    ).toBeInTheDocument();
    const saved = await db.incidents.get(incident.id);
    expect(saved?.contactsMade).toEqual([
      expect.objectContaining({
        who: '架空システムズ サポートセンター',
        method: 'phone',
        summary: '報告メモで報告（伝えた項目: いつ・試したこと）',
      }),
    ]);
    expect(saved?.timeline.at(-1)?.text).toContain('架空システムズ サポートセンターに電話');
    expect(screen.getByRole('checkbox', { name: 'いつを伝えた' })).not.toBeChecked();
  });

  it('copies through a selected textarea where there is no async clipboard (plain HTTP)', async () => {
    await setUp();
    const user = userEvent.setup();
    let copied = '';
    const exec = vi.fn(() => {
      copied = (document.activeElement as HTMLTextAreaElement).value;
      return true;
    });
    Object.defineProperty(document, 'execCommand', { value: exec, configurable: true });
    await user.click(await screen.findByRole('button', { name: 'テキストをコピー' }));
    expect(exec).toHaveBeenCalledWith('copy');
    expect(copied).toMatch(/^【報告メモ】住民記録システム\n/);
    expect(copied).toContain('1. いつ: 令和8年11月20日（2026年） 9:30');
    expect(await screen.findByText(/テキストをコピーしました/)).toBeInTheDocument();

    exec.mockReturnValue(false);
    await user.click(screen.getByRole('button', { name: 'テキストをコピー' }));
    expect(await screen.findByText(/コピーできませんでした/)).toBeInTheDocument();
    expect(screen.getByLabelText('報告メモのテキスト')).toBeVisible();
  });
});
