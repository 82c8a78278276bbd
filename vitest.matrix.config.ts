// The support matrix (npm run test:matrix, run by CI after npm test): the packed package in other
// Node versions, Bun, Deno, workerd and Chromium, with several TypeScript versions, package checks,
// and a fresh clone running `npm run demo`. It needs the runtimes that scripts/matrix-runtimes.mjs
// installs and Debian's Chromium, so `npm test` leaves it out (vitest.config.ts).
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/matrix/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 20_000,
    // The fresh clone mostly waits on npm and the disk: let it overlap the compiler cells.
    maxWorkers: 2,
    typecheck: { enabled: false },
    coverage: { enabled: false },
  },
})
