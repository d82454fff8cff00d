import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runPrintCli } from '../../scripts/printCli.ts';
import { renderPage } from './pdfHelpers.ts';

// Running `npm run print` in-process (tests/e2e/printCli*.test.ts, and the unit test of its answers
// that need no browser): the CLI's main function in a folder of its own, as if typed there. In the
// e2e run its Chromium is the run's shared one.

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
export const DEMO_KEY = path.join(FIXTURES, 'keys/demo-public.pem');
const DIST = path.resolve(process.env.SONAE_DIST ?? 'dist');

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

/** A folder to run the CLI in, as if `npm run print -- …` were typed there. */
export interface CliFolder {
  dir: string;
  print(argv: string[]): Promise<CliRun>;
  remove(): void;
}

/** `distDir`: the build to print from (SONAE_DIST's, else dist/). */
export function makeCliFolder(distDir = DIST): CliFolder {
  const dir = mkdtempSync(path.join(tmpdir(), 'sonae-print-cli-'));
  return {
    dir,
    async print(argv) {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runPrintCli(argv, {
        cwd: dir,
        env: { SONAE_DIST: distDir },
        log: (line) => out.push(line),
        error: (line) => err.push(line),
      });
      return { code, out, err };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The page count the CLI printed for `file` (「demo/contacts.pdf（2ページ）」). */
export function printedPages(run: CliRun, file: string): number {
  const line = run.out.find((l) => l.includes(`${file}（`));
  return Number(/（(\d+)ページ/.exec(line ?? '')?.[1]);
}

/** Keeps a PNG of a page in SONAE_SCREENSHOTS when set, to look at. */
export function keepPicture(pdf: string, pageNumber: number, name: string): void {
  const dir = process.env.SONAE_SCREENSHOTS;
  if (dir) renderPage(pdf, pageNumber, dir, name);
}
