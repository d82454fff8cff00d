// Mutation testing (issue 12, item 21): `npm run test:mutation` (scripts/mutation.ts) runs Stryker
// with this config, one stage at a time, the merge and bundle-check modules first, each stage with
// its own incremental file, so a later run re-tests only mutants in changed code or covered by
// changed tests. Not part of `npm test`: a full run takes many minutes (docs/architecture.md).
// The stage passes --mutate, --testFiles and --incrementalFile on the command line; the values
// below are the whole scope, for a plain `npx stryker run`.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vite.config.ts' },
  mutate: ['src/domain/**/*.ts', 'src/exchange/**/*.ts', 'src/db/**/*.ts'],
  // The unit tests of these folders. Component and e2e tests are slow and add little here; the
  // CLI tests run the code in a child process, where Stryker can neither see coverage nor switch
  // mutants, so they would only slow every run down.
  testFiles: [
    'tests/unit/domain/**/*.test.ts',
    'tests/unit/db/**/*.test.ts',
    'tests/unit/exchange/!(bundleCli).test.ts',
  ],
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants) rerun the whole suite per mutant: not worth the time.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  // The time budget per mutant: a mutant that loops is cut off, counted as detected (timeout).
  timeoutMS: 10000,
  timeoutFactor: 2,
  dryRunTimeoutMinutes: 10,
  concurrency: '50%',
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false },
  ignorePatterns: ['dist', 'release', 'coverage', 'reports', 'tests/e2e', '*.log'],
  tempDirName: '.stryker-tmp',
  thresholds: { high: 80, low: 60, break: null },
};

export default config;
