// @vitest-environment node
// `npm run print`'s command line and the names of the files it writes (scripts/printArgs.ts).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  outageKitFileNames,
  parsePrintArgs,
  PRINT_USAGE,
  safeFileNamePart,
  type PrintArgs,
} from '../../../scripts/printArgs.ts';

const HOME = '/home/jouhou/作業';

function run(argv: string[]) {
  const parsed = parsePrintArgs(argv, HOME);
  if (parsed.kind !== 'run') throw new Error(`expected a run: ${JSON.stringify(parsed)}`);
  return parsed.options;
}

function refusal(argv: string[]): string {
  const parsed: PrintArgs = parsePrintArgs(argv, HOME);
  if (parsed.kind !== 'error') throw new Error(`expected a refusal: ${JSON.stringify(parsed)}`);
  // One line of Japanese, pointing at the help.
  expect(parsed.message).not.toContain('\n');
  expect(parsed.message).toContain('npm run print -- --help');
  return parsed.message;
}

describe('parsePrintArgs', () => {
  it('reads --demo --out, resolving the folder from where the command was typed', () => {
    expect(run(['--demo', '--out', 'paper'])).toEqual({
      source: { kind: 'demo' },
      outDir: path.join(HOME, 'paper'),
      system: null,
      sheets: 5,
      municipality: null,
    });
    expect(run(['--out=/tmp/x', '--demo']).outDir).toBe('/tmp/x');
  });

  it('reads --bundle with its --trust keys, --system, --sheets and --municipality', () => {
    expect(
      run([
        '--bundle',
        '../受け取り/sonae_架空市.sonae.json',
        '--trust',
        'keys/it.pem',
        '--trust',
        '/keys/other.pem',
        '--out',
        'out',
        '--system',
        ' 住民記録システム ',
        '--sheets',
        '0',
        '--municipality',
        '架空町',
      ]),
    ).toEqual({
      source: {
        kind: 'bundle',
        file: '/home/jouhou/受け取り/sonae_架空市.sonae.json',
        trust: [path.join(HOME, 'keys/it.pem'), '/keys/other.pem'],
      },
      outDir: path.join(HOME, 'out'),
      system: '住民記録システム',
      sheets: 0,
      municipality: '架空町',
    });
  });

  it('answers help, --help and -h with the Japanese usage', () => {
    for (const argv of [['help'], ['--help'], ['-h'], ['--demo', '-h']])
      expect(parsePrintArgs(argv, HOME)).toEqual({ kind: 'help' });
    expect(PRINT_USAGE).toContain('使い方');
    for (const file of ['incident-sheet.pdf', 'contacts.pdf', 'binder.pdf', 'binder.html'])
      expect(PRINT_USAGE).toContain(file);
  });

  it('refuses unknown options and stray arguments in one Japanese line', () => {
    expect(refusal(['--demo', '--out', 'x', '--colour'])).toContain(
      '不明なオプションです: --colour',
    );
    expect(refusal(['--demo', '--out', 'x', '-x'])).toContain('不明なオプションです: -x');
    expect(refusal(['--demo', '--out', 'x', '--sytem=税務'])).toContain('--sytem');
    expect(refusal(['--demo', '--out', 'x', 'binder'])).toContain('余分な引数があります: binder');
  });

  it('refuses a missing or doubled source, a missing folder and a value taken from the next option', () => {
    expect(refusal(['--out', 'x'])).toContain('--demo か --bundle');
    expect(refusal(['--demo', '--bundle', 'f.json', '--out', 'x'])).toContain('どちらか一方');
    expect(refusal(['--demo'])).toContain('--out');
    expect(refusal(['--demo', '--out'])).toContain('--out の後に値を指定してください');
    // Not a folder named 「--demo」.
    expect(refusal(['--out', '--demo'])).toContain('--out の後に値を指定してください');
    expect(refusal(['--demo', '--out', 'a', '--out', 'b'])).toContain('2回指定されています');
    expect(refusal(['--demo=yes', '--out', 'a'])).toContain('--demo には値を付けません');
  });

  it('refuses options that do not fit the source, and bad counts', () => {
    expect(refusal(['--demo', '--out', 'x', '--trust', 'k.pem'])).toContain('--bundle と一緒に');
    expect(refusal(['--demo', '--out', 'x', '--municipality', '架空町'])).toContain(
      '--bundle と一緒に',
    );
    for (const sheets of ['21', '-1', '2.5', 'five', ''])
      expect(refusal(['--demo', '--out', 'x', `--sheets=${sheets}`])).toContain('0〜20');
    expect(refusal(['--demo', '--out', 'x', '--system', '  '])).toContain('システム名を');
  });
});

describe('safeFileNamePart', () => {
  it('keeps Japanese names as they are', () => {
    expect(safeFileNamePart('住民記録システム', 'x')).toBe('住民記録システム');
    expect(safeFileNamePart('庁内LAN・LGWAN接続', 'x')).toBe('庁内LAN・LGWAN接続');
  });

  it('replaces what Windows, a USB stick or a terminal cannot take', () => {
    expect(safeFileNamePart('税務/収納:2024?', 'x')).toBe('税務_収納_2024');
    expect(safeFileNamePart('a<b>c"d|e*f\\g', 'x')).toBe('a_b_c_d_e_f_g');
    expect(safeFileNamePart('福祉 総合　システム', 'x')).toBe('福祉_総合_システム');
    expect(safeFileNamePart('名前\u0007\u202eトフイ', 'x')).toBe('名前__トフイ');
    expect(safeFileNamePart('..\\..\\etc', 'x')).toBe('etc');
  });

  it('falls back when nothing is left or the name is a Windows device', () => {
    expect(safeFileNamePart('///', 'system-3')).toBe('system-3');
    expect(safeFileNamePart('...', 'system-3')).toBe('system-3');
    expect(safeFileNamePart('CON', 'system-1')).toBe('system-1');
    expect(safeFileNamePart('lpt1', 'system-1')).toBe('system-1');
  });

  it('cuts a long name to 60 characters, so the file name stays under 255 bytes', () => {
    const name = safeFileNamePart('あ'.repeat(200), 'x');
    expect([...name]).toHaveLength(60);
    expect(Buffer.byteLength(`outage-kit-${name}.pdf`)).toBeLessThan(255);
  });

  it('composes decomposed kana (a name typed on a Mac) into one spelling', () => {
    expect(safeFileNamePart('カ\u3099イ', 'x')).toBe('ガイ');
  });
});

describe('outageKitFileNames', () => {
  it('names one kit per system and never lets two collide', () => {
    expect(
      outageKitFileNames([
        { id: '1', name: '住民記録システム' },
        { id: '2', name: '税務/収納' },
        { id: '3', name: '税務_収納' },
        { id: '4', name: '税務:収納' },
        { id: '5', name: 'lan' },
        { id: '6', name: 'LAN' },
        { id: '7', name: '***' },
      ]),
    ).toEqual([
      'outage-kit-住民記録システム.pdf',
      'outage-kit-税務_収納.pdf',
      'outage-kit-税務_収納-2.pdf',
      'outage-kit-税務_収納-3.pdf',
      'outage-kit-lan.pdf',
      'outage-kit-LAN-2.pdf',
      'outage-kit-system-7.pdf',
    ]);
  });
});
