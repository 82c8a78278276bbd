#!/usr/bin/env node
/**
 * The command line: `een-api-errors 463`, `een-api-errors list`, `--json`, `--help`, `--version`.
 *
 * Everything it prints derives from the status table; nothing here restates a status, a code or
 * a meaning. Options are rows of {@link OPTIONS} and subcommands rows of {@link COMMANDS}: adding
 * one is adding a row (and its help follows). The logic is {@link run}, a function of the
 * arguments and a small I/O object, so that tests drive every path in process; only the bin build
 * (tsup.config.ts) defines `__EEN_CLI_VERSION__`, so only there does the entry at the bottom run.
 *
 * @module
 */
import {
  callList,
  callNamed,
  callRow,
  callRows,
  callStatusOf,
  calls,
  callsDocumenting,
  callsUsing,
  callTable,
  closestNames,
} from './cli/endpoints.js'
import { BIN, type CliIO, type Context, ExitCode, fail, OPTIONS, print } from './cli/io.js'
import { catalogFor, LANGUAGES, shownIn, withMessage } from './cli/message.js'
import { optionHelp, parseArgs, quote } from './cli/options.js'
import { codeOf, lookUp } from './cli/query.js'
import { block, coloured, plain, table, useColour } from './cli/render.js'
import { describe, isClientError, isKnownStatus, isRetryable } from './status.js'
import { type KnownStatus, STATUS_CODES, statusColumn } from './table/index.js'

export { type CliIO, ExitCode } from './cli/io.js'

/** The subcommands, one row each: what `--help` says of it and what it does. */
const COMMANDS: Readonly<Record<string, { help: string; run(ctx: Context): number }>> = {
  list: {
    help: `every status the API documents (${statusColumn.length}), one per line (-e: the call's)`,
    run(ctx) {
      const { call, catalog } = ctx
      const rows = call
        ? callRows(call).map((row) => withMessage(row, catalog, call))
        : statusColumn.map((status) => shownIn(status, catalog))
      // The two SSO calls have no status table in the docs: said, not an empty screen.
      const none = call && `${call.name}: the docs give this call no status table.\n`
      return print(ctx, rows, (rows.length === 0 && none) || table(rows, ctx.paint))
    },
  },
  endpoints: {
    help: `every documented call (${calls.length} operations): name, method, path`,
    run: (ctx) =>
      ctx.call
        ? usageError(ctx, '--endpoint goes with a status, a code or "list", not with "endpoints"')
        : print(ctx, callList(), callTable(callList())),
  },
}

/** The example shown in help and hints: the last client error of the table. */
const EXAMPLE = /* @__PURE__ */ (() => {
  const status = statusColumn.filter(isClientError).pop() as KnownStatus
  return { status, code: STATUS_CODES[status].code }
})()

/** The synopsis, printed after a usage error. */
const SYNOPSIS = `Usage: ${BIN} <status | code> [--json] [--lang xx]
       ${BIN} <status | code> --endpoint <call> [--json] [--lang xx]
       ${BIN} list [--endpoint <call>] [--json] [--lang xx]
       ${BIN} endpoints [--json]
       ${BIN} --help | --version
`

/** The help text: the synopsis, then the operands, subcommands and options. */
function usage(): string {
  const width = 20
  const lines = [
    `  ${'<status>'.padEnd(width)} a status the API documents, e.g. ${EXAMPLE.status}`,
    `  ${'<code>'.padEnd(width)} or its code, in any case, e.g. ${EXAMPLE.code} or ${EXAMPLE.code.toLowerCase()}`,
    ...Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)} ${command.help}`),
    ...optionHelp(OPTIONS, width),
  ]
  return `${SYNOPSIS}
Explains a status code of the Eagle Eye Networks Cloud API (v1): its code, meaning, class and
whether a client should retry.

${lines.join('\n')}

Exit status: 0 done, 1 a status or call the API does not document, 2 bad usage, 70 internal error.
Colour only on a terminal; NO_COLOR=1 turns it off, FORCE_COLOR=1 (or 0) forces it on (or off).
`
}

/** Reports bad usage, with the synopsis. */
function usageError(ctx: Context, message: string): number {
  return fail(ctx, ExitCode.USAGE, message, `\n${SYNOPSIS}Run \`${BIN} --help\` for more.\n`)
}

/** Reports a call name that no documented call has, with the closest names. */
function unknownCall(ctx: Context, name: string): number {
  const closest = closestNames(name)
  const more = ` Closest: ${closest.join(', ')}.\nRun \`${BIN} endpoints\` for every call.\n`
  return fail(ctx, ExitCode.NOT_IN_TABLE, `no documented call is named ${quote(name)}.`, more, { closest })
}

/** Explains one status or code, as the table or the call named by `--endpoint` means it. */
function explain(ctx: Context, operand: string): number {
  const { call } = ctx
  const query = operand.trim() // Spaces around it, as a shell keeps them in quotes, are no part of it.
  const status = (call && callStatusOf(call, query)) ?? lookUp(query)
  const row = call && status !== undefined ? callRow(call, status) : undefined
  if (row !== undefined) {
    const own = withMessage(row, ctx.catalog, call)
    return print(ctx, own, block(own, ctx.paint))
  }
  // A code of calls only (ACCOUNT_LOCKED): say which, as for a status outside the table.
  const using = status === undefined ? callsUsing(query) : []
  if (using.length > 0) {
    const code = codeOf(query)
    const more = ` Run \`${BIN} ${code} --endpoint ${using[0]}\` for what a call means by it.\n`
    const where = call ? `, and ${call.name} does not use it` : ''
    const message = `${code} is not in the API's status table${where}; these calls use it: ${using.join(', ')}.`
    return fail(ctx, ExitCode.NOT_IN_TABLE, message, more, { code, calls: using })
  }
  if (status === undefined) {
    return usageError(
      ctx,
      `${quote(operand)} is neither a status nor a code of the Eagle Eye Networks API: give three digits ` +
        `(e.g. ${EXAMPLE.status}) or a code (e.g. ${EXAMPLE.code}).`,
    )
  }
  if (!isKnownStatus(status)) {
    const meaning = describe(status)
    const retryable = isRetryable(status)
    // A status outside the table may still be one that calls document (465, 501): say which.
    const documenting = callsDocumenting(status)
    const [first] = documenting
    return fail(
      ctx,
      ExitCode.NOT_IN_TABLE,
      first === undefined
        ? `${status} is not a status of the Eagle Eye Networks API.`
        : `${status} is not in the API's status table${call ? `, and ${call.name} does not document it` : ''}; ` +
            `these calls document it: ${documenting.join(', ')}.`,
      ` Generic meaning: "${meaning}"; retryable: ${retryable ? 'yes' : 'no'}.\n` +
        (first === undefined
          ? `Run \`${BIN} list\` for the ${statusColumn.length} statuses it documents.\n`
          : `Run \`${BIN} ${status} --endpoint ${first}\` for what a call means by it.\n`),
      { status, meaning, retryable, ...(first !== undefined && { calls: documenting }) },
    )
  }
  const shown = shownIn(status, ctx.catalog)
  return print(ctx, shown, block(shown, ctx.paint))
}

/** The command line, without the process. */
function main(argv: readonly string[], io: CliIO): number {
  const { options, operands, problem } = parseArgs(OPTIONS, argv)
  const paint = !options.json && useColour(io.isTTY, io.env) ? coloured : plain
  const call = options.endpoint === undefined ? undefined : callNamed(options.endpoint)
  const ctx: Context = { options, io, paint, catalog: catalogFor(options.lang), call }
  // Help and version win over everything else, as users expect when they add them to a failing line.
  if (options.help || options.version) {
    const [key, text] = options.help ? ['usage', usage()] : ['version', io.version]
    io.stdout(options.json ? `${JSON.stringify({ [key]: text })}\n` : text.endsWith('\n') ? text : `${text}\n`)
    return ExitCode.OK
  }
  if (problem !== undefined) return usageError(ctx, problem)
  if (options.lang !== undefined && ctx.catalog === undefined) {
    return usageError(ctx, `no messages in ${quote(options.lang)}: give ${LANGUAGES}`)
  }
  if (operands.length !== 1) {
    return usageError(
      ctx,
      operands.length === 0
        ? 'give a status, a code or "list"'
        : `give one status, code or "list", not ${operands.length}: ${operands.map(quote).join(' ')}`,
    )
  }
  const operand = operands[0]!
  if (options.endpoint !== undefined && call === undefined) return unknownCall(ctx, options.endpoint)
  const command = operand.trim() // As for a status: `list\r` from a CRLF line is `list`.
  return Object.hasOwn(COMMANDS, command) ? COMMANDS[command]!.run(ctx) : explain(ctx, operand)
}

/**
 * Runs the command line with `argv` (the arguments after the program's name) and returns the exit
 * code (see {@link ExitCode}). Never throws: an unexpected failure, such as a write that fails,
 * prints one line on stderr and returns 70.
 *
 * With `--json`, stdout always holds one JSON value: the row (or the list), or on failure an
 * object with an `error` field (the human message is on stderr too, and the exit code the same).
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
  // A reader that goes away early (`een-api-errors list | head -1`) is not worth a stack trace; any
  // other failed write (a full disk) is said on stderr, with the exit code of an internal error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return
    process.exitCode = ExitCode.INTERNAL
    try {
      process.stderr.write(`${BIN}: cannot write the output: ${error.message}\n`)
    } catch {
      // stderr fails too (a full disk, written synchronously): the exit code still tells.
    }
  })
  // A stderr that no one reads (closed, or full) is nowhere to report to: the exit code says what happened.
  process.stderr.on('error', () => {})
  process.exitCode = run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
    version: __EEN_CLI_VERSION__,
  })
}
