// `npm run print`: every paper document of a municipality as PDF (and the binder's read-only HTML
// copy) in one go, through the app's own print layouts in headless Chromium. scripts/print.ts runs
// this; the e2e test calls runPrintCli in-process (its Chromium is then the e2e run's shared one).

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { incidentSheetPath, outageKitPath } from '../src/print/printOptions.ts';
import { contactListPrintPath, incidentReportPath } from '../src/print/reportPaths.ts';
import { escapeTerminalOutput } from '../src/exchange/safeText.ts';
import { outageKitFileNames, parsePrintArgs, PRINT_USAGE, type PrintOptions } from './printArgs.ts';
import { municipalityOfIssuer, verifyBundleFile } from './printBundle.ts';
import { writeBinderHtml, writeBinderPdf } from './printBinder.ts';
import { openPrintRoute, savePagePdf } from './printDocuments.ts';
import { PrintFailure } from './printFailure.ts';
import { kitSystems, latestIncident, type Printables } from './printPlan.ts';
import {
  importThroughExchange,
  loadDemoThroughFirstRun,
  openPrintSession,
  readPrintables,
  requireBuiltApp,
  type PrintSession,
} from './printSession.ts';

export interface PrintCliIo {
  /** Where relative paths start: the folder the person ran the command in. */
  cwd: string;
  env: Record<string, string | undefined>;
  log(line: string): void;
  error(line: string): void;
}

/** Exit codes: 0 every file written, 1 a refusal or a failed document, 2 a usage mistake. */
export type PrintExitCode = 0 | 1 | 2;

const projectRoot = path.resolve(import.meta.dirname, '..');

export const PERSONAL_DATA_NOTICE =
  '書き出す PDF と HTML には、連絡先の氏名・電話番号などの個人情報が含まれます。暗号化されず、そのまま開ける形で保存されます。保存先と持ち出しは、所属の情報セキュリティのルールに従ってください。';

/** One file to write: its name and how, returning what to say after the name. */
interface Job {
  file: string;
  write(target: string): Promise<string>;
}

/** A route of the app's print layouts, shown without opening the print dialog. */
const shownOnly = (route: string) => `${route}${route.includes('?') ? '&' : '?'}auto=0`;

function pdfJob(session: PrintSession, file: string, route: string): Job {
  return {
    file,
    async write(target) {
      await openPrintRoute(session, shownOnly(route));
      return `${await savePagePdf(session, target)}ページ`;
    },
  };
}

/** The documents to write, and a sentence for each one left out on purpose. */
function planJobs(
  session: PrintSession,
  printables: Printables,
  options: PrintOptions,
): { jobs: Job[]; skipped: string[] } {
  const systems = kitSystems(printables, options.system);
  const kitNames = outageKitFileNames(systems);
  const latest = latestIncident(printables.incidents);
  // As on 代替手順, which offers the binder only once there is a procedure to put in it.
  const hasProcedures = printables.procedures.length > 0;
  const jobs: Job[] = [
    ...systems.map((system, i) =>
      pdfJob(session, kitNames[i]!, outageKitPath(system.id, { sheets: options.sheets })),
    ),
    // A blank sheet alone is at least one sheet (the route's own minimum).
    pdfJob(session, 'incident-sheet.pdf', incidentSheetPath(Math.max(1, options.sheets))),
    ...(latest ? [pdfJob(session, 'incident-report.pdf', incidentReportPath(latest.id))] : []),
    pdfJob(session, 'contacts.pdf', contactListPrintPath()),
  ];
  if (hasProcedures)
    jobs.push(
      {
        file: 'binder.pdf',
        async write(target) {
          const { pages, note } = await writeBinderPdf(session, target);
          return note ? `${pages}ページ・${note}` : `${pages}ページ`;
        },
      },
      {
        file: 'binder.html',
        write: async (target) => `${Math.ceil((await writeBinderHtml(session, target)) / 1024)} KB`,
      },
    );
  const skipped = [
    ...(systems.length ? [] : ['代替手順のあるシステムがないため、障害時キットは作りません。']),
    ...(latest ? [] : ['障害記録がないため、障害報告書（incident-report.pdf）は作りません。']),
    ...(hasProcedures
      ? []
      : ['代替手順がないため、緊急時バインダー（binder.pdf・binder.html）は作りません。']),
  ];
  return { jobs, skipped };
}

/** Loads the data, then writes each document; a failed one is reported and the rest go on. */
async function printAll(
  session: PrintSession,
  options: PrintOptions,
  io: PrintCliIo,
  load: () => Promise<void>,
): Promise<{ written: number; failed: number }> {
  await load();
  const printables = await readPrintables(session);
  const { jobs, skipped } = planJobs(session, printables, options);
  for (const line of skipped) io.log(line);
  let written = 0;
  let failed = 0;
  for (const job of jobs) {
    const target = path.join(options.outDir, job.file);
    const shown = path.relative(io.cwd, target) || target;
    try {
      io.log(`${shown}（${await job.write(target)}）`);
      written += 1;
    } catch (error) {
      failed += 1;
      const reason = error instanceof PrintFailure ? error.message : describeUnexpected(error);
      io.error(`作れませんでした: ${job.file} — ${reason}`);
    }
  }
  return { written, failed };
}

function describeUnexpected(error: unknown): string {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `予期しないエラーが発生しました（${detail.split('\n')[0]!.slice(0, 300)}）`;
}

/** Runs `npm run print -- …` and returns the exit code; prints through `io`, never throws. */
export async function runPrintCli(argv: readonly string[], io: PrintCliIo): Promise<PrintExitCode> {
  const started = performance.now();
  // Text from a bundle (names, labels) reaches the terminal escaped, as `npm run bundle` does.
  const out: PrintCliIo = {
    ...io,
    log: (line) => io.log(escapeTerminalOutput(line)),
    error: (line) => io.error(escapeTerminalOutput(line)),
  };
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} 秒`;
  const args = parsePrintArgs(argv, io.cwd);
  if (args.kind === 'help') {
    out.log(PRINT_USAGE);
    return 0;
  }
  if (args.kind === 'error') {
    out.error(args.message);
    return 2;
  }
  const { options } = args;
  const distDir = io.env.SONAE_DIST
    ? path.resolve(io.cwd, io.env.SONAE_DIST)
    : path.join(projectRoot, 'dist');
  let session: PrintSession | null = null;
  try {
    requireBuiltApp(distDir);
    // The file is verified before any browser starts: a refused file renders nothing.
    const verified =
      options.source.kind === 'bundle'
        ? await verifyBundleFile(options.source.file, options.source.trust, distDir)
        : null;
    await mkdir(options.outDir, { recursive: true }).catch(() => {
      throw new PrintFailure(`書き出し先のフォルダを作れません: ${options.outDir}`);
    });
    // PRODUCT.md decision 4: a file that opens as it is says so before it is written.
    out.log(PERSONAL_DATA_NOTICE);
    session = await openPrintSession(distDir);
    const opened = session;
    const { written, failed } = await printAll(opened, options, out, async () => {
      if (!verified) return loadDemoThroughFirstRun(opened);
      out.log(
        `署名を確認しました: 「${verified.bundle.issuer.label}」のファイル、信頼する鍵「${verified.signerLabel}」（指紋 ${verified.fingerprint}）`,
      );
      const municipality = options.municipality ?? municipalityOfIssuer(verified.bundle.issuer);
      out.log(await importThroughExchange(opened, verified, municipality));
    });
    out.log(`${written}個のファイルを書き出しました（合計 ${elapsed()}）。`);
    if (failed) out.error(`${failed}個のファイルは作れませんでした。`);
    return failed ? 1 : 0;
  } catch (error) {
    out.error(error instanceof PrintFailure ? error.message : describeUnexpected(error));
    if (io.env.SONAE_DEBUG && !(error instanceof PrintFailure)) console.error(error);
    return 1;
  } finally {
    await session?.close();
  }
}
