import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Blob as NodeBlob } from 'node:buffer';
import { createStationBackup } from '../../../src/db/backupWrite.ts';
import { checkBackupFile } from '../../../src/db/backupRead.ts';
import { mergeBackup } from '../../../src/db/backupMerge.ts';
import { loadStation } from '../../../src/db/station.ts';
import { setOperator } from '../../../src/db/operator.ts';
import { stationWithEverything } from './backupHelpers.ts';

// PRODUCT.md decision 6: a backup merged into a station is one audit entry naming the operator
// at the keyboard, not only the station's 担当者名.

beforeEach(() => {
  // Node's Blob: jsdom's does not survive fake-indexeddb's structured clone.
  vi.stubGlobal('Blob', NodeBlob);
  sessionStorage.clear();
});
afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe('a backup merged in', () => {
  it('names the operator in its audit entry', async () => {
    const { it: itSection, dept } = await stationWithEverything();
    itSection.use();
    const backup = await createStationBackup({ passphrase: null, iterations: 1000 });
    dept.use();
    setOperator((await loadStation())!.id, '鈴木 美咲');
    const checked = await checkBackupFile('test.sonae-backup.zip', backup.blob, async () => null);
    if (!checked.ok) throw new Error('refused');
    expect((await mergeBackup(checked.preview)).ok).toBe(true);
    const last = await dept.db.audit.orderBy('seq').last();
    expect(last).toMatchObject({ action: 'import', actor: '鈴木 美咲' });
  });
});
