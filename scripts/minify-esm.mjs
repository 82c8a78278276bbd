// Minifies the ES module build of each entry point after tsup (run by `npm run build`).
//
// Why: import() of the package compiles what it reads, and the unminified build made
// `import('een-api-errors')` cost 1.09-1.14x importing statuses; minified, it is under 1.0x
// (bench/module-load.mjs). Why not esbuild, as for the CommonJS build: its whitespace minifier drops
// the /* @__PURE__ */ marks that let a bundler drop what a describe-only bundle never reaches.
// Rolldown keeps them. Local names are shortened, the names of functions and classes kept (loggers
// print err.constructor.name); nothing is rewritten beyond that (no compression). The source maps
// still lead to src/: rolldown's map (minified -> tsup's output) is chained onto tsup's (-> src).
import { readFileSync, writeFileSync } from 'node:fs'
import remapping from '@jridgewell/remapping'
import { build } from 'rolldown'

const ENTRIES = ['index', 'endpoints', 'messages']

for (const entry of ENTRIES) {
  const file = `dist/${entry}.js`
  const tsupMap = JSON.parse(readFileSync(`${file}.map`, 'utf8'))
  const { output } = await build({
    input: file,
    // The file is one bundle already: nothing to resolve, nothing to drop.
    treeshake: false,
    logLevel: 'warn',
    write: false,
    output: {
      file,
      format: 'esm',
      sourcemap: true,
      minify: { compress: false, mangle: { keepNames: true }, codegen: { removeWhitespace: true } },
      comments: { annotation: true, legal: false, jsdoc: false },
    },
  })
  const chunks = output.filter((o) => o.type === 'chunk')
  if (chunks.length !== 1) throw new Error(`${file}: expected one chunk, got ${chunks.length}`)
  const [{ code, map }] = chunks
  const marks = (text) => text.match(/@__PURE__/g)?.length ?? 0
  const before = readFileSync(file, 'utf8')
  // A mark lost is a bundle that keeps what it never reaches: fail the build rather than ship it.
  if (marks(code) < marks(before)) throw new Error(`${file}: ${marks(before) - marks(code)} /* @__PURE__ */ marks lost`)
  const chained = remapping(JSON.parse(map.toString()), (source) => (source.endsWith(`${entry}.js`) ? tsupMap : null))
  writeFileSync(file, `${code.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '')}\n//# sourceMappingURL=${entry}.js.map\n`)
  writeFileSync(`${file}.map`, chained.toString())
  console.log(`${file}: ${before.length} -> ${code.length} characters`)
}
