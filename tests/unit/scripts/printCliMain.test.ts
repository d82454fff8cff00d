// @vitest-environment node
// runPrintCli's answers that need no browser: usage, a missing build, refused files. Each stops
// before anything is written (scripts/printCli.ts).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_KEY, FIXTURES, makeCliFolder } from '../../e2e/printCliRun.ts';

// A build folder with an index.html: enough to get past the build check to the file's check.
const dist = mkdtempSync(path.join(tmpdir(), 'sonae-print-dist-'));
writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>備え</title>');
const cli = makeCliFolder(dist);
const work = cli.dir;
const print = (argv: string[]) => cli.print(argv);
afterAll(() => {
  cli.remove();
  rmSync(dist, { recursive: true, force: true });
});

describe('runPrintCli without a browser', () => {
  it('prints the usage for --help (exit 0) and refuses an unknown option in one line (exit 2)', async () => {
    const help = await print(['--help']);
    expect(help.code).toBe(0);
    expect(help.out.join('\n')).toContain('使い方');
    const wrong = await print(['--demo', '--out', 'x', '--color']);
    expect(wrong).toEqual({
      code: 2,
      out: [],
      err: [expect.stringContaining('不明なオプションです: --color')],
    });
  });

  it('stops before writing anything when there is no build', async () => {
    const noBuild = makeCliFolder(path.join(dist, 'missing'));
    const run = await noBuild.print(['--demo', '--out', 'no-build']);
    expect(run.code).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err).toEqual([expect.stringContaining('組み立て済みのアプリがありません')]);
    expect(existsSync(path.join(noBuild.dir, 'no-build'))).toBe(false);
    noBuild.remove();
  });

  it('refuses every bad fixture with its reason, exit 1, and creates no folder', async () => {
    for (const [name, reason] of [
      ['tampered.sonae.json', '署名が一致しません'],
      ['wrong-key.sonae.json', '署名が一致しません'],
      ['too-new.sonae.json', '新しい版'],
      ['untrusted.sonae.json', '信頼していない鍵'],
    ] as const) {
      const file = path.relative(work, path.join(FIXTURES, 'bundles', name));
      const run = await print(['--bundle', file, '--trust', DEMO_KEY, '--out', 'refused']);
      expect(run.code, name).toBe(1);
      expect(run.out, name).toEqual([]);
      expect(run.err, name).toEqual([expect.stringContaining(reason)]);
    }
    expect(existsSync(path.join(work, 'refused'))).toBe(false);
  });

  it('refuses a bundle whose --trust file is missing', async () => {
    const run = await print([
      '--bundle',
      path.join(FIXTURES, 'bundles/demo.sonae.json'),
      '--trust',
      'keys/none.pem',
      '--out',
      'refused',
    ]);
    expect(run.code).toBe(1);
    expect(run.err).toEqual([expect.stringContaining(path.join(work, 'keys/none.pem'))]);
  });
});
