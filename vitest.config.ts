import { configDefaults, defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The support matrix needs downloaded runtimes and a browser: `npm run test:matrix` (vitest.matrix.config.ts).
    exclude: [...configDefaults.exclude, 'test/matrix/**'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 20_000,
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      checker: './node_modules/typescript/bin/tsc',
      tsconfig: './tsconfig.json',
    },
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 100, branches: 100, functions: 100, statements: 100 },
    },
  },
})
