import { z } from './zodLocale.ts';
import { idSchema } from './ids.ts';
import { instantSchema } from './dateTime.ts';
import { recordTypes } from './recordTypes.ts';
import { stationRoles } from './station.ts';

// DO NOT RENAME the values: stored in every entry and in #/audit?action=… links.
export const auditActions = [
  'create',
  'update',
  'delete',
  'import',
  'settings',
  'demo',
  'export',
  'print',
] as const;
export type AuditAction = (typeof auditActions)[number];
export const auditActionLabels: Record<AuditAction, string> = {
  create: '作成',
  update: '更新',
  delete: '削除',
  import: '取り込み',
  settings: '設定変更',
  demo: 'デモデータ',
  export: '書き出し',
  print: '印刷',
};

/**
 * What left the PC (持ち出し記録, PRODUCT.md decision 4). DO NOT RENAME: stored in entries.
 * 'binder' is the read-only binder.html copy; 'bundle' a signed exchange file.
 */
export const dataReleaseKinds = ['csv', 'binder', 'bundle', 'backup', 'print'] as const;
export type DataReleaseKind = (typeof dataReleaseKinds)[number];
export const dataReleaseKindLabels: Record<DataReleaseKind, string> = {
  csv: 'CSVファイル',
  binder: '閲覧用コピー（HTML）',
  bundle: '交換ファイル',
  backup: 'バックアップ',
  print: '印刷',
};

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** The details of one 持ち出し: a file written, or a document printed. */
export const dataReleaseSchema = z.strictObject({
  kind: z.enum(dataReleaseKinds),
  /** The file's name, or the printed document's title. */
  name: z.string().max(300),
  /** How many records it holds; null when the writer does not know. */
  count: z.number().int().nonnegative().nullable(),
  /** SHA-256 of the file as written (null for a print). */
  sha256: sha256Hex.nullable(),
  /** An encrypted file: the hash of the bundle inside, which the receiver's import history shows. */
  innerSha256: sha256Hex.nullable(),
  /** Where it left from: this station's label (自治体 部署 端末), as it was then. */
  where: z.string().max(300),
  /**
   * How the file was protected (issue 16; absent on older entries and on prints): encrypted with
   * age to recipients or to a passphrase, or 'clear' — after this station had seen recipients,
   * only by the explicit choice whose reason is in the entry's summary.
   */
  protection: z.enum(['recipients', 'passphrase', 'clear']).optional(),
  /** The age recipients of an encrypted file, with the labels the config gave them. */
  recipients: z
    .array(z.strictObject({ label: z.string().max(100), recipient: z.string().max(100) }))
    .max(20)
    .optional(),
});
export type DataRelease = z.infer<typeof dataReleaseSchema>;

/**
 * Who made or signed one version of a record, as this PC knows it: the trusted key whose file
 * brought it ('key', with the receiver's label and role for that key), a station that made it
 * ('station': this PC, or the one its `updatedBy` names), or nobody known ('unknown').
 */
export const auditAuthorSchema = z.strictObject({
  source: z.enum(['key', 'station', 'unknown']),
  label: z.string().max(300),
  role: z.enum(stationRoles).nullable(),
  keyId: z.string().max(100).nullable(),
});
export type AuditAuthor = z.infer<typeof auditAuthorSchema>;

/** One record an import changed (PRODUCT.md, decision 9): the version replaced and the new one. */
export const auditRecordChangeSchema = z.strictObject({
  type: z.enum(recordTypes),
  id: idSchema,
  change: z.enum(['new', 'updated', 'conflict']),
  /** The version this import superseded (null when none: a new record, or a conflict kept). */
  replacedRev: z.string().nullable(),
  replacedBy: auditAuthorSchema.nullable(),
  /** The version the import brought (the winner it made, or its competing version). */
  newRev: z.string(),
  newBy: auditAuthorSchema,
});
export type AuditRecordChange = z.infer<typeof auditRecordChangeSchema>;

/** 操作履歴: append-only; nothing in the app updates or deletes an entry. */
export const auditEntrySchema = z.strictObject({
  /** Assigned by IndexedDB (auto-increment), so entries keep their insertion order. */
  seq: z.number().int().positive().optional(),
  at: instantSchema,
  stationId: idSchema,
  actor: z.string().max(100),
  action: z.enum(auditActions),
  recordType: z.enum(recordTypes).nullable(),
  recordId: idSchema.nullable(),
  rev: z.string().nullable(),
  summary: z.string().max(1000),
  /**
   * An import's per-record list (decision 9): one entry per import instead of one per record.
   * `recordIds` (multi-entry index `*recordIds`) lets the trail of one record find it.
   */
  records: z.array(auditRecordChangeSchema).optional(),
  recordIds: z.array(idSchema).optional(),
  /** Set on 'export' and 'print' entries: what left the PC. */
  release: dataReleaseSchema.optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/**
 * The one source of the trail's column names: the 操作履歴 screen's table and its CSV use these.
 * `release*` are the 持ち出し details of an 'export' or 'print' entry.
 */
export const auditEntryFieldLabels = {
  at: '日時',
  action: '操作',
  recordType: '記録の種類',
  summary: '内容',
  actor: '担当者',
  releaseName: 'ファイル名・文書名',
  releaseCount: '件数',
  releaseWhere: '端末',
  recordId: '記録ID',
  rev: '版',
  stationId: '端末ID',
  releaseSha256: 'ファイルのSHA-256',
} as const;
export type AuditColumn = keyof typeof auditEntryFieldLabels;

export { describeAuthor, describeRecordChange, shortRev } from './auditText.ts';
