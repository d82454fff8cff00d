import { z } from './zodLocale.ts';
import { createId, idSchema } from './ids.ts';
import { instantSchema } from './dateTime.ts';
import { revSchema, MAX_REVISION_HISTORY, computeRevision, extendHistory } from './revision.ts';
import { recordVersionSchema } from './recordVersion.ts';

/**
 * Metadata every stored record carries, so that exchange and merge can work on any type.
 * Records are stored flat: these fields beside the record's own data fields.
 */
export const revisionMetaSchema = z.strictObject({
  id: idSchema,
  /** Current revision, `<generation>-<hash>`. */
  rev: revSchema,
  /** Ancestor revisions, newest first, without `rev` itself. */
  revisions: z.array(revSchema).max(MAX_REVISION_HISTORY),
  createdAt: instantSchema,
  createdBy: idSchema,
  updatedAt: instantSchema,
  updatedBy: idSchema,
  /** Tombstone: deleted records stay so that the deletion itself can travel in a bundle. */
  deleted: z.boolean(),
});
export type RevisionMeta = z.infer<typeof revisionMetaSchema>;

/** Revision metadata plus the version of the record type's shape the data is written in. */
export const recordMetaSchema = revisionMetaSchema.extend({
  /** `<major>.<minor>` of the record type (src/domain/recordVersion.ts); not in the rev hash. */
  schemaVersion: recordVersionSchema,
});
export type RecordMeta = z.infer<typeof recordMetaSchema>;

export const RECORD_META_KEYS = Object.keys(recordMetaSchema.shape) as (keyof RecordMeta)[];

/** The record without its metadata: what a revision hash covers and a form edits. */
export function pickData<T extends RevisionMeta>(record: T): Omit<T, keyof RecordMeta> {
  const data: Record<string, unknown> = { ...record };
  for (const key of RECORD_META_KEYS) delete data[key];
  return data as Omit<T, keyof RecordMeta>;
}

/** The record's metadata without its data fields. */
export function pickMeta(record: RecordMeta): RecordMeta {
  const meta: Record<string, unknown> = {};
  for (const key of RECORD_META_KEYS) meta[key] = record[key];
  return meta as unknown as RecordMeta;
}

/** Metadata of a record's first revision. */
export function firstRevisionMeta(
  data: unknown,
  stationId: string,
  at: string,
  id: string = createId(),
): RevisionMeta {
  return {
    id,
    rev: computeRevision(null, false, data),
    revisions: [],
    createdAt: at,
    createdBy: stationId,
    updatedAt: at,
    updatedBy: stationId,
    deleted: false,
  };
}

/** Metadata of the revision that follows `previous` (an edit, or a deletion when `deleted`). */
export function nextRevisionMeta<M extends RevisionMeta>(
  previous: M,
  data: unknown,
  stationId: string,
  at: string,
  deleted = false,
): M extends RecordMeta ? RecordMeta : RevisionMeta {
  // The record's schemaVersion, when it has one, stays as it is.
  const { schemaVersion } = previous as Partial<RecordMeta>;
  return {
    ...(schemaVersion ? { schemaVersion } : {}),
    id: previous.id,
    rev: computeRevision(previous.rev, deleted, data),
    revisions: extendHistory(previous.rev, previous.revisions),
    createdAt: previous.createdAt,
    createdBy: previous.createdBy,
    updatedAt: at,
    updatedBy: stationId,
    deleted,
  } as M extends RecordMeta ? RecordMeta : RevisionMeta;
}
