import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { ExportSection } from '../../src/features/exchange/ExportSection.tsx';
import { resetDeploymentConfig } from '../../src/features/exchange/deploymentConfig.ts';
import { generateDemoIncidents } from '../../src/demo/demoMunicipality.ts';
import { createStoredRecord } from '../../src/domain/storedRecord.ts';
import { SHARE_FROM_RECORDS } from '../../src/db/exportRecords.ts';
import type { SonaeDatabase } from '../../src/db/database.ts';
import { stubExportWorkers } from '../unit/db/exportWorkerFake.ts';

// Issue 9: the export's workers start when the 書き出す screen opens (not on the click), are
// used by the export, started again for the next one, and end when the screen closes.

let db: SonaeDatabase;

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

beforeEach(async () => {
  let station;
  ({ db, station } = await freshDatabaseWithStation());
  resetDeploymentConfig();
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:test');
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  const incidents = generateDemoIncidents(SHARE_FROM_RECORDS + 10, [station.id], { seed: 2 });
  await db.incidents.bulkPut(
    incidents.map((data) =>
      createStoredRecord('incident', data, station.id, '2026-11-21T00:00:00.000Z'),
    ),
  );
});

describe('書き出す with workers', () => {
  it('starts the workers with the screen, exports with them and ends them with the screen', async () => {
    const workers = stubExportWorkers();
    const user = userEvent.setup();
    const { unmount } = render(
      <MemoryRouter>
        <ExportSection />
      </MemoryRouter>,
    );
    expect(workers.started).toBe(2);
    await user.click(screen.getByRole('radio', { name: 'すべて' }));
    const button = await screen.findByRole('button', { name: '書き出す' });
    await vi.waitFor(() => expect(button).toBeEnabled());
    await user.click(button);
    await screen.findByText(/を書き出しました（記録\d+件/, undefined, { timeout: 15_000 });
    // The export used the two waiting; two more wait for the next one.
    expect(workers.requests.filter((r) => r.share)).toHaveLength(2);
    await vi.waitFor(() => expect(workers.started).toBe(4));
    await vi.waitFor(() => expect(button).toHaveTextContent('書き出す'));
    unmount();
    expect(workers.terminated).toBe(4);
  });
});
