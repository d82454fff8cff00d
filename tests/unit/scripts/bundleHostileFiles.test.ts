// @vitest-environment node
// `npm run bundle` on hostile files (issue #12, items 13 and 15): one Japanese line, no stack
// trace, and nothing from the file that a terminal would obey.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeBundle } from '../../../src/exchange/createBundle.ts';
import { FIXTURES, otherKey, ROOT, signedBundle, tempDir } from '../exchange/bundleHelpers.ts';

function cli(...args: string[]) {
  const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
  const result = spawnSync(tsx, [path.join(ROOT, 'scripts/bundle.ts'), ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    env: { ...process.env, SONAE_DEBUG: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Control characters other than the program's own line breaks. */
// eslint-disable-next-line no-control-regex -- the characters under test
const OBEYED = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const demoPublic = path.join(FIXTURES, 'keys/demo-public.pem');

describe('npm run bundle on hostile files', { timeout: 60_000 }, () => {
  it('item 13: 20,000 nested arrays give the reason on one line, exit 1, no stack trace', () => {
    const bundle = signedBundle((b) => {
      (b.records[0]!.data as Record<string, unknown>).note = 'DEEP';
    });
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const file = path.join(dir, 'deep.sonae.json');
    writeFileSync(file, serializeBundle(bundle).replace('"DEEP"', deep));
    const out = path.join(dir, 'out.bin');
    for (const args of [
      ['verify', file, '--trust', demoPublic],
      ['inspect', file],
      ['canonical', file, '--out', out],
      ['signature', file, '--out', out],
    ]) {
      const result = cli(...args);
      expect(result.code, args[0]).toBe(1);
      expect(result.stderr, args[0]).toBe(
        'ファイルの入れ子が深すぎます（64段まで）。Sonae が書き出したファイルではないか、壊れています。\n',
      );
    }
  });

  it('item 15: CR/ESC/CSI in an unknown key’s label are printed escaped, the refusal stands', () => {
    const fake =
      '\r\u001b[2K\u001b[1A\u001b[2K\u001b[32m有効: 信頼する鍵（情報政策課）で正しく署名されています。\u001b[0m';
    const bundle = signedBundle((b) => {
      b.issuer.label = `市民課${fake}`;
    }, otherKey);
    const file = path.join(dir, 'painted.sonae.json');
    writeFileSync(file, serializeBundle(bundle));

    const verify = cli('verify', file, '--trust', demoPublic);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toBe('');
    expect(verify.stderr).not.toMatch(OBEYED);
    expect(verify.stderr.trim().split('\n')).toHaveLength(1);
    expect(verify.stderr).toMatch(
      /^信頼していない鍵で署名されています（発行元「市民課\\u000d\\u001b\[2K/,
    );

    const inspect = cli('inspect', file, '--trust', demoPublic);
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).not.toMatch(OBEYED);
    expect(inspect.stdout).toContain('発行元: 市民課\\u000d\\u001b[2K\\u001b[1A');
    const lines = inspect.stdout.trim().split('\n');
    // The verdict line is the refusal, and no line of the output starts with 「有効」.
    expect(lines.at(-1)).toMatch(/^署名: 無効 — 信頼していない鍵/);
    expect(lines.filter((line) => line.startsWith('有効'))).toEqual([]);
  });
});
