// The tests Stryker runs for every mutant (npm run mutation): the unit, property and fault tests of
// src/. Left out: the support matrix (test/matrix, with the consumers of the packed package), the
// demo, the README, size and package-page checks, the tests of the maintenance scripts, and the type
// tests: they test the package, its docs and its tooling rather than the behaviour of src/, and
// take most of the time.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [
      'test/matrix/**',
      'test/consumers/**',
      'test/scripts/**',
      'test/demo.test.ts',
      'test/readme.test.ts',
      'test/readme-code.test.ts',
      'test/readme-run.test.ts',
      'test/**/size.test.ts',
      'test/package-page.test.ts',
      // Loads the built dist/ files, not src/.
      'test/messages/copies.test.ts',
      // Type tests: they compile snippets and the built declarations with the compiler's API.
      'test/compiler-options.test.ts',
      '**/node_modules/**',
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
