/**
 * Every paper document as PDF, through the app's own print layouts in headless Chromium:
 *   npm run print -- --demo --out DIR
 *   npm run print -- --bundle FILE.sonae.json --trust PUBLIC.pem --out DIR [--system NAME]
 * (`npm run print -- --help` for the rest). `npm run print` builds dist/ first; SONAE_DIST=<dir>
 * with `npx tsx scripts/print.ts …` prints from another build. Staff guide: docs/printing.md.
 */
import { runPrintCli } from './printCli.ts';

// npm runs scripts from the project root; INIT_CWD is where the person typed the command.
runPrintCli(process.argv.slice(2), {
  cwd: process.env.INIT_CWD ?? process.cwd(),
  env: process.env,
  log: (line) => console.log(line),
  error: (line) => console.error(line),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // runPrintCli reports its own failures; this is a last resort, still one line.
    console.error(`予期しないエラーが発生しました（${String(error).split('\n')[0]}）`);
    process.exitCode = 1;
  },
);
