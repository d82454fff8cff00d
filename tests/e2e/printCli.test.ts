import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { outageKitFileNames } from '../../scripts/printArgs.ts';
import { kitSystems, latestIncident } from '../../scripts/printPlan.ts';
import { buildDemoData, DEMO_AUTHOR_ID } from '../../src/demo/demoMunicipality.ts';
import { isA4Portrait, isBlankSheet, pagesOf, squeeze } from './pdfHelpers.ts';
import {
  keepPicture,
  makeCliFolder,
  printedPages,
  type CliFolder,
  type CliRun,
} from './printCliRun.ts';

// `npm run print -- --demo` end to end: the CLI's main function in-process against the built app,
// into a folder named relative to where it was run; every file read back with poppler as a person
// reads paper. The --bundle side: printCliBundle.test.ts.

let cli: CliFolder;

beforeAll(() => {
  cli = makeCliFolder();
});

afterAll(() => cli?.remove());

describe('npm run print -- --demo --out demo', () => {
  let run: CliRun;
  const folder = () => path.join(cli.dir, 'demo');
  const file = (name: string) => path.join(folder(), name);
  const demo = buildDemoData(DEMO_AUTHOR_ID);
  const kits = kitSystems(
    { systems: demo.system, procedures: demo.procedure, incidents: demo.incident },
    null,
  );
  const kitFiles = outageKitFileNames(kits);

  beforeAll(async () => {
    run = await cli.print(['--demo', '--out', 'demo']);
  }, 240_000);

  it('writes every document into the folder named relative to where it was run', () => {
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    expect(readdirSync(folder()).sort()).toEqual(
      [
        ...kitFiles,
        'incident-sheet.pdf',
        'incident-report.pdf',
        'contacts.pdf',
        'binder.pdf',
        'binder.html',
      ].sort(),
    );
    expect(kitFiles).toContain('outage-kit-住民記録システム.pdf');
    expect(kitFiles).not.toContain('outage-kit-窓口受付・番号案内システム.pdf');
  });

  it('says first that the files hold personal data, then one line per file, then the time', () => {
    expect(run.out[0]).toContain('個人情報が含まれます');
    for (const name of [...kitFiles, 'incident-sheet.pdf', 'contacts.pdf', 'binder.pdf'])
      expect(run.out.filter((l) => l.startsWith(`demo/${name}（`))).toHaveLength(1);
    expect(run.out.some((l) => /^demo\/binder\.html（\d+ KB）$/.test(l))).toBe(true);
    expect(run.out.at(-1)).toMatch(
      new RegExp(`^${kitFiles.length + 5}個のファイルを書き出しました（合計 [\\d.]+ 秒）。$`),
    );
  });

  it('writes A4 portrait PDFs whose page counts are the ones it printed', () => {
    for (const name of readdirSync(folder()).filter((n) => n.endsWith('.pdf'))) {
      const pdf = file(name);
      expect(isA4Portrait(pdf), name).toBe(true);
      expect(pagesOf(pdf).length, name).toBe(printedPages(run, name));
      keepPicture(pdf, 1, `print-cli-${name.replace(/\.pdf$/, '')}`);
    }
  });

  it('prints each system’s kit: procedure from 初動, contacts, levels, the poster and 5 sheets', () => {
    const pages = pagesOf(file('outage-kit-住民記録システム.pdf'));
    expect(pages[0]).toContain('架空市');
    expect(squeeze(pages[0]!)).toContain('住民記録システム障害時キット');
    expect(pages[0]).toMatch(/印刷日時：\s*令和\d+年\d+月\d+日（20\d\d年）/);
    const all = pages.join('\n');
    for (const text of ['初動', '代替', '復旧', '連絡先', '障害レベルの目安', 'お知らせ'])
      expect(squeeze(all)).toContain(text);
    expect(pages.filter(isBlankSheet)).toHaveLength(5);
    const tax = pagesOf(file('outage-kit-税務システム.pdf'));
    expect(squeeze(tax[0]!)).toContain('税務システム障害時キット');
  });

  it('prints blank incident sheets, the newest incident’s report and the contact list', () => {
    const sheets = pagesOf(file('incident-sheet.pdf'));
    expect(sheets).toHaveLength(5);
    expect(sheets.every(isBlankSheet)).toBe(true);
    for (const field of [
      '発生日時',
      '端末・場所',
      '画面',
      '操作内容',
      'エラーメッセージ',
      '影響範囲',
    ])
      expect(sheets[0]).toContain(field);

    const report = pagesOf(file('incident-report.pdf')).join('\n');
    expect(squeeze(report)).toContain('障害報告書');
    expect(squeeze(report)).toContain(squeeze(latestIncident(demo.incident)!.title));

    const contacts = pagesOf(file('contacts.pdf')).join('\n');
    expect(squeeze(contacts)).toContain('緊急連絡先一覧');
    expect(contacts).toContain('0120-000-111');
  });

  it('prints the binder with the page of every chapter in its table of contents', () => {
    const pages = pagesOf(file('binder.pdf'));
    expect(squeeze(pages[0]!)).toContain('緊急時バインダー');
    const tocPage = pages.findIndex((p) => p.trimStart().startsWith('目次'));
    expect(tocPage).toBeGreaterThanOrEqual(0);
    const chapters = pages.flatMap((text, i) =>
      [...text.matchAll(/^\s*第(\d+)章\s+(\S+)/gm)].map((m) => ({ name: m[2]!, page: i + 1 })),
    );
    expect(chapters.length).toBeGreaterThan(kits.length);
    const toc = pages[tocPage]!.split('\n');
    for (const chapter of chapters) {
      const name = chapter.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const line = toc.find((l) => new RegExp(`^\\s*\\d+\\s+${name}(\\s|$)`).test(l));
      expect(line, chapter.name).toBeDefined();
      expect(line!.trim().endsWith(` ${chapter.page}`), `${chapter.name}: ${line}`).toBe(true);
    }
    keepPicture(file('binder.pdf'), tocPage + 1, 'print-cli-binder-toc');
  });

  it('saves the read-only binder copy as one HTML file with no script', () => {
    const html = readFileSync(file('binder.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('架空市');
    expect(html).toContain('住民記録システム');
    expect(html).not.toMatch(/<script/i);
  });
});
