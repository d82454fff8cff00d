import { z } from '../domain/zodLocale.ts';
import { recordTypes, type RecordType } from '../domain/recordTypes.ts';
import {
  recordMetaSchema,
  pickData,
  RECORD_META_KEYS,
  type RecordMeta,
} from '../domain/recordMeta.ts';
import type { RecordOf } from '../domain/recordSchemas.ts';
import { checkRevision, type RevisionProblem } from '../domain/revision.ts';
import { upgradeLeaf, validateLeafData } from '../domain/storedRecord.ts';

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
    bundled.conflicts = siblings.map((sibling) => {
      const { id: _sid, ...leaf } = toLeaf(sibling);
      return leaf;
    });
  return bundled;
}

function toLeaf<T extends RecordType>(record: RecordOf<T>) {
  const { id, rev, revisions, createdAt, createdBy, updatedAt, updatedBy, deleted } = record;
  const { schemaVersion } = record;
  return {
    id,
    rev,
    revisions,
    createdAt,
    createdBy,
    updatedAt,
    updatedBy,
    deleted,
    schemaVersion,
    data: pickData(record) as Record<string, unknown>,
  };
}

/** Why one leaf of a bundle record cannot be taken, before the first zod issue would say. */
export type LeafProblem =
  | { kind: 'issues'; issues: z.core.$ZodIssue[] }
  | { kind: 'revision'; problem: RevisionProblem }
  | { kind: 'newerMajor'; version: string }
  | { kind: 'upgradeFailed'; step: string; message: string };

type LeafResult = { ok: true; record: RecordOf<RecordType> } | { ok: false; problem: LeafProblem };

function reservedKeyIssue(keys: string[]): z.core.$ZodIssue {
  const issue: z.core.$ZodIssueUnrecognizedKeys = {
    code: 'unrecognized_keys',
    keys,
    path: [],
    message: `予約された項目名です: ${keys.join(', ')}`,
  };
  return issue;
}

/**
 * A bundle record → the stored form. In order: reserved names in `data` (flattening would drop
 * them), the rev rule on the data as received (src/domain/revision.ts), the record version and
 * its upgrade steps, then the data against the type's schema. What is stored is the received
 * data (upgraded), not a transformed copy, so the rev keeps naming exactly what is stored.
 */
export function fromBundleRecord(record: BundleRecord): LeafResult {
  const { type, data, conflicts: _conflicts, ...rest } = record;
  const reserved = [...RECORD_META_KEYS, 'type'].filter((key) => Object.hasOwn(data, key));
  if (reserved.length > 0)
    return { ok: false, problem: { kind: 'issues', issues: [reservedKeyIssue(reserved)] } };
  const meta: RecordMeta = rest;
  const revisionProblem = checkRevision(meta, data);
  if (revisionProblem)
    return { ok: false, problem: { kind: 'revision', problem: revisionProblem } };
  const upgraded = upgradeLeaf(type, meta, data);
  if (!upgraded.ok) {
    const { problem } = upgraded;
    return {
      ok: false,
      problem:
        problem.kind === 'newerMajor'
          ? problem
          : { kind: 'upgradeFailed', step: problem.step, message: problem.message },
    };
  }
  const valid = validateLeafData(type, upgraded.data, meta.deleted, upgraded.relation);
  if (!valid.success) return { ok: false, problem: { kind: 'issues', issues: valid.issues } };
  return { ok: true, record: { ...upgraded.data, ...upgraded.meta } as RecordOf<RecordType> };
}

/**
 * Every leaf of a bundle record (the record and its conflict siblings) in stored form, each
 * taken like fromBundleRecord. `sibling` is the index of the failing sibling, if one failed.
 */
export function fromBundleLeaves(
  record: BundleRecord,
):
  | { ok: true; leaves: RecordOf<RecordType>[] }
  | { ok: false; problem: LeafProblem; sibling?: number } {
  const main = fromBundleRecord(record);
  if (!main.ok) return main;
  const leaves = [main.record];
  for (const [i, sibling] of (record.conflicts ?? []).entries()) {
    const parsed = fromBundleRecord({ type: record.type, id: record.id, ...sibling });
    if (!parsed.ok) return { ...parsed, sibling: i };
    leaves.push(parsed.record);
  }
  return { ok: true, leaves };
}
