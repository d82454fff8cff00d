import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { loadDemoData } from '../../src/db/demoLoader.ts';
import { DataResetSection } from '../../src/features/settings/DataResetSection.tsx';

function renderSection() {
  return render(
    <MemoryRouter>
      <DataResetSection />
    </MemoryRouter>,
  );
}

describe('設定: デモデータと初期化', () => {
  it('removes the demo municipality after asking, leaving nothing of it', async () => {
    const user = userEvent.setup();
    const { db } = await freshDatabaseWithStation();
    await loadDemoData();
    renderSection();
    await user.click(await screen.findByRole('button', { name: 'デモデータを削除' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('架空市のシステム・連絡先');
    await user.click(screen.getByRole('button', { name: 'デモデータを削除する' }));
    expect(
      await screen.findByText(/デモデータ（架空市）を\d+件削除しました。/),
    ).toBeInTheDocument();
    expect(await db.systems.count()).toBe(0);
    expect(await screen.findByText('この端末にデモデータはありません。')).toBeInTheDocument();
  });

  it('will not erase the station until the person confirms the export, and asks again', async () => {
    const user = userEvent.setup();
    await freshDatabaseWithStation();
    renderSection();
    const erase = await screen.findByRole('button', { name: 'すべて消して最初からやり直す' });
    expect(erase).toBeDisabled();
    await user.click(screen.getByLabelText(/必要なデータは書き出した/));
    expect(erase).toBeEnabled();
    await user.click(erase);
    expect(screen.getByRole('alertdialog')).toHaveTextContent('消したデータは戻せません');
    await user.click(screen.getByRole('button', { name: 'やめる' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });
});
