import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { ProcedureListPage } from '../../src/features/procedures/ProcedureListPage.tsx';
import { ProcedureDetailPage } from '../../src/features/procedures/ProcedureDetailPage.tsx';
import { saveRecord } from '../../src/db/records.ts';
import { saveStation } from '../../src/db/station.ts';
import { emptySystem } from '../../src/domain/system.ts';
import type { ProcedureData } from '../../src/domain/procedure.ts';
import type { SonaeDatabase } from '../../src/db/database.ts';
import type { Station } from '../../src/domain/station.ts';

let db: SonaeDatabase;
let station: Station;

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/procedures" element={<ProcedureListPage />} />
        <Route path="/procedures/new" element={<p>作成画面</p>} />
        <Route path="/procedures/:id" element={<ProcedureDetailPage />} />
        <Route path="/procedures/:id/edit" element={<p>編集画面</p>} />
        <Route path="/systems/:id" element={<p>システムの画面</p>} />
      </Routes>
    </MemoryRouter>,
  );
}

function procedureData(patch: Partial<ProcedureData> = {}): ProcedureData {
  return {
    title: '住民記録システム停止時の窓口対応',
    systemIds: [],
    trigger: '',
    levels: [],
    steps: [
      { id: '00000000-0000-4000-8000-000000000001', phase: 'initial', role: '', text: '報告する' },
    ],
    residentGuidance: 'ただいま証明書を発行できません。',
    paperForms: [],
    afterRecovery: '',
    owner: '',
    lastReviewedOn: null,
    version: '',
    agreements: [],
    ...patch,
  };
}

async function becomeDepartment() {
  const { id: _id, ...form } = station;
  await saveStation({ ...form, role: 'department' });
}

beforeEach(async () => {
  ({ db, station } = await freshDatabaseWithStation());
});

afterEach(() => {
  vi.useRealTimers();
});

describe('ProcedureListPage', () => {
  it('explains what a 代替手順 is and how to add one when there is none', async () => {
    renderAt('/procedures');
    expect(await screen.findByText('まだ代替手順がありません。')).toBeInTheDocument();
    expect(
      screen.getByText(/様式10「緊急時における行動計画（初動・代替・復旧）」/),
    ).toBeInTheDocument();
    expect(screen.getByText('「新規作成」から追加してください。')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: '新規作成' })).toHaveAttribute(
      'href',
      '/procedures/new',
    );
  });

  it('lists procedures with systems, levels, owner, version and review flags, and searches them', async () => {
    const user = userEvent.setup();
    const resident = await saveRecord('system', { ...emptySystem(), name: '住民記録システム' });
    const tax = await saveRecord('system', { ...emptySystem(), name: '税務システム' });
    await saveRecord(
      'procedure',
      procedureData({
        systemIds: [resident.id],
        levels: [3, 2],
        owner: '市民課長',
        version: '第3版',
        lastReviewedOn: '2020-04-15',
      }),
    );
    await saveRecord('procedure', procedureData({ title: '税務の手順', systemIds: [tax.id] }));
    await saveRecord(
      'procedure',
      procedureData({
        title: 'ＬＡＮ停止時',
        lastReviewedOn: new Date().toISOString().slice(0, 10),
      }),
    );
    renderAt('/procedures');

    const row = (
      await screen.findByRole('link', { name: '住民記録システム停止時の窓口対応' })
    ).closest('tr')!;
    expect(within(row).getByText('住民記録システム')).toBeInTheDocument();
    expect(within(row).getByText('レベル2・レベル3')).toBeInTheDocument();
    expect(within(row).getByText('市民課長')).toBeInTheDocument();
    expect(within(row).getByText('第3版')).toBeInTheDocument();
    expect(within(row).getByText('要見直し（1年以上見直していません）')).toBeInTheDocument();
    const taxRow = screen.getByRole('link', { name: '税務の手順' }).closest('tr')!;
    expect(within(taxRow).getByText('見直し日未記入')).toBeInTheDocument();
    const lanRow = screen.getByRole('link', { name: 'ＬＡＮ停止時' }).closest('tr')!;
    expect(within(lanRow).queryByText(/要見直し|見直し日未記入/)).not.toBeInTheDocument();
    expect(screen.getByText('3件')).toBeInTheDocument();

    // By system name, and by title typed in half-width letters.
    await user.type(screen.getByLabelText('手順名・システム名で探す'), '税務シス');
    expect(screen.getByText('1件（全3件中）')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '税務の手順' })).toBeInTheDocument();
    await user.clear(screen.getByLabelText('手順名・システム名で探す'));
    await user.type(screen.getByLabelText('手順名・システム名で探す'), 'lan');
    expect(screen.getByRole('link', { name: 'ＬＡＮ停止時' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('手順名・システム名で探す'), ' 見つからない');
    expect(screen.getByText('条件に合う代替手順はありません。')).toBeInTheDocument();

    await user.clear(screen.getByLabelText('手順名・システム名で探す'));
    await user.click(screen.getByLabelText(/見直しが必要なものだけ（2件）/));
    expect(screen.getByText('2件（全3件中）')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'ＬＡＮ停止時' })).not.toBeInTheDocument();
  });

  it('hides 新規作成 and says who keeps the procedures on a department station', async () => {
    await becomeDepartment();
    renderAt('/procedures');
    expect(await screen.findByText(/この端末（所管課）では閲覧のみです/)).toBeInTheDocument();
    expect(
      screen.getByText(/情報システム担当が作成し、データ交換で配布します/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '新規作成' })).not.toBeInTheDocument();
  });
});

describe('ProcedureDetailPage', () => {
  it('shows the procedure, the guidance and links to its systems', async () => {
    const user = userEvent.setup();
    const system = await saveRecord('system', { ...emptySystem(), name: '住民記録システム' });
    const stored = await saveRecord('procedure', procedureData({ systemIds: [system.id] }));
    renderAt(`/procedures/${stored.id}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: '住民記録システム停止時の窓口対応' }),
    ).toBeInTheDocument();
    const guidance = screen.getByRole('complementary', { name: '住民への案内' });
    expect(within(guidance).getByText('ただいま証明書を発行できません。')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '初動' })).toBeInTheDocument();
    // The edit link waits for the station's role, read apart from the procedure.
    expect(await screen.findByRole('link', { name: '編集' })).toHaveAttribute(
      'href',
      `/procedures/${stored.id}/edit`,
    );
    expect(
      screen.getByRole('link', { name: '住民記録システムの障害発生時の画面' }),
    ).toHaveAttribute('href', `/outage/${system.id}`);
    await user.click(screen.getByRole('link', { name: '住民記録システム' }));
    expect(await screen.findByText('システムの画面')).toBeInTheDocument();
  });

  it('records today’s Tokyo date as the review date', async () => {
    // 23:30 in UTC on the 28th is already the 29th in Tokyo.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-28T23:30:00Z'));
    const user = userEvent.setup();
    const stored = await saveRecord('procedure', procedureData({ lastReviewedOn: '2024-01-10' }));
    renderAt(`/procedures/${stored.id}`);
    expect(
      (await screen.findAllByText('要見直し（1年以上見直していません）')).length,
    ).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: '見直しました（今日の日付にする）' }));
    expect(await screen.findByText('最終見直し日を2026年11月29日にしました。')).toBeInTheDocument();
    expect((await db.procedures.get(stored.id))?.lastReviewedOn).toBe('2026-11-29');
    expect(screen.queryByText('要見直し（1年以上見直していません）')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '見直しました（今日の日付にする）' })).toBeDisabled();
    expect((await db.audit.toArray()).at(-1)?.summary).toContain('を更新');
  });

  it('deletes after asking, and says so on the list', async () => {
    const user = userEvent.setup();
    const stored = await saveRecord('procedure', procedureData());
    renderAt(`/procedures/${stored.id}`);
    await user.click(await screen.findByRole('button', { name: '削除' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent(
      '代替手順「住民記録システム停止時の窓口対応」を削除しますか？',
    );
    await user.click(screen.getByRole('button', { name: '削除する' }));
    expect(
      await screen.findByText('代替手順「住民記録システム停止時の窓口対応」を削除しました。'),
    ).toBeInTheDocument();
    expect((await db.procedures.get(stored.id))?.deleted).toBe(true);
  });

  it('shows no editing actions on a department station', async () => {
    await becomeDepartment();
    const stored = await saveRecord('procedure', procedureData());
    renderAt(`/procedures/${stored.id}`);
    expect(await screen.findByText(/この端末（所管課）では閲覧のみです/)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '初動' })).toBeInTheDocument();
    for (const name of ['編集', '削除', '見直しました（今日の日付にする）'])
      expect(
        screen.queryByRole(name === '編集' ? 'link' : 'button', { name }),
      ).not.toBeInTheDocument();
  });

  it('says so when the procedure does not exist', async () => {
    renderAt('/procedures/no-such-procedure');
    expect(await screen.findByText(/この代替手順は見つかりません/)).toBeInTheDocument();
  });
});
