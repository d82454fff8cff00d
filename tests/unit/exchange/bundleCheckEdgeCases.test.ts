// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  checkBundleContents,
  formatIssuePath,
  issueToError,
  leafProblemToError,
} from '../../../src/exchange/bundleContents.ts';
import {
  fromBundleLeaves,
  fromBundleRecord,
  toBundleRecord,
  type BundleRecord,
} from '../../../src/exchange/bundleRecord.ts';
import { computeRevision } from '../../../src/domain/revision.ts';
import type { z } from '../../../src/domain/zodLocale.ts';
import { createStoredRecord } from '../../../src/domain/storedRecord.ts';
import { emptySystem } from '../../../src/domain/system.ts';
import { FIXTURE_AT, FIXTURE_STATION_ID } from '../../fixtures/bundles/fixtureRecords.ts';

// Edges of the record and content checks found by mutation testing (issue 12, item 21).
type Issue = z.core.$ZodIssue;
const SYSTEM_ID = '00000000-0000-4000-8000-00000000a001';
const CONTACT_ID = '00000000-0000-4000-8000-00000000a002';
const systemData = { ...emptySystem(), name: '住民記録システム' };
const stored = (data = systemData, id = SYSTEM_ID) =>
  createStoredRecord('system', data, FIXTURE_STATION_ID, FIXTURE_AT, id);

/** A first-generation bundle record with `data` as given and an honest rev. */
function honest(
  type: BundleRecord['type'],
  id: string,
  data: Record<string, unknown>,
  schemaVersion: string,
): BundleRecord {
  return {
    type,
    id,
    rev: computeRevision(null, false, data),
    revisions: [],
    createdAt: FIXTURE_AT,
    createdBy: FIXTURE_STATION_ID,
    updatedAt: FIXTURE_AT,
    updatedBy: FIXTURE_STATION_ID,
    deleted: false,
    schemaVersion,
    data,
  };
}

/** A contact as written before 2.0, whose business hours the 2.0 step cannot read. */
const brokenOldContact = () =>
  honest(
    'contact',
    CONTACT_ID,
    {
      name: '窓口',
      organization: '',
      department: '',
      role: '',
      kind: 'vendor',
      phones: [],
      extension: '',
      email: '',
      businessHours: { days: 5, start: '09:00', end: '17:00', holidays: false },
      afterHoursPhone: '',
      contractNumber: '',
      systemIds: [],
      escalationOrder: null,
      deputyContactId: null,
      notes: '',
    },
    '1.0',
  );

describe('toBundleRecord', () => {
  it('carries conflict siblings without their id, and no conflicts member without them', () => {
    const main = stored();
    const sibling = stored({ ...systemData, vendor: '別の会社' });
    const bundled = toBundleRecord('system', main, [sibling]);
    expect(bundled.conflicts).toHaveLength(1);
    expect(bundled.conflicts![0]).not.toHaveProperty('id');
    expect(bundled.conflicts![0]).toMatchObject({ rev: sibling.rev, data: { vendor: '別の会社' } });
    expect(toBundleRecord('system', main)).not.toHaveProperty('conflicts');
  });
});

describe('fromBundleRecord', () => {
  it.each(['rev', 'type', 'updatedBy'])(
    'refuses data holding the reserved name %s, naming it',
    (key) => {
      const record = honest('system', SYSTEM_ID, { ...systemData, [key]: 'x' }, '1.0');
      expect(fromBundleRecord(record)).toEqual({
        ok: false,
        problem: {
          kind: 'issues',
          issues: [
            {
              code: 'unrecognized_keys',
              keys: [key],
              path: [],
              message: `予約された項目名です: ${key}`,
            },
          ],
        },
      });
    },
  );

  it('names every reserved name it finds', () => {
    const record = honest('system', SYSTEM_ID, { ...systemData, type: 'x', rev: 'x' }, '1.0');
    expect(fromBundleRecord(record)).toMatchObject({
      problem: { issues: [{ keys: ['rev', 'type'], message: '予約された項目名です: rev, type' }] },
    });
  });

  it('refuses a reserved name even in a newer minor version, whose unknown fields are kept', () => {
    const newer = honest('system', SYSTEM_ID, { ...systemData, backupSite: '第二庁舎' }, '1.9');
    expect(fromBundleRecord(newer)).toMatchObject({ ok: true, record: { backupSite: '第二庁舎' } });
    const reserved = honest('system', SYSTEM_ID, { ...systemData, createdBy: 'x' }, '1.9');
    expect(fromBundleRecord(reserved)).toMatchObject({ ok: false, problem: { kind: 'issues' } });
  });

  it('names the upgrade step that failed, and a newer major version', () => {
    expect(fromBundleRecord(brokenOldContact())).toEqual({
      ok: false,
      problem: {
        kind: 'upgradeFailed',
        step: 'contact/businessHoursRanges',
        message: expect.any(String),
      },
    });
    expect(fromBundleRecord(honest('system', SYSTEM_ID, systemData, '2.0'))).toEqual({
      ok: false,
      problem: { kind: 'newerMajor', version: '2.0' },
    });
  });
});

describe('fromBundleLeaves', () => {
  it('takes a record and its valid siblings, and names a failing sibling by its index', () => {
    const main = stored();
    const sibling = stored({ ...systemData, vendor: '別の会社' });
    const result = fromBundleLeaves(toBundleRecord('system', main, [sibling]));
    expect(result).toMatchObject({ ok: true, leaves: [{ rev: main.rev }, { rev: sibling.rev }] });
    const bad = toBundleRecord('system', main, [sibling, sibling]);
    bad.conflicts![1]!.data = { ...bad.conflicts![1]!.data, name: '' };
    bad.conflicts![1]!.rev = computeRevision(null, false, bad.conflicts![1]!.data);
    expect(fromBundleLeaves(bad)).toMatchObject({
      ok: false,
      sibling: 1,
      problem: { kind: 'issues' },
    });
  });
});

describe('formatIssuePath and issueToError', () => {
  it('writes zod paths as they read in the file', () => {
    expect(formatIssuePath(['records', 3, 'data', 'title'])).toBe('records[3].data.title');
    expect(formatIssuePath([0, 'data'])).toBe('[0].data');
    expect(formatIssuePath([])).toBe('');
  });

  it('prefixes the path, and tells unknown members from wrong values', () => {
    const wrong: Issue = { code: 'custom', path: ['sequence'], message: '不正', input: 1 };
    expect(issueToError(wrong)).toEqual({
      kind: 'invalidEnvelope',
      path: 'sequence',
      message: '不正',
    });
    expect(issueToError(wrong, ['records', 2])).toMatchObject({ path: 'records[2].sequence' });
    const unknown: Issue = { code: 'unrecognized_keys', keys: ['x'], path: [], message: '' };
    expect(issueToError(unknown, ['issuer'])).toEqual({
      kind: 'unknownField',
      path: 'issuer',
      keys: ['x'],
    });
  });
});

describe('leafProblemToError', () => {
  const record = { type: 'system' as const, id: SYSTEM_ID };
  const issue: Issue = {
    code: 'custom',
    path: ['name'],
    message: 'システム名を入力してください',
    input: '',
  };

  it('names the record, and the sibling, where the problem is', () => {
    expect(leafProblemToError({ kind: 'issues', issues: [issue] }, 2, record)).toEqual({
      kind: 'invalidRecord',
      index: 2,
      ...record,
      path: 'data.name',
      message: issue.message,
    });
    expect(leafProblemToError({ kind: 'issues', issues: [issue] }, 2, record, 1)).toMatchObject({
      path: 'conflicts[1].data.name',
    });
    const unknown: Issue = { code: 'unrecognized_keys', keys: ['x'], path: [], message: '' };
    expect(leafProblemToError({ kind: 'issues', issues: [unknown] }, 2, record, 1)).toEqual({
      kind: 'unknownField',
      path: 'records[2].conflicts[1].data',
      keys: ['x'],
    });
  });

  it('says which upgrade step failed and why', () => {
    const error = leafProblemToError(
      { kind: 'upgradeFailed', step: 'contact/businessHoursRanges', message: '読めません' },
      4,
      record,
    );
    expect(error).toEqual({
      kind: 'invalidRecord',
      index: 4,
      ...record,
      path: '',
      message: '古い版からの変換（contact/businessHoursRanges）に失敗しました: 読めません',
    });
  });

  it('maps a rev problem and a newer major version', () => {
    expect(leafProblemToError({ kind: 'revision', problem: 'mismatch' }, 0, record)).toEqual({
      kind: 'invalidRevision',
      index: 0,
      ...record,
      problem: 'mismatch',
    });
    expect(leafProblemToError({ kind: 'newerMajor', version: '3.0' }, 1, record)).toEqual({
      kind: 'recordTooNew',
      index: 1,
      ...record,
      version: '3.0',
    });
  });
});

describe('checkBundleContents', () => {
  it('refuses a record whose upgrade fails, naming the record and the step', () => {
    const result = checkBundleContents({
      records: [toBundleRecord('system', stored()), brokenOldContact()],
      attachments: [],
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'invalidRecord',
        index: 1,
        type: 'contact',
        id: CONTACT_ID,
        message: expect.stringContaining('contact/businessHoursRanges'),
      },
    });
  });

  it('returns every record’s leaves in file order', () => {
    const main = stored();
    const sibling = stored({ ...systemData, vendor: '別の会社' });
    const other = stored({ ...systemData, name: '税務' }, '00000000-0000-4000-8000-00000000a003');
    const result = checkBundleContents({
      records: [toBundleRecord('system', main, [sibling]), toBundleRecord('system', other)],
      attachments: [],
    });
    if (!result.ok) throw new Error(result.error.kind);
    expect(result.leaves.map((leaves) => leaves.map((l) => l.rev))).toEqual([
      [main.rev, sibling.rev],
      [other.rev],
    ]);
    expect(result.attachmentBytes.size).toBe(0);
  });
});
