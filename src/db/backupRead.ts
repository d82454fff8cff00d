import { formatKeyFingerprint } from '../exchange/keys.ts';
import {
  readStoredZip,
  readZipEntry,
  type ByteSource,
  type ZipEntry,
} from '../exchange/backup/storedZip.ts';
import {
  MANIFEST_PATH,
  readManifest,
  SIGNATURE_PATH,
  type BackupError,
  type BackupManifest,
} from '../exchange/backup/backupFormat.ts';
import { CURRENT_SCHEMA_VERSION, recordTables } from './database.ts';
import { exchangeTables } from './exchangeTables.ts';
import { readBlobBytes } from './blobBytes.ts';
import { digestHex } from './importChecks.ts';
import { getDatabase } from './instance.ts';
import { loadStationKey } from './keyStore.ts';
import { BACKUP_EXCLUDED_TABLES } from './backupTables.ts';

/** Everything checked before the person chooses 復元: what the file holds, what is here now. */
export interface BackupPreview {
  fileName: string;
  size: number;
  manifest: BackupManifest;
  /** The signer's fingerprint, to compare with the one noted for the old PC. */
  fingerprint: string;
  /** The signer is this station's own key or a key trusted here. */
  isSignerKnown: boolean;
  /** Rows per table in the file, and here now (derived tables left out). */
  counts: { table: string; inFile: number; here: number }[];
  /** What the restore needs in the browser's storage, and what is free (null: not known here). */
  space: { needed: number; free: number | null };
  /** No records, conflict siblings or attachments here: the file can replace the station. */
  isEmptyHere: boolean;
  file: Blob;
  source: ByteSource;
  entries: Map<string, ZipEntry>;
}

export type BackupCheck = { ok: true; preview: BackupPreview } | { ok: false; error: BackupError };

/** What the browser says is free; injectable for tests. Null where it cannot tell (plain HTTP). */
export type FreeSpaceReader = () => Promise<number | null>;

async function browserFreeSpace(): Promise<number | null> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!storage?.estimate) return null;
  try {
    const { usage, quota } = await storage.estimate();
    return usage === undefined || quota === undefined ? null : Math.max(0, quota - usage);
  } catch {
    return null;
  }
}

/** Random access to a chosen file, slice by slice. */
export function blobSource(blob: Blob): ByteSource {
  return { size: blob.size, read: (start, end) => readBlobBytes(blob.slice(start, end)) };
}

/** Tables that hold data a restore would replace: records, their siblings, attachments. */
export function dataTableNames(): string[] {
  return [...Object.values(recordTables), 'conflicts', 'attachments'];
}

/** Rows per table here (derived tables left out) and whether the station holds no data yet. */
export async function countStationRows(): Promise<{
  counts: Map<string, number>;
  isEmpty: boolean;
}> {
  const db = getDatabase();
  const counts = new Map<string, number>();
  for (const table of db.tables)
    if (!BACKUP_EXCLUDED_TABLES.includes(table.name)) counts.set(table.name, await table.count());
  const isEmpty = dataTableNames().every((name) => !counts.get(name));
  return { counts, isEmpty };
}

/**
 * Checks a chosen backup completely before anything is shown or written: ZIP structure (a
 * truncated file has lost its end), the manifest's format, version and signature, that every
 * part is present with its size and SHA-256 and nothing else is in the file, that this Sonae
 * knows the database it came from, and that the browser has room for it. Reads every part once,
 * one at a time; writes nothing.
 */
export async function checkBackupFile(
  fileName: string,
  file: Blob,
  freeSpace: FreeSpaceReader = browserFreeSpace,
): Promise<BackupCheck> {
  const source = blobSource(file);
  const zip = await readStoredZip(source);
  if (!zip.ok) {
    const looksLikeZip = file.size >= 4 && (await source.read(0, 4))[0] === 0x50;
    return {
      ok: false,
      error: looksLikeZip ? { kind: 'damaged', detail: zip.reason } : { kind: 'notBackup' },
    };
  }
  const { entries } = zip;
  const manifestEntry = entries.get(MANIFEST_PATH);
  const signatureEntry = entries.get(SIGNATURE_PATH);
  if (!manifestEntry || !signatureEntry) return { ok: false, error: { kind: 'notBackup' } };
  const manifestBytes = await readZipEntry(source, manifestEntry);
  const signature = await readZipEntry(source, signatureEntry);
  if (!manifestBytes || !signature)
    return { ok: false, error: { kind: 'damaged', detail: '目録が読めません' } };
  const read = await readManifest(manifestBytes, signature);
  if (!read.ok) return read;
  const { manifest } = read;
  if (manifest.databaseVersion > CURRENT_SCHEMA_VERSION)
    return { ok: false, error: { kind: 'tooNew', version: manifest.version } };

  const listed = new Set(manifest.parts.map((p) => p.path));
  for (const path of entries.keys())
    if (!listed.has(path) && path !== MANIFEST_PATH && path !== SIGNATURE_PATH)
      return { ok: false, error: { kind: 'damaged', detail: `目録にない「${path}」があります` } };
  for (const table of manifest.tables)
    for (const path of table.parts)
      if (!listed.has(path))
        return { ok: false, error: { kind: 'damaged', detail: `「${path}」が目録にありません` } };
  // Twice the data: IndexedDB writes a journal and indexes beside the rows.
  const needed = 2 * manifest.parts.reduce((sum, p) => sum + p.size, 0);
  const free = await freeSpace();
  if (free !== null && needed > free)
    return { ok: false, error: { kind: 'tooBig', needed, available: free } };

  for (const part of manifest.parts) {
    const entry = entries.get(part.path);
    if (!entry)
      return { ok: false, error: { kind: 'damaged', detail: `「${part.path}」がありません` } };
    if (entry.size !== part.size)
      return { ok: false, error: { kind: 'partChanged', path: part.path } };
    const bytes = await readZipEntry(source, entry);
    if (!bytes)
      return { ok: false, error: { kind: 'damaged', detail: `「${part.path}」が読めません` } };
    if ((await digestHex(bytes)) !== part.sha256)
      return { ok: false, error: { kind: 'partChanged', path: part.path } };
  }

  const { counts, isEmpty } = await countStationRows();
  const inFile = new Map(manifest.tables.map((t) => [t.name, t.rows]));
  const names = [...new Set([...counts.keys(), ...inFile.keys()])];
  const own = await loadStationKey();
  const trusted = await exchangeTables(getDatabase()).trustedKeys.get(manifest.signer.keyId);
  return {
    ok: true,
    preview: {
      fileName,
      size: file.size,
      manifest,
      fingerprint: formatKeyFingerprint(manifest.signer.keyId),
      isSignerKnown: own?.keyId === manifest.signer.keyId || Boolean(trusted),
      counts: names.map((table) => ({
        table,
        inFile: inFile.get(table) ?? 0,
        here: counts.get(table) ?? 0,
      })),
      space: { needed, free },
      isEmptyHere: isEmpty,
      file,
      source,
      entries,
    },
  };
}
