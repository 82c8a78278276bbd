// Mutation testing (npm run mutation): Stryker mutates every module of src/ (index.ts is re-exports
// only; the generated endpoint catalog is data) and runs the unit tests of vitest.mutation.config.ts
// against each mutant. MUTATION.md holds the score, the run time, and every surviving mutant with
// the reason it is equivalent.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  // The endpoint catalog is generated data (scripts/endpoints.mjs): its strings are the docs' words.
  mutate: ['src/**/*.ts', '!src/endpoints/catalog.ts', '!src/endpoints/routes.ts'],
  coverageAnalysis: 'perTest',
  // A 2-core machine.
  concurrency: 2,
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: 90 },
  tempDirName: '.stryker-tmp',
}
