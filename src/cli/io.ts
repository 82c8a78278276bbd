/**
 * What every command of the command line shares: its options, where it writes, its exit codes,
 * and how it prints a result or reports a failure.
 *
 * @module
 */
import type { Endpoint } from '../endpoints/index.js'
import type { LanguageCatalog } from '../messages/types.js'
import { LANGUAGES } from './message.js'
import type { OptionSpec, Parsed } from './options.js'
import type { Paint } from './render.js'

/** Where `run` writes, and what it knows of its surroundings. */
export interface CliIO {
  /** Writes text to standard output. */
  stdout(text: string): void
  /** Writes text to standard error. */
  stderr(text: string): void
  /** Whether standard output is a terminal: colour is used only there (see `run`). */
  isTTY: boolean
  /** The environment: `NO_COLOR`, `FORCE_COLOR` and `TERM` decide colour. */
  env: Readonly<Record<string, string | undefined>>
  /** What `--version` prints: the package's version. */
  version: string
}

/**
 * The exit codes of `run`: 0 done, 1 a well-formed status (or a call) that the API does not document,
 * 2 bad usage, 70 an unexpected failure (`EX_SOFTWARE` of sysexits.h).
 */
export const ExitCode = Object.freeze({ OK: 0, NOT_IN_TABLE: 1, USAGE: 2, INTERNAL: 70 } as const)

/** The name the bin is installed under, used in messages. */
export const BIN = 'een-api-errors'

/** The options of the command line, one row each; `--help` lists them in this order. */
export const OPTIONS = {
  endpoint: { names: ['-e', '--endpoint'], value: 'call', help: 'as the documented call means it (see endpoints)' },
  json: { names: ['--json'], help: 'print JSON: one object, or an array for list; on failure {"error": …}' },
  lang: { names: ['--lang'], value: 'xx', help: `also print what a person sees, in ${LANGUAGES}` },
  help: { names: ['-h', '--help'], help: 'print this help' },
  version: { names: ['-v', '--version'], help: 'print the version' },
} as const satisfies Record<string, OptionSpec>

/** What a command gets: the parsed options, the output, and how to paint. */
export interface Context {
  options: Parsed<typeof OPTIONS>
  io: CliIO
  paint: Paint
  catalog: LanguageCatalog | undefined // what --lang names
  call: Endpoint | undefined // what --endpoint names
}

/** Prints a result: JSON when asked for, else the human text. */
export function print(ctx: Context, value: unknown, text: string): number {
  ctx.io.stdout(ctx.options.json ? `${JSON.stringify(value)}\n` : text)
  return ExitCode.OK
}

/**
 * Reports a failure: `message` then `more` on stderr and, with `--json`, a JSON object on stdout
 * whose `error` field is `message` (plus `details`), so that a script reading stdout gets JSON.
 */
export function fail(ctx: Context, exit: number, message: string, more: string, details: object = {}): number {
  ctx.io.stderr(`${BIN}: ${message}${more}`)
  if (ctx.options.json) ctx.io.stdout(`${JSON.stringify({ error: message, ...details })}\n`)
  return exit
}
