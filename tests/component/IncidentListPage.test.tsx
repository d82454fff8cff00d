import { Profiler } from 'react';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation, useNavigate } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { IncidentListPage } from '../../src/features/incidents/IncidentListPage.tsx';
import { ScreenErrorBoundary } from '../../src/app/ScreenErrorBoundary.tsx';
import { saveRecord } from '../../src/db/records.ts';
import { emptyIncident } from '../../src/domain/incident.ts';
import { emptySystem } from '../../src/domain/system.ts';

let systemId = '';

// jsdom lays nothing out: give the list's scroll box a height so the virtual list renders rows.
const clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight')!;
beforeAll(() => {
  Object.defineProperty(Element.prototype, 'clientHeight', {
    configurable: true,
    get() {
      return (this as Element).classList.contains('virtual-scroll') ? 600 : 0;
    },
  });
});
afterAll(() => Object.defineProperty(Element.prototype, 'clientHeight', clientHeight));

beforeEach(async () => {
  await freshDatabaseWithStation();
  systemId = (await saveRecord('system', { ...emptySystem(), name: '住民記録システム' })).id;
  for (const [title, errorMessage, day] of [
    ['証明書が印刷できない', 'E-1234 帳票サーバ', '01'],
    ['ログインできない', 'E-12 認証', '02'],
    ['画面が固まる', 'ＴＩＭＥＯＵＴ', '03'],
  ] as const)
    await saveRecord(
      'incident',
      emptyIncident({
        title,
        systemId,
        errorMessage,
        occurredAt: `2026-11-${day}T00:05:00.000Z`,
      }),
    );
});

/** The URL's query, shown so a test can read what the list wrote there. */
function Query() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <output aria-label="URL">{decodeURIComponent(location.search)}</output>
      <button type="button" onClick={() => navigate('/incidents?q=固まる')}>
        ブックマークを開く
      </button>
      <button type="button" onClick={() => navigate(-1)}>
        戻る
      </button>
    </>
  );
}

function renderList(path = '/incidents') {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Query />
      <Routes>
        <Route path="/incidents" element={<IncidentListPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

const count = () => screen.getByText(/件|読み込み中/, { selector: '.result-count' });
const box = () => screen.getByRole<HTMLInputElement>('searchbox', { name: 'キーワード' });
const titles = () =>
  screen.getAllByRole('listitem').map((li) => li.querySelector('.title-text')!.textContent);

describe('障害記録 list', () => {
  it('shows the newest first and narrows as the keyword is typed, the URL following', async () => {
    const user = userEvent.setup();
    renderList();
    await waitFor(() => expect(count()).toHaveTextContent(/^3件$/));
    expect(titles()).toEqual(['画面が固まる', 'ログインできない', '証明書が印刷できない']);
    await user.type(box(), 'e-12');
    expect(box().value).toBe('e-12');
    await waitFor(() => expect(count()).toHaveTextContent('2件（全3件中）'));
    await user.type(box(), '34');
    await waitFor(() => expect(count()).toHaveTextContent('1件（全3件中）'));
    expect(box().value).toBe('e-1234');
    await waitFor(() => expect(screen.getByLabelText('URL')).toHaveTextContent('?q=e-1234'));
    // The registered system's name is searchable too.
    await user.clear(box());
    await user.type(box(), '住民記録 固まる');
    await waitFor(() => expect(count()).toHaveTextContent('1件（全3件中）'));
  });

  it('commits the result with the key press that asked for it, not in a later render', async () => {
    // Issue 9: the result was a deferred second render, so the browser painted the typed key
    // first and the list a frame later. Every commit is recorded as (box, count line).
    const commits: string[] = [];
    const user = userEvent.setup();
    render(
      <MemoryRouter initialEntries={['/incidents']}>
        <Profiler
          id="list"
          onRender={() =>
            commits.push(`${box().value} → ${count().textContent?.replace('絞り込みを解除', '')}`)
          }
        >
          <IncidentListPage />
        </Profiler>
      </MemoryRouter>,
    );
    await waitFor(() => expect(count()).toHaveTextContent(/^3件$/));
    await user.type(box(), 'e-12');
    await waitFor(() => expect(count()).toHaveTextContent('2件（全3件中）'));
    commits.length = 0;
    await user.type(box(), '3');
    await waitFor(() => expect(count()).toHaveTextContent('1件（全3件中）'));
    const typed = commits.filter((c) => c.startsWith('e-123 '));
    expect(typed.length).toBeGreaterThan(0);
    expect(new Set(typed)).toEqual(new Set(['e-123 → 1件（全3件中）']));
  });

  it('opens on the filter in the URL and adopts a URL another link puts there', async () => {
    const user = userEvent.setup();
    renderList('/incidents?q=ｅ－１２&status=occurred');
    await waitFor(() => expect(count()).toHaveTextContent('2件（全3件中）'));
    expect(box().value).toBe('ｅ－１２');
    expect(screen.getByRole('combobox', { name: '状態' })).toHaveValue('occurred');
    await user.click(screen.getByRole('button', { name: 'ブックマークを開く' }));
    await waitFor(() => expect(box().value).toBe('固まる'));
    await waitFor(() => expect(count()).toHaveTextContent('1件（全3件中）'));
    await user.click(screen.getByRole('button', { name: '戻る' }));
    await waitFor(() => expect(box().value).toBe('ｅ－１２'));
    await user.click(screen.getByRole('button', { name: '絞り込みを解除' }));
    await waitFor(() => expect(count()).toHaveTextContent(/^3件$/));
    expect(box().value).toBe('');
    await waitFor(() => expect(screen.getByLabelText('URL')).toHaveTextContent(/^$/));
  });

  it('shows an incident saved while the list is open', async () => {
    renderList('/incidents?q=新しい');
    await waitFor(() => expect(count()).toHaveTextContent('0件（全3件中）'));
    await act(() =>
      saveRecord(
        'incident',
        emptyIncident({ title: '新しい障害', systemId, occurredAt: '2026-11-04T00:00:00.000Z' }),
      ),
    );
    await waitFor(() => expect(count()).toHaveTextContent('1件（全4件中）'));
    expect(titles()).toEqual(['新しい障害']);
  });

  it('says plainly that the list could not be shown when the database cannot be read', async () => {
    const { db } = await freshDatabaseWithStation();
    db.close({ disableAutoOpen: true });
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // React reports the throw
    render(
      <MemoryRouter initialEntries={['/incidents']}>
        <Routes>
          <Route
            path="/incidents"
            element={
              <ScreenErrorBoundary reload={() => undefined}>
                <IncidentListPage />
              </ScreenErrorBoundary>
            }
          />
        </Routes>
      </MemoryRouter>,
    );
    expect(await screen.findByText('この画面を表示できませんでした')).toBeInTheDocument();
    vi.restoreAllMocks();
  });

  it('says so when nothing matches', async () => {
    renderList('/incidents?q=存在しない');
    await screen.findByText('条件に合う障害記録はありません。');
  });
});
