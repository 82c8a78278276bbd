#!/usr/bin/env node
/**
 * The command line: `een-api-errors 463`, `een-api-errors list`, `--json`, `--help`, `--version`.
 *
 * Everything it prints derives from the table (src/table.ts); nothing here restates a status, a
 * code or a meaning. The logic is {@link run}, a function of the arguments and a small I/O
 * object, so that tests drive every path in process; the bin build (tsup.config.ts) defines
 * `__EEN_CLI_VERSION__`, which is what makes the entry at the bottom call it with the process's
 * values. The library entry (src/index.ts) never imports this module.
 *
 * @module
 */
import { describe, isClientError, isKnownStatus, isRedirect, isRetryable, isSuccess } from './status.js'
import { type KnownStatus, STATUS_CODES, Status, type StatusRow, statusColumn } from './table/index.js'

/** Where {@link run} writes, and what it knows of its surroundings. */
export interface CliIO {
  /** Writes text to standard output. */
  stdout(text: string): void
  /** Writes text to standard error. */
  stderr(text: string): void
  /** Whether standard output is a terminal: colour is used only there (see {@link run}). */
  isTTY: boolean
  /** The environment: `NO_COLOR`, `FORCE_COLOR` and `TERM` decide colour. */
  env: Readonly<Record<string, string | undefined>>
  /** What `--version` prints: the package's version. */
  version: string
}

/**
 * The exit codes of {@link run}: 0 done, 1 a well-formed status that the API does not document,
 * 2 bad usage, 70 an unexpected failure (`EX_SOFTWARE` of sysexits.h).
 */
export const ExitCode = Object.freeze({ OK: 0, NOT_IN_TABLE: 1, USAGE: 2, INTERNAL: 70 } as const)

/** The name the bin is installed under, used in messages. */
const BIN = 'een-api-errors'

/** One row as the CLI shows it, and exactly what `--json` prints. */
interface Shown {
  status: number
  code: string
  meaning: string
  class: string
  retryable: boolean
}

/** @internal The class of a documented status, in the words `describe` uses for unlisted ones. */
function classOf(status: KnownStatus): string {
  return isSuccess(status)
    ? 'success'
    : isRedirect(status)
      ? 'redirect'
      : isClientError(status)
        ? 'client error'
        : 'server error'
}

/** Why a status is (not) retryable, from the API's own words first, else from its class. */
const WHY_BY_WORDS: readonly (readonly [RegExp, string])[] = [
  [/slow down/i, 'the API asks clients to slow down, so wait (see Retry-After) before sending it again'],
  [/try again/i, 'the API says to try again'],
  [/contact .*support/i, 'the API says to contact support'],
]
const WHY_BY_CLASS: Readonly<Record<string, string>> = {
  success: 'a success, nothing to retry',
  redirect: 'follow the redirect instead',
  'client error': 'the same request would fail again until something changes',
  // Stryker disable next-line StringLiteral: every 5xx row of the table matches one of the API's words above, so this text is never printed; it stands for a row the API may add.
  'server error': 'the API does not ask for a retry',
}

/** @internal The row of a documented status, with its class. */
function show(status: KnownStatus): Shown {
  const row: StatusRow = STATUS_CODES[status]
  return {
    status,
    code: row.code,
    meaning: row.meaning,
    class: classOf(status),
    retryable: isRetryable(status),
  }
}

/** @internal The retry advice of a row, one sentence. */
function advice(row: Shown): string {
  const why = WHY_BY_WORDS.find(([words]) => words.test(row.meaning))?.[1] ?? WHY_BY_CLASS[row.class]
  return `${row.retryable ? 'Retryable' : 'Not retryable'}: ${why}.`
}

/** ANSI colour of each class (green, cyan, yellow, red), closed with the default foreground. */
const COLOUR_BY_CLASS: Readonly<Record<string, number>> = {
  success: 32,
  redirect: 36,
  'client error': 33,
  'server error': 31,
}

/** @internal Paints text: bold status and code in the colour of their class, or leaves it plain. */
type Paint = (text: string, row: Shown) => string
const plain: Paint = (text) => text
const coloured: Paint = (text, row) => `\x1b[1;${COLOUR_BY_CLASS[row.class]}m${text}\x1b[22;39m`

/**
 * @internal Whether to colour: `FORCE_COLOR` decides when set (`0` and `false` turn colour off,
 * anything else on), as in Node itself; otherwise a non-empty `NO_COLOR` turns it off
 * (https://no-color.org); otherwise only a terminal that is not `TERM=dumb` gets colour.
 */
function useColour(io: CliIO): boolean {
  const force = io.env.FORCE_COLOR
  if (force !== undefined) return force !== '0' && force !== 'false'
  if (io.env.NO_COLOR) return false
  return io.isTTY && io.env.TERM !== 'dumb'
}

/** The three-line block printed for one status. */
function block(row: Shown, paint: Paint): string {
  return `${paint(`${row.status} ${row.code}`, row)} (${row.class})\n${row.meaning}\n${advice(row)}\n`
}

/** The whole table, one aligned line per status: status, code, meaning. */
function table(rows: readonly Shown[], paint: Paint): string {
  const width = Math.max(...rows.map((row) => row.code.length))
  // Pad before painting, so that escape codes never shift a column.
  return rows.map((row) => `${paint(`${row.status}  ${row.code.padEnd(width)}`, row)}  ${row.meaning}\n`).join('')
}

/** The example shown in help and hints: the last client error of the table. */
const EXAMPLE = /* @__PURE__ */ (() => {
  const status = statusColumn.filter(isClientError).pop() as KnownStatus
  return { status, code: STATUS_CODES[status].code }
})()

/** @internal The synopsis, printed after a usage error. */
function synopsis(): string {
  return `Usage: ${BIN} <status | code> [--json]
       ${BIN} list [--json]
       ${BIN} --help | --version
`
}

/** @internal The help text. */
function usage(): string {
  return `${synopsis()}
Explains a status code of the Eagle Eye Networks Cloud API (v1): its code, meaning, class and
whether a client should retry.

  <status>       a status the API documents, e.g. ${EXAMPLE.status}
  <code>         or its code, in any case, e.g. ${EXAMPLE.code} or ${EXAMPLE.code.toLowerCase()}
  list           every status the API documents (${statusColumn.length}), one per line
  --json         print JSON: one object, or an array for list
  -h, --help     print this help
  -v, --version  print the version

Exit status: 0 done, 1 a status the API does not document, 2 bad usage, 70 internal error.
Colour only on a terminal; NO_COLOR=1 turns it off, FORCE_COLOR=1 (or 0) forces it on (or off).
`
}

/** @internal An argument as messages show it: quoted, escaped and cut short. */
function quote(arg: string): string {
  return JSON.stringify(arg.length > 40 ? `${arg.slice(0, 40)}…` : arg)
}

/** @internal Reports bad usage on stderr, with the synopsis. */
function usageError(io: CliIO, message: string): number {
  io.stderr(`${BIN}: ${message}\n${synopsis()}Run \`${BIN} --help\` for more.\n`)
  return ExitCode.USAGE
}

/** @internal Whether an argument is an option (a negative number is a malformed status instead). */
function isOption(arg: string): boolean {
  return arg.length > 1 && arg.startsWith('-') && !/^-\d/.test(arg)
}

/** @internal The status a query names: three digits, or a code in any case with `_` or `-`. */
function lookUp(query: string): KnownStatus | number | undefined {
  if (/^[1-9]\d\d$/.test(query)) return Number(query)
  const name = query.toUpperCase().replaceAll('-', '_')
  return Object.hasOwn(Status, name) ? Status[name as keyof typeof Status] : undefined
}

/** The command line, without the process. */
function main(argv: readonly string[], io: CliIO): number {
  let json = false
  let help = false
  let version = false
  let operandsOnly = false
  const operands: string[] = []
  const unknown: string[] = []
  for (const arg of argv) {
    if (operandsOnly || !isOption(arg)) operands.push(arg)
    else if (arg === '--') operandsOnly = true
    else if (arg === '--json') json = true
    else if (arg === '-h' || arg === '--help') help = true
    else if (arg === '-v' || arg === '--version') version = true
    else unknown.push(arg)
  }

  // Help and version win over everything else, as users expect when they add them to a failing line.
  if (help) {
    io.stdout(usage())
    return ExitCode.OK
  }
  if (version) {
    io.stdout(`${io.version}\n`)
    return ExitCode.OK
  }
  if (unknown.length > 0) return usageError(io, `unknown option ${quote(unknown[0]!)}`)
  if (operands.length !== 1) {
    return usageError(
      io,
      operands.length === 0
        ? 'give a status, a code or "list"'
        : `give one status, code or "list", not ${operands.length}: ${operands.map(quote).join(' ')}`,
    )
  }

  const operand = operands[0]!
  const paint = json ? plain : useColour(io) ? coloured : plain
  if (operand === 'list') {
    const rows = statusColumn.map(show)
    io.stdout(json ? `${JSON.stringify(rows)}\n` : table(rows, paint))
    return ExitCode.OK
  }

  const status = lookUp(operand.trim())
  if (status === undefined) {
    return usageError(
      io,
      `${quote(operand)} is neither a status nor a code of the Eagle Eye Networks API: give three digits ` +
        `(e.g. ${EXAMPLE.status}) or a code (e.g. ${EXAMPLE.code}).`,
    )
  }
  if (!isKnownStatus(status)) {
    io.stderr(
      `${BIN}: ${status} is not a status of the Eagle Eye Networks API. Generic meaning: ` +
        `"${describe(status)}"; retryable: ${isRetryable(status) ? 'yes' : 'no'}.\n` +
        `Run \`${BIN} list\` for the ${statusColumn.length} statuses it documents.\n`,
    )
    return ExitCode.NOT_IN_TABLE
  }
  const row = show(status)
  io.stdout(json ? `${JSON.stringify(row)}\n` : block(row, paint))
  return ExitCode.OK
}

/**
 * Runs the command line with `argv` (the arguments after the program's name) and returns the exit
 * code (see {@link ExitCode}). Never throws: an unexpected failure, such as a write that fails,
 * prints one line on stderr and returns 70.
 *
 * Colour (ANSI) is used only when `FORCE_COLOR` asks for it, or when stdout is a terminal,
 * `NO_COLOR` is unset or empty and `TERM` is not `dumb`; JSON is never coloured.
 *
 * @example
 * ```ts
 * const code = run(['463', '--json'], {
 *   stdout: (text) => process.stdout.write(text),
 *   stderr: (text) => process.stderr.write(text),
 *   isTTY: false,
 *   env: process.env,
 *   version: '1.0.0',
 * })
 * // prints {"status":463,"code":"DEVICE_UNREACHABLE",…,"class":"client error","retryable":false}; code is 0
 * ```
 */
export function run(argv: readonly string[], io: CliIO): number {
  try {
    return main(argv, io)
  } catch (error) {
    try {
      const message = error instanceof Error ? error.message : String(error)
      io.stderr(`${BIN}: internal error: ${message.replace(/\s+/g, ' ')}\n`)
    } catch {
      // Nowhere left to report to; the exit code still tells.
    }
    return ExitCode.INTERNAL
  }
}

/** Defined as the package's version by the bin build only (tsup.config.ts). */
declare const __EEN_CLI_VERSION__: string | undefined

// The entry: runs only in the built bin, never when a test or a bundler imports this module.
if (typeof __EEN_CLI_VERSION__ === 'string') {
  // A reader that goes away early (`een-api-errors list | head -1`) is not worth a stack trace.
  process.stdout.on('error', () => {})
  process.exitCode = run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
    version: __EEN_CLI_VERSION__,
  })
}
