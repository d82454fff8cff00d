import { recordSchemas, type RecordDataOf, type RecordOf } from './recordSchemas.ts';
import type { RecordType } from './recordTypes.ts';
import {
  firstRevisionMeta,
  nextRevisionMeta,
  pickData,
  pickMeta,
  type RecordMeta,
  type RevisionMeta,
} from './recordMeta.ts';
import { canonicalJson, computeRevision, extendHistory } from './revision.ts';
import {
  compareRecordVersions,
  relateVersion,
  type RecordFields,
  type VersionRelation,
} from './recordVersion.ts';

/** The version of `type`'s shape this code writes. */
export function currentRecordVersion(type: RecordType): string {
  return recordSchemas[type].version;
}

/** A tombstone carries no content (PRODUCT.md, decision 5): its data is `{}`. */
export function isTombstoneData(data: RecordFields): boolean {
  return Object.keys(data).length === 0;
}

/** Fields of a stored record that the code's shape does not know (from a newer minor version). */
export function extraFields(type: RecordType, record: RevisionMeta): RecordFields {
  const known = recordSchemas[type].shape as Record<string, unknown>;
  const data = pickData(record) as RecordFields;
  return Object.fromEntries(Object.entries(data).filter(([key]) => !Object.hasOwn(known, key)));
}

/** A new record of `type` at its first revision. */
export function createStoredRecord<T extends RecordType>(
  type: T,
  data: RecordDataOf<T>,
  stationId: string,
  at: string,
  id?: string,
): RecordOf<T> {
  const meta = firstRevisionMeta(data, stationId, at, id);
  return { ...data, ...meta, schemaVersion: currentRecordVersion(type) } as RecordOf<T>;
}

/**
 * The next revision of `previous` with `data` from a form. Fields of a newer minor version that
 * the form does not know are carried over, so editing on an older Sonae never drops them.
 */
export function reviseStoredRecord<T extends RecordType>(
  type: T,
  previous: RecordOf<T>,
  data: RecordDataOf<T>,
  stationId: string,
  at: string,
): RecordOf<T> {
  const full = { ...extraFields(type, previous), ...data };
  const meta = nextRevisionMeta(previous, full, stationId, at);
  const current = currentRecordVersion(type);
  const schemaVersion =
    compareRecordVersions(previous.schemaVersion, current) > 0 ? previous.schemaVersion : current;
  return { ...full, ...meta, schemaVersion } as RecordOf<T>;
}

/** The tombstone that deletes `previous`: metadata only, no personal data left behind. */
export function tombstoneOf<T extends RecordType>(
  type: T,
  previous: RecordOf<T>,
  stationId: string,
  at: string,
): RecordOf<T> {
  const meta = nextRevisionMeta(previous, {}, stationId, at, true);
  return { ...meta, schemaVersion: currentRecordVersion(type) } as unknown as RecordOf<T>;
}

export type UpgradeResult =
  | { ok: true; meta: RecordMeta; data: RecordFields; relation: VersionRelation }
  | { ok: false; problem: { kind: 'newerMajor'; version: string } | UpgradeFailure };

interface UpgradeFailure {
  kind: 'failed';
  step: string;
  message: string;
}

/**
 * Brings one received or stored leaf to the current version of its type. Data changed by an
 * upgrade is a new revision whose parent is the old one, computed from content alone, so every
 * station that upgrades the same record reaches the same rev (PRODUCT.md, decision 2). A newer
 * minor version is kept as it is; a newer major version is refused. Check the rev (checkRevision)
 * BEFORE calling this: the received rev names the received data.
 */
export function upgradeLeaf(type: RecordType, meta: RecordMeta, data: RecordFields): UpgradeResult {
  const current = currentRecordVersion(type);
  const relation = relateVersion(meta.schemaVersion, current);
  if (relation === 'newerMajor')
    return { ok: false, problem: { kind: 'newerMajor', version: meta.schemaVersion } };
  // A tombstone that still holds content (written before tombstones were emptied) loses it,
  // whatever its version (PRODUCT.md, decision 5), deterministically like any other step.
  let upgraded = meta.deleted ? {} : data;
  if (relation === 'older' && !meta.deleted) {
    for (const step of recordSchemas[type].upgrades) {
      if (compareRecordVersions(step.to, meta.schemaVersion) <= 0) continue;
      try {
        upgraded = step.up(upgraded);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { ok: false, problem: { kind: 'failed', step: step.name, message } };
      }
    }
  }
  const stamped =
    relation === 'older' ? { ...pickMeta(meta), schemaVersion: current } : pickMeta(meta);
  // `upgraded === data` when no step ran (the usual case): nothing to compare, no serialising.
  if (upgraded === data || canonicalJson(upgraded) === canonicalJson(data))
    return { ok: true, meta: stamped, data, relation };
  return {
    ok: true,
    meta: {
      ...stamped,
      rev: computeRevision(meta.rev, meta.deleted, upgraded),
      revisions: extendHistory(meta.rev, meta.revisions),
    },
    data: upgraded,
    relation,
  };
}

/**
 * Validates a leaf's (upgraded) data against its type: strict for the current version, keeping
 * unknown fields for a newer minor one; a tombstone's empty data is valid as it is.
 */
export function validateLeafData(
  type: RecordType,
  data: RecordFields,
  deleted: boolean,
  relation: VersionRelation,
) {
  if (deleted && isTombstoneData(data)) return { success: true as const, issues: [] };
  const schema =
    relation === 'newerMinor' ? recordSchemas[type].looseData : recordSchemas[type].data;
  const parsed = schema.safeParse(data);
  return parsed.success
    ? { success: true as const, issues: [] }
    : { success: false as const, issues: parsed.error.issues };
}
