// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/domain/canonicalJson.ts';
import { generateDemoIncidents } from '../../../src/demo/demoMunicipality.ts';
import { pickData } from '../../../src/domain/recordMeta.ts';
import type { RecordOf } from '../../../src/domain/recordSchemas.ts';
import type { RecordType } from '../../../src/domain/recordTypes.ts';
import { createStoredRecord, reviseStoredRecord } from '../../../src/domain/storedRecord.ts';
import { fromBundleRecord, toBundleRecord } from '../../../src/exchange/bundleRecord.ts';
import { startSigningBundle } from '../../../src/exchange/bundleSignature.ts';
import { canonicalBundleRecord, createBundle } from '../../../src/exchange/createBundle.ts';
import {
  buildFixtureRecords,
  FIXTURE_IDS,
  FIXTURE_ISSUER,
} from '../../fixtures/bundles/fixtureRecords.ts';
import { demoKey } from './bundleHelpers.ts';

// Issue 9: the export writes each record's canonical JSON while it reads the records, with the
// members already in canonical order, and signs the envelope around those bytes. Both must give
// exactly what serialising toBundleRecord's values in one envelope gave.

const AT = '2026-11-21T00:05:00.000Z';
const incidents = generateDemoIncidents(30, [FIXTURE_IDS.system], { seed: 11 }).map((data) =>
  createStoredRecord('incident', data, FIXTURE_ISSUER.stationId, AT),
);
/** Stored records of every fixture type, in an order that changes shape from one to the next. */
const mixed = [...buildFixtureRecords(), ...buildFixtureRecords().reverse()].map((record) => {
  const parsed = fromBundleRecord(record);
  if (!parsed.ok) throw new Error('fixture record refused');
  return { type: record.type, record: parsed.record };
});

const sortedNames = (value: object) =>
  Object.keys(value).every((k, i, a) => i === 0 || a[i - 1]! < k);

describe('canonicalBundleRecord', () => {
  it('is toBundleRecord with its members and its data members in canonical order', () => {
    for (const { type, record } of [
      ...incidents.map((record) => ({ type: 'incident' as RecordType, record })),
      ...mixed,
    ]) {
      const value = canonicalBundleRecord(type, record as RecordOf<RecordType>);
      const reference = toBundleRecord(type, record as never);
      expect(value).toEqual(reference);
      expect(sortedNames(value) && sortedNames(value.data)).toBe(true);
      expect(canonicalJson(value)).toBe(canonicalJson(reference));
    }
  });

  it('sorts each record by its own names when one shape follows another of the same size', () => {
    const [record] = incidents;
    const shaped = (extra: Record<string, unknown>) =>
      ({ ...record!, ...extra }) as unknown as RecordOf<'incident'>;
    for (const variant of [shaped({ zz: 1, aa: 2 }), shaped({ yy: 1, bb: 2 }), shaped({})]) {
      const value = canonicalBundleRecord('incident', variant);
      expect(value).toEqual(toBundleRecord('incident', variant));
      expect(sortedNames(value.data)).toBe(true);
    }
  });

  it('carries conflict siblings like toBundleRecord, sorted too', () => {
    const [record] = incidents;
    const sibling = reviseStoredRecord(
      'incident',
      record!,
      { ...pickData(record!), cause: '別の端末での変更' } as never,
      FIXTURE_ISSUER.stationId,
      '2026-11-22T00:00:00.000Z',
    );
    const value = canonicalBundleRecord('incident', record!, [sibling]);
    expect(value).toEqual(toBundleRecord('incident', record!, [sibling]));
    expect(Object.keys(value)[0]).toBe('conflicts');
    expect(sortedNames(value.conflicts![0]!) && sortedNames(value.conflicts![0]!.data)).toBe(true);
  });
});

describe('startSigningBundle with the records already serialised', () => {
  const unsignedOf = (count: number) =>
    createBundle({
      issuer: FIXTURE_ISSUER,
      sequence: 4,
      kind: 'full',
      records: incidents.slice(0, count).map((r) => canonicalBundleRecord('incident', r)),
      createdAt: AT,
      bundleId: '00000000-0000-4000-8000-000000000901',
      recordsFromStore: true,
    });
  const encoder = new TextEncoder();
  /** The records' canonical JSON in parts of `size` records. */
  const partsOf = (records: readonly object[], size: number) => {
    const parts: Uint8Array[] = [];
    for (let at = 0; at < records.length; at += size)
      parts.push(
        encoder.encode(
          records
            .slice(at, at + size)
            .map(canonicalJson)
            .join(','),
        ),
      );
    return parts;
  };

  it.each([
    [0, 1],
    [1, 1],
    [30, 1],
    [30, 7],
    [30, 30],
  ])('%i records in parts of %i: the same head, tail, text and bundle', async (count, size) => {
    const unsigned = unsignedOf(count);
    const whole = startSigningBundle(unsigned, demoKey);
    const inParts = startSigningBundle(unsigned, demoKey, partsOf(unsigned.records, size));
    expect(Buffer.compare(inParts.head, whole.head)).toBe(0);
    const [a, b] = await Promise.all([whole.sign(), inParts.sign()]);
    expect(Buffer.compare(b.tail, a.tail)).toBe(0);
    expect(b.text).toBe(a.text);
    expect(b.bundle).toEqual(a.bundle);
  });
});
