import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isA4Portrait, isBlankSheet, pagesOf, squeeze } from './pdfHelpers.ts';
import { DEMO_KEY, FIXTURES, makeCliFolder, type CliFolder } from './printCliRun.ts';

// `npm run print -- --bundle FILE` end to end: the signed fixture verified in Node, imported
// through the app's first run and データ交換 (trusting its signer by fingerprint), printed; then a
// file with nothing to print but sheets and contacts; then a tampered copy, refused before any
// browser starts. The other refusals and the usage: tests/unit/scripts/printCliMain.test.ts.

const DEMO_BUNDLE = path.join(FIXTURES, 'bundles/demo.sonae.json');

let cli: CliFolder;
let work: string;
const print = (argv: string[]) => cli.print(argv);

beforeAll(() => {
  cli = makeCliFolder();
  work = cli.dir;
});

afterAll(() => cli?.remove());

describe('npm run print -- --bundle', () => {
  it('verifies the signed file, imports it through データ交換 and prints from it', async () => {
    const run = await print([
      '--bundle',
      path.relative(work, DEMO_BUNDLE),
      '--trust',
      DEMO_KEY,
      '--out',
      'from-bundle',
      '--sheets',
      '2',
    ]);
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.out.some((l) => l.startsWith('署名を確認しました: 「架空市 情報政策課'))).toBe(true);
    expect(run.out.some((l) => /「demo\.sonae\.json」を取り込みました: 新規 \d+件/.test(l))).toBe(
      true,
    );
    const folder = path.join(work, 'from-bundle');
    expect(readdirSync(folder).sort()).toEqual(
      [
        'binder.html',
        'binder.pdf',
        'contacts.pdf',
        'incident-report.pdf',
        'incident-sheet.pdf',
        'outage-kit-住民記録システム.pdf',
      ].sort(),
    );
    const kit = pagesOf(path.join(folder, 'outage-kit-住民記録システム.pdf'));
    // The municipality comes from the file's issuer; --sheets 2 reaches the kit and the sheets.
    expect(kit[0]).toContain('架空市');
    expect(kit.join('\n')).toContain('住民票交付の代替手順');
    expect(kit.filter(isBlankSheet)).toHaveLength(2);
    expect(pagesOf(path.join(folder, 'incident-sheet.pdf'))).toHaveLength(2);
    const report = pagesOf(path.join(folder, 'incident-report.pdf')).join('\n');
    expect(squeeze(report)).toContain('住民票が印刷できない');
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.pdf')))
      expect(isA4Portrait(path.join(folder, name)), name).toBe(true);
  }, 120_000);

  it('says which documents a file without systems, incidents or procedures leaves out', async () => {
    // The worked example holds one incident level and nothing else.
    const run = await print([
      '--bundle',
      path.join(FIXTURES, 'bundles/example.sonae.json'),
      '--trust',
      DEMO_KEY,
      '--out',
      'example',
    ]);
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    for (const line of [
      '代替手順のあるシステムがないため、障害時キットは作りません。',
      '障害記録がないため、障害報告書（incident-report.pdf）は作りません。',
      '代替手順がないため、緊急時バインダー（binder.pdf・binder.html）は作りません。',
    ])
      expect(run.out).toContain(line);
    expect(readdirSync(path.join(work, 'example')).sort()).toEqual([
      'contacts.pdf',
      'incident-sheet.pdf',
    ]);
    // The imported level reaches the sheet's tick boxes.
    expect(pagesOf(path.join(work, 'example/incident-sheet.pdf'))[0]).toMatch(/☐\s*2\s*重大/);
  }, 120_000);

  it('refuses a tampered copy with the reason, exit 1, and writes nothing', async () => {
    const tampered = path.join(work, 'tampered-copy.sonae.json');
    const text = readFileSync(DEMO_BUNDLE, 'utf8');
    expect(text).toContain('住民票が印刷できない');
    writeFileSync(tampered, text.replace('住民票が印刷できない', '住民票が印刷できる'));
    const run = await print(['--bundle', tampered, '--trust', DEMO_KEY, '--out', 'tampered']);
    expect(run.code).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toContain('取り込めません: tampered-copy.sonae.json');
    expect(run.err[0]).toContain('署名が一致しません');
    expect(existsSync(path.join(work, 'tampered'))).toBe(false);
  });
});
