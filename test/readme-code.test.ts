// Every ```ts block of README.md type-checks against src/ with the repository's compiler options,
// as a module of its own that imports 'een-api-errors'. A block may use `declare const` for context.
// Failures name the README line.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { beforeAll, expect, it } from 'vitest'
import { type TsBlock, tsBlocks } from './fixtures/readme-blocks.js'
import { checkInMemory, repoCompilerOptions } from './fixtures/type-check.js'

const root = fileURLToPath(new URL('..', import.meta.url))
/** The compiler's spelling of paths (forward slashes), so in-memory files match on every OS. */
const posixRoot = root.replaceAll('\\', '/').replace(/\/$/, '')
const readmePath = join(root, 'README.md')

interface Block extends TsBlock {
  /** Where the compiler sees it: a file that exists only in memory. */
  readonly fileName: string
}

/** The README's blocks, each with the in-memory file the compiler sees it as. */
function readmeBlocks(markdown: string): Block[] {
  return tsBlocks(markdown).map((block) => ({
    ...block,
    fileName: `${posixRoot}/test/readme-blocks/line-${block.line}.ts`,
  }))
}

/** The repository's compiler options, with 'een-api-errors' mapped to the sources. */
function compilerOptions(): ts.CompilerOptions {
  return repoCompilerOptions(root, {
    paths: {
      'een-api-errors': [join(root, 'src', 'index.ts')],
      'een-api-errors/endpoints': [join(root, 'src', 'endpoints', 'index.ts')],
      'een-api-errors/messages': [join(root, 'src', 'messages', 'all.ts')],
    },
  })
}

/** Type-checks the blocks in one program; returns each block's diagnostics, keyed by file name. */
function check(blocks: readonly Block[]): { diagnostics: Map<string, ts.Diagnostic[]>; program: ts.Program } {
  return checkInMemory(
    new Map(blocks.map((block) => [block.fileName, `${block.code}\nexport {}\n`])),
    compilerOptions(),
  )
}

/** `README.md:LINE:COLUMN TS1234: message`, pointing into the README. */
function format(block: Block, diagnostic: ts.Diagnostic): string {
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n  ')
  if (diagnostic.file === undefined || diagnostic.start === undefined) return `README.md:${block.line} ${text}`
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
  return `README.md:${block.line + line}:${character + 1} TS${diagnostic.code}: ${text}`
}

const blocks = readmeBlocks(readFileSync(readmePath, 'utf8'))
/** A block that must fail, checked in the same program, to prove failures point at the right README line. */
const [probe] = readmeBlocks(
  "# Probe\n\n```ts\nimport { describe } from 'een-api-errors'\nconst n: number = describe(402)\n```\n",
).map((block) => ({ ...block, fileName: block.fileName.replace('line-', 'probe-line-') }))
let result: ReturnType<typeof check>

beforeAll(() => {
  result = check([...blocks, probe!])
}, 120_000)

it('finds the README’s TypeScript blocks, and checks them with the TypeScript of ./node_modules', () => {
  expect(blocks.length).toBeGreaterThan(0)
  expect(ts.version.split('.')[0]).toBe('6')
})

it("resolves 'een-api-errors' to src/, not to a build", () => {
  const files = result.program.getSourceFiles().map((file) => file.fileName)
  expect(files).toContain(`${posixRoot}/src/index.ts`)
  expect(files.some((file) => file.includes('/dist/'))).toBe(false)
})

it('reports a block that does not type-check with its README line', () => {
  const messages = result.diagnostics.get(probe!.fileName)!.map((diagnostic) => format(probe!, diagnostic))
  expect(messages).toEqual([
    expect.stringMatching(/^README\.md:5:7 TS2322: Type '.+' is not assignable to type 'number'/),
  ])
})

it.each(blocks.map((block) => [block.line, block] as const))('README.md:%i type-checks', (_line, block) => {
  const messages = result.diagnostics.get(block.fileName)!.map((diagnostic) => format(block, diagnostic))
  expect(messages).toEqual([])
})
