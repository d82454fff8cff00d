import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { LevelListPage } from '../../src/features/levels/LevelListPage.tsx';
import { LevelGuide } from '../../src/features/levels/LevelGuide.tsx';
import { saveRecord } from '../../src/db/records.ts';
import { saveStation } from '../../src/db/station.ts';
import { createStoredRecord } from '../../src/domain/storedRecord.ts';
import { demoLevels } from '../../src/demo/demoCatalog.ts';
import type { SonaeDatabase } from '../../src/db/database.ts';

let db: SonaeDatabase;
let stationId: string;

function renderList() {
  return render(
    <MemoryRouter initialEntries={['/levels']}>
      <Routes>
        <Route path="/levels" element={<LevelListPage />} />
        <Route path="/levels/new" element={<p>作成画面</p>} />
        <Route path="/levels/:id/edit" element={<p>編集画面</p>} />
      </Routes>
    </MemoryRouter>,
  );
}

async function becomeDepartment() {
  await saveStation({
    municipality: '架空市',
    department: '市民課',
    terminal: '窓口PC-01',
    staffName: '山田 花子',
    role: 'department',
  });
}

beforeEach(async () => {
  const fresh = await freshDatabaseWithStation();
  db = fresh.db;
  stationId = fresh.station.id;
});

describe('LevelListPage', () => {
  it('explains what levels are when there are none, and how to add one', async () => {
    renderList();
    expect(await screen.findByText('まだ障害レベルが登録されていません。')).toBeInTheDocument();
    expect(screen.getByText(/平常時に合意しておきます/)).toBeInTheDocument();
    expect(screen.getByText(/「新規作成」から/)).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: '新規作成' })).toHaveAttribute(
      'href',
      '/levels/new',
    );
  });

  it('lists the levels in order with criteria, whom to notify, the deadline and questions', async () => {
    for (const level of [...demoLevels].reverse()) await saveRecord('incidentLevel', level);
    renderList();
    const headings = await screen.findAllByRole('heading', { level: 2 });
    expect(headings.map((h) => h.textContent)).toEqual([
      'レベル1 軽微',
      'レベル2 中程度',
      'レベル3 重大',
      'レベル4 緊急',
    ]);
    const serious = screen.getByRole('article', { name: 'レベル3 重大' });
    expect(within(serious).getByText(/非常時優先業務が止まっている/)).toBeInTheDocument();
    expect(within(serious).getByText('所管課長、情報政策課長、総務部長')).toBeInTheDocument();
    expect(within(serious).getByText('発生から15分以内')).toBeInTheDocument();
    expect(within(serious).getByText(/紙での受付に切り替える必要がある/)).toBeInTheDocument();
    expect(within(serious).getByRole('link', { name: 'レベル3 重大を編集' })).toBeInTheDocument();
    expect(within(serious).getByRole('button', { name: '削除' })).toBeInTheDocument();
  });

  it('deletes a level after asking, warning about incidents at that level', async () => {
    const user = userEvent.setup();
    const level = await saveRecord('incidentLevel', demoLevels[0]!);
    renderList();
    await user.click(await screen.findByRole('button', { name: '削除' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent(
      '障害レベル「レベル1 軽微」を削除しますか？',
    );
    await user.click(screen.getByRole('button', { name: '削除する' }));
    expect(
      await screen.findByText('障害レベル「レベル1 軽微」を削除しました。'),
    ).toBeInTheDocument();
    expect((await db.incidentLevels.get(level.id))?.deleted).toBe(true);
  });

  it('warns about two levels with one number (left by an import)', async () => {
    await saveRecord('incidentLevel', demoLevels[1]!);
    // Written directly, as an import would: the form itself refuses a duplicate number.
    await db.incidentLevels.put(
      createStoredRecord(
        'incidentLevel',
        { ...demoLevels[1]!, name: '中程度（別の端末）' },
        stationId,
        new Date().toISOString(),
      ),
    );
    renderList();
    expect(await screen.findByText(/レベル2が複数あります/)).toBeInTheDocument();
  });

  it('is read-only on a department station', async () => {
    await saveRecord('incidentLevel', demoLevels[0]!);
    await becomeDepartment();
    renderList();
    expect(await screen.findByText(/障害レベルは情報システム担当が管理し/)).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'レベル1 軽微' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '新規作成' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '削除' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /編集/ })).not.toBeInTheDocument();
  });
});

describe('LevelGuide', () => {
  it('shows every level with its criteria and whom to notify within how long', async () => {
    for (const level of demoLevels) await saveRecord('incidentLevel', level);
    render(
      <MemoryRouter>
        <LevelGuide compact />
      </MemoryRouter>,
    );
    const table = await screen.findByRole('table', { name: '障害レベルの目安と連絡の期限' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(5);
    expect(rows[2]).toHaveTextContent('レベル2中程度');
    expect(rows[2]).toHaveTextContent('所管課長、情報政策課発生から30分以内');
    // Compact: no 対応内容 column.
    expect(within(table).queryByRole('columnheader', { name: '対応内容' })).toBeNull();
  });

  it('points to where levels are registered when there are none', async () => {
    render(
      <MemoryRouter>
        <LevelGuide />
      </MemoryRouter>,
    );
    expect(await screen.findByRole('link', { name: '障害レベル' })).toHaveAttribute(
      'href',
      '/levels',
    );
  });
});
