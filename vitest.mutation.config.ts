// The tests Stryker runs for every mutant (npm run mutation): the unit tests of src/ only. Left out:
// the support matrix, the demo, the README and size checks, and the type tests, which test the
// package and its docs rather than the behaviour of src/, and take most of the time.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: [
      'test/table.test.ts',
      'test/status.test.ts',
      'test/headers.test.ts',
      'test/response.test.ts',
      'test/from-client.test.ts',
      'test/redact.test.ts',
      'test/api-error*.test.ts',
      'test/operation.test.ts',
      'test/messages/*.test.ts',
      'test/cli.test.ts',
      'test/cli/*.test.ts',
      'test/endpoints/*.test.ts',
      'test/properties.test.ts',
      'test/faults.test.ts',
      'test/*.mutants.test.ts',
    ],
    globalSetup: ['test/fixtures/mutation-setup.ts'],
    // The property tests draw the same cases for every mutant, so that a kill is repeatable.
    setupFiles: ['test/setup.ts'],
    env: { FC_SEED: process.env.FC_SEED ?? '20261125' },
    testTimeout: 20_000,
    typecheck: { enabled: false },
    coverage: { enabled: false },
  },
})
