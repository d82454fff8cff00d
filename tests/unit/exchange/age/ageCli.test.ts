// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, tempDir } from '../bundleHelpers.ts';
import { readAgeIdentityFile } from '../../../../src/exchange/age/ageFiles.ts';
import { recipientOfIdentity } from '../../../../src/exchange/age/ageRecipients.ts';

// `npm run bundle -- encrypt/decrypt` against Debian's `age` and `age-keygen`, both ways.
// age asks for a passphrase only at a terminal, so those runs go through `script` (a pty).
const hasAge = spawnSync('age', ['--version']).status === 0;
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);
const bundle = path.join(FIXTURES, 'bundles/demo.sonae.json');
const original = readFileSync(bundle);

function cli(args: string[], input = '') {
  const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
  const result = spawnSync(tsx, [path.join(ROOT, 'scripts/bundle.ts'), ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    input,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function run(command: string, args: string[], input?: string) {
  const result = spawnSync(command, args, { encoding: 'utf8', input });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return result.stdout;
}

/** Runs age at a pseudo-terminal, typing `lines` (its passphrase prompts read /dev/tty). */
function ageAtTerminal(args: string[], lines: string[]) {
  const command = ['age', ...args].map((a) => `'${a}'`).join(' ');
  return spawnSync('script', ['-qec', command, '/dev/null'], {
    input: lines.map((l) => `${l}\n`).join(''),
    encoding: 'utf8',
  });
}

function keygen(name: string): string {
  run('age-keygen', ['-o', at(name)]);
  return /# public key: (age1\w+)/.exec(readFileSync(at(name), 'utf8'))![1]!;
}

describe.skipIf(!hasAge)('bundle encrypt/decrypt and the age command', { timeout: 120_000 }, () => {
  const working = keygen('working.key');
  const escrow = keygen('escrow.key');
  keygen('stranger.key');

  it('our file to two recipients opens with `age -d -i` for each, byte for byte', () => {
    const made = cli([
      'encrypt',
      bundle,
      '--recipient',
      working,
      '--recipient',
      escrow,
      '--out',
      at('ours.age'),
    ]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain('宛先: 2件');
    expect(made.stdout).toMatch(/中身の SHA-256: [0-9a-f]{64}/);
    const sealed = readFileSync(at('ours.age'));
    expect(sealed.subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
    expect(sealed.includes(Buffer.from('"format"'))).toBe(false);
    for (const key of ['working.key', 'escrow.key']) {
      run('age', ['-d', '-i', at(key), '-o', at(`ours-${key}.json`), at('ours.age')]);
      expect(readFileSync(at(`ours-${key}.json`)).equals(original)).toBe(true);
    }
  });

  it('a file from `age -r` (binary and armored) opens with ours', () => {
    run('age', ['-r', working, '-o', at('theirs.age'), bundle]);
    run('age', ['-a', '-r', working, '-o', at('theirs.asc'), bundle]);
    for (const name of ['theirs.age', 'theirs.asc']) {
      const out = at(`${name}.json`);
      const opened = cli(['decrypt', at(name), '--identity', at('working.key'), '--out', out]);
      expect(opened.code, opened.stderr).toBe(0);
      expect(readFileSync(out).equals(original)).toBe(true);
    }
  });

  it('passphrase files: ours open with `age -d`, age -p ones with ours', () => {
    const secret = 'kawa-sakura-1192-yama';
    const made = cli(
      ['encrypt', bundle, '--passphrase', '--out', at('pass.age')],
      `${secret}\n${secret}\n`,
    );
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain('別の経路');
    ageAtTerminal(['-d', '-o', at('pass.json'), at('pass.age')], [secret]);
    expect(readFileSync(at('pass.json')).equals(original)).toBe(true);

    ageAtTerminal(['-p', '-o', at('agep.age'), bundle], [secret, secret]);
    expect(readFileSync(at('agep.age'), 'latin1')).toContain('-> scrypt ');
    const opened = cli(
      ['decrypt', at('agep.age'), '--passphrase', '--out', at('agep.json')],
      `${secret}\n`,
    );
    expect(opened.code, opened.stderr).toBe(0);
    expect(readFileSync(at('agep.json')).equals(original)).toBe(true);
  });

  it('an identity file kept under a passphrase (age -p) is asked for and used', () => {
    ageAtTerminal(
      ['-p', '-o', at('working.key.age'), at('working.key')],
      ['key-pass-4821', 'key-pass-4821'],
    );
    const opened = cli(
      ['decrypt', at('ours.age'), '--identity', at('working.key.age'), '--out', at('viaage.json')],
      'key-pass-4821\n',
    );
    expect(opened.code, opened.stderr).toBe(0);
    expect(readFileSync(at('viaage.json')).equals(original)).toBe(true);
  });

  it('refuses with one reason and writes nothing: another recipient, a wrong passphrase, a cut or altered file', () => {
    const cases: [string, string[], string, string][] = [
      ['stranger', ['--identity', at('stranger.key')], '', '別の宛先'],
      ['wrong passphrase', ['--passphrase'], 'not-the-one-9999\n', 'パスフレーズが違います'],
    ];
    for (const [name, args, input, reason] of cases) {
      const file = name === 'stranger' ? at('ours.age') : at('pass.age');
      const out = at(`refused-${name}.json`);
      const result = cli(['decrypt', file, ...args, '--out', out], input);
      expect(result.code, name).toBe(1);
      expect(result.stderr, name).toContain(reason);
      expect(existsSync(out), name).toBe(false);
    }
    const sealed = readFileSync(at('ours.age'));
    writeFileSync(at('cut.age'), sealed.subarray(0, sealed.length - 100));
    const altered = Buffer.from(sealed);
    altered[altered.length - 5]! ^= 1;
    writeFileSync(at('altered.age'), altered);
    for (const name of ['cut.age', 'altered.age']) {
      const result = cli([
        'decrypt',
        at(name),
        '--identity',
        at('working.key'),
        '--out',
        at(`${name}.json`),
      ]);
      expect(result.code, name).toBe(1);
      expect(result.stderr, name).toContain('途中で切れているか、書き換えられています');
      expect(existsSync(at(`${name}.json`)), name).toBe(false);
    }
  });

  it('reads age-keygen key files and derives the same public key as `age-keygen -y`', () => {
    const read = readAgeIdentityFile(readFileSync(at('working.key'), 'utf8'))!;
    expect(recipientOfIdentity(read.keys[0]!)).toBe(working);
    expect(run('age-keygen', ['-y', at('escrow.key')]).trim()).toBe(escrow);
  });

  it('usage errors exit 2: no recipient, a bad recipient, both a key and a passphrase', () => {
    expect(cli(['encrypt', bundle, '--out', at('x.age')]).code).toBe(2);
    const bad = cli(['encrypt', bundle, '--recipient', 'age1nope', '--out', at('x.age')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('age1nope');
    expect(
      cli([
        'decrypt',
        at('ours.age'),
        '--identity',
        at('working.key'),
        '--passphrase',
        '--out',
        at('x'),
      ]).code,
    ).toBe(2);
    expect(cli(['help', 'encrypt']).stdout).toContain('--recipient');
  });
});
