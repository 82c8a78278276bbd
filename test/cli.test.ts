// The command line: `run` in process for every path (colour on a terminal included), then the real
// built bin (dist/cli.js) spawned with node, and the bin of the packed tarball as a user installs it.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { type CliIO, ExitCode, run } from '../src/cli.js'
import { de, es, fr, nl } from '../src/messages/all.js'
import { englishMessages } from '../src/messages/index.js'
import { describe as describeStatus, isRetryable } from '../src/status.js'
import { STATUS_CODES, statusColumn } from '../src/table/index.js'
import { callCli } from './fixtures/cli.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BIN = join(ROOT, 'dist/cli.js')
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }

const ESC = '\u001b'
const ANSI = new RegExp(`${ESC}\\[[0-9;]*m`, 'g')
const STACK_LINE = '    at '
const rows = statusColumn.map((status) => STATUS_CODES[status])
const CLASS_BY_DIGIT: Record<number, string> = { 2: 'success', 3: 'redirect', 4: 'client error', 5: 'server error' }
const classOf = (status: number) => CLASS_BY_DIGIT[Math.floor(status / 100)]
const expectedJson = (status: (typeof statusColumn)[number]) => {
  const row = STATUS_CODES[status]
  return { status, code: row.code, meaning: row.meaning, class: classOf(status), retryable: row.retryable }
}

interface Result {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the CLI in process; by default not on a terminal, with an empty environment. */
const call = (args: readonly string[], options: Partial<Pick<CliIO, 'isTTY' | 'env'>> = {}): Result =>
  callCli(args, { ...options, version })

/** Asserts a usage error: exit 2, nothing on stdout, the message and the synopsis on stderr. */
function expectUsageError(result: Result, message: string | RegExp) {
  expect(result.code).toBe(2)
  expect(result.stdout).toBe('')
  expect(result.stderr).toMatch(message)
  expect(result.stderr).toContain('Usage: een-api-errors <status | code> [--json]')
  expect(result.stderr).toContain('een-api-errors --help')
}

describe('run: one status', () => {
  it.each(statusColumn)('%i: code, meaning, class and retry advice, in three lines', (status) => {
    const row = STATUS_CODES[status]
    const result = call([String(status)])
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    const [head, meaning, advice, end, ...more] = result.stdout.split('\n')
    expect(head).toBe(`${status} ${row.code} (${classOf(status)})`)
    expect(meaning).toBe(row.meaning)
    expect(advice).toMatch(row.retryable ? /^Retryable: the API .{8,80}\.$/ : /^Not retryable: .{10,80}\.$/)
    expect([end, more]).toEqual(['', []])
    expect(result.stdout).not.toContain(ESC)
  })

  it('gives the reason for the retry advice in the API’s own words where it has them, else by class', () => {
    const advice = (status: number) => call([String(status)]).stdout.split('\n')[2]
    expect(advice(429)).toBe(
      'Retryable: the API asks clients to slow down, so wait (see Retry-After) before sending it again.',
    )
    expect(advice(502)).toBe('Retryable: the API says to try again.')
    expect(advice(504)).toBe('Retryable: the API says to try again.')
    for (const status of [463, 500, 503]) expect(advice(status)).toBe('Not retryable: the API says to contact support.')
    expect(advice(404)).toBe('Not retryable: the same request would fail again until something changes.')
    expect(advice(200)).toBe('Not retryable: a success, nothing to retry.')
    expect(advice(301)).toBe('Not retryable: follow the redirect instead.')
  })

  it('agrees with isRetryable for every row', () => {
    for (const status of statusColumn) {
      expect(
        call([String(status)])
          .stdout.split('\n')[2]!
          .startsWith('Retryable'),
      ).toBe(isRetryable(status))
    }
  })

  it('names each class in the words describe uses for an unlisted status of the same hundred', () => {
    for (const status of statusColumn) {
      const unlisted = Math.floor(status / 100) * 100 + 99
      expect(describeStatus(unlisted)).toContain(classOf(status))
    }
  })

  it('accepts the status with surrounding whitespace, and the code in any case, with - or _', () => {
    const expected = call(['463'])
    for (const form of [
      ' 463 ',
      '463\r\n',
      '\t463',
      'DEVICE_UNREACHABLE',
      'device_unreachable',
      'Device-Unreachable',
    ]) {
      expect(call([form])).toEqual(expected)
    }
    expect(call(['too_many_requests'])).toEqual(call(['429']))
    expect(call(['ok'])).toEqual(call(['200']))
  })

  it('takes list and endpoints with surrounding whitespace too, as a status (a CRLF line keeps its \\r)', () => {
    for (const command of ['list', 'endpoints']) {
      for (const form of [` ${command} `, `${command}\r`, `${command}\r\n`]) {
        expect(call([form])).toEqual(call([command]))
        expect(call([form, '--json'])).toEqual(call([command, '--json']))
      }
    }
  })

  it('--json prints one object that JSON.parse reads, matching the table, before or after the status', () => {
    for (const status of statusColumn) {
      const result = call(['--json', String(status)])
      expect(result.code).toBe(0)
      expect(result.stderr).toBe('')
      expect(result.stdout.endsWith('}\n')).toBe(true)
      expect(result.stdout.trimEnd()).not.toContain('\n')
      expect(JSON.parse(result.stdout)).toEqual(expectedJson(status))
    }
    expect(call(['463', '--json'])).toEqual(call(['--json', '463']))
    expect(JSON.parse(call(['--json', 'device_unreachable']).stdout)).toEqual(expectedJson(463))
    expect(call(['--json', '463']).stdout).toBe(
      '{"status":463,"code":"DEVICE_UNREACHABLE","meaning":"Unable to communicate with the camera or bridge, contact support","class":"client error","retryable":false}\n',
    )
  })
})

describe('run: list', () => {
  it('prints every row of the table in table order, one line each, in aligned columns', () => {
    const result = call(['list'])
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    const lines = result.stdout.split('\n')
    expect(lines.pop()).toBe('')
    expect(lines).toHaveLength(26)
    const width = Math.max(...rows.map((row) => row.code.length))
    lines.forEach((line, i) => {
      const row = rows[i]!
      expect(line).toBe(`${row.status}  ${row.code.padEnd(width)}  ${row.meaning}`)
      expect(line.indexOf(row.meaning)).toBe(3 + 2 + width + 2)
    })
    expect(result.stdout).not.toContain(ESC)
  })

  it('list --json prints an array of every row, in table order', () => {
    const result = call(['list', '--json'])
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout)).toEqual(statusColumn.map(expectedJson))
    expect(call(['--json', 'list'])).toEqual(result)
  })
})

describe('run: --lang', () => {
  it('prints what a person sees, in that language, after the meaning', () => {
    const result = call(['463', '--lang', 'nl'])
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.stdout.split('\n')).toEqual([
      '463 DEVICE_UNREACHABLE (client error)',
      STATUS_CODES[463].meaning,
      `A person sees: ${nl.DEVICE_UNREACHABLE}`,
      'Not retryable: the API says to contact support.',
      '',
    ])
  })

  it('takes a locale, --lang=xx, and English', () => {
    expect(call(['402', '--lang=de-CH']).stdout).toContain(`A person sees: ${de.ACCOUNT_SUSPENDED}\n`)
    expect(call(['402', '--lang', 'fr_CA']).stdout).toContain(`A person sees: ${fr.ACCOUNT_SUSPENDED}\n`)
    // A region of digits, as BCP 47 writes Latin America.
    expect(call(['402', '--lang', 'es-419']).stdout).toContain(`A person sees: ${es.ACCOUNT_SUSPENDED}\n`)
    // A POSIX locale, as `$LANG` writes one: its character set and modifier name no language.
    expect(call(['402', '--lang', 'nl_NL.UTF-8']).stdout).toContain(`A person sees: ${nl.ACCOUNT_SUSPENDED}\n`)
    expect(call(['402', '--lang', 'de_DE@euro']).stdout).toContain(`A person sees: ${de.ACCOUNT_SUSPENDED}\n`)
    expect(call(['402', '--lang', 'fr.ISO-8859-1']).stdout).toContain(`A person sees: ${fr.ACCOUNT_SUSPENDED}\n`)
    for (const lang of ['en', 'EN-gb', ' en ', 'en_US', 'en_US.UTF-8', 'en.utf8']) {
      expect(call(['402', '--lang', lang]).stdout).toContain(`A person sees: ${englishMessages.ACCOUNT_SUSPENDED}\n`)
    }
  })

  it('--json adds the message to the object, and only with --lang', () => {
    expect(JSON.parse(call(['429', '--json', '--lang', 'ja']).stdout)).toEqual({
      ...expectedJson(429),
      message: '操作が速すぎます。少し待ってから、もう一度お試しください。',
    })
    expect(JSON.parse(call(['429', '--json']).stdout)).not.toHaveProperty('message')
  })

  it('list prints each error’s message under its row, aligned with the meanings; a success has none', () => {
    const lines = call(['list', '--lang', 'es']).stdout.split('\n')
    const width = Math.max(...rows.map((row) => row.code.length))
    expect(lines).toHaveLength(26 + 22 + 1)
    expect(lines.slice(3, 7)).toEqual([
      `204  ${'LOGGED_OUT'.padEnd(width)}  ${STATUS_CODES[204].meaning}`,
      `301  ${'MOVED'.padEnd(width)}  ${STATUS_CODES[301].meaning}`,
      `${' '.repeat(3 + 2 + width + 2)}${es.MOVED}`,
      `400  ${'BAD_REQUEST'.padEnd(width)}  ${STATUS_CODES[400].meaning}`,
    ])
    const json = JSON.parse(call(['list', '--json', '--lang', 'es']).stdout) as { status: number; message?: string }[]
    expect(json.filter((row) => row.message === undefined).map((row) => row.status)).toEqual([200, 201, 202, 204])
  })

  it('a language without messages is bad usage, not English in its place', () => {
    expectUsageError(
      call(['402', '--lang', 'pt']),
      /^een-api-errors: no messages in "pt": give en, nl, de, fr, es or ja\n/,
    )
    expectUsageError(call(['402', '--lang', '']), /no messages in ""/)
    expectUsageError(call(['402', '--lang', 'eng']), /no messages in "eng"/)
    // A tag that only ends like English is no English.
    expectUsageError(call(['402', '--lang', 'xen']), /no messages in "xen"/)
    expectUsageError(call(['402', '--lang', 'pt,en']), /no messages in "pt,en"/)
    // The C locale, and a character set alone, name no language.
    for (const lang of ['C.UTF-8', 'POSIX', 'pt_BR.UTF-8', '.UTF-8', 'nl.', 'nl@']) {
      expectUsageError(call(['402', '--lang', lang]), /no messages in /)
    }
  })

  it('takes one language tag: a list or header value is refused whichever language it names first', () => {
    for (const lang of ['en, nl', 'nl, en', 'en;q=0.5', 'nl;q=0.5', 'de,*', '*']) {
      expectUsageError(call(['402', '--lang', lang]), /no messages in /)
    }
    expectUsageError(call(['402', '--lang']), /option "--lang" needs a value: --lang xx/)
  })
})

describe('run: colour', () => {
  const colourOf = (args: string[], isTTY: boolean, env: Record<string, string | undefined>) =>
    call(args, { isTTY, env }).stdout.includes(ESC)

  it('colours status and code on a terminal, without moving a column', () => {
    for (const args of [['list'], ['463'], ['200'], ['301'], ['503']]) {
      const painted = call(args, { isTTY: true })
      expect(painted.stdout).toContain(ESC)
      expect(painted.stdout.replace(ANSI, '')).toBe(call(args).stdout)
    }
    expect(call(['463'], { isTTY: true }).stdout).toMatch(
      new RegExp(`^${ESC}\\[1;33m463 DEVICE_UNREACHABLE${ESC}\\[22;39m`),
    )
    // Each class its own colour: green, cyan, yellow, red.
    const firstEscape = (status: number) => call([String(status)], { isTTY: true }).stdout.split('m')[0]
    expect(new Set([200, 301, 404, 500].map(firstEscape)).size).toBe(4)
  })

  it('respects NO_COLOR when present and non-empty, and TERM=dumb', () => {
    expect(colourOf(['list'], true, { NO_COLOR: '1' })).toBe(false)
    expect(colourOf(['463'], true, { NO_COLOR: 'yes' })).toBe(false)
    expect(colourOf(['list'], true, { NO_COLOR: '' })).toBe(true)
    expect(colourOf(['list'], true, { TERM: 'dumb' })).toBe(false)
    expect(colourOf(['list'], true, { TERM: 'xterm-256color' })).toBe(true)
  })

  it('never colours when stdout is not a terminal, unless FORCE_COLOR asks', () => {
    expect(colourOf(['list'], false, {})).toBe(false)
    expect(colourOf(['list'], false, { FORCE_COLOR: '1' })).toBe(true)
    expect(colourOf(['list'], false, { FORCE_COLOR: '' })).toBe(true)
    expect(colourOf(['list'], false, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true)
    expect(colourOf(['list'], true, { FORCE_COLOR: '0' })).toBe(false)
    expect(colourOf(['list'], true, { FORCE_COLOR: 'false' })).toBe(false)
  })

  it('never colours JSON', () => {
    expect(colourOf(['list', '--json'], true, { FORCE_COLOR: '1' })).toBe(false)
    expect(colourOf(['463', '--json'], true, {})).toBe(false)
  })
})

describe('run: help and version', () => {
  it('--help and -h print the usage on stdout and exit 0, whatever else the line holds', () => {
    const help = call(['--help'])
    expect(help.code).toBe(0)
    expect(help.stderr).toBe('')
    expect(help.stdout).toMatch(/^Usage: een-api-errors <status \| code> \[--json\] \[--lang xx\]\n/)
    for (const words of [
      'list [--endpoint <call>] [--json] [--lang xx]',
      '--lang xx',
      'en, nl, de, fr, es or ja',
      '--version',
      'NO_COLOR',
      'FORCE_COLOR',
      'Exit status',
      '463',
      'DEVICE_UNREACHABLE',
    ]) {
      expect(help.stdout).toContain(words)
    }
    expect(help.stdout).toContain('(26)')
    for (const args of [['-h'], ['418', '--help'], ['--bogus', '-h'], ['--version', '--help'], ['a', 'b', '-h']]) {
      expect(call(args)).toEqual(help)
    }
  })

  it('--version and -v print the package version', () => {
    expect(call(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' })
    expect(call(['-v', 'abc'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' })
  })
})

describe('run: statuses the table does not hold', () => {
  // The generic text and the retry policy of DESIGN §1–2 for a status outside the table.
  it.each([
    [418, 'Unexpected client error (HTTP 418)', false],
    [999, 'Not a valid HTTP status', false],
    [100, 'Unexpected informational response (HTTP 100)', false],
    [599, 'Unexpected server error (HTTP 599)', true],
    [408, 'Unexpected client error (HTTP 408)', true],
    [505, 'Unexpected server error (HTTP 505)', false],
  ] as const)('%i: a message on stderr with the generic text, exit 1', (status, meaning, retryable) => {
    const result = call([String(status)])
    expect(result.code).toBe(ExitCode.NOT_IN_TABLE)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(
      `een-api-errors: ${status} is not a status of the Eagle Eye Networks API. Generic meaning: "${meaning}"; ` +
        `retryable: ${retryable ? 'yes' : 'no'}.\nRun \`een-api-errors list\` for the 26 statuses it documents.\n`,
    )
    // With --json the same message and exit code, and stdout holds a JSON object naming the error.
    const json = call([String(status), '--json'])
    expect({ ...json, stdout: '' }).toEqual(result)
    expect(JSON.parse(json.stdout)).toEqual({
      error: `${status} is not a status of the Eagle Eye Networks API.`,
      status,
      meaning,
      retryable,
    })
  })

  it('applies the retry policy for unlisted statuses in its message', () => {
    expect(call(['408']).stderr).toContain('retryable: yes')
    expect(call(['418']).stderr).toContain('Unexpected client error (HTTP 418)')
    expect(call(['999']).stderr).toContain('Not a valid HTTP status')
  })
})

describe('run: bad usage (exit 2, usage on stderr)', () => {
  it('no argument', () => {
    expectUsageError(call([]), /^een-api-errors: give a status, a code or "list"\n/)
    expect({ ...call(['--json']), stdout: '' }).toEqual(call([]))
  })

  it.each([
    'abc',
    '4.5',
    '',
    ' ',
    '-1',
    '-463',
    '1e3',
    '+463',
    '0x1cf',
    '0463',
    '046',
    '46',
    '4630',
    'NaN',
    'Infinity',
    '463abc',
    '4 63',
    '٤٦٣',
    '-',
    'LIST',
    'lsit',
    'TEAPOT',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'DEVICE UNREACHABLE',
  ])('malformed %j', (arg) => {
    expectUsageError(call([arg]), `een-api-errors: ${JSON.stringify(arg)} is neither a status nor a code`)
  })

  it('unknown options', () => {
    for (const option of ['--bogus', '-x', '--JSON', '-json', '--json=true', '-hv', '--no-color']) {
      expectUsageError(call([option, '463']), `een-api-errors: unknown option ${JSON.stringify(option)}`)
    }
  })

  it('more than one status, or list with a status', () => {
    expectUsageError(call(['463', '429']), 'give one status, code or "list", not 2: "463" "429"')
    expectUsageError(call(['list', '463']), 'not 2: "list" "463"')
    expectUsageError(call(['1', '2', '3']), 'not 3')
  })

  it('takes everything after -- as an operand', () => {
    expect(call(['--', '463'])).toEqual(call(['463']))
    expect(call(['--json', '--', 'list'])).toEqual(call(['list', '--json']))
    expectUsageError(call(['--', '-1']), '"-1" is neither')
    expectUsageError(call(['--', '--json']), '"--json" is neither')
    expectUsageError(call(['--', '--help']), '"--help" is neither')
  })

  it('quotes an argument of exactly 40 characters whole, and cuts a longer one', () => {
    const forty = `--${'x'.repeat(38)}`
    expect(call([forty]).stderr).toContain(`unknown option "${forty}"\n`)
    expect(call([`${forty}y`]).stderr).toContain(`unknown option "${forty}…"\n`)
  })

  it('takes an argument as a negative number only when a digit follows its first dash', () => {
    expect(call(['--1']).stderr).toContain('unknown option "--1"')
    expect(call(['-1']).stderr).toContain('"-1" is neither a status nor a code')
  })

  it('quotes what it echoes: control characters escaped, long input cut short', () => {
    const hostile = `${ESC}[2J${ESC}]0;pwned\u0007`
    const result = call([hostile])
    expect(result.code).toBe(2)
    expect(result.stderr).not.toContain(ESC)
    expect(result.stderr).toContain('\\u001b[2J')
    const long = call(['x'.repeat(10_000)])
    expect(long.stderr).toContain(`"${'x'.repeat(40)}…"`)
    expect(long.stderr.length).toBeLessThan(600)
    expect(call([`--${'y'.repeat(100)}`]).stderr).toContain(`"--${'y'.repeat(38)}…"`)
  })
})

describe('run: --json on a failure', () => {
  it('malformed input and bad usage: the message on stderr as without --json, exit 2, and {"error"} on stdout', () => {
    for (const args of [
      ['abc'],
      ['4.5'],
      ['-1'],
      [],
      ['463', '429'],
      ['--bogus'],
      ['--', '--json'],
      ['x'.repeat(100)],
    ]) {
      const plain = call(args)
      const json = call(['--json', ...args])
      expect(json.code, args.join(' ')).toBe(ExitCode.USAGE)
      expect(json.stderr).toBe(plain.stderr)
      const first = plain.stderr.split('\n')[0]!.replace(/^een-api-errors: /, '')
      expect(JSON.parse(json.stdout)).toEqual({ error: first })
      expect(json.stdout.endsWith('}\n')).toBe(true)
    }
  })

  it('names the problem in the error field: an unknown option, a malformed status, a missing one', () => {
    const error = (args: string[]) => (JSON.parse(call(args).stdout) as { error: string }).error
    expect(error(['--json', '--bogus'])).toBe('unknown option "--bogus"')
    expect(error(['abc', '--json'])).toMatch(/^"abc" is neither a status nor a code of the Eagle Eye Networks API/)
    expect(error(['--json'])).toBe('give a status, a code or "list"')
  })

  it('a --json after -- is an operand, not the option: no JSON then', () => {
    const result = call(['--', '--json'])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
  })
})

describe('run: never throws', () => {
  it('an output that throws gives one line on stderr and exit 70', () => {
    let stderr = ''
    const io = (failure: unknown): CliIO => ({
      stdout: () => {
        throw failure
      },
      stderr: (text) => {
        stderr += text
      },
      isTTY: false,
      env: {},
      version,
    })
    expect(run(['463'], io(new Error('write EPIPE\n    at Socket.write (node:net:1)')))).toBe(ExitCode.INTERNAL)
    expect(stderr).toBe('een-api-errors: internal error: write EPIPE at Socket.write (node:net:1)\n')
    stderr = ''
    expect(run(['list'], io('a string'))).toBe(70)
    expect(stderr).toBe('een-api-errors: internal error: a string\n')
    stderr = ''
    // Even a thrown value that cannot be turned into a string.
    expect(run(['--help'], io(Object.create(null)))).toBe(70)
    expect(stderr).toBe('')
  })

  it('when stderr throws too, it still returns 70', () => {
    const throwing = () => {
      throw new Error('closed')
    }
    expect(run(['418'], { stdout: throwing, stderr: throwing, isTTY: false, env: {}, version })).toBe(70)
    expect(run(['463'], { stdout: throwing, stderr: throwing, isTTY: false, env: {}, version })).toBe(70)
  })

  it('any argument list: returns 0, 1 or 2 and never a stack; a failure is on stderr, and with --json also as JSON on stdout', () => {
    const token = fc.oneof(
      fc.string(),
      fc.constantFrom('--json', 'list', '--', '-1', '', ' 463 ', 'ok', '418', '999'),
      fc.constantFrom(...statusColumn.map(String)),
      fc.integer({ min: -1000, max: 10_000 }).map(String),
    )
    fc.assert(
      fc.property(fc.array(token, { maxLength: 4 }), fc.boolean(), (args, isTTY) => {
        const result = call(args, { isTTY })
        expect([0, 1, 2]).toContain(result.code)
        expect(result.stderr === '').toBe(result.code === 0)
        expect(result.stderr).not.toContain(STACK_LINE)
        const end = args.indexOf('--')
        const json = (end === -1 ? args : args.slice(0, end)).includes('--json')
        if (!json) expect(result.stdout === '').toBe(result.code !== 0)
        else if (result.code !== 0) expect(JSON.parse(result.stdout)).toHaveProperty('error')
      }),
      { numRuns: 500 },
    )
  })
})

describe('the entry (bin build only)', () => {
  it('runs nothing when imported: importing this module in a test printed nothing', () => {
    // The static import above evaluated src/cli.ts without __EEN_CLI_VERSION__ defined.
    expect(typeof (globalThis as { __EEN_CLI_VERSION__?: unknown }).__EEN_CLI_VERSION__).toBe('undefined')
  })

  it('with the version defined, runs the CLI with process.argv, process.stdout/stderr and process.env', async () => {
    const saved = {
      argv: process.argv,
      exitCode: process.exitCode,
      errorListeners: process.stdout.listeners('error'),
      stderrListeners: process.stderr.listeners('error'),
    }
    const out: string[] = []
    const err: string[] = []
    const stdoutWrite = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0)
    const stderrWrite = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => err.push(String(chunk)) > 0)
    vi.stubGlobal('__EEN_CLI_VERSION__', '9.8.7')
    try {
      const entry = async (...args: string[]) => {
        process.argv = [process.execPath, '/usr/local/bin/een-api-errors', ...args]
        vi.resetModules()
        await import('../src/cli.js')
        return process.exitCode
      }
      expect(await entry('--version')).toBe(0)
      expect(out).toEqual(['9.8.7\n'])
      expect(await entry('418')).toBe(1)
      expect(err.join('')).toContain('418 is not a status')
      expect(await entry('--bogus')).toBe(2)
      // Each import added one listener for stdout errors: a reader gone early (EPIPE) is no failure,
      // any other failed write is said on stderr and exits 70.
      const added = process.stdout.listeners('error').filter((listener) => !saved.errorListeners.includes(listener))
      expect(added).toHaveLength(3)
      err.length = 0
      process.exitCode = 0
      for (const listener of added) {
        expect(() =>
          listener.call(process.stdout, Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })),
        ).not.toThrow()
        process.stdout.removeListener('error', listener as (error: Error) => void)
      }
      expect(err).toEqual([])
      expect(process.exitCode).toBe(0)
      const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
      added[0]!.call(process.stdout, full)
      expect(err.join('')).toBe('een-api-errors: cannot write the output: ENOSPC: no space left on device, write\n')
      expect(process.exitCode).toBe(70)
      // stderr failing too, at once (a full disk, written synchronously): the exit code still says 70.
      stderrWrite.mockImplementation(() => {
        throw full
      })
      process.exitCode = 0
      expect(() => added[0]!.call(process.stdout, full)).not.toThrow()
      expect(process.exitCode).toBe(70)
      // A stderr no one reads: its errors are swallowed, the exit code left as it is.
      const quiet = process.stderr.listeners('error').filter((listener) => !saved.stderrListeners.includes(listener))
      expect(quiet).toHaveLength(3)
      for (const listener of quiet) {
        expect(() =>
          listener.call(process.stderr, Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })),
        ).not.toThrow()
        process.stderr.removeListener('error', listener as (error: Error) => void)
      }
      expect(process.exitCode).toBe(70)
    } finally {
      stdoutWrite.mockRestore()
      stderrWrite.mockRestore()
      vi.unstubAllGlobals()
      process.argv = saved.argv
      process.exitCode = saved.exitCode
    }
  })
})

describe('the entry on a terminal', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.unstubAllEnvs()
    vi.restoreAllMocks()
  })

  it('colours its output exactly when stdout is a terminal', async () => {
    const saved = { argv: process.argv, exitCode: process.exitCode, isTTY: process.stdout.isTTY }
    const listeners = process.stdout.listeners('error')
    const out: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0)
    vi.stubGlobal('__EEN_CLI_VERSION__', '9.8.7')
    for (const name of ['FORCE_COLOR', 'NO_COLOR', 'TERM']) vi.stubEnv(name, undefined as never)
    try {
      const entry = async (isTTY: boolean | undefined) => {
        Object.defineProperty(process.stdout, 'isTTY', { value: isTTY, configurable: true, writable: true })
        process.argv = [process.execPath, '/usr/local/bin/een-api-errors', '463']
        out.length = 0
        vi.resetModules()
        await import('../src/cli.js')
        return out.join('')
      }
      expect(await entry(true)).toContain(ESC)
      expect(await entry(false)).not.toContain(ESC)
      expect(await entry(undefined)).not.toContain(ESC)
    } finally {
      Object.defineProperty(process.stdout, 'isTTY', { value: saved.isTTY, configurable: true, writable: true })
      process.argv = saved.argv
      process.exitCode = saved.exitCode
      for (const listener of process.stdout.listeners('error')) {
        if (!listeners.includes(listener)) process.stdout.removeListener('error', listener as (e: Error) => void)
      }
    }
  })
})

describe('README', () => {
  it('shows what the command really prints, in its "Command line" section', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const block = /## Command line\n[\s\S]*?```console\n([\s\S]*?)```/.exec(readme)?.[1]
    expect(block, 'README.md has a ```console block under "## Command line"').toBeDefined()
    const sessions = block!.split(/^\$ npx een-api-errors /m).slice(1)
    expect(sessions.length).toBeGreaterThanOrEqual(3)
    for (const session of sessions) {
      const [line, ...output] = session.split('\n')
      const result = call(line!.split(' '))
      expect(output.join('\n'), line).toBe(result.stdout + result.stderr)
    }
  })
})

// ---- The real bin ----

/** The environment of a spawned bin: this one, without anything that decides colour. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra }
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'NODE_OPTIONS']) if (!(name in extra)) delete env[name]
  return env
}

/** Runs a program to completion, bounded by a timeout. */
function spawnOnce(file: string, args: readonly string[], env: NodeJS.ProcessEnv = cleanEnv()): Result {
  const child = spawnSync(file, args, { encoding: 'utf8', timeout: 15_000, killSignal: 'SIGKILL', env })
  if (child.error) throw child.error
  return { code: child.status, stdout: child.stdout, stderr: child.stderr }
}

const bin = (args: readonly string[], env?: NodeJS.ProcessEnv) => spawnOnce(process.execPath, [BIN, ...args], env)

describe('the built bin (dist/cli.js)', () => {
  beforeAll(() => {
    if (!existsSync(BIN)) {
      throw new Error(`${BIN} is missing: run \`npm run build\` first (\`npm test\` builds before it tests)`)
    }
  })

  it('is the package.json bin, written as npm normalizes it', () => {
    const { bin: bins } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      bin: Record<string, string>
    }
    // npm 11 rewrites `./dist/cli.js` at publish and warns that the bin "was invalid and removed".
    expect(bins).toEqual({ 'een-api-errors': 'dist/cli.js' })
    expect(join(ROOT, bins['een-api-errors']!)).toBe(BIN)
  })

  it('starts with the node shebang and is executable', () => {
    expect(readFileSync(BIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node')
    expect(statSync(BIN).mode & 0o111).toBe(0o111)
  })

  it('is not reachable from the library entry', () => {
    for (const file of ['dist/index.js', 'dist/index.cjs']) {
      const built = readFileSync(join(ROOT, file), 'utf8')
      expect(built).not.toContain('een-api-errors: ')
      expect(built).not.toContain('process.argv')
    }
    expect(readFileSync(join(ROOT, 'src/index.ts'), 'utf8')).not.toMatch(/cli(\.js)?['"]/)
  })

  it('prints exactly what run prints, with the same exit code, on every path', () => {
    const lines = [
      ['463'],
      ['--json', '463'],
      [' device-unreachable '],
      ['list'],
      ['list', '--json'],
      ['--help'],
      ['418'],
      ['999'],
      [],
      ['abc'],
      ['4.5'],
      [''],
      ['-1'],
      ['1e3'],
      ['463', '429'],
      ['--bogus'],
      ['--', '-1'],
      ['418', '--json'],
      ['abc', '--json'],
      ['--json', '--bogus'],
    ]
    for (const args of lines) expect(bin(args), args.join(' ')).toEqual(call(args))
  })

  // /dev/full (Linux) fails every write with ENOSPC, as a full disk does.
  it.skipIf(!existsSync('/dev/full'))('says so and exits 70 when its output cannot be written', () => {
    const full = openSync('/dev/full', 'w')
    try {
      const child = spawnSync(process.execPath, [BIN, 'list'], {
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
        timeout: 15_000,
        killSignal: 'SIGKILL',
      })
      expect(child.status).toBe(70)
      expect(child.stderr).toMatch(/^een-api-errors: cannot write the output: ENOSPC/)
      expect(child.stderr).not.toContain(STACK_LINE)
    } finally {
      closeSync(full)
    }
  })

  it.skipIf(!existsSync('/dev/full'))('exits 70 when neither its output nor stderr can be written', () => {
    const full = openSync('/dev/full', 'w')
    try {
      const child = spawnSync(process.execPath, [BIN, '463'], {
        stdio: ['ignore', full, full],
        timeout: 15_000,
        killSignal: 'SIGKILL',
      })
      expect(child.status).toBe(70)
    } finally {
      closeSync(full)
    }
  })

  it('a stderr that no one reads changes no exit code: 2 for bad usage, 1 for a status the table does not hold', async () => {
    for (const [args, expected] of [
      [['abc'], 2],
      [['--bogus'], 2],
      [['418'], 1],
    ] as const) {
      const child: ChildProcess = spawn(process.execPath, [BIN, ...args], {
        stdio: ['ignore', 'ignore', 'pipe'],
        timeout: 15_000,
        env: cleanEnv(),
      })
      child.stderr!.destroy()
      const code = await new Promise((exited) => child.on('close', exited))
      expect(code, args.join(' ')).toBe(expected)
    }
  })

  it('exit codes: 0 for a documented status, 1 for one the table does not hold, 2 for bad usage', () => {
    expect(bin(['463']).code).toBe(0)
    expect(bin(['418']).code).toBe(1)
    expect(bin(['999']).code).toBe(1)
    for (const args of [['abc'], ['4.5'], [''], ['-1'], ['1e3'], ['463', '429'], ['--bogus'], []]) {
      expect(bin(args).code, args.join(' ')).toBe(2)
    }
  })

  it('states the problem on stderr, never with a stack trace', () => {
    const unknown = bin(['418'])
    expect(unknown.stdout).toBe('')
    expect(unknown.stderr).toContain('418 is not a status of the Eagle Eye Networks API')
    expect(unknown.stderr).toContain('Unexpected client error (HTTP 418)')
    for (const args of [
      ['abc'],
      [''],
      ['--bogus'],
      [],
      ['x'.repeat(100_000)],
      ['\u0007'],
      ['\ud800'],
      ['463', '--', '--'],
    ]) {
      const result = bin(args)
      expect(result.stdout).toBe('')
      expect(result.stderr).toMatch(/^een-api-errors: /)
      expect(result.stderr).not.toContain(STACK_LINE)
    }
  })

  it('--json parses and matches the table', () => {
    for (const status of [200, 429, 463, 503]) {
      expect(JSON.parse(bin([String(status), '--json']).stdout)).toEqual(
        expectedJson(status as (typeof statusColumn)[number]),
      )
    }
    const list = bin(['list', '--json'])
    expect(list.code).toBe(0)
    expect(JSON.parse(list.stdout)).toEqual(statusColumn.map(expectedJson))
  })

  it('list has all 26 rows in table order', () => {
    const lines = bin(['list']).stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(26)
    expect(lines.map((line) => line.split(/\s+/).slice(0, 2).join(' '))).toEqual(
      rows.map((row) => `${row.status} ${row.code}`),
    )
  })

  it('no colour when not a terminal or with NO_COLOR=1; colour only when FORCE_COLOR asks', () => {
    expect(bin(['list']).stdout).not.toContain(ESC)
    expect(bin(['list'], cleanEnv({ NO_COLOR: '1' })).stdout).not.toContain(ESC)
    expect(bin(['463'], cleanEnv({ NO_COLOR: '1' })).stdout).not.toContain(ESC)
    // The same bin does colour when told to, so the checks above can fail.
    expect(bin(['list'], cleanEnv({ FORCE_COLOR: '1' })).stdout).toContain(ESC)
  })

  it('--help and --version', () => {
    const help = bin(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: een-api-errors')
    expect(bin(['-h'])).toEqual(help)
    expect(bin(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' })
    expect(bin(['-v'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' })
  })

  it('--help and --version with --json print one JSON value too', () => {
    expect(JSON.parse(bin(['--version', '--json']).stdout)).toEqual({ version })
    const help = JSON.parse(bin(['--json', '--help']).stdout) as { usage: string }
    expect(help.usage).toBe(bin(['--help']).stdout)
    expect(call(['--json', '-v'])).toEqual({ code: 0, stdout: `${JSON.stringify({ version })}\n`, stderr: '' })
    expect(JSON.parse(call(['-h', '--json']).stdout)).toEqual({ usage: call(['-h']).stdout })
  })

  it('a reader that goes away early is no failure: no stack, exit 0', async () => {
    const child: ChildProcess = spawn(process.execPath, [BIN, 'list'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 15_000,
      env: cleanEnv(),
    })
    child.stdout!.destroy()
    let stderr = ''
    child.stderr!.on('data', (chunk) => {
      stderr += chunk
    })
    const code = await new Promise((exited) => child.on('close', exited))
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })
})

/** Runs a program that must succeed (npm), bounded by a timeout; throws with its output otherwise. */
function runOk(file: string, args: readonly string[], cwd: string): string {
  const child = spawnSync(file, args, { cwd, encoding: 'utf8', timeout: 120_000, killSignal: 'SIGKILL' })
  if (child.status !== 0) {
    throw new Error(`${file} ${args.join(' ')} exited ${child.status}\n${child.stdout}\n${child.stderr}`)
  }
  return child.stdout
}

describe('the bin of the packed tarball, installed as a user installs it', () => {
  let work: string | undefined
  let installed: string

  beforeAll(() => {
    if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` first`)
    // Outside the repository, so that nothing resolves to its node_modules; offline, as the
    // package has no runtime dependencies.
    work = mkdtempSync(join(tmpdir(), 'een-cli-'))
    const [info] = JSON.parse(
      runOk('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT),
    ) as [{ filename: string }]
    installed = join(work, 'project')
    mkdirSync(installed)
    writeFileSync(join(installed, 'package.json'), JSON.stringify({ name: 'cli-consumer', private: true }))
    runOk(
      'npm',
      ['install', join(work, info.filename), '--no-save', '--no-package-lock', '--offline', '--ignore-scripts'],
      installed,
    )
  }, 120_000)

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true })
  })

  it('runs through node_modules/.bin (the shebang, on PATH as npm links it) and knows its version', () => {
    const linked = join(installed, 'node_modules/.bin/een-api-errors')
    const env = cleanEnv({ PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}` })
    expect(spawnOnce(linked, ['--version'], env)).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' })
    expect(spawnOnce(linked, ['463'], env)).toEqual(call(['463']))
    expect(spawnOnce(linked, ['418'], env)).toEqual(call(['418']))
    expect(spawnOnce(linked, ['abc'], env)).toEqual(call(['abc']))
  })
})

describe('run, with the command line loaded inside the test (its help and commands are built at load)', () => {
  const fresh = async (args: readonly string[]): Promise<Result> => {
    vi.resetModules()
    const cli = await import('../src/cli.js')
    let stdout = ''
    let stderr = ''
    const io: CliIO = {
      stdout: (text) => {
        stdout += text
      },
      stderr: (text) => {
        stderr += text
      },
      isTTY: false,
      env: {},
      version,
    }
    return { code: cli.run(args, io), stdout, stderr }
  }

  it('--help gives the synopsis, the last client error of the table as the example, each command and option', async () => {
    const { endpoints } = await import('../src/endpoints/index.js')
    const help = (await fresh(['--help'])).stdout
    expect(help).toMatch(
      /^Usage: een-api-errors <status \| code> \[--json\] \[--lang xx\]\n {7}een-api-errors <status \| code> --endpoint <call> \[--json\] \[--lang xx\]\n {7}een-api-errors list \[--endpoint <call>\] \[--json\] \[--lang xx\]\n {7}een-api-errors endpoints \[--json\]\n {7}een-api-errors --help \| --version\n/,
    )
    // 463 DEVICE_UNREACHABLE is the last 4xx row of the API's table.
    expect(help).toMatch(/^ {2}<status> +a status the API documents, e\.g\. 463$/m)
    expect(help).toMatch(/^ {2}<code> +or its code, in any case, e\.g\. DEVICE_UNREACHABLE or device_unreachable$/m)
    expect(help).toMatch(/^ {2}list +every status the API documents \(26\), one per line \(-e: the call's\)$/m)
    // The longest option, `-e, --endpoint call`, keeps two spaces before its help, as every line does.
    expect(help).toMatch(/^ {2}-e, --endpoint call {2}as the documented call means it/m)
    const operations = Object.keys(endpoints).length
    expect(help).toMatch(
      new RegExp(`^ {2}endpoints +every documented call \\(${operations} operations\\): name, method, path$`, 'm'),
    )
    expect(help).toMatch(/^ {2}--lang xx +also print what a person sees, in en, nl, de, fr, es or ja$/m)
  })

  it('names itself before every error, and runs list and endpoints', async () => {
    const bad = await fresh(['abc'])
    expect(bad.code).toBe(ExitCode.USAGE)
    expect(bad.stderr).toMatch(
      /^een-api-errors: "abc" is neither a status nor a code .*\(e\.g\. 463\) or a code \(e\.g\. DEVICE_UNREACHABLE\)\./,
    )
    const list = await fresh(['list'])
    expect(list.code).toBe(0)
    expect(list.stdout.split('\n').filter(Boolean)).toHaveLength(26)
    const calls = await fresh(['endpoints', '--json'])
    expect(calls.code).toBe(0)
    expect(JSON.parse(calls.stdout)).toContainEqual(expect.objectContaining({ name: 'forgotPassword' }))
  })
})
