// Every @example of the published type declarations (dist/types/**/*.d.ts, what an editor shows
// on hover) type-checks against the built package's declarations, runs against the built package,
// and gives what its comments say: `describe(402) // 'Account is suspended' (typed as that
// literal)`, or the value on the comment line right after the statement. A value comment is a
// literal (a string, number, boolean, `undefined`, `null`, or an object or array of them), alone or
// followed by `:`, `,` or ` (` and prose; a string ending in `…` states how the value starts;
// anything else (`// 400 | 401 | … | 463`, `// the error's own advice`) is prose and is not checked.
// Every value comment must be reached. An example uses the package's exports by name, as if
// imported (and those of its own module, when it documents one the entries do not export, which
// then runs from src/), and the names of CONTEXT, given a value here: `res` is a real Response of a
// server on 127.0.0.1. An example may end by throwing an ApiError (`throw await
// ApiError.fromResponse(res)`). Run `npm run build` first: it reads dist/.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkInMemory, repoCompilerOptions } from './fixtures/type-check.js'

const root = fileURLToPath(new URL('..', import.meta.url))
  .replaceAll('\\', '/')
  .replace(/\/$/, '')
const types = `${root}/dist/types`
/** The entry points: their declarations, and the built files that run. */
const ENTRIES = [
  { specifier: 'een-api-errors', types: `${types}/index.d.ts`, built: `${root}/dist/index.js` },
  { specifier: 'een-api-errors/endpoints', types: `${types}/endpoints/index.d.ts`, built: `${root}/dist/endpoints.js` },
  { specifier: 'een-api-errors/messages', types: `${types}/messages/all.d.ts`, built: `${root}/dist/messages.js` },
]

/** A name an example uses without declaring it: its declaration for the compiler, and its value. */
interface Given {
  readonly declare: string
  readonly value: () => unknown
}

/** What the API answers `res`'s request with. */
const ANSWER = {
  status: 429,
  // A connection each: a kept-alive one may be closed by the server as the next example reuses it.
  headers: { 'content-type': 'application/json', 'retry-after': '5', 'x-request-id': 'c0ffee42', connection: 'close' },
  body: { status_code: 429, message: 'Account is locked', reason: 'Locked' },
}
let origin: string
/** `res`, fetched afresh for each example (a body is read once). */
let response: Response

const CONTEXT: Record<string, Given> = {
  res: { declare: 'declare const res: Response', value: () => response },
  error: { declare: 'declare const error: ApiErrorUnion', value: async () => new (await main()).ApiError(429) },
  e: { declare: 'declare const e: unknown', value: async () => new (await main()).ApiError(402) },
  url: { declare: 'declare const url: string', value: () => `${origin}/g/aaa/authorize?A=ab12cd34ef` },
  token: { declare: 'declare const token: string', value: () => 'tok_ab12cd34ef56' },
  request: {
    declare: 'declare const request: Request',
    value: () => new Request(origin, { headers: { 'accept-language': 'nl-BE,nl;q=0.9' } }),
  },
  navigator: { declare: 'declare const navigator: Navigator', value: () => ({ languages: ['de-CH', 'en'] }) },
  console: { declare: 'declare const console: Console', value: () => ({ log: () => undefined }) },
  showSuspendedPage: { declare: 'declare function showSuspendedPage(): void', value: () => () => undefined },
  backOff: { declare: 'declare function backOff(): Promise<void>', value: () => async () => undefined },
  scrub: { declare: 'declare function scrub(text: string): string', value: () => (text: string) => text },
}
/** The values of the names an example declares itself (`declare const s: KnownStatus`). */
const DECLARED: Record<string, () => unknown> = { s: () => 404 }

const main = () => import(ENTRIES[0]!.built) as Promise<Record<string, any>>

/** One @example: where it is, and its code without the comment's stars and the fence. */
interface Example {
  /** The declaration file, relative to dist/types. */
  readonly file: string
  /** The line of its first line of code in that file (1-based). */
  readonly line: number
  readonly code: string
}

/** The @example blocks of a declaration file's doc comments. */
function examplesOf(file: string, text: string): Example[] {
  const examples: Example[] = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*\*\s*@example\b/.test(lines[i]!)) continue
    const code: string[] = []
    let first = 0
    for (let j = i + 1; j < lines.length && !/^\s*\*\s*@\w|\*\//.test(lines[j]!); j++) {
      const line = lines[j]!.replace(/^\s*\* ?/, '')
      if (/^```/.test(line)) continue
      if (code.length === 0) first = j + 1
      code.push(line)
    }
    while (code.length > 0 && code.at(-1)!.trim() === '') code.pop()
    examples.push({ file, line: first, code: code.join('\n') })
  }
  return examples
}

/** Every example of the published declarations, in file order. */
function allExamples(): Example[] {
  return (readdirSync(types, { recursive: true }) as string[])
    .map((file) => file.replaceAll('\\', '/'))
    .filter((file) => file.endsWith('.d.ts'))
    .sort()
    .flatMap((file) => examplesOf(file, readFileSync(`${types}/${file}`, 'utf8')))
}

/** Where an exported name comes from: its module's declarations and built file, and whether it is a type only. */
interface Source {
  readonly types: string
  readonly run: string
  readonly typeOnly: boolean
}

/** The exports of a declaration file, by name. */
function exportsOf(program: ts.Program, file: string, run: string): Map<string, Source> {
  const checker = program.getTypeChecker()
  const module = checker.getSymbolAtLocation(program.getSourceFile(file)!)
  const names = new Map<string, Source>()
  for (const symbol of module ? checker.getExportsOfModule(module) : []) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol
    names.set(symbol.name, { types: file, run, typeOnly: !(target.flags & ts.SymbolFlags.Value) })
  }
  return names
}

const VALUE_START = /^(?:'|"|-?\d|true\b|false\b|undefined\b|null\b|\{|\[)/

/** Whether `node` is a literal: a string, number, boolean, `undefined`, `null`, or an object or array of literals. */
function isLiteral(node: ts.Node): boolean {
  if (ts.isParenthesizedExpression(node)) return isLiteral(node.expression)
  if (ts.isStringLiteral(node) || ts.isNumericLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return true
  if (ts.isPrefixUnaryExpression(node)) return node.operator === ts.SyntaxKind.MinusToken && isLiteral(node.operand)
  if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) return true
  if (node.kind === ts.SyntaxKind.NullKeyword) return true
  if (ts.isIdentifier(node)) return node.text === 'undefined'
  if (ts.isArrayLiteralExpression(node)) return node.elements.every(isLiteral)
  if (ts.isObjectLiteralExpression(node))
    return node.properties.every((p) => ts.isPropertyAssignment(p) && isLiteral(p.initializer))
  return false
}

/** The value a `// …` comment states, if it states one: the longest literal it opens with, before prose. */
function statedValue(comment: string): { found: boolean; value?: unknown } {
  const text = comment.replace(/^\/\/\s?/, '').trim()
  if (!VALUE_START.test(text)) return { found: false }
  // The whole comment, or the part before prose: ` (…`, `: …`, `, …`.
  const ends = [text.length, ...[...text.matchAll(/ \(|:|,/g)].map((m) => m.index)].sort((a, b) => b - a)
  for (const end of ends) {
    const candidate = text.slice(0, end).trim()
    const file = ts.createSourceFile('v.ts', `(${candidate})`, ts.ScriptTarget.Latest, true)
    const [statement] = file.statements
    if (file.statements.length !== 1 || !ts.isExpressionStatement(statement!) || !isLiteral(statement.expression))
      continue
    if ((file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length > 0) continue
    return { found: true, value: new Function(`return (${candidate})`)() }
  }
  return { found: false }
}

/** A statement whose comment states a value: where it is, and the value. */
interface Check {
  /** `file:line` of the statement. */
  readonly at: string
  readonly expected: unknown
}

/** The names an example declares itself (variables, functions, classes, types, imports). */
function declaredNames(file: ts.SourceFile): Set<string> {
  const names = new Set<string>()
  const visit = (node: ts.Node): void => {
    const name = (node as { name?: ts.Node }).name
    if (
      name &&
      ts.isIdentifier(name) &&
      (ts.isVariableDeclaration(node) ||
        ts.isFunctionDeclaration(node) ||
        ts.isClassDeclaration(node) ||
        ts.isInterfaceDeclaration(node) ||
        ts.isTypeAliasDeclaration(node) ||
        ts.isImportSpecifier(node) ||
        ts.isParameter(node))
    )
      names.add(name.text)
    ts.forEachChild(node, visit)
  }
  visit(file)
  return names
}

/** Every identifier the example's code uses (not those in its strings or comments). */
function usedNames(code: string): Set<string> {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, code)
  const names = new Set<string>()
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.Identifier) names.add(scanner.getTokenValue())
  }
  return names
}

/** An example made into two modules: one the compiler checks, one that runs and reports its checks. */
interface Prepared {
  readonly example: Example
  readonly compiled: string
  readonly run: string
  readonly checks: Check[]
  /** Whether it ends by throwing (an ApiError, which the run then accepts). */
  readonly throws: boolean
  /** The CONTEXT names it uses. */
  readonly context: string[]
}

/**
 * The example as modules: its imports (each specifier of the package to the declarations, or to
 * the built file), imports of the exported names it uses, CONTEXT's names, its own `declare`s, and
 * the rest in an async function (an example may `return` or `await`), each value statement reporting
 * through `__doc.check`.
 */
function prepare(example: Example, exported: Map<string, Source>, own: Map<string, Source>): Prepared {
  const { code } = example
  const file = ts.createSourceFile('example.ts', code, ts.ScriptTarget.Latest, true)
  const at = (pos: number) => `${example.file}:${example.line + file.getLineAndCharacterOfPosition(pos).line}`
  const checks: Check[] = []
  const edits: { start: number; end: number; text: string }[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node)) {
      const [trailing] = ts.getTrailingCommentRanges(code, node.end) ?? []
      const nextLine = /^[ \t]*\r?\n[ \t]*(\/\/[^\n]*)/.exec(code.slice(node.end))?.[1]
      const comment = trailing ? code.slice(trailing.pos, trailing.end) : nextLine
      const stated = comment === undefined ? { found: false } : statedValue(comment)
      if (stated.found) {
        const start = node.expression.getStart(file)
        edits.push({
          start,
          end: node.expression.end,
          text: `__doc.check(${checks.length}, ${node.expression.getText(file)})`,
        })
        checks.push({ at: at(start), expected: stated.value })
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  const edited = (from: number, to: number) => {
    let text = code.slice(from, to)
    for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
      if (edit.start >= from && edit.end <= to)
        text = text.slice(0, edit.start - from) + edit.text + text.slice(edit.end - from)
    }
    return text
  }
  const declared = declaredNames(file)
  const used = [...usedNames(code)].filter((name) => !declared.has(name))
  const imports = { compiled: [] as string[], run: [] as string[] }
  const hoisted = { compiled: [] as string[], run: [] as string[] }
  const body = { compiled: [] as string[], run: [] as string[] }
  for (const statement of file.statements) {
    const text = code.slice(statement.getStart(file), statement.end)
    if (ts.isImportDeclaration(statement)) {
      const specifier = (statement.moduleSpecifier as ts.StringLiteral).text
      const entry = ENTRIES.find((e) => e.specifier === specifier)
      const swap = (path: string) => text.replace(/(['"])[^'"]+\1/, JSON.stringify(path))
      imports.compiled.push(entry ? swap(entry.types.replace(/\.d\.ts$/, '.js')) : text)
      imports.run.push(entry ? swap(entry.built) : text)
    } else if (
      ts.isVariableStatement(statement) &&
      statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)
    ) {
      hoisted.compiled.push(text)
      const { name, type } = statement.declarationList.declarations[0]!
      hoisted.run.push(`const ${name.getText(file)}: ${type!.getText(file)} = __doc.declared('${name.getText(file)}')`)
    } else {
      body.compiled.push(text)
      body.run.push(edited(statement.getStart(file), statement.end))
    }
  }
  // The exported names it uses, grouped by module: the entries' first, then its own module's.
  const bySource = new Map<Source['types'], { source: Source; names: string[] }>()
  for (const name of used) {
    const source = exported.get(name) ?? own.get(name)
    if (!source) continue
    const group = bySource.get(source.types) ?? { source, names: [] }
    group.names.push(source.typeOnly ? `type ${name}` : name)
    bySource.set(source.types, group)
  }
  for (const { source, names } of bySource.values()) {
    imports.compiled.push(
      `import { ${names.join(', ')} } from ${JSON.stringify(source.types.replace(/\.d\.ts$/, '.js'))}`,
    )
    const values = names.filter((name) => !name.startsWith('type '))
    if (values.length > 0) imports.run.push(`import { ${values.join(', ')} } from ${JSON.stringify(source.run)}`)
  }
  const context = used.filter((name) => CONTEXT[name] !== undefined && !exported.has(name) && !own.has(name))
  // CONTEXT's declarations may use exports the example itself does not (ApiErrorUnion).
  const contextNeeds = ['ApiErrorUnion'].filter(
    (name) => !used.includes(name) && context.some((c) => CONTEXT[c]!.declare.includes(name)),
  )
  if (contextNeeds.length > 0) {
    const typed = contextNeeds.map((name) => (exported.get(name)!.typeOnly ? `type ${name}` : name))
    imports.compiled.push(`import { ${typed.join(', ')} } from ${JSON.stringify(`${types}/index.js`)}`)
  }
  const wrap = (lines: string[]) => `export async function __example() {\n${lines.join('\n')}\n}\n`
  const compiled = [
    ...imports.compiled,
    ...context.map((name) => CONTEXT[name]!.declare),
    ...hoisted.compiled,
    wrap(body.compiled),
  ].join('\n')
  const run = [
    ...imports.run,
    'declare const __doc: any',
    ...context.map((name) => `const ${name}: any = await __doc.given('${name}')`),
    ...hoisted.run,
    wrap(body.run),
  ].join('\n')
  const throws = file.statements.some(
    (s) => ts.isThrowStatement(s) || (ts.isIfStatement(s) && ts.isThrowStatement(s.thenStatement)),
  )
  return { example, compiled, run, checks, throws, context }
}

/** Type-checks the modules in one program, under the repository's options (the package's specifiers resolve to dist/types through its exports); returns each one's diagnostics as text, by file name. */
function typeCheck(sources: Map<string, string>): Map<string, string[]> {
  const { diagnostics } = checkInMemory(sources, repoCompilerOptions(root))
  const found = new Map<string, string[]>()
  for (const [name, list] of diagnostics) {
    found.set(
      name,
      list.map((diagnostic) => {
        const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0)
        const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')
        return `TS${diagnostic.code} at line ${line + 1} of:\n${sources.get(name)}\n${text}`
      }),
    )
  }
  return found
}

const examples = allExamples()
let exported: Map<string, Source>
let declarations: ts.Program
let work: string
let server: Server
let count = 0

/** The exports of the declaration file an example sits in, when no entry exports its names (a module of src/). */
function ownExports(example: Example): Map<string, Source> {
  const run = `${root}/src/${example.file.replace(/\.d\.ts$/, '.ts')}`
  const names = exportsOf(declarations, `${types}/${example.file}`, run)
  for (const name of names.keys()) if (exported.has(name)) names.delete(name)
  return names
}

/** Runs a prepared example as a module of its own; returns what each check saw, by index. */
async function run(prepared: Prepared): Promise<Map<number, unknown>> {
  const seen = new Map<number, unknown>()
  response = await fetch(`${origin}/g/aaa/authorize`, { method: 'POST' })
  ;(globalThis as { __doc?: unknown }).__doc = {
    check: (id: number, value: unknown) => {
      seen.set(id, value)
      return value
    },
    given: (name: string) => CONTEXT[name]!.value(),
    declared: (name: string) => {
      const make = DECLARED[name]
      if (make === undefined) throw new Error(`the example declares ${name}: give it a value in DECLARED`)
      return make()
    },
  }
  const path = join(work, `example-${count++}.ts`)
  writeFileSync(path, prepared.run)
  try {
    await ((await import(path)) as { __example: () => Promise<unknown> }).__example()
  } catch (error) {
    if (!(prepared.throws && (await main()).isApiError(error))) throw error
  }
  return seen
}

/** Whether `actual` is what the comment states (a string ending in `…` states how it starts). */
function matches(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'string' && expected.endsWith('…'))
    return typeof actual === 'string' && actual.startsWith(expected.slice(0, -1))
  try {
    expect(actual).toStrictEqual(expected)
    return true
  } catch {
    return false
  }
}

beforeAll(async () => {
  // Every declaration file, so that an example's own module is in the program too.
  const files = (readdirSync(types, { recursive: true }) as string[]).filter((file) => file.endsWith('.d.ts'))
  declarations = ts.createProgram(
    files.map((file) => `${types}/${file.replaceAll('\\', '/')}`),
    { skipLibCheck: true, noEmit: true },
  )
  exported = new Map(ENTRIES.flatMap((entry) => [...exportsOf(declarations, entry.types, entry.built)]))
  work = mkdtempSync(join(tmpdir(), 'een-doc-examples-'))
  server = createServer((req, res) => {
    req.resume()
    res.writeHead(ANSWER.status, ANSWER.headers)
    res.end(JSON.stringify(ANSWER.body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  rmSync(work, { recursive: true, force: true })
  delete (globalThis as { __doc?: unknown }).__doc
  await new Promise((resolve) => server.close(resolve))
})

describe('the example checker', () => {
  it('reads value comments, and leaves prose alone', () => {
    expect(statedValue("// 'Account is suspended' (typed as that literal)")).toEqual({
      found: true,
      value: 'Account is suspended',
    })
    expect(statedValue('// false: this API’s 503 is a tag-maps error')).toEqual({ found: true, value: false })
    expect(statedValue('// 60000 (clamped)')).toEqual({ found: true, value: 60000 })
    expect(statedValue("// { password: '[REDACTED]', token_type: 'bearer' }")).toEqual({
      found: true,
      value: { password: '[REDACTED]', token_type: 'bearer' },
    })
    expect(statedValue('// undefined, even after `Object.prototype.status = 500`')).toEqual({
      found: true,
      value: undefined,
    })
    expect(statedValue('// 400 | 401 | … | 463')).toEqual({ found: false })
    expect(statedValue("// the error's own advice")).toEqual({ found: false })
  })

  it('catches a stale value comment, and an example that does not compile', async () => {
    const stale = prepare(
      { file: 'probe.d.ts', line: 1, code: "describe(402) // 'Account suspended'" },
      exported,
      new Map(),
    )
    const seen = await run(stale)
    expect(matches(seen.get(0), stale.checks[0]!.expected)).toBe(false)
    const wrong = prepare({ file: 'probe.d.ts', line: 1, code: 'const n: number = describe(402)' }, exported, new Map())
    const [diagnostic] = typeCheck(new Map([[`${root}/test/doc-examples/probe.ts`, wrong.compiled]])).values()
    expect(diagnostic).toEqual([expect.stringContaining('TS2322')])
  })

  it('finds the examples, and the values they state', () => {
    expect(examples.length).toBeGreaterThan(25)
    const stated = examples.reduce((n, example) => n + prepare(example, exported, ownExports(example)).checks.length, 0)
    expect(stated).toBeGreaterThan(25)
  })
})

describe('the examples of dist/types', () => {
  let prepared: Prepared[]
  let diagnostics: Map<string, string[]>
  const fileOf = (i: number) => `${root}/test/doc-examples/example-${i}.ts`

  beforeAll(() => {
    prepared = examples.map((example) => prepare(example, exported, ownExports(example)))
    diagnostics = typeCheck(new Map(prepared.map((p, i) => [fileOf(i), p.compiled])))
  }, 120_000)

  it.each(examples.map((example, i) => [`${example.file}:${example.line}`, i] as const))(
    '%s type-checks, runs, and gives what its comments say',
    async (_at, i) => {
      expect(diagnostics.get(fileOf(i))).toEqual([])
      const example = prepared[i]!
      const seen = await run(example)
      for (const [id, check] of example.checks.entries()) {
        expect(seen.has(id), `${check.at} is never reached`).toBe(true)
        expect(matches(seen.get(id), check.expected), `${check.at}: ${String(seen.get(id))}`).toBe(true)
      }
    },
  )
})
