// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  computeKeyId,
  derivePublicKey,
  encodePrivateKeyPem,
  encodePublicKeyPem,
  formatKeyFingerprint,
} from '../../../src/exchange/keys.ts';
import { canonicalBundleBytes, signBundle } from '../../../src/exchange/bundleSignature.ts';
import { serializeBundle } from '../../../src/exchange/createBundle.ts';
import { fromBundleRecord } from '../../../src/exchange/bundleRecord.ts';
import { buildFixtureBundle } from '../../fixtures/bundles/fixtureRecords.ts';
import { demoKey, FIXTURES, otherKey, ROOT } from './bundleHelpers.ts';

const read = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

describe('committed fixtures', () => {
  it('are what scripts/make-fixture-bundle.ts generates (regenerate after a format change)', () => {
    expect(read('keys/demo-private.pem')).toBe(encodePrivateKeyPem(demoKey));
    expect(read('keys/demo-public.pem')).toBe(encodePublicKeyPem(derivePublicKey(demoKey)));
    expect(read('keys/other-public.pem')).toBe(encodePublicKeyPem(derivePublicKey(otherKey)));
    expect(read('bundles/demo.sonae.json')).toBe(
      serializeBundle(signBundle(buildFixtureBundle(), demoKey)),
    );
  });

  it('include the worked example of docs/bundle-format.md verbatim, with its signed bytes', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/bundle-format.md'), 'utf8');
    const example = read('bundles/example.sonae.json');
    expect(doc).toContain(`\`\`\`json\n${example}\`\`\``);
    const canonical = new TextDecoder().decode(
      canonicalBundleBytes(JSON.parse(example) as Record<string, unknown>),
    );
    expect(doc).toContain(`\`\`\`\n${canonical}\n\`\`\``);
    expect(doc).toContain(formatKeyFingerprint(computeKeyId(derivePublicKey(demoKey))));
  });

  it('hold a valid record of every type, with consistent revisions', () => {
    const bundle = buildFixtureBundle();
    for (const record of bundle.records) expect(fromBundleRecord(record).ok).toBe(true);
    expect(new Set(bundle.records.map((r) => r.type)).size).toBe(5);
  });
});
