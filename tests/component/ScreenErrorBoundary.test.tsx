// A screen that throws (here: its live query fails) must not blank the app (issue #12, item 18).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLiveQuery } from 'dexie-react-hooks';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Layout } from '../../src/app/Layout.tsx';
import { ScreenErrorBoundary } from '../../src/app/ScreenErrorBoundary.tsx';
import { getDatabase } from '../../src/db/instance.ts';
import type { Station } from '../../src/domain/station.ts';
import { freshDatabaseWithStation } from '../testDatabase.ts';

let station: Station;

beforeEach(async () => {
  ({ station } = await freshDatabaseWithStation());
  // React reports every caught render error on the console; the test expects them.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * A screen whose live query fails, as Chromium's IndexedDB does when its files are damaged
 * (UnknownError). (Dexie's liveQuery retries an AbortError silently, so that one is not used.)
 */
function FailingScreen() {
  const rows = useLiveQuery(async (): Promise<string[]> => {
    await getDatabase().table('incidents').count();
    throw new DOMException('ディスクから読めません\u001b[2K', 'UnknownError');
  });
  return <h1>障害記録 {rows?.length}</h1>;
}

function ContactsScreen() {
  return <h1>連絡先の一覧</h1>;
}

function renderApp(initial: string) {
  return render(
    <MemoryRouter initialEntries={[initial]}>
      <Routes>
        <Route element={<Layout station={station} />}>
          <Route path="incidents" element={<FailingScreen />} />
          <Route path="contacts" element={<ContactsScreen />} />
        </Route>
      </Routes>
    </MemoryRouter>,
  );
}

describe('ScreenErrorBoundary', () => {
  it('replaces only the failed screen: message, what is safe, reload, and the menu still works', async () => {
    const user = userEvent.setup();
    renderApp('/incidents');

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { level: 1 })).toHaveTextContent(
      'この画面を表示できませんでした',
    );
    expect(alert).toHaveTextContent('保存済みのデータは、このPCの中に残っています。');
    expect(within(alert).getByRole('button', { name: '再読み込み' })).toBeInTheDocument();
    // What happened, for the IT section, with the control character shown, not obeyed.
    expect(alert).toHaveTextContent('UnknownError: ディスクから読めません\\u001b[2K');

    // The header and the navigation survived the failed screen.
    const menu = screen.getByRole('navigation', { name: 'メインメニュー' });
    expect(screen.getByText('窓口PC-01', { exact: false })).toBeInTheDocument();

    // Navigating to another screen resets the boundary and shows that screen.
    await user.click(within(menu).getByRole('link', { name: '連絡先' }));
    expect(await screen.findByRole('heading', { name: '連絡先の一覧' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();

    // Coming back tries the screen afresh (it still fails here, so the message returns).
    await user.click(within(menu).getByRole('link', { name: '障害記録' }));
    expect(await screen.findByText('この画面を表示できませんでした')).toBeInTheDocument();
  });

  it('「再読み込み」 reloads the page', async () => {
    const user = userEvent.setup();
    const reload = vi.fn();
    function Thrower(): never {
      throw new Error('壊れた記録');
    }
    render(
      <MemoryRouter>
        <ScreenErrorBoundary reload={reload}>
          <Thrower />
        </ScreenErrorBoundary>
      </MemoryRouter>,
    );
    await user.click(await screen.findByRole('button', { name: '再読み込み' }));
    expect(reload).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alert')).toHaveTextContent('Error: 壊れた記録');
  });
});
