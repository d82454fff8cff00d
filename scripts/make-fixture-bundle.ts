/**
 * Regenerates the committed fixture bundles and their TEST-ONLY keys:
 *   npx tsx scripts/make-fixture-bundle.ts
 * Everything is deterministic (fixed ids, times and key seeds; Ed25519 signs deterministically),
 * so running it again rewrites byte-identical files unless the format or the records changed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { derivePublicKey, encodePrivateKeyPem, encodePublicKeyPem } from '../src/exchange/keys.ts';
import { signBundle } from '../src/exchange/bundleSignature.ts';
import { serializeBundle } from '../src/exchange/createBundle.ts';
import { LATEST_BUNDLE_FORMAT_VERSION, type Bundle } from '../src/exchange/bundleFormat.ts';
import { buildFixtureBundle, fixtureKeySeed } from '../tests/fixtures/bundles/fixtureRecords.ts';

const root = path.resolve(import.meta.dirname, '..');
const keysDir = path.join(root, 'tests/fixtures/keys');
const bundlesDir = path.join(root, 'tests/fixtures/bundles');

async function writeBundle(name: string, bundle: Bundle | Record<string, unknown>) {
  await writeFile(path.join(bundlesDir, name), serializeBundle(bundle as Bundle));
  console.log(`wrote tests/fixtures/bundles/${name}`);
}

async function main() {
  await mkdir(keysDir, { recursive: true });
  const demo = fixtureKeySeed('demo');
  const other = fixtureKeySeed('other');
  for (const [name, key] of [
    ['demo', demo],
    ['other', other],
  ] as const) {
    await writeFile(path.join(keysDir, `${name}-private.pem`), encodePrivateKeyPem(key));
    await writeFile(
      path.join(keysDir, `${name}-public.pem`),
      encodePublicKeyPem(derivePublicKey(key)),
    );
  }

  const signed = signBundle(buildFixtureBundle(), demo);
  await writeBundle('demo.sonae.json', signed);

  // One value changed after signing: the signature no longer matches.
  const tampered = structuredClone(signed);
  tampered.records.find((r) => r.type === 'incident')!.data.title = '住民票が印刷できる';
  await writeBundle('tampered.sonae.json', tampered);

  // A later format version, validly signed: must be refused as too new, not as tampered.
  const { signature: _s, ...unsigned } = signed;
  await writeBundle(
    'too-new.sonae.json',
    signBundle({ ...unsigned, formatVersion: LATEST_BUNDLE_FORMAT_VERSION + 1 } as never, demo),
  );

  // Signed by the other key but claiming the demo key's id: the signature does not verify.
  const otherSigned = signBundle(unsigned, other);
  const wrongKey = structuredClone(otherSigned);
  wrongKey.issuer.keyId = signed.issuer.keyId;
  wrongKey.signature.keyId = signed.issuer.keyId;
  await writeBundle('wrong-key.sonae.json', wrongKey);

  // Honestly signed by a key the receiver has not trusted.
  await writeBundle('untrusted.sonae.json', otherSigned);

  // The small worked example quoted in docs/bundle-format.md: one incident level.
  const example = buildFixtureBundle({
    records: signed.records.filter((r) => r.type === 'incidentLevel'),
    attachments: [],
    bundleId: '00000000-0000-4000-8000-000000000901',
  });
  await writeBundle('example.sonae.json', signBundle(example, demo));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
