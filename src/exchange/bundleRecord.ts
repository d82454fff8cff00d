import { z } from '../domain/zodLocale.ts';
import { recordTypes, type RecordType } from '../domain/recordTypes.ts';
import { recordMetaSchema, pickData, RECORD_META_KEYS } from '../domain/recordMeta.ts';
import { recordSchemas, type RecordOf } from '../domain/recordSchemas.ts';

/**
 * One record as it travels in a bundle: its type, the sync metadata and the data apart.
 * This is the contract between export, import/merge and any future replicator.
 */
const leafMetaShape = recordMetaSchema.omit({ id: true }).shape;

/**
 * A competing version of the same record (an unresolved conflict), carried so that conflicts
 * travel between stations instead of being decided by whoever exports first (merge rule:
 * src/exchange/merge.ts, docs/bundle-format.md).
 */
export const bundleSiblingSchema = z.strictObject({
  ...leafMetaShape,
  data: z.record(z.string(), z.unknown()),
});
export type BundleSibling = z.infer<typeof bundleSiblingSchema>;

export const bundleRecordSchema = z.strictObject({
  type: z.enum(recordTypes),
  ...recordMetaSchema.shape,
  /** The record's own fields, validated against the schema of `type` on import. */
  data: z.record(z.string(), z.unknown()),
  /** Other leaves of this record (its conflict siblings); absent when there is no conflict. */
  conflicts: z.array(bundleSiblingSchema).max(100).optional(),
});
export type BundleRecord = z.infer<typeof bundleRecordSchema>;

/** A stored record → its bundle form; `siblings` are its other leaves, if in conflict. */
export function toBundleRecord<T extends RecordType>(
  type: T,
  record: RecordOf<T>,
  siblings: readonly RecordOf<T>[] = [],
): BundleRecord {
  const bundled: BundleRecord = { type, ...toLeaf(record) };
  if (siblings.length)
    bundled.conflicts = siblings.map(({ id: _sid, ...leaf }) => toLeaf(leaf as never));
  return bundled;
}

function toLeaf<T extends RecordType>(record: RecordOf<T>) {
  const { id, rev, revisions, createdAt, createdBy, updatedAt, updatedBy, deleted } = record;
  return {
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
 * Returns the zod issues on failure (paths relative to `data`) so the importer can name the
 * field. `data` may not carry metadata names: flattening would silently drop them.
 */
export function fromBundleRecord(
  record: BundleRecord,
): { ok: true; record: RecordOf<RecordType> } | { ok: false; issues: z.core.$ZodIssue[] } {
  const { type, data, ...meta } = record;
  const reserved = [...RECORD_META_KEYS, 'type'].filter((key) => Object.hasOwn(data, key));
  if (reserved.length > 0) {
    const message = `予約された項目名です: ${reserved.join(', ')}`;
    const issue: z.core.$ZodIssueUnrecognizedKeys = {
      code: 'unrecognized_keys',
      keys: reserved,
      path: [],
      message,
    };
    return { ok: false, issues: [issue] };
  }
  delete meta.conflicts;
  const parsed = recordSchemas[type].record.safeParse({ ...data, ...meta });
  if (!parsed.success) return { ok: false, issues: parsed.error.issues };
  return { ok: true, record: parsed.data as RecordOf<RecordType> };
}

/**
 * Every leaf of a bundle record (the record and its conflict siblings) in stored form, each
 * validated like fromBundleRecord. `issues` paths of a sibling start with `conflicts.<n>`.
 */
export function fromBundleLeaves(
  record: BundleRecord,
): { ok: true; leaves: RecordOf<RecordType>[] } | { ok: false; issues: z.core.$ZodIssue[] } {
  const main = fromBundleRecord(record);
  if (!main.ok) return main;
  const leaves = [main.record];
  for (const [i, sibling] of (record.conflicts ?? []).entries()) {
    const parsed = fromBundleRecord({ type: record.type, id: record.id, ...sibling });
    if (!parsed.ok)
      return {
        ok: false,
        issues: parsed.issues.map(
          (issue) => ({ ...issue, path: ['conflicts', i, ...issue.path] }) as z.core.$ZodIssue,
        ),
      };
    leaves.push(parsed.record);
  }
  return { ok: true, leaves };
}
