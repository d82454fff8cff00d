import { RECORD_META_KEYS } from '../domain/recordMeta.ts';
import type { RecordOf } from '../domain/recordSchemas.ts';
import type { RecordType } from '../domain/recordTypes.ts';
import type { BundleRecord, BundleSibling } from './bundleRecord.ts';

// Kept apart from createBundle.ts so the export's worker (src/db/exportWorker/) loads only this,
// not the bundle checks.

const META_KEYS = new Set<string>(RECORD_META_KEYS);

// The last record's member names and its data's names sorted: records of one type mostly share
// one shape, and comparing the names is cheaper than sorting them again for each of 10,000.
let lastNames: string[] = [];
let lastDataNames: string[] = [];

function sortedDataNames(names: string[]): string[] {
  if (names.length !== lastNames.length || names.some((name, i) => name !== lastNames[i])) {
    lastNames = names;
    lastDataNames = names.filter((name) => !META_KEYS.has(name)).sort();
  }
  return lastDataNames;
}

/** The record's data (all but its metadata), members sorted. */
function sortedData(record: RecordOf<RecordType>): Record<string, unknown> {
  const stored = record as unknown as Record<string, unknown>;
  const data: Record<string, unknown> = {};
  for (const name of sortedDataNames(Object.keys(stored))) data[name] = stored[name];
  return data;
}

function canonicalSibling(leaf: RecordOf<RecordType>): BundleSibling {
  return {
    createdAt: leaf.createdAt,
    createdBy: leaf.createdBy,
    data: sortedData(leaf),
    deleted: leaf.deleted,
    rev: leaf.rev,
    revisions: leaf.revisions,
    schemaVersion: leaf.schemaVersion,
    updatedAt: leaf.updatedAt,
    updatedBy: leaf.updatedBy,
  };
}

/**
 * toBundleRecord (src/exchange/bundleRecord.ts) with every member written in RFC 8785 order, so
 * canonicalJson finds it sorted and serialises it as it is: in an export of 10,000 stored
 * records, copying toBundleRecord's values into sorted order cost more than serialising them.
 * The same value as toBundleRecord (tests/unit/exchange/exportSerialisation.test.ts).
 */
export function canonicalBundleRecord<T extends RecordType>(
  type: T,
  record: RecordOf<T>,
  siblings: readonly RecordOf<T>[] = [],
): BundleRecord {
  const bundled = (
    siblings.length ? { conflicts: siblings.map(canonicalSibling) } : {}
  ) as BundleRecord;
  return Object.assign(bundled, {
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    data: sortedData(record),
    deleted: record.deleted,
    id: record.id,
    rev: record.rev,
    revisions: record.revisions,
    schemaVersion: record.schemaVersion,
    type,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy,
  });
}
