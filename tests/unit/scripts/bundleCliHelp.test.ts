// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commandText, type CommandName } from '../../../scripts/bundleHelp.ts';

// Issue 10, item 6: `npm run bundle -- help` answered 「不明なコマンドです: help」, and relative
// paths counted from the project root (where npm runs scripts), not from the folder the person
// typed the command in. These run the real CLI in a child process, from a folder outside the
// project, the way an IT section member would.

const ROOT = path.resolve(import.meta.dirname, '../../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures');
const work = mkdtempSync(path.join(os.tmpdir(), 'sonae-cli-cwd-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run bundle -- …` typed in `cwd` (npm finds the project through --prefix). */
function npmBundle(cwd: string, ...args: string[]): Run {
  const result = spawnSync('npm', ['--prefix', ROOT, 'run', '--silent', 'bundle', '--', ...args], {
    cwd,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `tsx scripts/bundle.ts …` started directly in `cwd`, with extra environment. */
function tsxBundle(cwd: string, env: Record<string, string>, ...args: string[]): Run {
  const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
  const result = spawnSync(tsx, [path.join(ROOT, 'scripts/bundle.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const COMMANDS = [
  'keygen',
  'sign',
  'verify',
  'inspect',
  'fingerprint',
  'canonical',
  'signature',
  'help',
];

describe('npm run bundle -- help', { timeout: 60_000 }, () => {
  it('help, --help and -h print the same Japanese usage on stdout and exit 0', () => {
    const runs = [
      npmBundle(work, 'help'),
      tsxBundle(work, {}, '--help'),
      tsxBundle(work, {}, '-h'),
    ];
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(runs[0]!.stdout);
    }
    const usage = runs[0]!.stdout;
    expect(usage).toMatch(/^使い方: npm run bundle -- <コマンド> \[引数\]/);
    for (const command of COMMANDS) expect(usage).toContain(`\n  ${command} `);
    expect(usage).toContain('コマンドを実行したフォルダーから数えます');
    expect(usage).toContain('npm run bundle -- help <コマンド>');
    expect(usage).not.toContain('不明なコマンド');
  });

  it('help <command>, <command> --help and <command> -h print that command’s own page', () => {
    const pages = [
      npmBundle(work, 'help', 'verify'),
      tsxBundle(work, {}, 'verify', '--help'),
      tsxBundle(work, {}, 'verify', '-h'),
    ];
    for (const page of pages) {
      expect(page.code, page.stderr).toBe(0);
      expect(page.stdout).toBe(pages[0]!.stdout);
    }
    expect(pages[0]!.stdout).toContain(
      '使い方: npm run bundle -- verify FILE --trust PUBLIC.pem [--trust PUBLIC.pem …]',
    );
    expect(pages[0]!.stdout).toContain('終了コード: 0 有効');
    expect(pages[0]!.stdout).toContain('例: npm run bundle -- verify ');
    expect(pages[0]!.stdout.trim()).toBe(commandText('verify'));
    // Each command has a page of its own (in-process: the child runs above cost seconds each).
    for (const command of COMMANDS)
      expect(commandText(command as CommandName), command).toContain(
        `使い方: npm run bundle -- ${command}`,
      );
  });

  it('help for a command that does not exist is a usage error (exit 2) with the overview', () => {
    const run = tsxBundle(work, {}, 'help', 'frobnicate');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('不明なコマンドです: frobnicate');
    expect(run.stderr).toContain('使い方: npm run bundle --');
    expect(run.stdout).toBe('');
  });
});

describe(
  'relative paths count from the folder the command was typed in',
  { timeout: 60_000 },
  () => {
    const here = path.join(work, 'desk');
    mkdirSync(path.join(here, 'keys'), { recursive: true });
    copyFileSync(path.join(FIXTURES, 'keys/demo-public.pem'), path.join(here, 'keys/public.pem'));
    copyFileSync(
      path.join(FIXTURES, 'bundles/demo.sonae.json'),
      path.join(here, 'demo.sonae.json'),
    );

    it('npm run bundle reads and writes beside the person, never in the project root', () => {
      expect(npmBundle(here, 'verify', 'demo.sonae.json', '--trust', 'keys/public.pem').code).toBe(
        0,
      );
      const written = npmBundle(here, 'canonical', 'demo.sonae.json', '--out', 'canonical.bin');
      expect(written.code, written.stderr).toBe(0);
      expect(readFileSync(path.join(here, 'canonical.bin')).length).toBeGreaterThan(100);
      expect(written.stdout).toContain(path.join(here, 'canonical.bin'));
      expect(existsSync(path.join(ROOT, 'canonical.bin'))).toBe(false);
    });

    it('a missing file is named with the folder it was looked for in', () => {
      const run = npmBundle(here, 'fingerprint', 'nope.pem');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`ファイルを読めません: ${path.join(here, 'nope.pem')}`);
    });

    it('run directly (not by npm run bundle), an inherited INIT_CWD is ignored', () => {
      // As when `npm test` starts a test runner that starts this file: INIT_CWD is the project root.
      const run = tsxBundle(
        here,
        { INIT_CWD: ROOT, npm_lifecycle_event: 'test' },
        'fingerprint',
        'keys/public.pem',
      );
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/指紋: \d{4}(-\d{4}){4}/);
    });
  },
);
