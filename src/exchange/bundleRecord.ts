import { z } from '../domain/zodLocale.ts';
import { recordTypes, type RecordType } from '../domain/recordTypes.ts';
import { recordMetaSchema, pickData } from '../domain/recordMeta.ts';
import { recordSchemas, type RecordOf } from '../domain/recordSchemas.ts';

/**
 * One record as it travels in a bundle: its type, the sync metadata and the data apart.
 * This is the contract between export, import/merge and any future replicator.
 */
export const bundleRecordSchema = z.strictObject({
  type: z.enum(recordTypes),
  ...recordMetaSchema.shape,
  /** The record's own fields, validated against the schema of `type` on import. */
  data: z.record(z.string(), z.unknown()),
});
export type BundleRecord = z.infer<typeof bundleRecordSchema>;

/** A stored record → its bundle form. */
export function toBundleRecord<T extends RecordType>(type: T, record: RecordOf<T>): BundleRecord {
  const { id, rev, revisions, createdAt, createdBy, updatedAt, updatedBy, deleted } = record;
  return {
    type,
    id,
    rev,
    revisions,
    createdAt,
    createdBy,
    updatedAt,
    updatedBy,
    deleted,
    data: pickData(record) as Record<string, unknown>,
  };
}

/**
 * A bundle record → the stored form, validating `data` with the record type's own schema.
 * Returns the zod issues on failure so the importer can name the field.
 */
export function fromBundleRecord(
  record: BundleRecord,
): { ok: true; record: RecordOf<RecordType> } | { ok: false; issues: z.core.$ZodIssue[] } {
  const { type, data, ...meta } = record;
  const parsed = recordSchemas[type].record.safeParse({ ...data, ...meta });
  if (!parsed.success) return { ok: false, issues: parsed.error.issues };
  return { ok: true, record: parsed.data as RecordOf<RecordType> };
}
