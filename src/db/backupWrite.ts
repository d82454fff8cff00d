import { Dexie, type Table } from 'dexie';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { nowIso } from '../domain/dateTime.ts';
import { stationLabel } from '../domain/station.ts';
import { encryptPrivateKeyPem } from '../exchange/keyBackup.ts';
import { crc32, StoredZipWriter } from '../exchange/backup/storedZip.ts';
import { encodeRows, type BinaryValue } from '../exchange/backup/backupRows.ts';
import {
  blobPartPath,
  BACKUP_FILE_EXTENSION,
  MANIFEST_PATH,
  PRIVATE_KEY_PATH,
  PUBLIC_KEY_PATH,
  SIGNATURE_PATH,
  signManifest,
  tablePartPath,
  type BackupManifest,
  type BackupManifestInput,
} from '../exchange/backup/backupFormat.ts';
import { CURRENT_SCHEMA_VERSION, recordTables } from './database.ts';
import { readBlobBytes } from './blobBytes.ts';
import { digestHex } from './importChecks.ts';
import { getDatabase } from './instance.ts';
import { ensureStationKey } from './keyStore.ts';
import { loadStation } from './station.ts';
import { StationMissingError } from './errors.ts';
import { recordDataRelease } from './dataRelease.ts';
import type { ProtectedBlob } from './ageProtection.ts';
import { saveLastBackupAt } from './backupState.ts';
import { BACKUP_EXCLUDED_TABLES, BACKUP_SECRET_SETTINGS } from './backupTables.ts';

/** Rows read per request, and the text size at which a table part is closed. */
const PAGE_ROWS = 500;
const PART_CHARS = 4_000_000;

export interface BackupOptions {
  /** Include the station's private key, protected by this passphrase (as the key backup). */
  passphrase?: string | null;
  /** The build that writes it (buildInfo), for people reading the manifest. */
  generator?: string;
  /** PBKDF2 iterations (tests use fewer; the default is the key backup's). */
  iterations?: number;
}

export interface WrittenBackup {
  blob: Blob;
  fileName: string;
  manifest: BackupManifest;
  records: number;
  attachments: number;
}

interface PartInfo {
  path: string;
  sha256: string;
  size: number;
}

/** `sonae-backup_<部署>_<端末>_20261129-1430.sonae-backup.zip` in local time. */
export function backupFileName(department: string, terminal: string, date: Date): string {
  const clean = (s: string) =>
    s
      .normalize('NFC')
      .replace(/[\\/:*?"<>|_\s\p{Cc}]+/gu, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 30);
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}`;
  const who = [clean(department), clean(terminal)].filter(Boolean).join('_') || '端末';
  return `sonae-backup_${who}_${stamp}${BACKUP_FILE_EXTENSION}`;
}

/** The last primary key of a page, for keyset paging (compound keys included). */
function keyOf(table: Table, row: unknown, key: unknown): unknown {
  const path = table.schema.primKey.keyPath;
  return path ? Dexie.getByKeyPath(row as object, path as string) : key;
}

/**
 * Writes the whole station as one backup file (docs/backup-format.md): every table but the
 * derived ones, read in ONE read transaction so the copy is consistent, page by page; each
 * table part becomes a Blob as soon as it is full and attachments are referenced as the Blobs
 * IndexedDB returns, so no whole-file string or buffer is ever held. The manifest (every part's
 * SHA-256 and size) is signed by the station key. Writes nothing; see recordBackupWritten.
 */
export async function createStationBackup(options: BackupOptions = {}): Promise<WrittenBackup> {
  const db = getDatabase();
  const station = await loadStation();
  if (!station) throw new StationMissingError('station not set up');
  const key = await ensureStationKey();
  const created = new Date();
  const zip = new StoredZipWriter(new Date(created.getTime() + 9 * 3600_000)); // Tokyo wall clock
  const parts: PartInfo[] = [];
  const tables: BackupManifestInput['tables'] = [];
  const binaries: BinaryValue[] = [];
  let blobCount = 0;
  const nextBlobPath = () => blobPartPath(++blobCount);
  const addBytes = (path: string, bytes: Uint8Array) => {
    parts.push({ path, sha256: bytesToHex(sha256(bytes)), size: bytes.length });
    zip.add(path, new Blob([bytes as BlobPart]), crc32(bytes));
  };
  const included = db.tables.filter((t) => !BACKUP_EXCLUDED_TABLES.includes(t.name));
  await db.transaction('r', included, async () => {
    for (const table of included) {
      const outbound = !table.schema.primKey.keyPath;
      const entry = { name: table.name, rows: 0, outboundKeys: outbound, parts: [] as string[] };
      let text = '';
      const flush = () => {
        if (!text) return;
        const path = tablePartPath(table.name, entry.parts.length + 1);
        addBytes(path, new TextEncoder().encode(text));
        entry.parts.push(path);
        text = '';
      };
      let last: unknown = undefined;
      for (;;) {
        const page = last === undefined ? table.orderBy(':id') : table.where(':id').above(last);
        let rows = await page.clone().limit(PAGE_ROWS).toArray();
        const keys = outbound ? await page.clone().limit(PAGE_ROWS).primaryKeys() : null;
        const fetched = rows.length;
        if (fetched === 0) break;
        last = keyOf(table, rows[fetched - 1], keys?.[fetched - 1]);
        if (table.name === 'settings')
          rows = rows.filter(
            (row) => !BACKUP_SECRET_SETTINGS.includes((row as { key: string }).key),
          );
        entry.rows += rows.length;
        text += encodeRows(rows, keys, nextBlobPath, binaries);
        if (text.length >= PART_CHARS) flush();
        if (fetched < PAGE_ROWS) break;
      }
      flush();
      tables.push(entry);
    }
  });
  // Attachment bytes are read one at a time, outside the transaction (a Blob read is not an
  // IndexedDB request), only to hash them: the file refers to the Blob itself.
  for (const { path, value } of binaries) {
    const bytes = ArrayBuffer.isView(value) ? value : await readBlobBytes(value);
    parts.push({ path, sha256: await digestHex(bytes), size: bytes.length });
    zip.add(path, ArrayBuffer.isView(value) ? new Blob([value as BlobPart]) : value, crc32(bytes));
  }
  addBytes(PUBLIC_KEY_PATH, new TextEncoder().encode(key.publicKeyPem));
  const passphrase = options.passphrase ?? null;
  if (passphrase) {
    const pem = await encryptPrivateKeyPem(key.privateKey, passphrase, {
      iterations: options.iterations,
    });
    addBytes(PRIVATE_KEY_PATH, new TextEncoder().encode(pem));
  }
  const signed = await signManifest(
    {
      createdAt: created.toISOString(),
      generator: options.generator ?? 'Sonae',
      databaseVersion: CURRENT_SCHEMA_VERSION,
      station,
      tables,
      parts,
      privateKey: passphrase ? { path: PRIVATE_KEY_PATH } : null,
    },
    key.privateKey,
  );
  zip.add(MANIFEST_PATH, signed.bytes, crc32(signed.bytes));
  zip.add(SIGNATURE_PATH, signed.signature, crc32(signed.signature));
  const blob = new Blob(zip.finish(), { type: 'application/zip' });
  const recordTableNames = new Set<string>(Object.values(recordTables));
  return {
    blob,
    fileName: backupFileName(station.department, station.terminal, created),
    manifest: signed.manifest,
    records: tables.filter((t) => recordTableNames.has(t.name)).reduce((n, t) => n + t.rows, 0),
    attachments: tables.find((t) => t.name === 'attachments')?.rows ?? 0,
  };
}

/** SHA-256 of a Blob read in 8 MB slices (never the whole file at once). */
export async function hashBlob(blob: Blob): Promise<string> {
  const hash = sha256.create();
  const slice = 8 * 1024 * 1024;
  for (let at = 0; at < blob.size; at += slice)
    hash.update(await readBlobBytes(blob.slice(at, Math.min(blob.size, at + slice))));
  return bytesToHex(hash.digest());
}

/**
 * After the file was handed to the browser: the time of the last backup (which the reminder
 * reads), then the 持ち出し記録 with the file's SHA-256 — for an encrypted backup also the backup
 * inside it, and to whom it was encrypted. Hashing the whole file in pure JS is most of a
 * backup's time (7 of 11 s at 220 MB), so it runs here, after the download started, and not
 * before it.
 */
export async function recordBackupWritten(
  backup: WrittenBackup,
  file: ProtectedBlob = {
    fileName: backup.fileName,
    blob: backup.blob,
    encrypted: false,
    release: {},
    note: '',
  },
): Promise<void> {
  await saveLastBackupAt(nowIso());
  const key = backup.manifest.privateKey ? '、署名鍵（パスフレーズで保護）を含む' : '';
  const note = file.note ? `・${file.note}` : '';
  // A failed read leaves a hash out (null in the trail) rather than the entry.
  const hash = (blob: Blob) => hashBlob(blob).catch(() => undefined);
  await recordDataRelease({
    kind: 'backup',
    name: file.fileName,
    what: `記録 ${backup.records}件、添付 ${backup.attachments}件${key}、${stationLabel(backup.manifest.station)}${note}`,
    count: backup.records,
    sha256: await hash(file.blob),
    innerSha256: file.encrypted ? ((await hash(backup.blob)) ?? null) : null,
    ...file.release,
  });
}
