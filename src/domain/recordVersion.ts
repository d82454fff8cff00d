import { z } from './zodLocale.ts';

/**
 * The version of one record type's shape, `<major>.<minor>` (tldraw's record migrations are the
 * model, with one difference: a minor step only adds optional fields, so an older Sonae can keep
 * a newer record whole). Rules:
 * - minor: new optional fields only; absent means the old default. An older reader keeps the
 *   unknown fields untouched through storage and re-export (the rev and signature cover them).
 * - major: anything else (a changed shape or meaning). It needs an upgrade step, and an older
 *   reader refuses the record, saying a newer Sonae made it.
 * Records written before versions existed are `1.0`.
 */
export const recordVersionSchema = z.string().regex(/^[1-9][0-9]{0,3}\.[0-9]{1,4}$/, {
  error: 'レコードの版の形式が正しくありません',
});

export interface RecordVersion {
  major: number;
  minor: number;
}

/** The version of records that predate versioning (bundle format 1, database version 1–2). */
export const INITIAL_RECORD_VERSION = '1.0';

export function parseRecordVersion(text: string): RecordVersion {
  const [major, minor] = text.split('.').map(Number);
  return { major: major!, minor: minor! };
}

/** Negative when `a` is older than `b`. */
export function compareRecordVersions(a: string, b: string): number {
  const x = parseRecordVersion(a);
  const y = parseRecordVersion(b);
  return x.major - y.major || x.minor - y.minor;
}

/** Plain JSON data of a record, as stored flat or carried in a bundle's `data`. */
export type RecordFields = Record<string, unknown>;

/**
 * One named, pure step that brings data written at an older version to `to`. A step must be
 * deterministic: every station that upgrades the same record must reach the same data, so that
 * they all reach the same new revision (PRODUCT.md, decision 2).
 * DO NOT CHANGE a released step: records in the field were upgraded by it.
 */
export interface UpgradeStep {
  /** `<recordType>/<what it does>`, for logs and tests. */
  name: string;
  /** The version the data has after this step. */
  to: string;
  up: (data: RecordFields) => RecordFields;
}

/** How a record of `version` relates to the code's `current` version of its type. */
export type VersionRelation = 'older' | 'current' | 'newerMinor' | 'newerMajor';

export function relateVersion(version: string, current: string): VersionRelation {
  const v = parseRecordVersion(version);
  const c = parseRecordVersion(current);
  if (v.major > c.major) return 'newerMajor';
  if (v.major === c.major && v.minor > c.minor) return 'newerMinor';
  return v.major === c.major && v.minor === c.minor ? 'current' : 'older';
}
