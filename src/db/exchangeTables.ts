import { revSignerSetsTable } from './revSignerSets.ts';
import type { Table } from 'dexie';
import type { RecordOf } from '../domain/recordSchemas.ts';
import type { RecordType } from '../domain/recordTypes.ts';
import type { SonaeDatabase } from './database.ts';
import type { SignerRole } from '../exchange/signerRoles.ts';
import type { AuditAuthor } from '../domain/audit.ts';

// DO NOT RENAME: table names and row fields are stored in every user's IndexedDB
// (Dexie versions 2 and 4 in database.ts). Change them only through a new Dexie version.

/** A losing leaf of a conflicted record; the winner stays in the record's own table. */
export interface ConflictRow {
  type: RecordType;
  id: string;
  rev: string;
  record: RecordOf<RecordType>;
}

/** Who may write what (src/exchange/signerRoles.ts): the IT section all, a department incidents. */
export type TrustRole = SignerRole;

export interface TrustedKeyRow {
  /** RFC 7638 thumbprint of the Ed25519 public key. */
  keyId: string;
  publicKeyPem: string;
  label: string;
  role: TrustRole;
  addedAt: string;
  /** Who trusted it: a staff name, or 'sonae.config.json' for a deployment key. */
  addedBy: string;
  source: 'user' | 'config';
}

export interface ImportCounts {
  new: number;
  updated: number;
  unchanged: number;
  conflict: number;
  refused: number;
  attachments: number;
}

/** 取り込み履歴: one row per applied bundle. */
export interface ImportRow {
  seq?: number;
  at: string;
  actor: string;
  fileName: string;
  /** sha256 (hex) of the file's bytes: the signed bundle (inside an encrypted file). */
  sha256: string;
  /**
   * An encrypted file (`.age`): sha256 of the file as carried. Both hashes are in the sender's
   * 持ち出し記録 (sha256 and innerSha256), so the two ends can be matched (decision 4).
   */
  encryptedSha256?: string;
  bundleId: string;
  /** Station id the bundle's issuer declares (shown; not trusted for replay protection). */
  issuer: string;
  issuerLabel: string;
  sequence: number;
  /** Key that signed it (shown; the replay rule is by the file's SHA-256, checkReplay). */
  signerKeyId: string;
  counts: ImportCounts;
  /** Set when 「取り込み前に戻す」 undid this import; the same file may then be imported again. */
  undoneAt?: string;
}

/** One record an import changed, as it was just before: its main row (null: absent) and siblings. */
export interface SnapshotRecord {
  type: RecordType;
  id: string;
  main: RecordOf<RecordType> | null;
  siblings: ConflictRow[];
}

/** The state just before an import, to undo it (「取り込み前に戻す」). */
export interface SnapshotRow {
  seq?: number;
  at: string;
  /** The import this snapshot precedes (ImportRow.seq), named in the restore button. */
  importSeq: number | null;
  fileName: string;
  /** Only the records the import changed (issue 12, item 16), so a snapshot stays small. */
  changed?: SnapshotRecord[];
  /** Snapshots taken before item 16 copied every record table and the conflicts whole. */
  records?: Partial<Record<RecordType, RecordOf<RecordType>[]>>;
  conflicts?: ConflictRow[];
}

/**
 * A row of the table Dexie versions 4–7 kept (one per received revision; version 8 made it one
 * row per import, revSignerSets.ts). Backups made before then still carry these rows.
 */
export interface RevSignerRow {
  type: RecordType;
  id: string;
  rev: string;
  /** The file's signer: a 'key' author (label and role as trusted on this PC). */
  signer: AuditAuthor;
  /** The import that brought it (ImportRow.seq); undoing that import removes the row. */
  importSeq: number;
}

/** Revisions of a record already written to an export, so a delta export skips them. */
export interface ExportedRevRow {
  type: RecordType;
  id: string;
  revs: string[];
}

/** Typed access to the exchange tables (kept out of database.ts so its class stays small). */
export function exchangeTables(db: SonaeDatabase) {
  return {
    conflicts: db.table('conflicts') as Table<ConflictRow, [RecordType, string, string]>,
    trustedKeys: db.table('trustedKeys') as Table<TrustedKeyRow, string>,
    imports: db.table('imports') as Table<ImportRow, number>,
    snapshots: db.table('snapshots') as Table<SnapshotRow, number>,
    exportedRevs: db.table('exportedRevs') as Table<ExportedRevRow, [RecordType, string]>,
    revSignerSets: revSignerSetsTable(db),
  };
}
