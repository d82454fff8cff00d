import { describe, expect, it } from 'vitest';
import { freshDatabaseWithStation, openFreshDatabase } from '../../testDatabase.ts';
import {
  LAST_EXPORT_AT_KEY,
  loadExportFacts,
  loadLastExportAt,
  saveLastExportAt,
} from '../../../src/db/storageHealth.ts';

describe('last export time', () => {
  it('is null before any export', async () => {
    openFreshDatabase();
    expect(await loadLastExportAt()).toBeNull();
  });

  it('reads back what the export wrote', async () => {
    openFreshDatabase();
    await saveLastExportAt('2026-11-20T08:30:00.000Z');
    expect(await loadLastExportAt()).toBe('2026-11-20T08:30:00.000Z');
  });

  it('ignores a value that is not an instant', async () => {
    const { db } = openFreshDatabase();
    for (const value of ['yesterday', 12345, { at: '2026-11-20T08:30:00.000Z' }, null]) {
      await db.settings.put({ key: LAST_EXPORT_AT_KEY, value });
      expect(await loadLastExportAt()).toBeNull();
    }
  });
});

describe('loadExportFacts', () => {
  it('has no first use on a fresh install', async () => {
    openFreshDatabase();
    expect(await loadExportFacts()).toEqual({ lastExportAt: null, firstUseAt: null });
  });

  it('takes first use from the oldest audit entry (first-run setup)', async () => {
    const { db } = await freshDatabaseWithStation();
    const oldest = await db.audit.orderBy('seq').first();
    await db.audit.add({ ...oldest!, seq: undefined, at: '2030-01-01T00:00:00.000Z' });
    await saveLastExportAt('2026-11-20T08:30:00.000Z');
    expect(await loadExportFacts()).toEqual({
      lastExportAt: '2026-11-20T08:30:00.000Z',
      firstUseAt: oldest!.at,
    });
  });
});
