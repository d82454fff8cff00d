import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { IncidentEditPage } from '../../src/features/incidents/IncidentEditPage.tsx';
import { saveRecord } from '../../src/db/records.ts';
import { emptySystem } from '../../src/domain/system.ts';
import { demoLevels } from '../../src/demo/demoCatalog.ts';
import type { SonaeDatabase } from '../../src/db/database.ts';

let db: SonaeDatabase;

function renderNewIncident() {
  return render(
    <MemoryRouter initialEntries={['/incidents/new']}>
      <Routes>
        <Route path="/incidents/new" element={<IncidentEditPage />} />
        <Route path="/incidents/:id" element={<p>詳細画面</p>} />
      </Routes>
    </MemoryRouter>,
  );
}

type User = ReturnType<typeof userEvent.setup>;

async function answer(user: User, question: string, choice: 'はい' | 'いいえ') {
  const group = screen.getByRole('radiogroup', { name: question });
  await user.click(within(group).getByRole('radio', { name: choice }));
}

async function openBlock(user: User) {
  await user.click(await screen.findByText('レベルの目安'));
}

beforeEach(async () => {
  ({ db } = await freshDatabaseWithStation());
  await saveRecord('system', { ...emptySystem(), name: '住民記録システム' });
});

describe('レベルの目安 in the incident form', () => {
  it('suggests the highest level answered yes, and sets it on request', async () => {
    const user = userEvent.setup();
    for (const level of demoLevels) await saveRecord('incidentLevel', level);
    renderNewIncident();
    await openBlock(user);
    expect(screen.getByText('「はい」と答えた質問はまだありません。')).toBeInTheDocument();
    await answer(user, '住民の待ち時間が30分を超えそう', 'はい');
    await answer(user, '紙での受付に切り替える必要がある', 'はい');
    await answer(user, 'ほかの課でも同じ症状が出ている', 'いいえ');
    expect(screen.getByText('目安: レベル3（重大）')).toBeInTheDocument();
    expect(screen.getByText(/「はい」: 紙での受付に切り替える必要がある/)).toBeInTheDocument();
    const level = screen.getByLabelText(/^障害レベル/);
    expect(level).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'このレベルにする' }));
    expect(level).toHaveValue('3');
    expect(screen.getByText('障害レベルは目安と同じレベル3です。')).toBeInTheDocument();

    // A "no" takes the yes back: the suggestion falls to level 2.
    await answer(user, '紙での受付に切り替える必要がある', 'いいえ');
    expect(screen.getByText('目安: レベル2（中程度）')).toBeInTheDocument();
    // Always overridable: the person picks another level and that is what is saved.
    await user.selectOptions(level, 'レベル4 緊急');
    await user.type(screen.getByLabelText(/件名/), '証明書が印刷できない');
    await user.selectOptions(screen.getByLabelText(/^システム/), '住民記録システム');
    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(await screen.findByText('詳細画面')).toBeInTheDocument();
    const [saved] = await db.incidents.toArray();
    expect(saved?.level).toBe(4);
  });

  it('keeps the answers when the block is closed and opened again, and clears them on request', async () => {
    const user = userEvent.setup();
    for (const level of demoLevels) await saveRecord('incidentLevel', level);
    renderNewIncident();
    await openBlock(user);
    await answer(user, '個人情報が漏れた、または漏れたおそれがある', 'はい');
    await user.click(screen.getByText('レベルの目安'));
    // Closed, the summary still tells the suggestion.
    expect(screen.getByText('目安: レベル4（緊急）')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'このレベルにする' })).toBeNull();
    await user.click(screen.getByText('レベルの目安'));
    await user.click(screen.getByRole('button', { name: '答えを消す' }));
    expect(screen.getByText('「はい」と答えた質問はまだありません。')).toBeInTheDocument();
  });

  it('cannot set a suggested level that no level defines', async () => {
    const user = userEvent.setup();
    await saveRecord('incidentLevel', {
      ...demoLevels[0]!,
      questions: [{ ...demoLevels[0]!.questions![0]!, text: '全庁で止まった', impliesLevel: 5 }],
    });
    renderNewIncident();
    await openBlock(user);
    await answer(user, '全庁で止まった', 'はい');
    expect(screen.getByText('目安: レベル5')).toBeInTheDocument();
    expect(screen.getByText(/レベル5は障害レベルに登録されていないため選べません/)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'このレベルにする' })).toBeNull();
  });

  it('is not shown when no level has questions', async () => {
    await saveRecord('incidentLevel', { ...demoLevels[0]!, questions: [] });
    renderNewIncident();
    expect(await screen.findByLabelText(/^障害レベル/)).toBeInTheDocument();
    expect(screen.queryByText('レベルの目安')).toBeNull();
  });
});
