import { afterEach, describe, expect, it } from 'vitest';
import { Dexie, liveQuery, type ObservabilitySet } from 'dexie';
import { MANY_KEYS } from '../../../src/db/coarseChangeTracking.ts';
import type { AuditEntry } from '../../../src/domain/audit.ts';
import { openFreshDatabase } from '../../testDatabase.ts';

// Issue 9: an import's one-row-per-import entries hold a key per record in a multi-entry index.
// Dexie noted each key for the live queries (0.6 s at 50,000 incidents); such a write now notes
// the whole index, and the queries on it still run again.

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const entry = (count: number): AuditEntry => ({
  at: '2026-11-30T00:00:00.000Z',
  stationId: id(0),
  actor: '',
  action: 'import',
  recordType: null,
  recordId: null,
  rev: null,
  summary: '取り込み',
  recordIds: Array.from({ length: count }, (_, n) => id(n + 1)),
});

/** The parts Dexie announces for the live queries while `write` runs. */
async function announced(write: () => Promise<unknown>): Promise<ObservabilitySet> {
  const parts: ObservabilitySet = {};
  const listen = (changed: ObservabilitySet) => Object.assign(parts, changed);
  Dexie.on('storagemutated', listen);
  try {
    await write();
    // Announced after the commit.
    await new Promise((resolve) => setTimeout(resolve, 0));
  } finally {
    Dexie.on('storagemutated').unsubscribe(listen);
  }
  return parts;
}

/** The ranges of a Dexie RangeSet (an interval tree), in order. */
function rangesOf(tree: unknown): [unknown, unknown][] {
  const node = tree as { from?: unknown; to?: unknown; l?: unknown; r?: unknown } | null;
  if (!node || !('from' in node)) return [];
  return [...rangesOf(node.l), [node.from, node.to], ...rangesOf(node.r)];
}

let close = () => {};
afterEach(() => close());

describe('change tracking of rows with many multi-entry keys', () => {
  it('notes each key of a small row, and the whole index of a row over MANY_KEYS', async () => {
    const { db } = openFreshDatabase();
    close = () => db.close();
    const part = `idb://${db.name}/audit/recordIds`;
    const small = await announced(() => db.audit.add(entry(3)));
    expect(rangesOf(small[part])).toEqual([
      [id(1), id(1)],
      [id(2), id(2)],
      [id(3), id(3)],
    ]);
    const large = await announced(() => db.audit.add(entry(MANY_KEYS + 1)));
    expect(rangesOf(large[part])).toHaveLength(1);
    expect(rangesOf(large[part])[0]![0]).toBe(-Infinity);
    // The row's primary key is still noted as itself.
    expect(rangesOf(large[`idb://${db.name}/audit/`])).toHaveLength(1);
  });

  it('still runs again a live query on the index that a large row changes', async () => {
    const { db } = openFreshDatabase();
    close = () => db.close();
    const seen: number[] = [];
    const subscription = liveQuery(() =>
      db.audit.where('recordIds').equals(id(5)).count(),
    ).subscribe((count) => seen.push(count));
    try {
      await expect.poll(() => seen).toEqual([0]);
      await db.audit.add(entry(MANY_KEYS * 3));
      await expect.poll(() => seen).toEqual([0, 1]);
    } finally {
      subscription.unsubscribe();
    }
  });
});
