// The API reference (`npm run docs`, TypeDoc) and the editor's hover name each entry point's module
// as users import it: its doc comment's @module tag is the package's specifier, not `index`.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const read = (path: string) => readFileSync(join(root, path), 'utf8')
const pkg = JSON.parse(read('package.json')) as {
  name: string
  exports: Record<string, { import?: { types: string } }>
}
const typedoc = JSON.parse(read('typedoc.json')) as { entryPoints: string[] }

/** Each entry point of package.json: its specifier and the source file its declarations come from. */
const entries = Object.entries(pkg.exports)
  .filter(([key]) => key !== './package.json')
  .map(([key, value]) => ({
    specifier: key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`,
    source: value.import!.types.replace(/^\.\/dist\/types\//, 'src/').replace(/\.d\.ts$/, '.ts'),
  }))

it('finds the three entry points', () => {
  expect(entries.map((entry) => entry.specifier)).toEqual([
    'een-api-errors',
    'een-api-errors/endpoints',
    'een-api-errors/messages',
  ])
})

it.each(entries.map((entry) => [entry.specifier, entry.source] as const))(
  '%s: the module doc comment of %s names it by its specifier',
  (specifier, source) => {
    expect(read(source)).toMatch(new RegExp(`^ \\* @module ${specifier.replace('/', '\\/')}$`, 'm'))
  },
)

it('the API reference is built from entry points of the package', () => {
  const sources = entries.map((entry) => entry.source)
  for (const entry of typedoc.entryPoints) expect(sources).toContain(entry)
})
