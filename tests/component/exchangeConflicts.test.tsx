import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { saveRecord } from '../../src/db/records.ts';
import { applyMergePlan, planMerge } from '../../src/db/mergeStore.ts';
import { exchangeTables } from '../../src/db/exchangeTables.ts';
import { nextRevisionMeta, pickData } from '../../src/domain/recordMeta.ts';
import { emptySystem, type SystemRecord } from '../../src/domain/system.ts';
import { ConflictsSection } from '../../src/features/exchange/ConflictsSection.tsx';
import { ConflictBadge } from '../../src/features/exchange/ConflictBadge.tsx';
import type { SonaeDatabase } from '../../src/db/database.ts';

const OTHER = '00000000-0000-4000-8000-0000000000bb';
let db: SonaeDatabase;
let mine: SystemRecord;

beforeEach(async () => {
  ({ db } = await freshDatabaseWithStation());
  const base = await saveRecord('system', { ...emptySystem(), name: '住民記録', vendor: 'A社' });
  mine = await saveRecord('system', { ...pickData(base), vendor: 'B社' }, { id: base.id });
  const theirsData = { ...pickData(base), notes: '夜間は保守窓口へ' };
  const theirs = {
    ...theirsData,
    ...nextRevisionMeta(base, theirsData, OTHER, '2001-01-01T00:00:00.000Z'),
  };
  await db.transaction('rw', [db.systems, exchangeTables(db).conflicts], async () => {
    await applyMergePlan(db, await planMerge(db, [{ type: 'system', record: theirs }]));
  });
});

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/exchange" element={<ConflictsSection />} />
        <Route path="/systems" element={<ConflictBadge type="system" id={mine.id} />} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('conflicts in データ交換', () => {
  it('shows a badge linking to the side-by-side view of the conflicted record', async () => {
    renderAt('/systems');
    const badge = await screen.findByRole('link', { name: '競合あり（2版）' });
    expect(badge).toHaveAttribute('href', `/exchange?conflict=system:${mine.id}`);
  });

  it('lists the conflict, marks differing fields, and resolves by combining fields', async () => {
    const user = userEvent.setup();
    renderAt('/exchange');
    await user.click(
      await screen.findByRole('button', { name: 'システム「住民記録」（2版）を比べる' }),
    );
    await screen.findByRole('heading', { name: 'システムの競合（2版）' });
    const vendorRow = screen.getByRole('row', { name: /ベンダー/ });
    const notesRow = screen.getByRole('row', { name: /備考/ });
    expect(vendorRow).toHaveClass('differs');
    expect(notesRow).toHaveClass('differs');
    expect(screen.getByRole('row', { name: /^システム名/ })).not.toHaveClass('differs');
    // Keep this PC's vendor and the other PC's note.
    await user.click(within(vendorRow).getByRole('cell', { name: /B社/ }).querySelector('input')!);
    await user.click(
      within(notesRow)
        .getByRole('cell', { name: /夜間は保守窓口へ/ })
        .querySelector('input')!,
    );
    await user.click(screen.getByRole('button', { name: 'この内容で解決する' }));
    await screen.findByText(/競合を解決しました/);
    expect(await db.systems.get(mine.id)).toMatchObject({
      vendor: 'B社',
      notes: '夜間は保守窓口へ',
    });
    expect(await exchangeTables(db).conflicts.count()).toBe(0);
    await screen.findByText('競合している記録はありません。');
  });
});
