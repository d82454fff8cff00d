import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { deleteRecord, saveRecord } from '../../../src/db/records.ts';
import {
  followIncidentList,
  loadIncidentRecords,
  loadNewestIncidentRows,
  type IncidentListProgress,
} from '../../../src/db/incidentListQueries.ts';
import { schemaVersions, type SonaeDatabase } from '../../../src/db/database.ts';
import { isIncidentListInStep, loadIncidentSearchIndex } from '../../../src/db/incidentListRead.ts';
import { searchIncidentIndex } from '../../../src/domain/incidentSearchIndex.ts';
import { emptyIncidentFilter } from '../../../src/domain/incidentFilter.ts';
import { emptyIncident } from '../../../src/domain/incident.ts';
import { freshDatabaseWithStation, openFreshDatabase } from '../../testDatabase.ts';

const SYSTEM = '00000000-0000-4000-8000-00000000000a';

const incident = (title: string, occurredAt: string) =>
  emptyIncident({ title, systemId: SYSTEM, occurredAt, errorMessage: `CODE-${title}` });

/** Incidents on 1, 2, 2, 2, 2, 3 … November: equal times straddle every chunk of three. */
async function saveIncidents() {
  const days = [1, 2, 2, 2, 2, 3, 4, 5, 5, 6];
  const saved = [];
  for (const [n, day] of days.entries())
    saved.push(
      await saveRecord(
        'incident',
        incident(`${n}`, `2026-11-${String(day).padStart(2, '0')}T00:00:00.000Z`),
      ),
    );
  return saved;
}

/** Follows the log as the screen does, keeping every report. */
function follow(db: SonaeDatabase, firstPage: number) {
  const reports: IncidentListProgress[] = [];
  const stop = followIncidentList(
    db,
    firstPage,
    (p) => reports.push(p),
    (e) => {
      throw e;
    },
  );
  return { reports, stop };
}

describe('reading the incident log', () => {
  it('reads the newest rows first, then every row once in chunks, ties included', async () => {
    const { db } = await freshDatabaseWithStation();
    const saved = await saveIncidents();
    await deleteRecord('incident', saved[9]!.id);
    const newest = await loadNewestIncidentRows(db, 3);
    // 7 and 8 share the newest time (9 is deleted), then 6.
    expect(
      newest
        .slice(0, 2)
        .map((r) => r.title)
        .sort(),
    ).toEqual(['7', '8']);
    expect(newest[2]!.title).toBe('6');
    const index = await loadIncidentSearchIndex(db, 3);
    expect(index.rows.map((r) => r.title).sort()).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
    ]);
    expect(index.rows.map((r) => r.occurredAt)).toEqual(
      [...index.rows.map((r) => r.occurredAt)].sort(),
    );
    const found = searchIncidentIndex(index, { ...emptyIncidentFilter, text: 'code-4' });
    expect(found.map((r) => r.title)).toEqual(['4']);
  });

  it('loads the full records of a list for the CSV, in its order, without deleted ones', async () => {
    const { db } = await freshDatabaseWithStation();
    const saved = await saveIncidents();
    await deleteRecord('incident', saved[1]!.id);
    const records = await loadIncidentRecords([saved[2]!.id, saved[1]!.id, saved[0]!.id], db);
    expect(records.map((r) => r.title)).toEqual(['2', '0']);
  });

  it('reports the newest rows, the index, then a fresh index after each change', async () => {
    const { db } = await freshDatabaseWithStation();
    await saveIncidents();
    const { reports, stop } = follow(db, 2);
    await expect.poll(() => reports.length).toBe(2);
    expect(reports[0]!.newest!.map((r) => r.title)).toEqual(['9', expect.stringMatching(/^[78]$/)]);
    expect(reports[1]!.index!.rows).toHaveLength(10);
    await saveRecord('incident', incident('後から', '2026-11-30T00:00:00.000Z'));
    await expect.poll(() => reports.length).toBe(3);
    expect(reports[2]!.index!.rows.at(-1)!.title).toBe('後から');
    stop();
    await saveRecord('incident', incident('止めた後', '2026-11-30T00:00:00.000Z'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reports).toHaveLength(3);
  });

  it('rebuilds rows another build left out, then shows them', async () => {
    const { db, indexedDB } = openFreshDatabase();
    await db.open();
    db.close();
    // A build without the list middleware writes one incident straight into the table.
    const older = new Dexie('sonae', { indexedDB, IDBKeyRange });
    for (const v of schemaVersions) older.version(v.version).stores(v.stores);
    await older.open();
    await older.table('incidents').put({
      ...incident('直接書かれた', '2026-11-01T00:00:00.000Z'),
      id: '00000000-0000-4000-8000-000000000123',
      rev: '1-' + 'a'.repeat(32),
      updatedAt: '2026-11-01T00:00:00.000Z',
      deleted: false,
    });
    older.close();
    await db.open();
    const { reports, stop } = follow(db, 5);
    await expect.poll(() => reports.some((r) => r.index)).toBe(true);
    // The newest rows come from the incidents themselves; the index once the rows are rebuilt.
    expect(reports[0]!.newest!.map((r) => r.title)).toEqual(['直接書かれた']);
    expect(reports.at(-1)!.index!.rows.map((r) => r.title)).toEqual(['直接書かれた']);
    expect(await isIncidentListInStep(db)).toBe(true);
    stop();
  });
});
