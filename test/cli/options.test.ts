// The option parser of the command line, on a table of its own: flags, options that take a value
// (as `--lang xx` will), `--`, and what it reports for an unknown option or a missing value.
import { describe, expect, it } from 'vitest'
import { type OptionSpec, optionHelp, parseArgs, quote } from '../../src/cli/options.js'

const SPECS = {
  json: { names: ['--json'], help: 'print JSON' },
  help: { names: ['-h', '--help'], help: 'print this help' },
  lang: { names: ['--lang', '-l'], value: 'xx', help: 'the language of messages' },
} as const satisfies Record<string, OptionSpec>

describe('parseArgs', () => {
  it('sets a flag given by any of its names, and keeps operands in order', () => {
    expect(parseArgs(SPECS, ['463', '-h', 'list', '--json'])).toEqual({
      options: { help: true, json: true },
      operands: ['463', 'list'],
      problem: undefined,
    })
  })

  it('reads an option value from --name=value or from the next argument; the last one wins', () => {
    expect(parseArgs(SPECS, ['--lang=nl', '463']).options).toEqual({ lang: 'nl' })
    expect(parseArgs(SPECS, ['--lang', 'de', '463'])).toEqual({
      options: { lang: 'de' },
      operands: ['463'],
      problem: undefined,
    })
    expect(parseArgs(SPECS, ['-l', 'fr', '--lang=ja']).options).toEqual({ lang: 'ja' })
    // The next argument is the value even when it is empty; one that is an option is not (below).
    expect(parseArgs(SPECS, ['--lang', '']).options).toEqual({ lang: '' })
    expect(parseArgs(SPECS, ['--lang=']).options).toEqual({ lang: '' })
  })

  it('names an option whose value is missing, with its placeholder', () => {
    expect(parseArgs(SPECS, ['463', '--lang'])).toEqual({
      options: {},
      operands: ['463'],
      problem: 'option "--lang" needs a value: --lang xx',
    })
  })

  it('never takes the next option for a value: the value is missing, and the option is still read', () => {
    expect(parseArgs(SPECS, ['463', '--lang', '--json'])).toEqual({
      options: { json: true },
      operands: ['463'],
      problem: 'option "--lang" needs a value: --lang xx',
    })
    // A value that is no option is taken, a lone "-" and a negative number too.
    expect(parseArgs(SPECS, ['--lang', '-', '463']).options).toEqual({ lang: '-' })
    expect(parseArgs(SPECS, ['--lang', '-4']).options).toEqual({ lang: '-4' })
  })

  it('reports the first unknown option, and reads on so that a later flag is still seen', () => {
    const args = parseArgs(SPECS, ['--bogus', '-x', '--json', '--help=yes', '463'])
    expect(args.problem).toBe('unknown option "--bogus"')
    expect(args.options).toEqual({ json: true })
    expect(args.operands).toEqual(['463'])
    // A flag takes no value: --json=true is no spelling of --json.
    expect(parseArgs(SPECS, ['--json=true']).problem).toBe('unknown option "--json=true"')
    expect(parseArgs(SPECS, ['--lang', 'nl', '--=x']).problem).toBe('unknown option "--=x"')
  })

  it('takes everything after -- as operands, and a negative number or a lone dash as an operand', () => {
    expect(parseArgs(SPECS, ['--json', '--', '--help', '-1', '--'])).toEqual({
      options: { json: true },
      operands: ['--help', '-1', '--'],
      problem: undefined,
    })
    expect(parseArgs(SPECS, ['-1', '-', '-463']).operands).toEqual(['-1', '-', '-463'])
    expect(parseArgs(SPECS, ['--1']).problem).toBe('unknown option "--1"')
  })

  it('knows only its own table: an inherited property name is no option', () => {
    expect(parseArgs(SPECS, ['--toString']).problem).toBe('unknown option "--toString"')
    expect(parseArgs({}, ['--json']).problem).toBe('unknown option "--json"')
  })
})

describe('optionHelp', () => {
  it('one line per option, in table order, names and placeholder padded to the width', () => {
    expect(optionHelp(SPECS, 12)).toEqual([
      '  --json       print JSON',
      '  -h, --help   print this help',
      '  --lang, -l xx the language of messages',
    ])
  })
})

describe('quote', () => {
  it('quotes and escapes an argument, and cuts one longer than 40 characters', () => {
    expect(quote('a"b\u001b')).toBe('"a\\"b\\u001b"')
    // Controls JSON leaves as they are: DEL, C1 (CSI starts an escape sequence), line separators, bidi overrides.
    expect(quote('\u007f\u009b31m\u2028\u202e\u2066\u061c')).toBe('"\\u007f\\u009b31m\\u2028\\u202e\\u2066\\u061c"')
    expect(quote('café ü €')).toBe('"café ü €"')
    expect(quote('x'.repeat(40))).toBe(`"${'x'.repeat(40)}"`)
    expect(quote('x'.repeat(41))).toBe(`"${'x'.repeat(40)}…"`)
  })
})
