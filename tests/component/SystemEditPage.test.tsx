import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { SystemEditPage } from '../../src/features/systems/SystemEditPage.tsx';
import { saveRecord } from '../../src/db/records.ts';
import { emptySystem } from '../../src/domain/system.ts';
import type { SonaeDatabase } from '../../src/db/database.ts';

let db: SonaeDatabase;

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/systems" element={<p>システム一覧</p>} />
        <Route path="/systems/new" element={<SystemEditPage />} />
        <Route path="/systems/:id/edit" element={<SystemEditPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

beforeEach(async () => {
  ({ db } = await freshDatabaseWithStation());
});

describe('SystemEditPage', () => {
  it('refuses an empty name, counts the problems and focuses the first one', async () => {
    const user = userEvent.setup();
    renderAt('/systems/new');
    await user.type(await screen.findByLabelText(/目標復旧時間/), '三時間');
    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(await screen.findByText('システム名を入力してください')).toBeInTheDocument();
    expect(screen.getByText('目標復旧時間は数字で入力してください')).toBeInTheDocument();
    expect(screen.getByText('入力内容を確認してください（2件）。')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText(/システム名/)).toHaveFocus());
    expect(await db.systems.count()).toBe(0);
  });

  it('saves once, however often the form is submitted, then returns to the list', async () => {
    const user = userEvent.setup();
    renderAt('/systems/new');
    await user.type(await screen.findByLabelText(/システム名/), '施設予約システム');
    await user.type(screen.getByLabelText(/目標復旧時間/), '４８');
    const form = screen.getByRole('button', { name: '保存する' }).closest('form')!;
    fireEvent.submit(form);
    fireEvent.submit(form);
    expect(screen.getByRole('button', { name: '保存中…' })).toBeDisabled();
    expect(await screen.findByText('システム一覧')).toBeInTheDocument();
    const saved = await db.systems.toArray();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ name: '施設予約システム', rtoHours: 48 });
    expect(await db.drafts.count()).toBe(0);
  });

  it('edits a stored system and keeps what was typed when someone else saved first', async () => {
    const user = userEvent.setup();
    const stored = await saveRecord('system', { ...emptySystem(), name: '税務システム' });
    renderAt(`/systems/${stored.id}/edit`);
    expect(
      await screen.findByRole('heading', { name: 'システムの編集: 税務システム' }),
    ).toBeInTheDocument();
    await user.type(screen.getByLabelText(/ベンダー/), '架空サービス株式会社');
    await saveRecord(
      'system',
      { ...emptySystem(), name: '税務システム', notes: '別の画面' },
      {
        id: stored.id,
      },
    );
    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(await screen.findByText(/この記録は別の画面で更新されています/)).toBeInTheDocument();
    expect(screen.getByLabelText(/ベンダー/)).toHaveValue('架空サービス株式会社');
    expect(screen.getByRole('button', { name: '保存する' })).toBeEnabled();
    expect((await db.systems.get(stored.id))?.vendor).toBe('');
  });

  it('cancels by discarding the draft and going back to the list', async () => {
    const user = userEvent.setup();
    renderAt('/systems/new');
    await user.type(await screen.findByLabelText(/システム名/), '施設予約システム');
    await waitFor(async () => expect(await db.drafts.get('system:new')).toBeDefined(), {
      timeout: 2000,
    });
    await user.click(screen.getByRole('button', { name: 'キャンセル' }));
    expect(await screen.findByText('システム一覧')).toBeInTheDocument();
    expect(await db.drafts.count()).toBe(0);
    expect(await db.systems.count()).toBe(0);
  });

  it('says so when the system does not exist', async () => {
    renderAt('/systems/no-such-system/edit');
    expect(await screen.findByText(/このシステムは見つかりません/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '保存する' })).not.toBeInTheDocument();
  });

  it('writes what was typed when the form closes before the autosave delay', async () => {
    const first = renderAt('/systems/new');
    const name = await screen.findByLabelText(/システム名/);
    // With the autosave timer frozen, only the write on unmount can put the text in storage.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      fireEvent.change(name, { target: { value: '施設予約システム' } });
      first.unmount();
      let row = await db.drafts.get('system:new');
      for (let i = 0; i < 20 && !row; i++) {
        await new Promise((resolve) => setImmediate(resolve));
        row = await db.drafts.get('system:new');
      }
      expect(row?.value).toMatchObject({ name: '施設予約システム' });
    } finally {
      vi.useRealTimers();
    }
    renderAt('/systems/new');
    expect(await screen.findByText(/保存していない入力を復元しました/)).toBeInTheDocument();
    expect(screen.getByLabelText(/システム名/)).toHaveValue('施設予約システム');
  });
});
