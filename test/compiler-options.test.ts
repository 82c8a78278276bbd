// The types under a consumer's compiler options, not only the repository's strict ones: a project
// with `strict` off (no strictNullChecks) still narrows on `code`, `status` and `known`, and still
// gets the compile errors the design promises; a project whose lib has no DOM (and no @types/node)
// checks the built declarations without an error. Snippets type-checked in memory against src/
// ('een-api-errors' mapped to it, as test/readme-code.test.ts does), or against dist/types/.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
  .replaceAll('\\', '/')
  .replace(/\/$/, '')

/** What an application and an SDK write; every annotation fails to compile unless narrowing works. */
const NARROWING = `
import {
  ApiError,
  type ApiErrorClass,
  defineMessages,
  defineOperation,
  describe,
  englishMessages,
  type ErrorStatus,
  isApiError,
  isClientError,
  type KnownErrorStatus,
  type KnownStatus,
} from 'een-api-errors'

export function explain(e: unknown): string {
  if (!isApiError(e)) return ''
  if (e.code === 'ACCOUNT_SUSPENDED') {
    const status: 402 = e.status
    const meaning: 'Account is suspended' = e.meaning
    return meaning + status
  }
  if (e.code === 'UNKNOWN') {
    const known: false = e.known
    return String(known)
  }
  if (e.known) {
    const status: KnownErrorStatus = e.status
    if (e.status === 463) {
      const code: 'DEVICE_UNREACHABLE' = e.code
      return code
    }
    return String(status)
  }
  return ''
}
export const suspended: 'ACCOUNT_SUSPENDED' = new ApiError(402).code
export const meaning: 'Account is suspended' = describe(402)
export function range(status: KnownStatus): number {
  if (isClientError(status)) {
    const client: 400 | 401 | 402 | 403 | 404 | 405 | 406 | 409 | 410 | 412 | 415 | 423 | 429 | 460 | 461 | 462 | 463 = status
    return client
  }
  const other: 200 | 201 | 202 | 204 | 301 | 500 | 502 | 503 | 504 = status
  return other
}
export class SdkError extends ApiError {}
export async function sdk(res: Response, thrown: unknown) {
  const e = await SdkError.fromResponse(res)
  const a: ApiError = e satisfies SdkError
  if (e.code === 'ACCOUNT_SUSPENDED') {
    const status: 402 = e.status
    return status
  }
  if (thrown instanceof ApiError && thrown.code === 'ACCOUNT_SUSPENDED') {
    const status: 402 = thrown.status
    return status
  }
  return a
}
// @ts-expect-error: 200 is no error status
new ApiError(200)
export const classes: { ErrorClass: ApiErrorClass }[] = [{ ErrorClass: ApiError }, { ErrorClass: SdkError }]
export async function through(res: Response, ErrorClass: ApiErrorClass<SdkError>) {
  const e = await ErrorClass.fromResponse(res)
  const sdk: SdkError = e
  return e.code === 'ACCOUNT_SUSPENDED' ? (e.status satisfies 402) : sdk
}
export const fail = <S extends ErrorStatus>(status: S) => new ApiError(status)
export const failed: 'ACCOUNT_SUSPENDED' = fail(402).code

export const authorize = defineOperation('authorize', {
  429: { code: 'ACCOUNT_LOCKED', meaning: 'Locked', retryable: false },
  465: { code: 'IP_ADDRESS_INVALID', meaning: 'Bad address' },
} as const)
export const locked: 'ACCOUNT_LOCKED' = new ApiError(429, { operation: authorize }).code
export const invalid: 465 = new ApiError(465, { operation: authorize }).status
export async function read(res: Response) {
  const e = await ApiError.fromResponse(res, { operation: authorize })
  if (e.code === 'ACCOUNT_LOCKED') {
    const status: 429 = e.status
    return status
  }
  return 0
}
// @ts-expect-error: a status outside the table needs a code
defineOperation('nameless', { 465: { meaning: 'Bad address' } })
// @ts-expect-error: every code of the table needs a message
defineMessages({ MOVED: 'Moved' })
// @ts-expect-error: a typo's message would never be shown
defineMessages({ ...englishMessages, ACOUNT_SUSPENDED: 'Suspended' })
// @ts-expect-error: and the operation's codes too
defineMessages({ ...englishMessages, ACCOUNT_LOCKED: 'Locked' }, authorize)
defineMessages({ ...englishMessages, ACCOUNT_LOCKED: 'Locked', IP_ADDRESS_INVALID: 'Bad address' }, authorize)
`

/** A program of one module, `fileName`, whose text is `code` (it exists only in memory), and what it imports. */
function programOf(fileName: string, code: string, options: ts.CompilerOptions): ts.Program {
  const host = ts.createCompilerHost(options, true)
  const { fileExists, readFile, getSourceFile } = host
  host.fileExists = (name) => name === fileName || fileExists.call(host, name)
  host.readFile = (name) => (name === fileName ? code : readFile.call(host, name))
  host.getSourceFile = (name, version, onError, create) =>
    name === fileName
      ? ts.createSourceFile(name, code, version, true)
      : getSourceFile.call(host, name, version, onError, create)
  return ts.createProgram({ rootNames: [fileName], options, host })
}

/**
 * The diagnostics in `code`, a module of its own compiled with the given options (src/ itself is
 * checked with the repository's), and those in the files under `alsoIn`.
 */
function diagnosticsOf(code: string, options: ts.CompilerOptions, alsoIn?: string): string[] {
  const fileName = `${root}/test/compiler-options/main.ts`
  const program = programOf(fileName, code, options)
  const files = program
    .getSourceFiles()
    .filter((file) => file.fileName === fileName || (alsoIn !== undefined && file.fileName.startsWith(alsoIn)))
  return files.flatMap((file) =>
    [...program.getSemanticDiagnostics(file), ...program.getSyntacticDiagnostics(file)].map((diagnostic) => {
      const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n  ')
      const { line } = file.getLineAndCharacterOfPosition(diagnostic.start ?? 0)
      return `${file.fileName.replace(`${root}/`, '').replace(/^test\/compiler-options\//, '')}:${line + 1} TS${diagnostic.code}: ${text}`
    }),
  )
}

const base: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  types: [],
  noEmit: true,
  skipLibCheck: true,
  paths: {
    'een-api-errors': [join(root, 'src', 'index.ts')],
    'een-api-errors/endpoints': [join(root, 'src', 'endpoints', 'index.ts')],
    'een-api-errors/messages': [join(root, 'src', 'messages', 'all.ts')],
  },
}

it.each([
  ['strict', { strict: true }],
  ['strict off', { strict: false }],
  ['strict on but strictNullChecks off', { strict: true, strictNullChecks: false }],
] as const)(
  'narrowing and the compile errors hold with %s',
  (_name, options) => {
    expect(diagnosticsOf(NARROWING, { ...base, ...options })).toEqual([])
  },
  60_000,
)

/** What a project without the DOM's types writes: each entry point, the options that name a URL, a Request or a signal. */
const WITHOUT_DOM = `
import { ApiError, type FromResponseOptions, isApiError, userMessage } from 'een-api-errors'
import { findEndpoint } from 'een-api-errors/endpoints'
import { messagesFor } from 'een-api-errors/messages'

export async function read(response: unknown, options: FromResponseOptions) {
  const e = await ApiError.fromResponse(response, { ...options, operation: findEndpoint('GET', '/g/device') })
  return isApiError(e) ? userMessage(e, messagesFor('nl')) : ''
}
export const made = new ApiError(402, { request: { url: 'https://login.eagleeyenetworks.com/g/aaa/authorize' } })
`

/** What a request's client passes: its URL, its Request and its signal, as the project's lib types them. */
const USES = `
import { ApiError } from 'een-api-errors'
import { findEndpoint } from 'een-api-errors/endpoints'

export async function read(response: unknown, request: Request, signal: AbortSignal) {
  const operation = findEndpoint('GET', new URL(request.url))
  new ApiError(402, { request: { url: new URL(request.url) } })
  return ApiError.fromResponse(response, { operation, request, signal })
}
`
/** Workers' types declare their globals as classes, which \`typeof globalThis\` does not hold. */
const WORKERS = `${USES}
declare global {
  abstract class AbortSignal { readonly aborted: boolean }
  class URL { constructor(url: string); readonly href: string }
  class Request { readonly url: string; readonly headers: object }
}
`
const ES_ONLY = ['lib.es2022.d.ts']

it.each([
  ['an ES lib only', WITHOUT_DOM, { lib: ES_ONLY }],
  ["an ES lib and workers' types", WORKERS, { lib: ES_ONLY }],
  ['the DOM lib', USES, { lib: [...ES_ONLY, 'lib.dom.d.ts'] }],
  ['@types/node', USES, { lib: ES_ONLY, types: ['node'] }],
] as const)(
  'the built declarations check with %s, skipLibCheck off',
  (_name, code, lib) => {
    const types = `${root}/dist/types`
    const options: ts.CompilerOptions = {
      ...base,
      ...lib,
      types: 'types' in lib ? [...lib.types] : [],
      lib: [...lib.lib],
      strict: true,
      skipLibCheck: false,
      paths: {
        'een-api-errors': [`${types}/index.d.ts`],
        'een-api-errors/endpoints': [`${types}/endpoints/index.d.ts`],
        'een-api-errors/messages': [`${types}/messages/all.d.ts`],
      },
    }
    expect(diagnosticsOf(code, options, `${types}/`)).toEqual([])
  },
  60_000,
)

/** The declarations tsc writes for `code`, compiled against src/ with the repository's strictness. */
function declarationsOf(code: string): string {
  const fileName = `${root}/test/compiler-options/helpers.ts`
  const options: ts.CompilerOptions = {
    ...base,
    strict: true,
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
  }
  let written = ''
  const program = programOf(fileName, code, options)
  program.emit(program.getSourceFile(fileName), (_name, text) => {
    written = text
  })
  return written
}

it("a generic helper's declaration names the error type, not its expansion", () => {
  // The status is a literal and the operation generic: the type waits for the operation, and tsc
  // wrote all it would compute (some 70 kB for this one line) where no alias named it.
  const written = declarationsOf(`
import { ApiError, type AnyOperation } from 'een-api-errors'
export function locked<O extends AnyOperation>(operation: O) {
  return new ApiError(429, { operation })
}
export function any<O extends AnyOperation>(status: number, operation: O) {
  return new ApiError(status, { operation })
}
`)
  expect(written.replace(/import\("[^"]*"\)\./g, '')).toBe(
    [
      "import { type AnyOperation } from 'een-api-errors';",
      'export declare function locked<O extends AnyOperation>(operation: O): ApiErrorWithStatus<429, O>;',
      'export declare function any<O extends AnyOperation>(status: number, operation: O): ApiErrorUnion<O>;',
      '',
    ].join('\n'),
  )
}, 60_000)
