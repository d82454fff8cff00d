import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Blob as NodeBlob } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  crc32,
  readStoredZip,
  readZipEntry,
  StoredZipWriter,
} from '../../../src/exchange/backup/storedZip.ts';
import { readManifest, signManifest } from '../../../src/exchange/backup/backupFormat.ts';
import { generateKeyPair } from '../../../src/exchange/keys.ts';
import {
  decodeRows,
  encodeRows,
  type BinaryValue,
} from '../../../src/exchange/backup/backupRows.ts';
import { createStationBackup, recordBackupWritten } from '../../../src/db/backupWrite.ts';
import { getDatabase } from '../../../src/db/instance.ts';
import { blobSource } from '../../../src/db/backupRead.ts';
import { readBlobBytes } from '../../../src/db/blobBytes.ts';
import { hasOpenssl, openssl, tempDir } from './bundleHelpers.ts';
import { stationWithEverything, PHOTO_BYTES } from '../db/backupHelpers.ts';

// Issue 14, item 1: the backup is a standard stored ZIP an auditor opens with `unzip`, and its
// manifest signature verifies with OpenSSL alone (docs/backup-format.md).

beforeEach(() => vi.stubGlobal('Blob', NodeBlob));
afterEach(() => vi.unstubAllGlobals());

const hasUnzip = (() => {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('stored ZIP', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const a = new TextEncoder().encode('1234');
    const b = new TextEncoder().encode('56789');
    expect(crc32(b, crc32(a))).toBe(0xcbf43926);
  });

  it('reads back what it writes, and refuses a truncated file', async () => {
    const zip = new StoredZipWriter(new Date('2026-11-29T12:00:00Z'));
    const one = new TextEncoder().encode('一つ目');
    zip.add('a/一つ目.txt', one, crc32(one));
    zip.add('b.bin', new Blob([PHOTO_BYTES]), crc32(PHOTO_BYTES));
    const blob = new Blob(zip.finish());
    const read = await readStoredZip(blobSource(blob));
    if (!read.ok) throw new Error(read.reason);
    expect([...read.entries.keys()]).toEqual(['a/一つ目.txt', 'b.bin']);
    const bytes = await readZipEntry(blobSource(blob), read.entries.get('b.bin')!);
    expect(bytes).toEqual(PHOTO_BYTES);
    const cut = await readStoredZip(blobSource(blob.slice(0, blob.size - 1)));
    expect(cut.ok).toBe(false);
  });
});

describe('rows as NDJSON', () => {
  it('moves Blobs and byte arrays to parts of their own and back', () => {
    const found: BinaryValue[] = [];
    let n = 0;
    const photo = new Blob([PHOTO_BYTES], { type: 'image/png' });
    const text = encodeRows(
      [
        { id: 'x', blob: photo },
        { id: 'y', nested: { bytes: new Uint8Array([1, 2]) } },
      ],
      null,
      () => `blobs/${String(++n).padStart(6, '0')}`,
      found,
    );
    expect(text.split('\n')).toHaveLength(3);
    expect(found.map((f) => f.path)).toEqual(['blobs/000001', 'blobs/000002']);
    const decoded = decodeRows(text, false, (p, type) => new Blob([p], { type }));
    expect((decoded.rows[0] as { blob: Blob }).blob.type).toBe('image/png');
    expect(decoded.pending).toMatchObject([{ key: 'bytes', path: 'blobs/000002' }]);
  });

  it('keeps the keys of a table whose keys are outside its rows', () => {
    const text = encodeRows([{ a: 1 }], ['k1'], () => 'blobs/000001', []);
    expect(decodeRows(text, true, () => new Blob()).keys).toEqual(['k1']);
  });
});

describe.skipIf(!hasUnzip || !hasOpenssl)('a backup as an auditor sees it', () => {
  it('passes `unzip -t` and its manifest signature verifies with openssl', async () => {
    await stationWithEverything();
    const backup = await createStationBackup();
    const dir = tempDir();
    const file = path.join(dir, backup.fileName);
    writeFileSync(file, await readBlobBytes(backup.blob));
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain(
      'No errors detected',
    );
    execFileSync('unzip', ['-o', '-q', file, '-d', dir]);
    expect(readFileSync(path.join(dir, 'blobs/000001'))).toEqual(Buffer.from(PHOTO_BYTES));
    const args = ['pkeyutl', '-verify', '-pubin', '-inkey', 'signer-public-key.pem', '-rawin'];
    expect(openssl([...args, '-in', 'manifest.json', '-sigfile', 'manifest.sig'], dir)).toContain(
      'Signature Verified Successfully',
    );
    const sums = execFileSync('sha256sum', ['blobs/000001'], { cwd: dir, encoding: 'utf8' });
    const listed = backup.manifest.parts.find((p) => p.path === 'blobs/000001')!;
    expect(sums.split(' ')[0]).toBe(listed.sha256);
    // The 持ち出し記録 holds the SHA-256 of the file as written, as sha256sum gives it.
    await recordBackupWritten(backup);
    const entry = await getDatabase().audit.orderBy('seq').last();
    const whole = execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0];
    expect(entry?.release).toMatchObject({ kind: 'backup', name: backup.fileName, sha256: whole });
  });
});

describe('a manifest from a later Sonae', () => {
  it('reads a station that carries more than this version knows', async () => {
    const { privateKey } = generateKeyPair();
    const station = {
      id: '00000000-0000-4000-8000-00000000b001',
      municipality: '架空市',
      department: '市民課',
      terminal: '窓口PC-01',
      staffName: '',
      role: 'department' as const,
      laterField: '新しい版の項目',
    };
    const signed = await signManifest(
      {
        createdAt: '2026-11-30T00:00:00.000Z',
        generator: 'Sonae (later)',
        databaseVersion: 1,
        station,
        tables: [],
        parts: [],
        privateKey: null,
      },
      privateKey,
    );
    const read = await readManifest(signed.bytes, signed.signature);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.manifest.station).toMatchObject({ laterField: '新しい版の項目' });
  });
});
