// Minifies the built files of each entry point after tsup (run by `npm run build`): local names
// shortened, the names of functions and classes kept (loggers print err.constructor.name), nothing
// else rewritten (no compression). The source maps still lead to src/: the minifier's map (minified
// -> tsup's output) is chained onto tsup's (-> src).
//
// Why: loading the package compiles what it reads. Unminified, `import('een-api-errors')` cost
// 1.09-1.14x importing statuses; minified, under 1.0x. esbuild's whitespace-and-syntax minification
// of the CommonJS build left its local names long: shortened, require() is about 7% faster
// (bench/module-load.mjs). Why not esbuild for the ES module build: its whitespace minifier drops
// the /* @__PURE__ */ marks that let a bundler drop what a describe-only bundle never reaches.
// Rolldown keeps them.
import { readFileSync, writeFileSync } from 'node:fs'
import remapping from '@jridgewell/remapping'

// Rolldown needs Node ^20.19 or >= 22.12; the package, and tsup's build of it, run on Node 18: there
// the build is left unminified (it works the same, loads a little slower), and says so.
let build
let minify
try {
  ;({ build } = await import('rolldown'))
  ;({ minify } = await import('rolldown/utils'))
} catch (error) {
  console.warn(
    `scripts/minify.mjs: the build is left unminified: rolldown cannot run on Node ${process.versions.node} ` +
      `(it needs ^20.19 or >= 22.12): ${String(error?.message ?? error).split('\n')[0]}`,
  )
  process.exit(0)
}

const ENTRIES = ['index', 'endpoints', 'messages']
const MINIFY = { compress: false, mangle: { keepNames: true }, codegen: { removeWhitespace: true } }

/** The ES module build: through a build, which keeps the /* @__PURE__ *\/ marks (the plain minifier drops them). */
async function esm(file) {
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
      minify: MINIFY,
      comments: { annotation: true, legal: false, jsdoc: false },
    },
  })
  const chunks = output.filter((o) => o.type === 'chunk')
  if (chunks.length !== 1) throw new Error(`${file}: expected one chunk, got ${chunks.length}`)
  const marks = (text) => text.match(/@__PURE__/g)?.length ?? 0
  const before = readFileSync(file, 'utf8')
  // A mark lost is a bundle that keeps what it never reaches: fail the build rather than ship it.
  if (marks(chunks[0].code) < marks(before)) throw new Error(`${file}: /* @__PURE__ */ marks lost`)
  return chunks[0]
}

/** The CommonJS build, which no bundler tree-shakes: its module scope is a function's, so every local name may go. */
async function cjs(file) {
  // Named as the map beside it names it, so that the chained map's sources stay relative to dist/.
  const result = await minify(file.slice('dist/'.length), readFileSync(file, 'utf8'), { ...MINIFY, sourcemap: true })
  if (result.errors.length > 0) throw new Error(`${file}: ${result.errors.map((e) => e.message).join('; ')}`)
  return result
}

for (const entry of ENTRIES) {
  for (const [file, minified] of [
    [`dist/${entry}.js`, esm],
    [`dist/${entry}.cjs`, cjs],
  ]) {
    const before = readFileSync(file, 'utf8').length
    const tsupMap = JSON.parse(readFileSync(`${file}.map`, 'utf8'))
    const { code, map } = await minified(file)
    const name = file.slice('dist/'.length)
    // A build's map is a class whose toString is JSON; the plain minifier's, the map object itself.
    const own = typeof map.mappings === 'string' ? map : JSON.parse(map.toString())
    const chained = remapping(own, (source) => (source.endsWith(name) ? tsupMap : null))
    const body = code.replace(/(?:\n?\/\/# sourceMappingURL=.*\s*)+$/, '')
    writeFileSync(file, `${body}\n//# sourceMappingURL=${name}.map\n`)
    writeFileSync(`${file}.map`, chained.toString())
    console.log(`${file}: ${before} -> ${body.length} characters`)
  }
}
