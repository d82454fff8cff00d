import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { LevelEditPage } from '../../src/features/levels/LevelEditPage.tsx';
import { saveRecord } from '../../src/db/records.ts';
import { saveStation } from '../../src/db/station.ts';
import type { SonaeDatabase } from '../../src/db/database.ts';
import type { IncidentLevelData } from '../../src/domain/incidentLevel.ts';

let db: SonaeDatabase;

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/levels" element={<p>レベル一覧</p>} />
        <Route path="/levels/new" element={<LevelEditPage />} />
        <Route path="/levels/:id/edit" element={<LevelEditPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

const serious: IncidentLevelData = {
  level: 3,
  name: '重大',
  criteria: '非常時優先業務が止まっている',
  actions: '',
  notify: '情報政策課長',
  notifyWithinMinutes: 15,
  questions: [
    {
      id: '00000000-0000-4000-8000-000000000031',
      text: '証明書の交付が止まっている',
      impliesLevel: 3,
    },
  ],
};

beforeEach(async () => {
  ({ db } = await freshDatabaseWithStation());
});

describe('LevelEditPage', () => {
  it('creates a level with full-width minutes and a question, then returns to the list', async () => {
    const user = userEvent.setup();
    await saveRecord('incidentLevel', serious);
    renderAt('/levels/new');
    // The first free number is preselected; the used one says by which level.
    const number = await screen.findByLabelText(/^レベル（必須）/);
    expect(number).toHaveValue('1');
    expect(
      within(number).getByRole('option', { name: '3（「重大」で使用中）' }),
    ).toBeInTheDocument();
    await user.type(screen.getByLabelText(/^レベル名/), '軽微');
    await user.type(screen.getByLabelText(/^判断基準/), '一部の端末だけに影響');
    await user.type(screen.getByLabelText(/^連絡先（誰に）/), '係長');
    await user.type(screen.getByLabelText(/^連絡の期限（分）/), '２４０分');
    await user.click(screen.getByRole('button', { name: '質問を追加' }));
    await user.type(screen.getByLabelText('質問 1'), 'ほかの端末では使える');
    expect(screen.getByLabelText('質問 1 に「はい」なら')).toHaveValue('1');
    expect(
      within(screen.getByLabelText('質問 1 に「はい」なら')).getByRole('option', {
        name: 'レベル3（重大）以上',
      }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(await screen.findByText('レベル一覧')).toBeInTheDocument();
    const saved = (await db.incidentLevels.toArray()).find((l) => l.level === 1);
    expect(saved).toMatchObject({
      name: '軽微',
      notify: '係長',
      notifyWithinMinutes: 240,
      questions: [{ text: 'ほかの端末では使える', impliesLevel: 1 }],
    });
  });

  it('refuses a level number another level already uses, naming that level', async () => {
    const user = userEvent.setup();
    await saveRecord('incidentLevel', serious);
    renderAt('/levels/new');
    await user.selectOptions(await screen.findByLabelText(/^レベル（必須）/), '3');
    await user.type(screen.getByLabelText(/^レベル名/), '重大その2');
    await user.type(screen.getByLabelText(/^判断基準/), '複数の課に影響');
    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(
      await screen.findByText(
        'レベル3は「重大」で使われています。別の番号を選ぶか、「重大」のほうを編集してください',
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText(/^レベル（必須）/)).toHaveFocus());
    expect(await db.incidentLevels.count()).toBe(1);
  });

  it('moves the questions written for the level along when its number is changed', async () => {
    const user = userEvent.setup();
    renderAt('/levels/new');
    const number = await screen.findByLabelText(/^レベル（必須）/);
    await user.selectOptions(number, '2');
    await user.click(screen.getByRole('button', { name: '質問を追加' }));
    await user.click(screen.getByRole('button', { name: '質問を追加' }));
    await user.selectOptions(screen.getByLabelText('質問 2 に「はい」なら'), '4');
    await user.selectOptions(number, '3');
    expect(screen.getByLabelText('質問 1 に「はい」なら')).toHaveValue('3');
    expect(screen.getByLabelText('質問 2 に「はい」なら')).toHaveValue('4');
  });

  it('names every missing or malformed field and saves nothing', async () => {
    const user = userEvent.setup();
    renderAt('/levels/new');
    await user.selectOptions(await screen.findByLabelText(/^レベル（必須）/), '');
    await user.type(screen.getByLabelText(/^連絡の期限（分）/), '三十分');
    await user.click(screen.getByRole('button', { name: '質問を追加' }));
    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(await screen.findByText('レベルの番号を選んでください')).toBeInTheDocument();
    expect(screen.getByText('レベル名を入力してください')).toBeInTheDocument();
    expect(screen.getByText('判断基準を入力してください')).toBeInTheDocument();
    expect(
      screen.getByText(
        '連絡の期限は分を数字で入力してください（例: 30）。期限がなければ空欄にします',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('質問を入力してください')).toBeInTheDocument();
    expect(screen.getByText('入力内容を確認してください（5件）。')).toBeInTheDocument();
    expect(await db.incidentLevels.count()).toBe(0);
  });

  it('refuses a deadline longer than 30 days and negative minutes', async () => {
    const user = userEvent.setup();
    renderAt('/levels/new');
    await user.type(await screen.findByLabelText(/^レベル名/), '軽微');
    await user.type(screen.getByLabelText(/^判断基準/), '一部の端末だけ');
    const minutes = screen.getByLabelText(/^連絡の期限（分）/);
    await user.type(minutes, '50000');
    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(
      await screen.findByText('連絡の期限は43200分（30日）以内で入力してください'),
    ).toBeInTheDocument();
    await user.clear(minutes);
    await user.type(minutes, '-5');
    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(await screen.findByText(/連絡の期限は分を数字で入力してください/)).toBeInTheDocument();
    expect(await db.incidentLevels.count()).toBe(0);
  });

  it('edits a level: keeps its own number, removes a question, empties the deadline', async () => {
    const user = userEvent.setup();
    const stored = await saveRecord('incidentLevel', serious);
    renderAt(`/levels/${stored.id}/edit`);
    expect(
      await screen.findByRole('heading', { name: '障害レベルの編集: レベル3 重大' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/^レベル（必須）/)).toHaveValue('3');
    expect(screen.getByLabelText('質問 1')).toHaveValue('証明書の交付が止まっている');
    await user.click(screen.getByRole('button', { name: '質問 1 を削除' }));
    await user.clear(screen.getByLabelText(/^連絡の期限（分）/));
    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(await screen.findByText('レベル一覧')).toBeInTheDocument();
    expect(await db.incidentLevels.get(stored.id)).toMatchObject({
      level: 3,
      notifyWithinMinutes: null,
      questions: [],
    });
  });

  it('says so when the level does not exist', async () => {
    renderAt('/levels/no-such-level/edit');
    expect(await screen.findByText(/この障害レベルは見つかりません/)).toBeInTheDocument();
  });

  it('shows the read-only notice instead of the form on a department station', async () => {
    await saveStation({
      municipality: '架空市',
      department: '市民課',
      terminal: '窓口PC-01',
      staffName: '山田 花子',
      role: 'department',
    });
    renderAt('/levels/new');
    expect(await screen.findByText(/障害レベルは情報システム担当が管理し/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '保存する' })).not.toBeInTheDocument();
  });
});
