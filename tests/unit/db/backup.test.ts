import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Blob as NodeBlob } from 'node:buffer';
import { createStationBackup } from '../../../src/db/backupWrite.ts';
import { checkBackupFile } from '../../../src/db/backupRead.ts';
import { restoreBackup } from '../../../src/db/backupRestore.ts';
import { mergeBackup } from '../../../src/db/backupMerge.ts';
import { loadStationKey } from '../../../src/db/keyStore.ts';
import { loadLastBackupAt } from '../../../src/db/backupState.ts';
import { loadLeaves } from '../../../src/db/conflicts.ts';
import { readBlobBytes } from '../../../src/db/blobBytes.ts';
import { incidentListRows } from '../../../src/db/incidentListRead.ts';
import { exchangeTables } from '../../../src/db/exchangeTables.ts';
import { restoreSnapshot } from '../../../src/db/snapshots.ts';
import {
  describeBackupError,
  type BackupError,
} from '../../../src/exchange/backup/backupFormat.ts';
import { countAll, type TestStation } from './exchangeHelpers.ts';
import { newIncident } from './syncHelpers.ts';
import { clearedPc, dumpTables, PHOTO_ID, stationWithEverything } from './backupHelpers.ts';

// Issue 14, items 1–2: the whole-station backup carries every table, and a restore makes a
// cleared PC the same station; every refusal says why in Japanese and changes nothing.

const noQuota = async () => null;
let it_: TestStation;
let dept: TestStation;

beforeEach(async () => {
  // Node's Blob: jsdom's does not survive fake-indexeddb's structured clone.
  vi.stubGlobal('Blob', NodeBlob);
  ({ it: it_, dept } = await stationWithEverything());
});
afterEach(() => vi.unstubAllGlobals());

async function backupOf(station: TestStation, passphrase: string | null = null) {
  station.use();
  return createStationBackup({ passphrase, iterations: 1000 });
}

async function check(station: TestStation, file: Blob) {
  station.use();
  return checkBackupFile('test.sonae-backup.zip', file, noQuota);
}

async function refusal(station: TestStation, file: Blob): Promise<BackupError> {
  const before = await countAll(station.db);
  const result = await check(station, file);
  expect(result.ok).toBe(false);
  expect(await countAll(station.db)).toEqual(before);
  return (result as { error: BackupError }).error;
}

/** The file with `bytes` written over it at `at`. */
async function patched(blob: Blob, at: number, bytes: Uint8Array): Promise<Blob> {
  const all = await readBlobBytes(blob);
  all.set(bytes, at);
  return new Blob([all as BlobPart]);
}

async function offsetOf(blob: Blob, text: string): Promise<number> {
  const all = await readBlobBytes(blob);
  const needle = new TextEncoder().encode(text);
  outer: for (let i = 0; i < all.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (all[i + j] !== needle[j]) continue outer;
    return i;
  }
  throw new Error(`not found: ${text}`);
}

describe('whole-station backup', () => {
  it('restores a cleared PC as the same station, table for table, with the attachment bytes', async () => {
    const backup = await backupOf(it_);
    const original = await dumpTables(it_.db, ['stationKey']);
    expect(original.conflicts!.length).toBe(1);
    expect(original.revSignerSets!.length).toBeGreaterThan(0);
    expect(backup.manifest.tables.map((t) => t.name)).toEqual(
      it_.db.tables.map((t) => t.name).filter((n) => n !== 'incidentListSegments'),
    );

    const pc = clearedPc();
    const checked = await check(pc, backup.blob);
    if (!checked.ok) throw new Error(describeBackupError(checked.error));
    expect(checked.preview.isEmptyHere).toBe(true);
    expect(checked.preview.isSignerKnown).toBe(false);
    expect(checked.preview.fingerprint).toMatch(/^\d{4}(-\d{4}){4}$/);
    const restored = await restoreBackup(checked.preview);
    expect(restored).toMatchObject({ ok: true, mode: 'replace', attachments: 1 });

    const copy = await dumpTables(pc.db, ['stationKey', 'lastBackupAt']);
    const audit = copy.audit!;
    expect(audit.slice(0, -1)).toEqual(original.audit);
    expect(String((audit.at(-1) as { summary: string }).summary)).toContain('から復元');
    expect({ ...copy, audit: [] }).toEqual({
      ...original,
      audit: [],
      settings: original.settings!.filter((r) => (r as { key: string }).key !== 'lastBackupAt'),
    });
    expect(await loadLastBackupAt()).toBe(backup.manifest.createdAt);
    // The derived list is rebuilt by the middleware as the incidents are written back.
    expect((await incidentListRows(pc.db)).size).toBe(await pc.db.table('incidents').count());
    // Without the passphrase the key stays behind: the cleared PC has none yet.
    expect(await loadStationKey()).toBeNull();
  });

  it('never writes the private key in clear, and brings it back only with the passphrase', async () => {
    const plain = await backupOf(it_);
    const text = new TextDecoder().decode(await readBlobBytes(plain.blob));
    expect(text).not.toContain('PRIVATE KEY');
    expect(plain.manifest.privateKey).toBeNull();

    const withKey = await backupOf(it_, '正しいパスフレーズ');
    const ownKey = (await loadStationKey())!;
    const withKeyText = new TextDecoder().decode(await readBlobBytes(withKey.blob));
    expect(withKeyText).toContain('ENCRYPTED PRIVATE KEY');
    expect(withKeyText).not.toContain('-----BEGIN PRIVATE KEY');

    const pc = clearedPc();
    const checked = await check(pc, withKey.blob);
    if (!checked.ok) throw new Error('refused');
    const before = await countAll(pc.db);
    const wrong = await restoreBackup(checked.preview, '違うパスフレーズ');
    expect(wrong).toEqual({ ok: false, error: { kind: 'wrongPassphrase' } });
    expect(describeBackupError({ kind: 'wrongPassphrase' })).toContain('パスフレーズが違います');
    expect(await countAll(pc.db)).toEqual(before);

    expect((await restoreBackup(checked.preview, '正しいパスフレーズ')).ok).toBe(true);
    expect((await loadStationKey())!.keyId).toBe(ownKey.keyId);
  });

  it('refuses to replace a station that holds data, changing nothing', async () => {
    const backup = await backupOf(it_);
    const checked = await check(dept, backup.blob);
    if (!checked.ok) throw new Error('refused');
    expect(checked.preview.isEmptyHere).toBe(false);
    expect(checked.preview.isSignerKnown).toBe(true);
    const before = await dumpTables(dept.db);
    expect(await restoreBackup(checked.preview)).toEqual({
      ok: false,
      error: { kind: 'notEmpty' },
    });
    expect(await dumpTables(dept.db)).toEqual(before);
  });

  it('merges into a station with its own edits through the bundle merge, losing nothing', async () => {
    const own = await newIncident(dept, '課だけの記録');
    const backup = await backupOf(it_);
    const checked = await check(dept, backup.blob);
    if (!checked.ok) throw new Error('refused');
    const merged = await mergeBackup(checked.preview);
    expect(merged.ok).toBe(true);
    dept.use();
    const ids = (await it_.db.table('incidents').toArray()).map((r: { id: string }) => r.id);
    for (const id of [...ids, own.id])
      expect(await dept.db.table('incidents').get(id)).toBeDefined();
    // The conflict the IT section's PC kept is kept here too, as a sibling.
    const conflicted = (await it_.db.table('conflicts').toArray())[0] as { id: string };
    expect((await loadLeaves(dept.db, 'incident', conflicted.id)).length).toBe(2);
    expect(await dept.db.attachments.get(PHOTO_ID)).toBeDefined();
    const last = await dept.db.audit.orderBy('seq').last();
    expect(last!.summary).toContain('統合');
    expect(last!.recordIds!.length).toBeGreaterThan(0);
    // The same file merged again changes no record.
    const again = await check(dept, backup.blob);
    if (!again.ok) throw new Error('refused');
    expect(await mergeBackup(again.preview)).toMatchObject({
      ok: true,
      records: 0,
      attachments: 0,
    });
  });

  it('takes a snapshot of what a merge changes, so 「取り込み前に戻す」 undoes it', async () => {
    const own = await newIncident(dept, '課だけの記録');
    const backup = await backupOf(it_);
    const checked = await check(dept, backup.blob);
    if (!checked.ok) throw new Error('refused');
    dept.use();
    const recordsHere = async () => {
      const tables = await dumpTables(dept.db);
      return { incidents: tables.incidents, conflicts: tables.conflicts, systems: tables.systems };
    };
    const before = await recordsHere();
    const merged = await mergeBackup(checked.preview);
    expect(merged).toMatchObject({ ok: true });
    expect((merged as { records: number }).records).toBeGreaterThan(0);
    expect(await recordsHere()).not.toEqual(before);
    const { snapshots } = exchangeTables(dept.db);
    const kept = await snapshots.count();
    const snapshot = await snapshots.orderBy('seq').last();
    expect(snapshot).toMatchObject({ fileName: checked.preview.fileName, importSeq: null });
    await restoreSnapshot(snapshot!.seq!);
    expect(await recordsHere()).toEqual(before);
    expect(await dept.db.table('incidents').get(own.id)).toBeDefined();
    expect(await snapshots.count()).toBe(kept - 1);
  });

  it('refuses to merge a record whose rev does not match its content, changing nothing', async () => {
    it_.use();
    const [first] = (await it_.db.table('incidents').toArray()) as { id: string; rev: string }[];
    const forged = { ...first!, title: '書き換えた件名' };
    await it_.db.table('incidents').put(forged);
    const backup = await backupOf(it_);
    const checked = await check(dept, backup.blob);
    if (!checked.ok) throw new Error('refused');
    const before = await dumpTables(dept.db);
    const result = await mergeBackup(checked.preview);
    expect(result).toMatchObject({ ok: false, error: { kind: 'damaged' } });
    expect(describeBackupError((result as { error: BackupError }).error)).toContain('障害記録');
    expect(await dumpTables(dept.db)).toEqual(before);
  });

  describe('refusals (Japanese reason, nothing changed)', () => {
    it('a truncated file', async () => {
      const { blob } = await backupOf(it_);
      const error = await refusal(dept, blob.slice(0, blob.size - 100));
      expect(error.kind).toBe('damaged');
      expect(describeBackupError(error)).toContain('途中で切れて');
    });

    it('a file that is not a backup', async () => {
      expect((await refusal(dept, new Blob(['{"format":"sonae-bundle"}']))).kind).toBe('notBackup');
    });

    it('a part whose bytes differ from its hash', async () => {
      const { blob } = await backupOf(it_);
      const at = await offsetOf(blob, '写真つき');
      const error = await refusal(
        dept,
        await patched(blob, at, new TextEncoder().encode('写真なし')),
      );
      expect(error).toEqual({ kind: 'partChanged', path: 'tables/incidents/0001.ndjson' });
      expect(describeBackupError(error)).toContain('書き換えられた');
    });

    it('a manifest changed after signing', async () => {
      const { blob } = await backupOf(it_);
      const at = await offsetOf(blob, '"generator":"Sonae"');
      const error = await refusal(
        dept,
        await patched(blob, at, new TextEncoder().encode('"generator":"Xonae"')),
      );
      expect(error.kind).toBe('badSignature');
    });

    it('a file from a newer Sonae', async () => {
      const { blob } = await backupOf(it_);
      const at = await offsetOf(blob, '"version":1');
      const error = await refusal(
        dept,
        await patched(blob, at, new TextEncoder().encode('"version":9')),
      );
      expect(error).toEqual({ kind: 'tooNew', version: 9 });
      expect(describeBackupError(error)).toContain('新しい版の備え');
    });

    it('a file too big for the free storage', async () => {
      const { blob } = await backupOf(it_);
      const before = await countAll(dept.db);
      dept.use();
      const result = await checkBackupFile('x.sonae-backup.zip', blob, async () => 1000);
      expect(result).toMatchObject({ ok: false, error: { kind: 'tooBig', available: 1000 } });
      expect(describeBackupError((result as { error: BackupError }).error)).toContain(
        '空き容量が足りません',
      );
      expect(await countAll(dept.db)).toEqual(before);
    });
  });
});
