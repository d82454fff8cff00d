import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { freshDatabaseWithStation, openFreshDatabase } from '../testDatabase.ts';
import { saveLastExportAt } from '../../src/db/storageHealth.ts';
import { StorageHealthPanel } from '../../src/app/StorageHealthPanel.tsx';
import { StorageStatusIndicator } from '../../src/app/StorageStatusIndicator.tsx';

const DAY = 24 * 60 * 60 * 1000;

function stubStorage(options: { persisted: boolean; grant: boolean }) {
  let isPersisted = options.persisted;
  const storage = {
    persisted: vi.fn(async () => isPersisted),
    persist: vi.fn(async () => {
      isPersisted ||= options.grant;
      return options.grant;
    }),
    estimate: vi.fn(async () => ({ usage: 12.5 * 1024 ** 2, quota: 120 * 1024 ** 3 })),
  };
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
  return storage;
}

function renderPanel() {
  return render(
    <MemoryRouter>
      <StorageHealthPanel />
    </MemoryRouter>,
  );
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'storage');
});

describe('StorageHealthPanel', () => {
  it('shows usage, quota and that nothing was exported yet', async () => {
    openFreshDatabase();
    stubStorage({ persisted: true, grant: true });
    renderPanel();
    const panel = screen.getByRole('region', { name: '保存領域とオフライン' });
    expect(await within(panel).findByText('まだ書き出していません')).toBeInTheDocument();
    expect(await within(panel).findByText('約 13MB（上限 約 120.0GB、0.01%）')).toBeInTheDocument();
    expect(within(panel).getByText(/保護されています/)).toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: '保存領域を保護する' })).toBeNull();
  });

  it('asks the browser to protect storage and says so when it refuses', async () => {
    openFreshDatabase();
    const storage = stubStorage({ persisted: false, grant: false });
    const user = userEvent.setup();
    renderPanel();
    await user.click(await screen.findByRole('button', { name: '保存領域を保護する' }));
    expect(storage.persist).toHaveBeenCalledOnce();
    expect(await screen.findByText(/ブラウザーが保護を認めませんでした/)).toBeInTheDocument();
  });

  it('reports protection once granted', async () => {
    openFreshDatabase();
    const storage = stubStorage({ persisted: false, grant: true });
    const user = userEvent.setup();
    renderPanel();
    await user.click(await screen.findByRole('button', { name: '保存領域を保護する' }));
    expect(await screen.findByText(/保護されています/)).toBeInTheDocument();
    expect(storage.persist).toHaveBeenCalledOnce();
  });

  it('says it cannot tell where navigator.storage is missing (plain HTTP)', async () => {
    openFreshDatabase();
    renderPanel();
    expect(await screen.findAllByText(/この接続（HTTP など）では確認できません/)).toHaveLength(2);
  });

  it('shows the last export and no reminder when it is recent', async () => {
    await freshDatabaseWithStation();
    stubStorage({ persisted: true, grant: true });
    await saveLastExportAt(new Date(Date.now() - 2 * DAY).toISOString());
    renderPanel();
    expect(await screen.findByText(/^\d{4}年\d{1,2}月\d{1,2}日/)).toBeInTheDocument();
    expect(screen.queryByText(/書き出し、決められた媒体に保存/)).toBeNull();
  });

  it('reminds to export when the last export is a week old', async () => {
    await freshDatabaseWithStation();
    stubStorage({ persisted: true, grant: true });
    await saveLastExportAt(new Date(Date.now() - 9 * DAY).toISOString());
    renderPanel();
    expect(await screen.findByText(/最後の書き出しから9日たっています/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'データ交換' })).toHaveAttribute('href', '/exchange');
  });
});

describe('StorageStatusIndicator', () => {
  it('marks an overdue export with a link to 設定', async () => {
    await freshDatabaseWithStation();
    await saveLastExportAt(new Date(Date.now() - 8 * DAY).toISOString());
    render(
      <MemoryRouter>
        <StorageStatusIndicator />
      </MemoryRouter>,
    );
    const link = await screen.findByRole('link', { name: /書き出し未実施/ });
    expect(link).toHaveAttribute('href', '/settings');
  });

  it('stays quiet after a recent export', async () => {
    await freshDatabaseWithStation();
    await saveLastExportAt(new Date().toISOString());
    render(
      <MemoryRouter>
        <StorageStatusIndicator />
      </MemoryRouter>,
    );
    // jsdom has no service worker: the label says so.
    expect(await screen.findByText('オフライン非対応')).toBeInTheDocument();
    expect(screen.queryByRole('link')).toBeNull();
  });
});
