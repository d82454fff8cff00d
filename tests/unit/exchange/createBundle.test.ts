// @vitest-environment node
import canonicalize from 'canonicalize';
import { LATEST_BUNDLE_FORMAT_VERSION } from '../../../src/exchange/bundleFormat.ts';
import { describe, expect, it } from 'vitest';
import {
  bundleFileName,
  createBundle,
  createBundleAttachment,
  serializeBundle,
  summarizeBundle,
} from '../../../src/exchange/createBundle.ts';
import { describeBundleError, type BundleError } from '../../../src/exchange/bundleErrors.ts';
import { canonicalBundleBytes, signBundle } from '../../../src/exchange/bundleSignature.ts';
import { toBundleRecord } from '../../../src/exchange/bundleRecord.ts';
import { generateDemoIncidents } from '../../../src/demo/demoMunicipality.ts';
import { createStoredRecord } from '../../../src/domain/storedRecord.ts';
import {
  buildFixtureBundle,
  buildFixtureRecords,
  FIXTURE_IDS,
  FIXTURE_ISSUER,
  FIXTURE_PNG,
} from '../../fixtures/bundles/fixtureRecords.ts';
import { demoKey, signedBundle } from './bundleHelpers.ts';

describe('createBundle', () => {
  it('writes the envelope members in the documented order, with defaults', () => {
    const bundle = createBundle({
      issuer: FIXTURE_ISSUER,
      sequence: 3,
      kind: 'delta',
      records: [],
    });
    expect(Object.keys(bundle)).toEqual([
      'format',
      'formatVersion',
      'bundleId',
      'createdAt',
      'issuer',
      'sequence',
      'kind',
      'records',
      'attachments',
    ]);
    expect(bundle).toMatchObject({
      format: 'sonae-bundle',
      formatVersion: LATEST_BUNDLE_FORMAT_VERSION,
      sequence: 3,
      kind: 'delta',
      attachments: [],
    });
    expect(bundle.bundleId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(bundle.createdAt)).not.toBeNaN();
  });

  it('throws rather than build a bundle the receiver would refuse', () => {
    const records = buildFixtureRecords();
    expect(() =>
      createBundle({ issuer: FIXTURE_ISSUER, sequence: 0, kind: 'full', records }),
    ).toThrow(/invalid bundle/);
    expect(() =>
      createBundle({
        issuer: FIXTURE_ISSUER,
        sequence: 1,
        kind: 'full',
        records: [...records, records[0]!],
      }),
    ).toThrow(/2回/);
    const bad = createBundleAttachment(
      '00000000-0000-4000-8000-000000000006',
      'image/png',
      FIXTURE_PNG,
    );
    expect(() =>
      createBundle({
        issuer: FIXTURE_ISSUER,
        sequence: 1,
        kind: 'full',
        records,
        attachments: [{ ...bad, size: 1 }],
      }),
    ).toThrow(/添付/);
  });
});

describe('serializeBundle', () => {
  it('writes the canonical JSON on one line, then a line break, and keeps Japanese readable', () => {
    const bundle = signedBundle();
    const text = serializeBundle(bundle);
    expect(text).toBe(`${canonicalize(bundle)}\n`);
    expect(text.indexOf('\n')).toBe(text.length - 1);
    expect(text).toContain('"name":"住民記録システム"');
  });

  it('is the signed bytes with the signature member before the final brace', () => {
    const bundle = signedBundle();
    const text = serializeBundle(bundle);
    const signed = new TextDecoder().decode(canonicalBundleBytes(bundle));
    const member = `,"signature":${JSON.stringify(bundle.signature)}`;
    expect(text).toBe(`${signed.slice(0, -1)}${member}}\n`);
  });

  it('is about the size of the records themselves (issue 9: at most 1.15 times)', () => {
    const at = '2026-11-21T00:05:00.000Z';
    const stored = generateDemoIncidents(200, [FIXTURE_IDS.system], { seed: 3 }).map((data) =>
      createStoredRecord('incident', data, FIXTURE_ISSUER.stationId, at),
    );
    const unsigned = createBundle({
      issuer: FIXTURE_ISSUER,
      sequence: 1,
      kind: 'full',
      records: stored.map((record) => toBundleRecord('incident', record)),
    });
    const file = serializeBundle(signBundle(unsigned, demoKey));
    const size = (text: string) => new TextEncoder().encode(text).length;
    expect(size(file) / size(JSON.stringify(stored))).toBeLessThan(1.15);
  });
});

describe('bundleFileName', () => {
  const date = new Date(2026, 10, 21, 9, 5);

  it.each([
    ['情報政策課', 'sonae_情報政策課_20261121-0905_7.sonae.json'],
    ['市民課 窓口', 'sonae_市民課-窓口_20261121-0905_7.sonae.json'],
    ['総務課/庶務_係', 'sonae_総務課-庶務-係_20261121-0905_7.sonae.json'],
    ['a:b*c?"<>|', 'sonae_a-b-c_20261121-0905_7.sonae.json'],
    ['..\\..\\etc', 'sonae_etc_20261121-0905_7.sonae.json'],
    ['', 'sonae_部署未設定_20261121-0905_7.sonae.json'],
  ])('%j → %s', (department, name) => {
    expect(bundleFileName(department, date, 7)).toBe(name);
  });
});

describe('summarizeBundle', () => {
  it('counts records per type, tombstones and attachment bytes', () => {
    const summary = summarizeBundle(buildFixtureBundle());
    expect(summary.counts).toEqual({
      system: { total: 1, deleted: 0 },
      incident: { total: 1, deleted: 0 },
      contact: { total: 2, deleted: 1 },
      incidentLevel: { total: 1, deleted: 0 },
      procedure: { total: 1, deleted: 0 },
      drill: { total: 0, deleted: 0 },
      followUp: { total: 0, deleted: 0 },
    });
    expect(summary).toMatchObject({
      attachmentCount: 1,
      attachmentBytes: FIXTURE_PNG.length,
      sequence: 1,
      kind: 'full',
    });
  });
});

describe('describeBundleError', () => {
  it('gives a Japanese sentence for every kind', () => {
    const errors: BundleError[] = [
      { kind: 'tooLarge', size: 300 * 1024 * 1024, limit: 200 * 1024 * 1024 },
      { kind: 'empty' },
      { kind: 'foreignFile', looksLike: 'zip' },
      { kind: 'notUtf8' },
      { kind: 'notJson' },
      { kind: 'truncated' },
      { kind: 'forbiddenKey', key: '__proto__', path: 'records[0].data' },
      { kind: 'duplicateKey', key: 'name' },
      { kind: 'unsafeNumber', path: 'sequence' },
      { kind: 'invalidText', path: 'records[0].data.notes' },
      { kind: 'notSonaeBundle' },
      { kind: 'tooNew', formatVersion: 2 },
      { kind: 'unsupportedFormatVersion' },
      { kind: 'missingSignature' },
      { kind: 'malformedSignature', detail: '形式' },
      { kind: 'unknownField', path: '', keys: ['extra'] },
      { kind: 'invalidEnvelope', path: 'createdAt', message: '日時の形式が正しくありません' },
      {
        kind: 'invalidRecord',
        index: 0,
        type: 'incident',
        id: 'x',
        path: 'data.title',
        message: '件名を入力してください',
      },
      { kind: 'duplicateRecord', type: 'system', id: 'x' },
      { kind: 'duplicateAttachment', id: 'x' },
      { kind: 'attachmentMismatch', id: 'x', problem: 'sha256' },
      {
        kind: 'untrustedKey',
        keyId: 'k',
        fingerprint: '0000-0000-0000-0000-0000',
        issuerLabel: '市民課',
      },
      { kind: 'badSignature' },
      { kind: 'roleNotAllowed', role: 'department', index: 0, type: 'contact', id: 'x' },
    ];
    const messages = errors.map(describeBundleError);
    for (const message of messages) expect(message).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    expect(new Set(messages).size).toBe(messages.length);
    expect(messages[0]).toBe('ファイルが大きすぎます（300 MB）。読み込めるのは 200 MB までです。');
  });
});
