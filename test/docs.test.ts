// The API reference (`npm run docs`, TypeDoc) and the editor's hover name each entry point's module
// as users import it: its doc comment's @module tag is the package's specifier, not `index`. Every
// export of every entry point (`een-api-errors/endpoints` too, which TypeDoc leaves out), and every
// member of an exported interface or class, has a doc comment, and none sends the reader to a file
// the package does not hold (DESIGN.md, a path of src/ or test/).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
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

/** `entry.name` (or `entry.name.member`) with its doc comment, for every export of the entry points. */
function documented(): { name: string; doc: string }[] {
  const program = ts.createProgram(
    entries.map((entry) => join(root, entry.source)),
    { strict: true, skipLibCheck: true, noEmit: true },
  )
  const checker = program.getTypeChecker()
  const docOf = (symbol: ts.Symbol) =>
    [
      ts.displayPartsToString(symbol.getDocumentationComment(checker)),
      ...symbol.getJsDocTags(checker).map((tag) => ts.displayPartsToString(tag.text ?? [])),
    ].join('\n')
  const found: { name: string; doc: string }[] = []
  for (const entry of entries) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(join(root, entry.source))!)!
    for (const symbol of checker.getExportsOfModule(module)) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol
      const name = `${entry.specifier}:${symbol.name}`
      found.push({ name, doc: docOf(target) || docOf(symbol) })
      const members =
        target.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class) ? [...target.members!.values()] : []
      for (const member of members) {
        if (member.flags & ts.SymbolFlags.TypeParameter) continue
        found.push({ name: `${name}.${member.name}`, doc: docOf(member) })
      }
    }
  }
  return found
}

it('every export, and every member of an exported interface or class, has a doc comment that cites no file of the repository', () => {
  const all = documented()
  expect(all.length).toBeGreaterThan(200)
  expect(all.filter(({ doc }) => doc.trim() === '').map(({ name }) => name)).toEqual([])
  const cites = /DESIGN\.md|MUTATION\.md|\b(?:src|test|scripts|bench)\/|\b[\w-]+\.(?:ts|mjs)\b/
  expect(all.filter(({ doc }) => cites.test(doc)).map(({ name }) => name)).toEqual([])
}, 60_000)
