import { z } from './zodLocale.ts';
import { idSchema } from './ids.ts';
import { instantSchema } from './dateTime.ts';
import { recordTypes } from './recordTypes.ts';
import { stationRoles, type StationRole } from './station.ts';

export const auditActions = ['create', 'update', 'delete', 'import', 'settings', 'demo'] as const;
export type AuditAction = (typeof auditActions)[number];
export const auditActionLabels: Record<AuditAction, string> = {
  create: '作成',
  update: '更新',
  delete: '削除',
  import: '取り込み',
  settings: '設定変更',
  demo: 'デモデータ',
};

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
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const authorKeyLabels: Record<StationRole, string> = {
  'it-section': '情報システム担当の鍵',
  department: '部署の鍵',
};

/** 「市民課」（部署の鍵）, この端末（…）, or 不明: one author for the preview and the trail. */
export function describeAuthor(author: AuditAuthor): string {
  if (author.source !== 'key') return author.label;
  return `「${author.label}」（${author.role ? authorKeyLabels[author.role] : '鍵'}）`;
}

/** A rev short enough to read: generation and the first 8 hex digits (3-1a2b3c4d). */
export function shortRev(rev: string): string {
  return rev.slice(0, rev.indexOf('-') + 9);
}

const recordChangeLabels: Record<AuditRecordChange['change'], string> = {
  new: '新規',
  updated: '更新',
  conflict: '競合',
};

/** One record's line of an import entry, for the trail of that record. */
export function describeRecordChange(change: AuditRecordChange): string {
  const brought = `版 ${shortRev(change.newRev)}（署名 ${describeAuthor(change.newBy)}）`;
  const replaced =
    change.replacedRev && change.replacedBy
      ? `、版 ${shortRev(change.replacedRev)}（${describeAuthor(change.replacedBy)}）を置き換え`
      : '';
  return `取り込み（${recordChangeLabels[change.change]}）: ${brought}${replaced}`;
}
