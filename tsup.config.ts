import { readFileSync } from 'node:fs'
import { defineConfig } from 'tsup'

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }

/** The three entry points of the package, built once as ESM and once as CommonJS. */
const library = {
  entry: { index: 'src/index.ts', endpoints: 'src/endpoints/index.ts', messages: 'src/messages/all.ts' },
  target: 'es2020',
  // The declarations are tsc's own, one file per module: scripts/declarations.mjs, run after tsup.
  dts: false,
  sourcemap: true,
  // The builds run at once: `npm run build` empties dist/ first instead.
  clean: false,
  treeshake: true,
  // One file per entry point: each ESM chunk is one more module to resolve, read and link, which
  // cost import() about 3 ms here (bench/module-load.mjs). What the entries share across copies
  // (the ApiError and message brands) goes by registered symbols, not module identity.
  splitting: false,
} as const

export default defineConfig([
  {
    ...library,
    format: ['esm'],
  },
  {
    ...library,
    format: ['cjs'],
    // CommonJS is what require() loads whole, and no bundler tree-shakes it: minified (with source
    // maps) it loads about 30% faster (bench/module-load.mjs). Names stay as written rather than
    // renamed and restored by esbuild's keepNames, a call at load for every function: about 5% off
    // a require side by side. The ESM build is minified after tsup by scripts/minify.mjs, which
    // keeps its /* @__PURE__ */ marks (esbuild's whitespace minifier drops them, and with them the
    // tree-shaking of bundles).
    minifyWhitespace: true,
    minifySyntax: true,
  },
  {
    // The bin: ESM for Node >= 18; its `#!/usr/bin/env node` (first line of src/cli.ts) makes tsup
    // mark it executable. The version is baked in, so the bin needs no package.json at run time,
    // and defining it is also what switches on the entry at the bottom of src/cli.ts.
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node18',
    define: { __EEN_CLI_VERSION__: JSON.stringify(version) },
    clean: false,
  },
])
