import { computeRevision, extendHistory } from '../../../src/domain/revision.ts';
import type { RecordMeta } from '../../../src/domain/recordMeta.ts';

/** A record as merge sees it: metadata plus one data field. */
export type TestRecord = RecordMeta & { v: string };

const STATION = '00000000-0000-4000-8000-000000000001';

/** A first revision of record `id` with data `v`. */
export function created(id: string, v: string, at = '2026-11-21T00:00:00.000Z'): TestRecord {
  return {
    id,
    rev: computeRevision(null, false, { v }),
    revisions: [],
    createdAt: at,
    createdBy: STATION,
    updatedAt: at,
    updatedBy: STATION,
    deleted: false,
    schemaVersion: '1.0',
    v,
  };
}

/** The child of `parent` with data `v` (a tombstone when `deleted`). */
export function edited(
  parent: TestRecord,
  v: string,
  at = parent.updatedAt,
  deleted = false,
): TestRecord {
  return {
    ...parent,
    rev: computeRevision(parent.rev, deleted, { v }),
    revisions: extendHistory(parent.rev, parent.revisions),
    updatedAt: at,
    deleted,
    v,
  };
}
