// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalBundleBytes } from '../../../src/exchange/bundleSignature.ts';
import { serializeBundle } from '../../../src/exchange/createBundle.ts';
import { parseBundle } from '../../../src/exchange/parseBundle.ts';
import {
  demoTrusted,
  encode,
  FIXTURES,
  hasOpenssl,
  ROOT,
  signedBundle,
  tempDir,
} from '../exchange/bundleHelpers.ts';

// Issue 10, item 6: the verification recipes of docs/bundle-format.md must work on EVERY valid
// file. The jq recipe they used to hold failed on text containing U+007F (jq writes `\u007f`,
// RFC 8785 the character itself). This runs every `sh` block of the document, as written, on a
// valid file full of control characters, and on a tampered copy, which must fail.

const DOC = readFileSync(path.join(ROOT, 'docs/bundle-format.md'), 'utf8');

/** Text that trips JSON serialisers that are not RFC 8785. */
const AWKWARD =
  'DEL\u007f NUL-ish\u0001\u001f tab\t nl\n quote" back\\ \\u007f-as-text ' +
  'line-sep\u2028 é e\u0301 😀 ＡＢＣ';

const bundle = signedBundle((draft) => {
  for (const record of draft.records)
    if (record.type === 'contact' && !record.deleted)
      (record.data as { notes: string }).notes = AWKWARD;
});
const bytes = encode(serializeBundle(bundle));
const tampered = encode(serializeBundle(bundle).replace('DEL\u007f', 'DELX'));

/** The fenced blocks of the document with their language tag, in order. */
function fencedBlocks(markdown: string): { lang: string; code: string }[] {
  const blocks: { lang: string; code: string }[] = [];
  const fence = /^( *)```(\S*)\n([\s\S]*?)^\1```$/gm;
  for (const match of markdown.matchAll(fence))
    blocks.push({
      lang: match[2]!,
      code: match[3]!.replace(new RegExp(`^${match[1]}`, 'gm'), ''),
    });
  return blocks;
}

const recipes = fencedBlocks(DOC).filter((block) => block.lang === 'sh');

const work = tempDir();
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs one recipe in a fresh folder holding `bundle.sonae.json` and `public.pem`. */
function runRecipe(code: string, file: Uint8Array, name: string) {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'bundle.sonae.json'), file);
  copyFileSync(path.join(FIXTURES, 'keys/demo-public.pem'), path.join(dir, 'public.pem'));
  // `npm run bundle` as typed in that folder: npm finds the project through --prefix and passes
  // the folder as INIT_CWD, exactly as when the person's folder is inside the project.
  const script = `npm() { command npm --prefix "$SONAE_ROOT" --silent "$@"; }\nset -e\n${code}`;
  const result = spawnSync('sh', ['-c', script], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, SONAE_ROOT: ROOT },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the verification recipes of docs/bundle-format.md', { timeout: 120_000 }, () => {
  it('the test file is valid, and its canonical form keeps U+007F as a raw byte', () => {
    expect(parseBundle(bytes, { trustedKeys: [demoTrusted] }).ok).toBe(true);
    expect(canonicalBundleBytes(bundle as never)).toContain(0x7f);
    expect(parseBundle(tampered, { trustedKeys: [demoTrusted] })).toMatchObject({
      ok: false,
      error: { kind: 'badSignature' },
    });
  });

  it('has the recipes this test knows how to judge, and no jq recipe', () => {
    expect(recipes.length).toBeGreaterThanOrEqual(2);
    expect(recipes.some((r) => r.code.includes('pkeyutl -verify'))).toBe(true);
    expect(recipes.some((r) => r.code.includes('openssl dgst -sha256'))).toBe(true);
    for (const recipe of recipes) expect(recipe.code).not.toMatch(/\bjq\b/);
  });

  it.skipIf(!hasOpenssl)(
    'every sh block works on the valid file and fails on the tampered one',
    () => {
      const keyId = bundle.issuer.keyId;
      recipes.forEach((recipe, i) => {
        const good = runRecipe(recipe.code, bytes, `good-${i}`);
        expect(good.code, `${recipe.code}\n${good.stderr}`).toBe(0);
        if (recipe.code.includes('pkeyutl -verify')) {
          expect(good.stdout).toContain('Signature Verified Successfully');
          const bad = runRecipe(recipe.code, tampered, `bad-${i}`);
          expect(bad.code, recipe.code).not.toBe(0);
          expect(bad.stdout + bad.stderr).toContain('Signature Verification Failure');
        } else if (recipe.code.includes('openssl dgst -sha256')) {
          // The thumbprint OpenSSL computed, then the file's 鍵ID as `inspect` prints it.
          const [thumbprint] = good.stdout.trim().split('\n');
          expect(thumbprint).toBe(keyId);
          expect(good.stdout).toContain(`鍵ID: ${keyId}`);
        } else {
          throw new Error(`a recipe this test cannot judge; add its expectation:\n${recipe.code}`);
        }
      });
    },
  );

  it.skipIf(spawnSync('jq', ['--version']).status !== 0)(
    'the dropped jq recipe would have failed on this valid file',
    () => {
      const result = spawnSync('jq', ['-jcS', 'del(.signature)'], { input: bytes });
      const canonical = canonicalBundleBytes(bundle as never);
      expect(Buffer.from(result.stdout).equals(Buffer.from(canonical))).toBe(false);
      expect(result.stdout.toString('utf8')).toContain('\\u007f');
    },
  );
});
