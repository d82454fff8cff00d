import { describe, expect, it } from 'vitest';
import { parseBundle } from '../../../src/exchange/parseBundle.ts';
import { describeBundleError } from '../../../src/exchange/bundleErrors.ts';
import {
  computeRevision,
  checkRevision,
  MAX_ACCEPTED_GENERATION,
} from '../../../src/domain/revision.ts';
import { currentRecordVersion, upgradeLeaf } from '../../../src/domain/storedRecord.ts';
import { relateVersion } from '../../../src/domain/recordVersion.ts';
import { pickData } from '../../../src/domain/recordMeta.ts';
import type { UnsignedBundle } from '../../../src/exchange/bundleFormat.ts';
import { demoTrusted, readFixture, rehashRecords, signedBytes } from './bundleHelpers.ts';

const trustedKeys = [demoTrusted];
const incidentOf = (b: UnsignedBundle) => b.records.find((r) => r.type === 'incident')!;

function refusal(bytes: Uint8Array) {
  const result = parseBundle(bytes, { trustedKeys });
  if (result.ok) throw new Error('accepted');
  return result.error;
}

describe('the rev rule, checked on every record as received', () => {
  it('refuses data changed under an unchanged rev, naming the record', () => {
    const error = refusal(
      signedBytes((b) => (incidentOf(b).data.title = '別の件名'), undefined, { keepRevs: true }),
    );
    expect(error).toMatchObject({ kind: 'invalidRevision', type: 'incident', problem: 'mismatch' });
    expect(describeBundleError(error)).toMatch(
      /障害記録（ID 00000000-0000-4000-8000-000000000005）/,
    );
    expect(describeBundleError(error)).toContain('内容と一致しません');
  });

  it('refuses a tombstone flag flipped without a new rev', () => {
    const error = refusal(
      signedBytes((b) => (incidentOf(b).deleted = true), undefined, { keepRevs: true }),
    );
    expect(error).toMatchObject({ kind: 'invalidRevision', problem: 'mismatch' });
  });

  it('refuses generations too high to carry on editing', () => {
    const error = refusal(
      signedBytes(
        (b) => {
          const record = incidentOf(b);
          record.revisions = [`999999998-${'a'.repeat(32)}`];
          record.rev = computeRevision(record.revisions[0]!, false, record.data);
        },
        undefined,
        { keepRevs: true },
      ),
    );
    expect(error).toMatchObject({ kind: 'invalidRevision', problem: 'generationTooHigh' });
    expect(describeBundleError(error)).toContain('世代番号が大きすぎます');
  });

  it('accepts the highest generation it allows', () => {
    const bytes = signedBytes(
      (b) => {
        const record = incidentOf(b);
        record.revisions = [`${MAX_ACCEPTED_GENERATION - 1}-${'a'.repeat(32)}`];
        record.rev = computeRevision(record.revisions[0]!, false, record.data);
      },
      undefined,
      { keepRevs: true },
    );
    expect(parseBundle(bytes, { trustedKeys }).ok).toBe(true);
  });

  it('refuses a rev listed among its own ancestors, and two versions descending from each other', () => {
    const self = refusal(
      signedBytes(
        (b) => {
          const record = incidentOf(b);
          record.revisions = [record.rev];
        },
        undefined,
        { keepRevs: true },
      ),
    );
    expect(self).toMatchObject({ kind: 'invalidRevision', problem: 'selfAncestor' });

    const cycle = refusal(
      signedBytes(
        (b) => {
          const record = incidentOf(b);
          const a = computeRevision(null, false, { x: 1 });
          const other = { ...record.data, title: '別版' };
          // Each claims the other as its parent: one of them has an ancestor of its own generation.
          const bRev = computeRevision(a, false, other);
          record.revisions = [bRev];
          record.rev = computeRevision(bRev, false, record.data);
          record.conflicts = [
            { ...record, rev: bRev, revisions: [record.rev], data: other, conflicts: undefined },
          ].map(({ id: _id, type: _type, conflicts: _c, ...leaf }) => leaf);
        },
        undefined,
        { keepRevs: true },
      ),
    );
    expect(cycle).toMatchObject({ kind: 'invalidRevision', problem: 'badAncestry' });
    expect(checkRevision({ rev: '2-' + 'b'.repeat(32), revisions: [], deleted: false }, {})).toBe(
      'badAncestry',
    );
  });
});

describe('record versions and upgrade steps', () => {
  it('reads format-1 files: records become 1.0, and a tombstone that held content is emptied as a new revision', () => {
    const result = parseBundle(readFixture('demo-v1.sonae.json'), { trustedKeys });
    if (!result.ok) throw new Error(describeBundleError(result.error));
    expect(result.bundle.formatVersion).toBe(1);
    const leaves = result.leaves.flat();
    result.leaves.forEach((recordLeaves, index) => {
      const type = result.bundle.records[index]!.type;
      for (const leaf of recordLeaves) expect(leaf.schemaVersion).toBe(currentRecordVersion(type));
    });
    const original = result.bundle.records.find((r) => r.deleted)!;
    const tombstone = leaves.find((l) => l.deleted)!;
    expect(pickData(tombstone)).toEqual({});
    expect(tombstone.revisions[0]).toBe(original.rev);
    expect(tombstone.rev).toBe(computeRevision(original.rev, true, {}));
    // A record whose data no step changes keeps its rev.
    const incident = result.bundle.records.find((r) => r.type === 'incident')!;
    expect(leaves.find((l) => l.id === incident.id)!.rev).toBe(incident.rev);
  });

  it('upgrades deterministically: the same record upgraded twice reaches the same rev', () => {
    const meta = {
      id: '00000000-0000-4000-8000-000000000001',
      rev: computeRevision(null, true, { name: 'x' }),
      revisions: [],
      createdAt: '2026-01-01T00:00:00.000Z',
      createdBy: '00000000-0000-4000-8000-000000000002',
      updatedAt: '2026-01-01T00:00:00.000Z',
      updatedBy: '00000000-0000-4000-8000-000000000002',
      deleted: true,
      schemaVersion: '1.0',
    };
    const one = upgradeLeaf('contact', meta, { name: 'x' });
    const two = upgradeLeaf(
      'contact',
      { ...meta, updatedAt: '2030-01-01T00:00:00.000Z' },
      { name: 'x' },
    );
    expect(one.ok && two.ok && one.meta.rev === two.meta.rev).toBe(true);
  });

  it('empties a tombstone that holds content at any version, as a new revision', () => {
    const meta = {
      id: '00000000-0000-4000-8000-000000000001',
      rev: computeRevision(null, true, { name: '旧システム' }),
      revisions: [],
      createdAt: '2026-01-01T00:00:00.000Z',
      createdBy: '00000000-0000-4000-8000-000000000002',
      updatedAt: '2026-01-01T00:00:00.000Z',
      updatedBy: '00000000-0000-4000-8000-000000000002',
      deleted: true,
      schemaVersion: currentRecordVersion('system'),
    };
    const result = upgradeLeaf('system', meta, { name: '旧システム' });
    if (!result.ok) throw new Error('refused');
    expect(result.data).toEqual({});
    expect(result.meta.revisions).toEqual([meta.rev]);
    expect(checkRevision(result.meta, {})).toBeNull();
  });

  it('keeps the unknown fields of a newer minor version (the rev covers them)', () => {
    const bytes = signedBytes((b) => {
      const record = incidentOf(b);
      record.schemaVersion = '1.99';
      record.data.futureField = '新しい版の項目';
    });
    const result = parseBundle(bytes, { trustedKeys });
    if (!result.ok) throw new Error(describeBundleError(result.error));
    const leaf = result.leaves.flat().find((l) => 'futureField' in l)!;
    expect(leaf).toMatchObject({ schemaVersion: '1.99', futureField: '新しい版の項目' });
  });

  it('keeps a newer minor version’s unknown field inside a list entry too', () => {
    const bytes = signedBytes((b) => {
      const record = incidentOf(b);
      record.schemaVersion = '1.99';
      const data = record.data as { contactsMade: Record<string, unknown>[] };
      data.contactsMade = [
        {
          id: '00000000-0000-4000-8000-00000000c0f1',
          at: '2026-11-21T01:05:00.000Z',
          who: '保守窓口',
          contactId: null,
          method: 'phone',
          summary: '',
          calledFrom: '窓口2',
        },
      ];
    });
    const result = parseBundle(bytes, { trustedKeys });
    if (!result.ok) throw new Error(describeBundleError(result.error));
    const leaf = result.leaves.flat().find((l) => l.schemaVersion === '1.99') as unknown as {
      contactsMade: Record<string, unknown>[];
    };
    expect(leaf.contactsMade[0]).toMatchObject({ calledFrom: '窓口2' });
  });

  it('refuses a newer major version, saying a newer Sonae made it', () => {
    const error = refusal(signedBytes((b) => (incidentOf(b).schemaVersion = '2.0')));
    expect(error).toMatchObject({ kind: 'recordTooNew', type: 'incident', version: '2.0' });
    expect(describeBundleError(error)).toContain('新しい版の Sonae で作られています');
  });

  it('still refuses unknown fields at the current version', () => {
    const error = refusal(signedBytes((b) => (incidentOf(b).data.futureField = 'x')));
    expect(error).toMatchObject({ kind: 'unknownField', keys: ['futureField'] });
  });

  it('relates versions', () => {
    expect(relateVersion('1.0', '1.1')).toBe('older');
    expect(relateVersion('1.1', '1.1')).toBe('current');
    expect(relateVersion('1.2', '1.1')).toBe('newerMinor');
    expect(relateVersion('2.0', '1.1')).toBe('newerMajor');
    expect(relateVersion('1.9', '2.0')).toBe('older');
    const honest = signedBytes((b) => rehashRecords(b));
    expect(parseBundle(honest, { trustedKeys }).ok).toBe(true);
  });
});
