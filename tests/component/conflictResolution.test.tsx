import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { saveRecord } from '../../src/db/records.ts';
import { applyMergePlan, planMerge } from '../../src/db/mergeStore.ts';
import { exchangeTables } from '../../src/db/exchangeTables.ts';
import { nextRevisionMeta, pickData } from '../../src/domain/recordMeta.ts';
import { emptySystem } from '../../src/domain/system.ts';
import { emptyIncident, type IncidentRecord } from '../../src/domain/incident.ts';
import { ConflictsSection } from '../../src/features/exchange/ConflictsSection.tsx';
import type { SonaeDatabase } from '../../src/db/database.ts';

// Issue 12, item 8: resolving a conflict must not drop the work recorded on only one side.
const OTHER = '00000000-0000-4000-8000-0000000000bb';
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const entry = (n: number, at: string, text: string) => ({
  id: uuid(n),
  at: `2026-11-20T${at}:00.000Z`,
  status: null,
  text,
});

let db: SonaeDatabase;
let incidentId: string;

beforeEach(async () => {
  ({ db } = await freshDatabaseWithStation());
  const system = await saveRecord('system', { ...emptySystem(), name: '住民記録' });
  const base = await saveRecord(
    'incident',
    emptyIncident({
      title: '窓口端末が固まる',
      systemId: system.id,
      occurredAt: '2026-11-20T00:00:00.000Z',
      timeline: [entry(1, '00:00', '発生')],
    }),
  );
  incidentId = base.id;
  // This PC: a timeline entry and a call to the vendor.
  await saveRecord(
    'incident',
    {
      ...pickData(base),
      timeline: [...base.timeline, entry(2, '02:00', '再起動で復旧')],
      contactsMade: [
        {
          id: uuid(10),
          at: '2026-11-20T00:30:00.000Z',
          who: 'A社保守窓口',
          contactId: null,
          method: 'phone' as const,
          summary: '調査を依頼',
        },
      ],
    },
    { id: base.id },
  );
  // The other PC: another timeline entry, an attempt and the cause.
  const theirsData = {
    ...pickData(base),
    cause: 'メモリ不足',
    timeline: [...base.timeline, entry(3, '01:00', 'ベンダー到着')],
    attempts: [{ id: uuid(20), action: 'ログインし直した', result: '変わらず' }],
  };
  const theirs = {
    ...theirsData,
    ...nextRevisionMeta(base, theirsData, OTHER, '2026-11-20T03:00:00.000Z'),
  };
  await db.transaction('rw', [db.incidents, exchangeTables(db).conflicts], async () => {
    await applyMergePlan(db, await planMerge(db, [{ type: 'incident', record: theirs }]));
  });
});

async function openConflict() {
  render(
    <MemoryRouter initialEntries={[`/exchange?conflict=incident:${incidentId}`]}>
      <Routes>
        <Route path="/exchange" element={<ConflictsSection />} />
      </Routes>
    </MemoryRouter>,
  );
  await screen.findByRole('heading', { name: '障害記録の競合（2版）' });
}

describe('resolving a conflict keeps the work of every side', () => {
  it('loses no entry when the person resolves without changing anything', async () => {
    const user = userEvent.setup();
    await openConflict();
    await user.click(screen.getByRole('button', { name: 'この内容で解決する' }));
    await screen.findByText(/競合を解決しました/);
    const stored = (await db.incidents.get(incidentId)) as IncidentRecord;
    expect(stored.timeline.map((t) => t.text)).toEqual(['発生', 'ベンダー到着', '再起動で復旧']);
    expect(stored.contactsMade.map((c) => c.who)).toEqual(['A社保守窓口']);
    expect(stored.attempts.map((a) => a.action)).toEqual(['ログインし直した']);
  });

  it('combines the lists by default and lets the person choose the other fields, both shown', async () => {
    const user = userEvent.setup();
    await openConflict();
    const timelineRow = screen.getByRole('row', { name: /^≠?\s*経過/ });
    const union = within(timelineRow).getByRole('radio', {
      name: 'すべての版の「経過」を合わせる',
    });
    expect(union).toBeChecked();
    const result = within(timelineRow).getAllByRole('cell').at(-1)!;
    for (const text of ['発生', 'ベンダー到着', '再起動で復旧'])
      expect(result).toHaveTextContent(text);

    // Both causes are on screen; the person keeps the other PC's.
    const causeRow = screen.getByRole('row', { name: /原因/ });
    expect(causeRow).toHaveTextContent('メモリ不足');
    expect(causeRow).toHaveTextContent('（空）');
    const theirsCause = within(causeRow)
      .getAllByRole('radio')
      .find((radio) => radio.closest('td')!.textContent!.includes('メモリ不足'))!;
    await user.click(theirsCause);

    await user.click(screen.getByRole('button', { name: 'この内容で解決する' }));
    await screen.findByText(/競合を解決しました/);
    const stored = (await db.incidents.get(incidentId)) as IncidentRecord;
    expect(stored.timeline.map((t) => t.text)).toEqual(['発生', 'ベンダー到着', '再起動で復旧']);
    expect(stored.contactsMade.map((c) => c.who)).toEqual(['A社保守窓口']);
    expect(stored.attempts.map((a) => a.action)).toEqual(['ログインし直した']);
    expect(stored.cause).toBe('メモリ不足');
    expect(await exchangeTables(db).conflicts.count()).toBe(0);
  });

  it('still lets the person take one version’s list whole', async () => {
    const user = userEvent.setup();
    await openConflict();
    const timelineRow = screen.getByRole('row', { name: /^≠?\s*経過/ });
    const ownTimeline = within(timelineRow)
      .getAllByRole('radio')
      .find((radio) => radio.closest('td')!.textContent!.includes('再起動で復旧'))!;
    await user.click(ownTimeline);
    expect(within(timelineRow).getAllByRole('cell').at(-1)).toHaveTextContent(/^版\dの内容/);
    await user.click(screen.getByRole('button', { name: 'この内容で解決する' }));
    await screen.findByText(/競合を解決しました/);
    const stored = (await db.incidents.get(incidentId)) as IncidentRecord;
    expect(stored.timeline.map((t) => t.text)).toEqual(['発生', '再起動で復旧']);
    // The other lists still combine: the attempt recorded on the other PC is kept.
    expect(stored.attempts.map((a) => a.action)).toEqual(['ログインし直した']);
  });
});
