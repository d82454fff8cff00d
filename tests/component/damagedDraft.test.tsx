import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { SystemEditPage } from '../../src/features/systems/SystemEditPage.tsx';
import { IncidentEditPage } from '../../src/features/incidents/IncidentEditPage.tsx';
import { hasSameShape } from '../../src/features/common/hasSameShape.ts';
import { saveRecord } from '../../src/db/records.ts';
import { emptySystem } from '../../src/domain/system.ts';
import type { SonaeDatabase } from '../../src/db/database.ts';

const DAMAGED = '保存されていた下書きが壊れていたため、使いませんでした。';
let db: SonaeDatabase;

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/systems/new" element={<SystemEditPage />} />
        <Route path="/systems/:id/edit" element={<SystemEditPage />} />
        <Route path="/incidents/new" element={<IncidentEditPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

async function storeDraft(
  key: string,
  value: unknown,
  savedAt: unknown = new Date().toISOString(),
) {
  await db.drafts.put({ key, value, savedAt: savedAt as string });
}

beforeEach(async () => {
  ({ db } = await freshDatabaseWithStation());
});

describe('a damaged draft', () => {
  it('is reported and deleted, and an edit starts from the stored record', async () => {
    const stored = await saveRecord('system', { ...emptySystem(), name: '税務システム' });
    await storeDraft(`system:${stored.id}`, { name: 42, vendor: ['x'] });
    renderAt(`/systems/${stored.id}/edit`);
    expect(await screen.findByText(DAMAGED)).toBeInTheDocument();
    expect(screen.getByLabelText(/システム名/)).toHaveValue('税務システム');
    expect(screen.queryByText(/保存していない入力を復元しました/)).not.toBeInTheDocument();
    await waitFor(async () => expect(await db.drafts.count()).toBe(0));
  });

  it('never breaks a new form, whatever the row holds', async () => {
    await storeDraft('system:new', 'not an object');
    renderAt('/systems/new');
    expect(await screen.findByText(DAMAGED)).toBeInTheDocument();
    expect(screen.getByLabelText(/システム名/)).toHaveValue('');
  });

  it('is refused when its saved time is missing', async () => {
    await storeDraft('system:new', { ...emptySystem(), rtoText: '', baseRev: null }, null);
    renderAt('/systems/new');
    expect(await screen.findByText(DAMAGED)).toBeInTheDocument();
  });

  it('from an older incident form (no data object) leaves the prefilled form', async () => {
    await storeDraft('incident:new', { title: '旧形式の下書き', baseRev: null });
    renderAt('/incidents/new');
    expect(await screen.findByText(DAMAGED)).toBeInTheDocument();
    expect(screen.getByLabelText(/^端末/)).toHaveValue('窓口PC-01');
    expect(screen.getByLabelText(/件名/)).toHaveValue('');
  });

  it('is told apart from a good one, which is restored', async () => {
    await storeDraft('system:new', {
      ...emptySystem(),
      name: '下書きのシステム',
      rtoText: '',
      baseRev: null,
    });
    renderAt('/systems/new');
    expect(await screen.findByText(/保存していない入力を復元しました/)).toBeInTheDocument();
    expect(screen.getByLabelText(/システム名/)).toHaveValue('下書きのシステム');
    expect(screen.queryByText(DAMAGED)).not.toBeInTheDocument();
  });
});

describe('hasSameShape', () => {
  const template = { name: '', rev: null as string | null, n: 0, tags: [{ id: '' }], blobs: {} };
  // value → accepted?
  it.each([
    [{ name: 'a', rev: 'r1', n: 1, tags: [], blobs: {} }, true],
    [{ name: 'a', rev: null, n: null, tags: [{ id: 'x' }], blobs: { b: new Blob() } }, true],
    [{ name: 'a', rev: null, n: 1, tags: [], blobs: {}, extra: true }, true],
    [{ name: 1, rev: null, n: 1, tags: [], blobs: {} }, false],
    [{ rev: null, n: 1, tags: [], blobs: {} }, false],
    [{ name: 'a', rev: {}, n: 1, tags: [], blobs: {} }, false],
    [{ name: 'a', rev: null, n: 1, tags: [{}], blobs: {} }, false],
    [{ name: 'a', rev: null, n: 1, tags: {}, blobs: {} }, false],
    [{ name: 'a', rev: null, n: 1, tags: [], blobs: [] }, false],
    [null, false],
    ['text', false],
  ])('%j → %s', (value, expected) => {
    expect(hasSameShape(value, template)).toBe(expected);
  });
});
