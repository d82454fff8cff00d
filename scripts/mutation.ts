/**
 * Mutation testing within a time budget (issue 12, item 21; PRODUCT.md, clarifications): runs
 * Stryker (stryker.config.mjs) stage by stage, the merge and bundle-check modules first, then the
 * rest of src/exchange, src/domain and src/db. Each stage keeps its own incremental file under
 * reports/mutation/, so a run re-tests only what changed since the last one, and a stage cut
 * short by the budget never loses the stages before it. A stage starts only while the budget
 * (SONAE_MUTATION_BUDGET_MINUTES, default 45) is not spent; a stage that has started finishes.
 * Prints the mutation score of every file. Not part of `npm test`.
 * Run: `npm run test:mutation` (all stages) or `npm run test:mutation -- priority` (one stage).
 * Options starting with `--` go to Stryker, e.g. `-- priority --force` to re-test every mutant
 * (needed after a test starts or stops loading a module inside a test: incremental results keep
 * a mutant's old static/covered status).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

interface Stage {
  name: string;
  mutate: string[];
}

const PRIORITY = [
  'src/exchange/merge.ts',
  'src/exchange/bundleContents.ts',
  'src/exchange/parseBundle.ts',
  'src/exchange/bundleRecord.ts',
  'src/domain/revision.ts',
  'src/domain/conflictResolution.ts',
];
const notPriority = PRIORITY.map((file) => `!${file}`);

const stages: Stage[] = [
  { name: 'priority', mutate: PRIORITY },
  { name: 'exchange', mutate: ['src/exchange/**/*.ts', ...notPriority] },
  { name: 'domain', mutate: ['src/domain/**/*.ts', ...notPriority] },
  { name: 'db', mutate: ['src/db/**/*.ts'] },
];

const budgetMinutes = Number(process.env.SONAE_MUTATION_BUDGET_MINUTES ?? 45);
const incrementalFile = (stage: Stage) => `reports/mutation/${stage.name}.incremental.json`;

function runStage(stage: Stage, extra: readonly string[]): boolean {
  const args = [
    'stryker',
    'run',
    'stryker.config.mjs',
    '--mutate',
    stage.mutate.join(','),
    '--incrementalFile',
    incrementalFile(stage),
    '--tempDirName',
    `.stryker-tmp/${stage.name}`,
    ...extra,
  ];
  console.log(`\n== ${stage.name}: ${stage.mutate.join(' ')}`);
  const result = spawnSync('npx', args, { stdio: 'inherit' });
  return result.status === 0;
}

interface MutantResult {
  status: string;
}
interface Report {
  files: Record<string, { mutants: MutantResult[] }>;
}

/** Stryker's score: detected (killed, timed out) over every valid mutant, untested included. */
function scoreOf(mutants: readonly MutantResult[]) {
  const count = (...statuses: string[]) =>
    mutants.filter((m) => statuses.includes(m.status)).length;
  const detected = count('Killed', 'Timeout');
  const valid = mutants.length - count('CompileError', 'RuntimeError', 'Ignored');
  return { detected, valid, score: valid ? (100 * detected) / valid : 100 };
}

function printScores(ran: readonly Stage[]) {
  console.log('\nfile                                       score   detected/valid');
  let detected = 0;
  let valid = 0;
  for (const stage of ran) {
    if (!existsSync(incrementalFile(stage))) continue;
    const report = JSON.parse(readFileSync(incrementalFile(stage), 'utf8')) as Report;
    for (const [file, { mutants }] of Object.entries(report.files).sort()) {
      const s = scoreOf(mutants);
      detected += s.detected;
      valid += s.valid;
      console.log(
        `${file.padEnd(42)} ${s.score.toFixed(1).padStart(5)}%  ${s.detected}/${s.valid}`,
      );
    }
  }
  if (valid) console.log(`${'total'.padEnd(42)} ${((100 * detected) / valid).toFixed(1)}%`);
}

async function main() {
  const args = process.argv.slice(2);
  const only = args.find((arg) => !arg.startsWith('--'));
  const extra = args.filter((arg) => arg.startsWith('--'));
  const chosen = only ? stages.filter((s) => s.name === only) : stages;
  if (chosen.length === 0) throw new Error(`unknown stage ${only}`);
  const started = Date.now();
  const ran: Stage[] = [];
  let ok = true;
  for (const stage of chosen) {
    const spent = (Date.now() - started) / 60_000;
    if (ran.length > 0 && spent >= budgetMinutes) {
      console.log(`\n${stage.name}: skipped, the budget of ${budgetMinutes} min is spent`);
      continue;
    }
    ok = runStage(stage, extra) && ok;
    ran.push(stage);
  }
  printScores(ran);
  console.log(`\n${((Date.now() - started) / 60_000).toFixed(1)} min`);
  if (!ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
