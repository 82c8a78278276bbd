// Writes the type declarations of the package's three entry points (run by `npm run build`, after
// tsup): tsc's own, one file per module under dist/types/, and a CommonJS twin of each (`.d.cts`,
// whose relative imports name `.cjs`) for consumers that `require()` the package.
//
// One file per module, not a bundle: a bundled declaration puts the types two entries share in a
// chunk under a mangled name, which TypeScript 5.0 cannot name in a consumer's own declarations
// (`export const e = new ApiError(402)` with `declaration: true` failed with TS2742). Here every
// type has one declaration, which each entry re-exports by its own name.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const out = join(root, 'dist/types')
const tsc = join(root, 'node_modules/typescript/bin/tsc')
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' })

/** `from './x.js'` and `import('./x.js')` to `.cjs`: in a `.d.cts`, they then resolve to `./x.d.cts`. */
const RELATIVE = /(\bfrom\s*|\bimport\s*\(\s*)(['"])(\.{1,2}\/[^'"]*)\.js\2/g
for (const file of readdirSync(out, { recursive: true })) {
  if (!file.endsWith('.d.ts')) continue
  const text = readFileSync(join(out, file), 'utf8')
  writeFileSync(join(out, file.replace(/\.d\.ts$/, '.d.cts')), text.replace(RELATIVE, '$1$2$3.cjs$2'))
}
