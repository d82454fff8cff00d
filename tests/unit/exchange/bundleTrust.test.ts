// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRoles, checkTrust, trustedKeyFromPem } from '../../../src/exchange/bundleTrust.ts';
import { describeBundleError } from '../../../src/exchange/bundleErrors.ts';
import { formatKeyFingerprint } from '../../../src/exchange/keys.ts';
import { buildFixtureRecords } from '../../fixtures/bundles/fixtureRecords.ts';
import { demoTrusted, FIXTURES, otherTrusted, signedBundle } from './bundleHelpers.ts';

describe('checkTrust', () => {
  it('returns the trusted key the bundle names', () => {
    expect(checkTrust(signedBundle(), [otherTrusted, demoTrusted])).toEqual({
      ok: true,
      key: demoTrusted,
    });
  });

  it('refuses an unknown key with the fingerprint to read out over the phone', () => {
    const bundle = signedBundle();
    const result = checkTrust(bundle, [otherTrusted]);
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'untrustedKey',
        keyId: bundle.issuer.keyId,
        fingerprint: formatKeyFingerprint(bundle.issuer.keyId),
        issuerLabel: bundle.issuer.label,
      },
    });
  });

  it('matches on the public key itself, not on a stored key id', () => {
    const mislabelled = { ...otherTrusted, keyId: demoTrusted.keyId };
    expect(checkTrust(signedBundle(), [mislabelled]).ok).toBe(false);
  });

  it('reads a trusted key from a PEM file, or says why not', () => {
    const pem = readFileSync(path.join(FIXTURES, 'keys/demo-public.pem'), 'utf8');
    expect(trustedKeyFromPem(pem, '情報政策課', 'it-section')).toEqual({
      ok: true,
      key: demoTrusted,
    });
    const privatePem = readFileSync(path.join(FIXTURES, 'keys/demo-private.pem'), 'utf8');
    expect(trustedKeyFromPem(privatePem, 'x', 'department')).toMatchObject({
      ok: false,
      error: { kind: 'wrongKeyFile' },
    });
  });
});

describe('checkRoles', () => {
  const records = buildFixtureRecords();

  it('lets the IT section write every record type', () => {
    expect(checkRoles(records, 'it-section')).toEqual([]);
  });

  it('lets a department write incident records only, refusing each other record', () => {
    const refusals = checkRoles(records, 'department');
    expect(refusals.map((r) => r.type)).toEqual([
      'system',
      'contact',
      'contact',
      'incidentLevel',
      'procedure',
    ]);
    expect(refusals[0]).toEqual({
      kind: 'roleNotAllowed',
      role: 'department',
      index: 0,
      type: 'system',
      id: records[0]!.id,
    });
    expect(describeBundleError(refusals[0]!)).toContain('障害記録・訓練・要対応だけ');
    expect(
      checkRoles(
        records.filter((r) => r.type === 'incident'),
        'department',
      ),
    ).toEqual([]);
  });
});
