// Every ```ts block of README.md runs against src/, and what a comment says a line gives is what
// it gives: `describe(402) // 'Account is suspended'`, `error.retryable // false`, or the value on
// the comment line right after the statement. (readme-code.test.ts type-checks the same blocks;
// this test reads their outputs.) A value comment is a string, number or boolean literal, alone or
// followed by `:`, `,` or ` (` and prose; anything else (`// 400 | 401 | …`, `// number: …`) is
// prose and is not checked. Every value comment must be reached: a block's `declare const` gets a
// value from GIVEN, and `fetch` is answered by a local server as the API would answer, so that each branch that shows a value
// runs. A block may end by throwing an ApiError (`throw await ApiError.fromResponse(…)`).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { isApiError } from '../src/index.js'
import { type TsBlock, tsBlocks } from './fixtures/readme-blocks.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const ENTRIES: Record<string, string> = {
  'een-api-errors': join(root, 'src', 'index.ts'),
  'een-api-errors/endpoints': join(root, 'src', 'endpoints', 'index.ts'),
  'een-api-errors/messages': join(root, 'src', 'messages', 'all.ts'),
}

/** What the API answers the README's requests with: the status and the API's own body shape, by path. */
const ANSWERS: Record<string, { readonly status: number; readonly body: object }> = {
  '/g/device': { status: 402, body: { status_code: 402, message: 'Account is suspended' } },
  '/g/aaa/authorize': { status: 429, body: { status_code: 429, message: 'Account is locked' } },
}

/** The value of each name a block declares (`declare const res: Response`), made afresh for each block. */
const GIVEN: Record<string, () => unknown> = {
  res: () => Response.json(ANSWERS['/g/aaa/authorize']!.body, { status: 429 }),
  status: () => 463,
}

interface Check {
  /** The README line of the statement. */
  readonly line: number
  readonly expected: unknown
}

type Block = TsBlock

const VALUE = /^\/\/ ('(?:[^'\\\n]|\\.)*'|-?\d+(?:\.\d+)?|true|false)(?=$|[,:]| \()/

/** The value a `// …` comment states, if it states one. */
function statedValue(comment: string): { found: boolean; value?: unknown } {
  const literal = VALUE.exec(comment.trim())?.[1]
  if (literal === undefined) return { found: false }
  if (literal.startsWith("'")) return { found: true, value: literal.slice(1, -1).replace(/\\(.)/g, '$1') }
  return { found: true, value: literal === 'true' ? true : literal === 'false' ? false : Number(literal) }
}

/**
 * The block as a module that reports each checked value: `EXPR // 'x'` becomes
 * `__readme.check(i, EXPR)`, `declare const n: T` takes its value from `__readme.given('n')`, and
 * the package's imports point at src/.
 */
function instrument(block: Block): { source: string; checks: Check[]; throws: boolean } {
  const file = ts.createSourceFile('block.ts', block.code, ts.ScriptTarget.Latest, true)
  const edits: { start: number; end: number; text: string }[] = []
  const checks: Check[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node)) {
      const [trailing] = ts.getTrailingCommentRanges(block.code, node.end) ?? []
      const nextLine = /^[ \t]*\r?\n[ \t]*(\/\/[^\n]*)/.exec(block.code.slice(node.end))?.[1]
      const comment = trailing ? block.code.slice(trailing.pos, trailing.end) : nextLine
      const stated = comment === undefined ? { found: false } : statedValue(comment)
      if (stated.found) {
        const start = node.expression.getStart(file)
        const line = block.line + file.getLineAndCharacterOfPosition(start).line
        edits.push({
          start,
          end: node.expression.end,
          text: `__readme.check(${checks.length}, ${node.expression.getText(file)})`,
        })
        checks.push({ line, expected: stated.value })
      }
    }
    if (ts.isVariableStatement(node) && node.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) {
      const [declaration] = node.declarationList.declarations
      const name = declaration!.name.getText(file)
      edits.push({
        start: node.getStart(file),
        end: node.end,
        text: `const ${name}: ${declaration!.type!.getText(file)} = __readme.given(${JSON.stringify(name)})`,
      })
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  let source = block.code
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    source = source.slice(0, edit.start) + edit.text + source.slice(edit.end)
  }
  source = source.replace(/from '(een-api-errors(?:\/\w+)?)'/g, (whole, name: string) =>
    ENTRIES[name] === undefined ? whole : `from ${JSON.stringify(ENTRIES[name])}`,
  )
  const throws = file.statements.some((statement) => ts.isThrowStatement(statement))
  return { source: `declare const __readme: any\n${source}\nexport {}\n`, checks, throws }
}

let work: string
let count = 0

/** Runs a block as a module of its own; returns the value each check saw, by index. */
async function run(block: Block): Promise<{ checks: Check[]; seen: Map<number, unknown> }> {
  const { source, checks, throws } = instrument(block)
  const seen = new Map<number, unknown>()
  ;(globalThis as { __readme?: unknown }).__readme = {
    check: (id: number, value: unknown) => {
      seen.set(id, value)
      return value
    },
    given: (name: string) => {
      const make = GIVEN[name]
      if (make === undefined) throw new Error(`README.md:${block.line}: declares ${name}; give it a value in GIVEN`)
      return make()
    },
  }
  const path = join(work, `line-${block.line}-${count++}.ts`)
  writeFileSync(path, source)
  try {
    await import(path)
  } catch (error) {
    if (!(throws && isApiError(error))) throw error
  }
  return { checks, seen }
}

const blocks = tsBlocks(readFileSync(join(root, 'README.md'), 'utf8'))

/** A server on 127.0.0.1 that answers as the API does, by path (404 for any other). */
let server: Server
let origin: string

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'een-readme-run-'))
  server = createServer((req, res) => {
    const answer = ANSWERS[new URL(req.url ?? '/', 'http://api').pathname]
    req.resume()
    res.writeHead(answer?.status ?? 404, { 'content-type': 'application/json' })
    res.end(JSON.stringify(answer?.body ?? {}))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  rmSync(work, { recursive: true, force: true })
  delete (globalThis as { __readme?: unknown }).__readme
  await new Promise((resolve) => server.close(resolve))
})
afterEach(() => {
  vi.unstubAllGlobals()
})

/** The README's requests, to the API's hosts, sent by the real fetch to the local server instead. */
function stubFetch(): void {
  const send = fetch
  vi.stubGlobal('fetch', (input: string | URL, init?: RequestInit) => {
    const url = new URL(String(input))
    if (ANSWERS[url.pathname] === undefined)
      throw new TypeError(`fetch failed: the README test has no answer for ${url}`)
    return send(`${origin}${url.pathname}${url.search}`, init)
  })
}

describe('the checker', () => {
  it('reads value comments, and leaves prose alone', () => {
    const probe = [
      "import { describe } from 'een-api-errors'",
      "describe(402) // 'Account is suspended' (typed as that literal)",
      'describe(402).length // 20, its length',
      'describe(402)',
      "// 'Account is suspended'",
      'describe(402) // 400 | 401: prose',
      'describe(402) // number: prose',
    ].join('\n')
    const { checks } = instrument({ line: 10, code: probe })
    expect(checks).toEqual([
      { line: 11, expected: 'Account is suspended' },
      { line: 12, expected: 20 },
      { line: 13, expected: 'Account is suspended' },
    ])
  })

  it('catches a stale value comment', async () => {
    const { checks, seen } = await run({
      line: 1,
      code: "import { describe } from 'een-api-errors'\ndescribe(402) // 'Account suspended'",
    })
    expect(seen.get(0)).toBe('Account is suspended')
    expect(seen.get(0)).not.toEqual(checks[0]!.expected)
  })
})

describe('README.md', () => {
  it('has blocks with value comments', () => {
    expect(blocks.reduce((n, block) => n + instrument(block).checks.length, 0)).toBeGreaterThan(20)
  })

  it.each(blocks.map((block) => [block.line, block] as const))(
    'README.md:%i runs, and gives what its comments say',
    async (_line, block) => {
      stubFetch()
      const { checks, seen } = await run(block)
      for (const [id, check] of checks.entries()) {
        expect(seen.has(id), `README.md:${check.line} is never reached`).toBe(true)
        expect(seen.get(id), `README.md:${check.line}`).toStrictEqual(check.expected)
      }
    },
  )
})
