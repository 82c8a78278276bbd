/**
 * The command line's options, as a table: each option is one row (its spellings, the placeholder
 * of its value when it takes one, one line of help), and {@link parseArgs} reads any such table.
 * Adding an option to the CLI is adding a row; its help line and its parsing follow.
 *
 * @module
 */

/** One option of a command line. */
export interface OptionSpec {
  /** How it is spelled, e.g. `['-h', '--help']`. */
  readonly names: readonly string[]
  /** The placeholder of the value it takes (`--lang xx`: `'xx'`); absent for a flag. */
  readonly value?: string
  /** One line of help. */
  readonly help: string
}

/** What {@link parseArgs} read: `true` for a flag that was given, the text for an option with a value. */
export type Parsed<T extends Record<string, OptionSpec>> = {
  -readonly [K in keyof T]?: T[K] extends { readonly value: string } ? string : true
}

/** The result of {@link parseArgs}. */
export interface Args<T extends Record<string, OptionSpec>> {
  /** The options given (the last value wins when one is given twice). */
  options: Parsed<T>
  /** Everything that is not an option, in order. */
  operands: string[]
  /** The first problem met (an unknown option, a missing value), or `undefined`. */
  problem: string | undefined
}

/**
 * An argument as messages show it: quoted, escaped and cut short. Every control character is
 * escaped, not only those JSON escapes: DEL, the C1 controls (U+009B starts an escape sequence in
 * some terminals), the line separators and the bidirectional overrides, which reorder what follows.
 */
export function quote(arg: string): string {
  return JSON.stringify(arg.length > 40 ? `${arg.slice(0, 40)}…` : arg).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/** Whether an argument is an option (a negative number is an operand, read as a malformed status). */
function isOption(arg: string): boolean {
  return arg.length > 1 && arg.startsWith('-') && !/^-\d/.test(arg)
}

/**
 * Reads `argv` against a table of options. `--` ends the options; an option with a value takes
 * `--name=value` or the next argument, unless that is an option. Parsing goes on after a problem, so that a later `--help`
 * or `--json` is still seen.
 */
export function parseArgs<T extends Record<string, OptionSpec>>(specs: T, argv: readonly string[]): Args<T> {
  const options: Record<string, string | true> = {}
  const operands: string[] = []
  let problem: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (!isOption(arg)) {
      operands.push(arg)
      continue
    }
    if (arg === '--') {
      operands.push(...argv.slice(i + 1))
      break
    }
    const equals = arg.indexOf('=')
    const name = equals > 0 ? arg.slice(0, equals) : arg
    const key = Object.keys(specs).find((k) => specs[k]!.names.includes(name))
    const spec = key === undefined ? undefined : specs[key]!
    if (spec === undefined || (equals > 0 && spec.value === undefined)) {
      problem ??= `unknown option ${quote(arg)}`
    } else if (spec.value === undefined) {
      options[key!] = true
    } else if (equals > 0) {
      options[key!] = arg.slice(equals + 1)
    } else if (i + 1 < argv.length && !isOption(argv[i + 1]!)) {
      // Not the next option: `-e --json` misses its value, it does not swallow `--json`.
      options[key!] = argv[++i]!
    } else {
      problem ??= `option ${quote(name)} needs a value: ${name} ${spec.value}`
    }
  }
  return { options: options as Parsed<T>, operands, problem }
}

/** The help lines of the options, each name list padded to `width`: `  -h, --help     print this help`. */
export function optionHelp(specs: Record<string, OptionSpec>, width: number): string[] {
  return Object.values(specs).map((spec) => {
    const left = spec.names.join(', ') + (spec.value === undefined ? '' : ` ${spec.value}`)
    return `  ${left.padEnd(width)} ${spec.help}`
  })
}
