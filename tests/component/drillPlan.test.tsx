import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { DrillEditPage } from '../../src/features/drills/DrillEditPage.tsx';
import { DrillDetailPage } from '../../src/features/drills/DrillDetailPage.tsx';
import { DrillEndPage } from '../../src/features/drills/DrillEndPage.tsx';
import { DrillBanner } from '../../src/features/drills/DrillBanner.tsx';
import { saveRecord } from '../../src/db/records.ts';
import { endDrill, loadActiveDrill, startDrill } from '../../src/db/drills.ts';
import { emptySystem } from '../../src/domain/system.ts';
import { emptyDrill } from '../../src/domain/drill.ts';
import type { SonaeDatabase } from '../../src/db/database.ts';

let db: SonaeDatabase;
let systemId: string;

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <DrillBanner />
      <Routes>
        <Route path="/drills" element={<p>訓練一覧</p>} />
        <Route path="/drills/new" element={<DrillEditPage />} />
        <Route path="/drills/:id" element={<DrillDetailPage />} />
        <Route path="/drills/:id/edit" element={<DrillEditPage />} />
        <Route path="/drills/:id/end" element={<DrillEndPage />} />
        <Route path="/outage/:systemId" element={<p>障害発生時の画面</p>} />
      </Routes>
    </MemoryRouter>,
  );
}

/** A stored plan for the drill screens to start from. */
function planDrill() {
  return saveRecord('drill', {
    ...emptyDrill(),
    title: '窓口停止訓練',
    plannedOn: '2026-12-10',
    systemId,
    scenario: '朝9時にシステムが止まる',
  });
}

beforeEach(async () => {
  ({ db } = await freshDatabaseWithStation());
  systemId = (await saveRecord('system', { ...emptySystem(), name: '住民記録システム' })).id;
});

describe('the drill plan (様式12)', () => {
  it('refuses bad input with Japanese messages and saves nothing', async () => {
    const user = userEvent.setup();
    renderAt('/drills/new');
    await user.type(await screen.findByLabelText(/目標復旧時間/), '一時間');
    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(await screen.findByText('訓練名を入力してください')).toBeInTheDocument();
    expect(screen.getByText('実施日を入力してください')).toBeInTheDocument();
    expect(screen.getByText('対象システムを選んでください')).toBeInTheDocument();
    expect(screen.getByText('訓練想定を入力してください')).toBeInTheDocument();
    expect(screen.getByText('目標復旧時間は数字（分）で入力してください')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText(/訓練名/)).toHaveFocus());
    expect(await db.drills.count()).toBe(0);
  });

  it('saves a plan with the system preset from the link, then shows it', async () => {
    const user = userEvent.setup();
    renderAt(`/drills/new?system=${systemId}`);
    await user.type(await screen.findByLabelText(/訓練名/), '窓口停止訓練');
    await user.type(screen.getByLabelText(/実施日/), '2026-12-10');
    await user.type(screen.getByLabelText(/訓練想定/), '朝9時にシステムが止まる');
    await user.type(screen.getByLabelText(/目標復旧時間/), '４５');
    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(await screen.findByRole('heading', { name: /訓練: 窓口停止訓練/ })).toBeInTheDocument();
    const [saved] = await db.drills.toArray();
    expect(saved).toMatchObject({
      systemId,
      targetRecoveryMinutes: 45,
      status: 'planned',
      timeline: [],
    });
  });

  it('starts drill mode (banner 訓練中) and ends it with findings', async () => {
    const user = userEvent.setup();
    const drill = await planDrill();
    renderAt(`/drills/${drill.id}`);
    await user.click(await screen.findByRole('button', { name: '訓練を開始' }));
    expect(await screen.findByText('障害発生時の画面')).toBeInTheDocument();
    const banner = await screen.findByRole('region', { name: '訓練中' });
    expect(banner).toHaveTextContent('窓口停止訓練');

    await user.click(screen.getByRole('link', { name: '訓練を終了' }));
    await user.type(await screen.findByLabelText('気づいたこと 1'), '申請書の置き場所');
    await user.click(screen.getByRole('button', { name: '気づいたことを追加' }));
    await user.type(screen.getByLabelText('気づいたこと 2'), '連絡先の番号が古い');
    await user.click(screen.getByRole('button', { name: '訓練を終了する' }));
    expect(await screen.findByRole('heading', { name: /訓練: 窓口停止訓練/ })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('region', { name: '訓練中' })).toBeNull());
    expect(await loadActiveDrill()).toBeNull();
    expect((await db.drills.get(drill.id))?.findings.map((f) => f.text)).toEqual([
      '申請書の置き場所',
      '連絡先の番号が古い',
    ]);
  });

  it('refuses a finding that is too long and keeps the drill running', async () => {
    const user = userEvent.setup();
    const drill = await planDrill();
    await startDrill(drill.id);
    renderAt(`/drills/${drill.id}/end`);
    const box = await screen.findByLabelText('気づいたこと 1');
    // Pasted, not typed: 4,001 characters.
    await user.click(box);
    await user.paste('あ'.repeat(4001));
    await user.click(screen.getByRole('button', { name: '訓練を終了する' }));
    expect(
      await screen.findByText('1件目の気づいたことは4000文字以内で入力してください。'),
    ).toBeInTheDocument();
    expect((await loadActiveDrill())?.id).toBe(drill.id);
  });

  it('asks for a target before a finding becomes a follow-up, and then links it', async () => {
    const user = userEvent.setup();
    const drill = await planDrill();
    await startDrill(drill.id);
    await endDrill(drill.id, ['システムの担当課が分からなかった']);
    renderAt(`/drills/${drill.id}`);
    const form = await screen.findByRole('form', {
      name: '「システムの担当課が分からなかった」を要対応にする',
    });
    // No procedure exists: the target list starts empty.
    await user.click(within(form).getByRole('button', { name: '要対応にする' }));
    expect(await within(form).findByText('要対応にする対象を選んでください。')).toBeInTheDocument();
    expect(await db.followUps.count()).toBe(0);
    await user.selectOptions(within(form).getByLabelText('対象の種類'), 'system');
    await user.selectOptions(within(form).getByLabelText('対象'), '住民記録システム');
    await user.click(within(form).getByRole('button', { name: '要対応にする' }));
    expect(await screen.findByText(/要対応（システム「住民記録システム」）/)).toBeInTheDocument();
    const [followUp] = await db.followUps.toArray();
    expect(followUp).toMatchObject({ targetType: 'system', targetId: systemId, drillId: drill.id });
    expect((await db.drills.get(drill.id))?.findings[0]?.followUpId).toBe(followUp!.id);
  });
});
