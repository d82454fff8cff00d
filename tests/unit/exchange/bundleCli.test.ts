// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeBundle } from '../../../src/exchange/createBundle.ts';
import { buildFixtureBundle } from '../../fixtures/bundles/fixtureRecords.ts';
import { FIXTURES, hasOpenssl, openssl, ROOT, tempDir } from './bundleHelpers.ts';

/** Runs `npx tsx scripts/bundle.ts …` (tsx from node_modules, as npx would). */
function cli(...args: string[]) {
  const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
  const result = spawnSync(tsx, [path.join(ROOT, 'scripts/bundle.ts'), ...args], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = (name: string) => path.join(FIXTURES, 'bundles', name);
const demoPublic = path.join(FIXTURES, 'keys/demo-public.pem');

describe('npm run bundle', { timeout: 60_000 }, () => {
  it('verify: 0 for a valid trusted file, 1 with one Japanese line for tampered/untrusted/too new', () => {
    const ok = cli('verify', fixture('demo.sonae.json'), '--trust', demoPublic);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('有効');
    for (const [name, reason] of [
      ['tampered.sonae.json', '署名が一致しません'],
      ['untrusted.sonae.json', '信頼していない鍵'],
      ['too-new.sonae.json', '新しい版'],
    ]) {
      const result = cli('verify', fixture(name!), '--trust', demoPublic);
      expect(result.code, name).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(reason);
    }
  });

  it('exits 2 for usage errors and unreadable paths', () => {
    const none = cli();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('使い方');
    expect(cli('frobnicate').code).toBe(2);
    expect(cli('verify', fixture('demo.sonae.json'), '--bogus').code).toBe(2);
    const missing = cli('verify', path.join(dir, 'nope.sonae.json'), '--trust', demoPublic);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('ファイルを読めません');
  });

  it('keygen, sign and verify round trip; inspect summarises; a wrong key is refused', () => {
    const keys = path.join(dir, 'keys');
    const made = cli('keygen', '--out', keys);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/指紋: \d{4}(-\d{4}){4}/);
    expect(statSync(path.join(keys, 'private.pem')).mode & 0o777).toBe(0o600);
    expect(cli('keygen', '--out', keys).code).toBe(2);

    const unsigned = path.join(dir, 'unsigned.sonae.json');
    const signed = path.join(dir, 'signed.sonae.json');
    writeFileSync(unsigned, serializeBundle(buildFixtureBundle()));
    const sign = cli('sign', unsigned, '--key', path.join(keys, 'private.pem'), '--out', signed);
    expect(sign.code).toBe(0);
    expect(cli('verify', signed, '--trust', path.join(keys, 'public.pem')).code).toBe(0);
    expect(cli('sign', unsigned, '--key', demoPublic, '--out', signed).code).toBe(1);

    const inspect = cli('inspect', signed, '--trust', path.join(keys, 'public.pem'));
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).toContain('架空市 情報政策課 管理PC-01');
    expect(inspect.stdout).toContain('連絡先: 2件（うち削除 1件）');
    expect(inspect.stdout).toContain('署名: 有効');
  });

  it('fingerprint prints the same key id for a private key and its public key', () => {
    const a = cli('fingerprint', path.join(FIXTURES, 'keys/demo-private.pem'));
    const b = cli('fingerprint', demoPublic);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it.skipIf(!hasOpenssl)('canonical and signature give what openssl pkeyutl verifies', () => {
    const canonical = path.join(dir, 'canonical.bin');
    const signature = path.join(dir, 'sig.bin');
    expect(cli('canonical', fixture('demo.sonae.json'), '--out', canonical).code).toBe(0);
    expect(cli('signature', fixture('demo.sonae.json'), '--out', signature).code).toBe(0);
    expect(readFileSync(signature)).toHaveLength(64);
    const args = [
      'pkeyutl',
      '-verify',
      '-pubin',
      '-inkey',
      demoPublic,
      '-rawin',
      '-in',
      canonical,
      '-sigfile',
      signature,
    ];
    expect(openssl(args, dir)).toContain('Signature Verified Successfully');
  });
});
