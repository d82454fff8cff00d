import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useParams } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { ProcedureEditPage } from '../../src/features/procedures/ProcedureEditPage.tsx';
import { deleteRecord, saveRecord } from '../../src/db/records.ts';
import { saveStation } from '../../src/db/station.ts';
import { emptySystem } from '../../src/domain/system.ts';
import type { ProcedureData } from '../../src/domain/procedure.ts';
import type { SonaeDatabase } from '../../src/db/database.ts';
import type { Station } from '../../src/domain/station.ts';

let db: SonaeDatabase;
let station: Station;

function SavedPage() {
  return <p>保存後の画面 {useParams().id}</p>;
}

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/procedures" element={<p>代替手順の一覧</p>} />
        <Route path="/procedures/new" element={<ProcedureEditPage />} />
        <Route path="/procedures/:id" element={<SavedPage />} />
        <Route path="/procedures/:id/edit" element={<ProcedureEditPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

async function addLevel(level: number, name: string) {
  return saveRecord('incidentLevel', {
    level,
    name,
    criteria: `${name}の基準`,
    actions: '',
    notify: '',
    notifyWithinMinutes: null,
  });
}

function storedProcedure(patch: Partial<ProcedureData> = {}): ProcedureData {
  return {
    title: '住民記録システム停止時の窓口対応',
    systemIds: [],
    trigger: '',
    levels: [],
    steps: [],
    residentGuidance: '',
    paperForms: [],
    afterRecovery: '',
    owner: '',
    lastReviewedOn: null,
    version: '',
    agreements: [],
    ...patch,
  };
}

beforeEach(async () => {
  ({ db, station } = await freshDatabaseWithStation());
});

describe('ProcedureEditPage', () => {
  it('refuses a procedure without a title, an empty step and an incomplete agreement', async () => {
    const user = userEvent.setup();
    renderAt('/procedures/new');
    await user.click(await screen.findByRole('button', { name: '初動の手順を追加' }));
    await user.click(screen.getByRole('button', { name: '合意事項を追加' }));
    await user.type(screen.getByLabelText(/合意 1 の内容/), '一次報告は30分以内に電話で行う');
    await user.click(screen.getByRole('button', { name: '紙の様式を追加' }));
    await user.click(screen.getByRole('button', { name: '保存する' }));

    expect(await screen.findByText('手順名を入力してください')).toBeInTheDocument();
    expect(
      screen.getByText('手順の内容を入力してください（不要な手順は削除してください）'),
    ).toBeInTheDocument();
    expect(screen.getByText('合意した日付を入力してください')).toBeInTheDocument();
    expect(
      screen.getByText('合意の相手を入力してください（例: 架空システムズ株式会社）'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('様式の名前を入力してください（不要な行は削除してください）'),
    ).toBeInTheDocument();
    expect(screen.getByText('入力内容を確認してください（5件）。')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText(/手順名/)).toHaveFocus());
    expect(await db.procedures.count()).toBe(0);
  });

  it('refuses a review date in the future', async () => {
    const user = userEvent.setup();
    renderAt('/procedures/new');
    await user.type(await screen.findByLabelText(/手順名/), '窓口受付システム停止時');
    const reviewed = screen.getByLabelText(/最終見直し日/);
    await user.clear(reviewed);
    await user.type(reviewed, '2999-01-01');
    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(await screen.findByText('最終見直し日が未来の日付になっています')).toBeInTheDocument();
    expect(await db.procedures.count()).toBe(0);
  });

  it('moves steps up and down within their phase and saves them in that order', async () => {
    const user = userEvent.setup();
    renderAt('/procedures/new');
    await user.type(await screen.findByLabelText(/手順名/), '税務システム停止時');
    for (const text of ['記録する', '報告する', '案内する']) {
      await user.click(screen.getByRole('button', { name: '初動の手順を追加' }));
      const boxes = screen.getAllByLabelText(/^初動 \d の手順/);
      await user.type(boxes[boxes.length - 1]!, text);
    }
    await user.click(screen.getByRole('button', { name: '復旧の手順を追加' }));
    await user.type(screen.getByLabelText(/復旧 1 の手順/), '紙の記録を入力する');

    // The first step cannot go up, the last of a phase cannot go down into the next phase.
    expect(screen.getByRole('button', { name: '初動 1 を上へ移動' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '初動 3 を下へ移動' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: '初動 3 を上へ移動' }));
    expect(screen.getByLabelText(/初動 2 の手順/)).toHaveValue('案内する');
    await user.click(screen.getByRole('button', { name: '初動 1 を下へ移動' }));
    expect(screen.getByLabelText(/初動 1 の手順/)).toHaveValue('案内する');
    expect(screen.getByLabelText(/初動 2 の手順/)).toHaveValue('記録する');
    await user.click(screen.getByRole('button', { name: '初動 3 を削除' }));
    await user.type(screen.getByLabelText(/初動 1 の担当/), '係長');

    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(await screen.findByText(/保存後の画面/)).toBeInTheDocument();
    const [saved] = await db.procedures.toArray();
    expect(saved!.steps.map((s) => [s.phase, s.role, s.text])).toEqual([
      ['initial', '係長', '案内する'],
      ['initial', '', '記録する'],
      ['recovery', '', '紙の記録を入力する'],
    ]);
  });

  it('saves every field, with systems and levels chosen by name', async () => {
    const user = userEvent.setup();
    const system = await saveRecord('system', { ...emptySystem(), name: '住民記録システム' });
    await saveRecord('system', { ...emptySystem(), name: '税務システム' });
    await addLevel(2, '中程度');
    await addLevel(3, '重大');
    renderAt('/procedures/new');
    await user.type(await screen.findByLabelText(/手順名/), '住民記録システム停止時の窓口対応');
    await user.click(screen.getByRole('checkbox', { name: '住民記録システム' }));
    await user.type(screen.getByLabelText(/開始の判断/), '15分以上使えないとき');
    await user.click(screen.getByRole('checkbox', { name: 'レベル3 重大' }));
    for (const phase of ['初動', '代替', '復旧']) {
      await user.click(screen.getByRole('button', { name: `${phase}の手順を追加` }));
      await user.type(screen.getByLabelText(new RegExp(`${phase} 1 の手順`)), `${phase}ですること`);
    }
    await user.type(screen.getByLabelText(/住民への案内/), 'ただいま証明書を発行できません。');
    await user.click(screen.getByRole('button', { name: '紙の様式を追加' }));
    await user.type(screen.getByLabelText('紙の様式 1'), '様式A 紙の受付簿');
    await user.type(screen.getByLabelText(/後処理/), '当日中に入力する');
    await user.click(screen.getByRole('button', { name: '合意事項を追加' }));
    await user.type(screen.getByLabelText(/合意 1 の日付/), '2026-04-10');
    await user.type(screen.getByLabelText(/合意 1 の相手/), '架空システムズ株式会社');
    await user.type(screen.getByLabelText(/合意 1 の内容/), '一次報告は30分以内');
    await user.type(screen.getByLabelText(/責任者/), '市民課長');
    await user.type(screen.getByLabelText(/^版/), '第1版');
    await user.click(screen.getByRole('button', { name: '保存する' }));

    expect(await screen.findByText(/保存後の画面/)).toBeInTheDocument();
    const [saved] = await db.procedures.toArray();
    expect(saved).toMatchObject({
      title: '住民記録システム停止時の窓口対応',
      systemIds: [system.id],
      trigger: '15分以上使えないとき',
      levels: [3],
      residentGuidance: 'ただいま証明書を発行できません。',
      paperForms: ['様式A 紙の受付簿'],
      afterRecovery: '当日中に入力する',
      owner: '市民課長',
      version: '第1版',
      agreements: [
        { date: '2026-04-10', parties: '架空システムズ株式会社', content: '一次報告は30分以内' },
      ],
    });
    expect(saved!.steps.map((s) => s.phase)).toEqual(['initial', 'fallback', 'recovery']);
    // A new procedure counts as reviewed the day it is written.
    expect(saved!.lastReviewedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(screen.getByText(`保存後の画面 ${saved!.id}`)).toBeInTheDocument();
    expect(await db.drafts.count()).toBe(0);
  });

  it('warns about a missing 初動 but saves anyway', async () => {
    const user = userEvent.setup();
    renderAt('/procedures/new');
    await user.type(await screen.findByLabelText(/手順名/), 'コンビニ交付停止時の案内');
    expect(screen.getByText(/初動の手順がありません/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '代替の手順を追加' }));
    await user.type(screen.getByLabelText(/代替 1 の手順/), '窓口で交付する');
    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(await screen.findByText(/保存後の画面/)).toBeInTheDocument();
    expect(await db.procedures.count()).toBe(1);
  });

  it('shows references to a deleted system and a missing level, and saves once they are unticked', async () => {
    const user = userEvent.setup();
    const kept = await saveRecord('system', { ...emptySystem(), name: '住民記録システム' });
    const gone = await saveRecord('system', { ...emptySystem(), name: '旧システム' });
    await addLevel(2, '中程度');
    const stored = await saveRecord(
      'procedure',
      storedProcedure({ systemIds: [kept.id, gone.id], levels: [2, 5] }),
    );
    await deleteRecord('system', gone.id);
    renderAt(`/procedures/${stored.id}/edit`);

    const deletedBox = await screen.findByRole('checkbox', { name: '（削除されたシステム）' });
    expect(deletedBox).toBeChecked();
    const missingLevel = screen.getByRole('checkbox', { name: 'レベル5（登録されていません）' });
    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(
      await screen.findByText('削除されたシステムが対象に入っています。チェックを外してください。'),
    ).toBeInTheDocument();
    expect(screen.getByText(/登録されていない障害レベル（レベル5）/)).toBeInTheDocument();
    await waitFor(() => expect(deletedBox).toHaveFocus());

    await user.click(deletedBox);
    await user.click(missingLevel);
    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(await screen.findByText(/保存後の画面/)).toBeInTheDocument();
    expect(await db.procedures.get(stored.id)).toMatchObject({ systemIds: [kept.id], levels: [2] });
  });

  it('ticks the system named in ?system= for a new procedure', async () => {
    const system = await saveRecord('system', { ...emptySystem(), name: '住民記録システム' });
    await saveRecord('system', { ...emptySystem(), name: '税務システム' });
    renderAt(`/procedures/new?system=${system.id}`);
    expect(await screen.findByRole('checkbox', { name: '住民記録システム' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: '税務システム' })).not.toBeChecked();
  });

  it('says where to register systems when there are none', async () => {
    renderAt('/procedures/new');
    const systems = (await screen.findByText('対象システム', { selector: 'legend' })).closest(
      'fieldset',
    )!;
    expect(within(systems).getByText(/システムがまだ登録されていません/)).toBeInTheDocument();
    expect(within(systems).getByRole('link', { name: 'システムを登録' })).toHaveAttribute(
      'href',
      '/systems/new',
    );
  });

  it('shows the read-only notice instead of the form on a department station', async () => {
    const { id: _id, ...form } = station;
    await saveStation({ ...form, role: 'department' });
    renderAt('/procedures/new');
    expect(await screen.findByText(/この端末（所管課）では閲覧のみです/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '保存する' })).not.toBeInTheDocument();
  });

  it('says so when the procedure does not exist', async () => {
    renderAt('/procedures/no-such-procedure/edit');
    expect(await screen.findByText(/この代替手順は見つかりません/)).toBeInTheDocument();
  });
});
