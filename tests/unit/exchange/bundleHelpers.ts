import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { derivePublicKey } from '../../../src/exchange/keys.ts';
import { computeRevision } from '../../../src/domain/revision.ts';
import { createTrustedKey } from '../../../src/exchange/bundleTrust.ts';
import { signBundle } from '../../../src/exchange/bundleSignature.ts';
import { serializeBundle } from '../../../src/exchange/createBundle.ts';
import type { Bundle, UnsignedBundle } from '../../../src/exchange/bundleFormat.ts';
import { buildFixtureBundle, fixtureKeySeed } from '../../fixtures/bundles/fixtureRecords.ts';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const FIXTURES = path.join(ROOT, 'tests/fixtures');

export const demoKey = fixtureKeySeed('demo');
export const otherKey = fixtureKeySeed('other');
export const demoTrusted = createTrustedKey(derivePublicKey(demoKey), '情報政策課', 'it-section');
export const otherTrusted = createTrustedKey(derivePublicKey(otherKey), '市民課', 'department');

export const encode = (text: string) => new TextEncoder().encode(text);

export function readFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, 'bundles', name)));
}

/**
 * A signed demo bundle after `change` edited its unsigned form: how the tests build files that
 * are correctly signed yet wrong inside (signBundle signs whatever it is given).
 */
export function signedBundle(
  change: (bundle: UnsignedBundle) => void = () => {},
  key = demoKey,
  options: { keepRevs?: boolean } = {},
): Bundle {
  const bundle = structuredClone(buildFixtureBundle());
  change(bundle);
  if (!options.keepRevs) rehashRecords(bundle);
  return signBundle(bundle, key);
}

/**
 * Recomputes each record's rev from its (changed) data, as an honest writer would, so a test
 * reaches the check it is about rather than the rev rule. `keepRevs` tests the rev rule itself.
 */
export function rehashRecords(bundle: UnsignedBundle): void {
  const rehash = (leaf: { rev: string; revisions: string[]; deleted: boolean; data: unknown }) => {
    if (typeof leaf.data !== 'object' || !Array.isArray(leaf.revisions)) return;
    leaf.rev = computeRevision(leaf.revisions[0] ?? null, leaf.deleted, leaf.data);
  };
  for (const record of bundle.records) {
    rehash(record);
    for (const sibling of record.conflicts ?? []) rehash(sibling);
  }
}

export function signedBytes(
  change?: (bundle: UnsignedBundle) => void,
  key = demoKey,
  options: { keepRevs?: boolean } = {},
): Uint8Array {
  return encode(serializeBundle(signedBundle(change, key, options)));
}

export const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

/** Runs openssl; throws with its stderr when it fails. */
export function openssl(args: string[], cwd: string): string {
  const result = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'sonae-bundle-'));
}
