import { z } from './zodLocale.ts';
import { idSchema } from './ids.ts';
import { instantSchema } from './dateTime.ts';
import { recordTypes } from './recordTypes.ts';

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
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
