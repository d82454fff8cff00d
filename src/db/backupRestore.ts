import type { Table } from 'dexie';
import { formatDateTimeJa, nowIso } from '../domain/dateTime.ts';
import { stationLabel } from '../domain/station.ts';
import { decodeRows, type PendingBytes } from '../exchange/backup/backupRows.ts';
import { readZipEntry } from '../exchange/backup/storedZip.ts';
import { decryptPrivateKeyPem } from '../exchange/keyBackup.ts';
import { computeKeyId, derivePublicKey, encodePrivateKeyPem } from '../exchange/keys.ts';
import type { BackupError } from '../exchange/backup/backupFormat.ts';
import { CURRENT_SCHEMA_VERSION, recordTables } from './database.ts';
import { upgradeAllRecords } from './recordUpgrades.ts';
import { appendAudit } from './auditTrail.ts';
import { getDatabase } from './instance.ts';
import { requireStation } from './station.ts';
import { LAST_BACKUP_AT_KEY } from './backupState.ts';
import { dataTableNames, type BackupPreview } from './backupRead.ts';
import { BACKUP_EXCLUDED_TABLES, RESTORE_KEPT_SETTINGS } from './backupTables.ts';
import type { RevSignerRow } from './exchangeTables.ts';
import {
  groupLegacyRevSigners,
  LEGACY_REV_SIGNERS_TABLE,
  REV_SIGNER_SETS_TABLE,
} from './revSignerSets.ts';

export type TableRows = Map<string, { rows: unknown[]; keys: unknown[] | null }>;
export type RestoreResult =
  | { ok: true; mode: 'replace' | 'merge'; records: number; attachments: number }
  | { ok: false; error: BackupError };

class RefusedInTransaction extends Error {
  constructor(readonly error: BackupError) {
    super(error.kind);
  }
}

/** Every table's rows, decoded from the checked parts; attachments stay slices of the file. */
export async function loadTables(preview: BackupPreview): Promise<TableRows> {
  const { file, source, entries, manifest } = preview;
  const blobOf = (path: string, type: string) => {
    const entry = entries.get(path);
    if (!entry) throw new Error(`missing part ${path}`);
    return file.slice(entry.dataStart, entry.dataStart + entry.size, type);
  };
  const tables: TableRows = new Map();
  const pending: PendingBytes[] = [];
  for (const table of manifest.tables) {
    const rows: unknown[] = [];
    const keys: unknown[] | null = table.outboundKeys ? [] : null;
    for (const path of table.parts) {
      const bytes = await readZipEntry(source, entries.get(path)!);
      if (!bytes) throw new Error(`unreadable part ${path}`);
      const part = decodeRows(new TextDecoder().decode(bytes), table.outboundKeys, blobOf);
      rows.push(...part.rows);
      if (keys && part.keys) keys.push(...part.keys);
      pending.push(...part.pending);
    }
    tables.set(table.name, { rows, keys });
  }
  for (const { holder, key, path } of pending)
    holder[key] = await readZipEntry(source, entries.get(path)!);
  return withCurrentTables(tables);
}

/**
 * The rows of a table a later Dexie version replaced, as the replacing table's rows, so a backup
 * of an older release restores them (the records themselves are upgraded in the transaction).
 * Version 8: `revSigners` (a row per revision) became `revSignerSets` (a row per import).
 */
export function withCurrentTables(tables: TableRows): TableRows {
  const legacy = tables.get(LEGACY_REV_SIGNERS_TABLE);
  if (legacy && !tables.has(REV_SIGNER_SETS_TABLE))
    tables.set(REV_SIGNER_SETS_TABLE, {
      rows: groupLegacyRevSigners(legacy.rows as RevSignerRow[]),
      keys: null,
    });
  return tables;
}

/** The station key in the file, decrypted; null when none is in the file or none was asked for. */
async function readPrivateKey(preview: BackupPreview, passphrase: string | null) {
  const part = preview.manifest.privateKey;
  if (!part || !passphrase) return { ok: true as const, pem: null };
  const bytes = await readZipEntry(preview.source, preview.entries.get(part.path)!);
  const decrypted = await decryptPrivateKeyPem(new TextDecoder().decode(bytes!), passphrase);
  if (!decrypted.ok) return { ok: false as const, error: { kind: 'wrongPassphrase' } as const };
  // The key must be the one that signed the manifest, or the file was put together by hand.
  if (computeKeyId(derivePublicKey(decrypted.privateKey)) !== preview.manifest.signer.keyId)
    return {
      ok: false as const,
      error: { kind: 'damaged', detail: '署名鍵が署名者と一致しません' } as const,
    };
  return { ok: true as const, pem: encodePrivateKeyPem(decrypted.privateKey) };
}

export function describeRestore(preview: BackupPreview, what: string, withKey: boolean): string {
  const { manifest } = preview;
  return (
    `バックアップ「${preview.fileName.slice(0, 200)}」から${what}（${stationLabel(manifest.station)}、` +
    `${formatDateTimeJa(manifest.createdAt)} 作成、署名者の指紋 ${preview.fingerprint}` +
    `${withKey ? '、署名鍵も復元' : ''}）`
  );
}

function sumRows(tables: TableRows, names: readonly string[]): number {
  return names.reduce((n, name) => n + (tables.get(name)?.rows.length ?? 0), 0);
}

/**
 * Makes an empty station (no records, siblings or attachments; first run or just set up) the
 * backed-up one, in ONE transaction over every table: same station id, records with revisions,
 * conflicts and tombstones, attachments, audit trail, import history, snapshots, trusted keys,
 * settings and drafts. The station key comes back only with the passphrase; otherwise this PC
 * keeps (or later makes) a key of its own. Refuses, changing nothing, a station that holds data
 * (use mergeBackup) and a wrong passphrase.
 */
export async function restoreBackup(
  preview: BackupPreview,
  passphrase: string | null = null,
): Promise<RestoreResult> {
  const key = await readPrivateKey(preview, passphrase);
  if (!key.ok) return key;
  const tables = await loadTables(preview);
  const db = getDatabase();
  const targets = db.tables.filter((t) => !BACKUP_EXCLUDED_TABLES.includes(t.name));
  try {
    await db.transaction('rw', targets, async (tx) => {
      for (const name of dataTableNames())
        if ((await db.table(name).count()) > 0)
          throw new RefusedInTransaction({ kind: 'notEmpty' });
      const kept = (await db.settings.bulkGet([...RESTORE_KEPT_SETTINGS])).filter(Boolean);
      for (const table of targets) {
        await table.clear();
        const data = tables.get(table.name);
        if (data?.rows.length) await (table as Table).bulkAdd(data.rows, data.keys as never);
      }
      await db.settings.bulkPut(kept as never[]);
      if (key.pem)
        await db.settings.put({
          key: 'stationKey',
          value: {
            privateKeyPem: key.pem,
            keyId: preview.manifest.signer.keyId,
            createdAt: nowIso(),
          },
        });
      if (preview.manifest.databaseVersion < CURRENT_SCHEMA_VERSION) await upgradeAllRecords(tx);
      await db.settings.put({ key: LAST_BACKUP_AT_KEY, value: preview.manifest.createdAt });
      const station = await requireStation(tx);
      await appendAudit(station, {
        action: 'settings',
        summary: describeRestore(preview, '復元', Boolean(key.pem)),
      });
    });
  } catch (error) {
    if (error instanceof RefusedInTransaction) return { ok: false, error: error.error };
    throw error;
  }
  return {
    ok: true,
    mode: 'replace',
    records: sumRows(tables, Object.values(recordTables)),
    attachments: tables.get('attachments')?.rows.length ?? 0,
  };
}
