// The command line for a documented call (src/cli/endpoints.ts): `een-api-errors 406 --endpoint forgotPassword`, the
// `endpoints` listing, and an unknown call name. Run in process, and once through the built bin.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect, describe as group, it } from 'vitest'
import { callRow, closestNames, distance } from '../../src/cli/endpoints.js'
import { endpoints } from '../../src/endpoints/index.js'
import { defineOperation } from '../../src/index.js'
import { callCli } from '../fixtures/cli.js'

const call = (args: readonly string[], isTTY = false) => callCli(args, { isTTY })

group('een-api-errors <status> --endpoint <call>', () => {
  it("prints the call's own code, meaning and retry advice", () => {
    expect(call(['406', '--endpoint', 'forgotPassword'])).toEqual({
      code: 0,
      stdout:
        '406 INFORMATION_NOT_VERIFIED (client error)\n' +
        'Information supplied could not be verified\n' +
        'Not retryable: the same request would fail again until something changes.\n',
      stderr: '',
    })
  })

  it('prints it as JSON with --json, and takes -e and --endpoint=call', () => {
    const expected = {
      status: 429,
      code: 'ACCOUNT_LOCKED',
      meaning: "This user's account has been locked due to more than 3 failed attempts to Authorize",
      class: 'client error',
      retryable: false,
    }
    for (const args of [
      ['429', '-e', 'authorize', '--json'],
      ['--json', '--endpoint=authorize', '429'],
    ]) {
      const result = call(args)
      expect(result.code).toBe(0)
      expect(JSON.parse(result.stdout)).toEqual(expected)
    }
  })

  it('takes the call name with spaces around it, as a shell keeps them in quotes or a CRLF line its \\r', () => {
    const expected = call(['429', '-e', 'authorize'])
    expect(expected.stdout).toMatch(/^429 ACCOUNT_LOCKED/)
    for (const name of [' authorize', 'authorize ', 'authorize\r', '\tauthorize\r\n']) {
      expect(call(['429', '-e', name])).toEqual(expected)
      expect(call(['429', `--endpoint=${name}`])).toEqual(expected)
    }
    expect(call(['list', '-e', 'authorize\r'])).toEqual(call(['list', '-e', 'authorize']))
  })

  it("takes the call's own code in any case instead of the status", () => {
    expect(call(['account-locked', '-e', 'authorize']).stdout).toMatch(/^429 ACCOUNT_LOCKED/)
    expect(call(['ip_address_invalid', '-e', 'forgotPassword']).stdout).toMatch(/^465 IP_ADDRESS_INVALID/)
    // Spaces around the code, as a shell keeps them in quotes, are no part of it.
    expect(call([' account_locked ', '-e', 'authorize']).stdout).toMatch(/^429 ACCOUNT_LOCKED/)
    // The code of a success the call documents, as the call prints it.
    expect(call(['switching_protocols', '-e', 'webSocketPolling'])).toEqual(call(['101', '-e', 'webSocketPolling']))
  })

  it("keeps the call's words where it restates the table, and the retry advice of its words", () => {
    expect(call(['400', '-e', 'forgotPassword']).stdout).toBe(
      '400 BAD_REQUEST (client error)\nUnexpected or non-identifiable arguments are supplied\n' +
        'Not retryable: the same request would fail again until something changes.\n',
    )
    expect(call(['504', '-e', 'getVideoMp4']).stdout).toMatch(/\nRetryable: the API says to try again\.\n$/)
  })

  it('explains statuses outside the table that the call documents, 1xx included', () => {
    expect(call(['101', '-e', 'webSocketPolling']).stdout).toBe(
      '101 SWITCHING_PROTOCOLS (informational response)\nSwitching protocols\n' +
        'Not retryable: not a final answer, nothing to retry.\n',
    )
    const coloured = call(['101', '-e', 'webSocketPolling'], true).stdout
    expect(coloured.startsWith('\u001b[1;34m101 SWITCHING_PROTOCOLS')).toBe(true)
    expect(JSON.parse(call(['501', '-e', 'ssoAssertionConsumerService', '--json']).stdout)).toMatchObject({
      code: 'SSO_NOT_ACTIVE',
      class: 'server error',
      retryable: false,
    })
  })

  it('answers as without the call for a status the call does not document', () => {
    expect(call(['404', '-e', 'forgotPassword'])).toEqual(call(['404']))
    const unlisted = call(['418', '-e', 'forgotPassword'])
    expect(unlisted.code).toBe(1)
    expect(unlisted.stderr).toContain('418 is not a status of the Eagle Eye Networks API')
  })

  it('names the calls that document a status the table does not hold, rather than calling it no status of the API', () => {
    for (const args of [['465'], ['465', '-e', 'authorize'], ['501'], ['101']]) {
      const result = call(args)
      expect(result.code).toBe(1)
      expect(result.stderr).not.toContain('is not a status of the Eagle Eye Networks API')
    }
    expect(call(['465']).stderr).toContain(
      "465 is not in the API's status table; these calls document it: forgotPassword, checkPasswordResetToken, resetPassword, authenticate.",
    )
    expect(call(['465', '-e', 'authorize']).stderr).toContain('authorize does not document it')
    expect(call(['501']).stderr).toContain('Run `een-api-errors 501 --endpoint ssoAssertionConsumerService`')
    expect(JSON.parse(call(['465', '--json']).stdout)).toMatchObject({
      status: 465,
      calls: ['forgotPassword', 'checkPasswordResetToken', 'resetPassword', 'authenticate'],
    })
    // A status no call documents is still no status of the API.
    expect(call(['418']).stderr).toContain('418 is not a status of the Eagle Eye Networks API')
  })

  it("names the calls that use a code the table does not hold (a call's own), rather than calling it no code of the API", () => {
    const result = call(['account-locked'])
    expect(result.code).toBe(1)
    // The calls that use it, as the catalog gives them: each answers 429 with it.
    const using = Object.values(endpoints)
      .filter((endpoint) => Object.values(endpoint.rows).some((row) => row.code === 'ACCOUNT_LOCKED'))
      .map(({ name }) => name)
    expect(using).toContain('authorize')
    expect(result.stderr).toContain(
      `ACCOUNT_LOCKED is not in the API's status table; these calls use it: ${using.join(', ')}.`,
    )
    expect(result.stderr).toContain(`Run \`een-api-errors ACCOUNT_LOCKED --endpoint ${using[0]}\``)
    expect(JSON.parse(call(['ACCOUNT_LOCKED', '--json']).stdout)).toMatchObject({
      code: 'ACCOUNT_LOCKED',
      calls: using,
    })
    expect(call(['account_locked', '-e', 'forgotPassword']).stderr).toContain('forgotPassword does not use it')
    // A code no call uses is still no code of the API: bad usage.
    expect(call(['NOT_A_CODE']).code).toBe(2)
    // Spaces around it, as a shell keeps them in quotes, are no part of it.
    expect(call([' account_locked ']).stderr).toContain("ACCOUNT_LOCKED is not in the API's status table")
  })

  it('names an unknown call clearly, suggests the closest names, and exits 1', () => {
    const result = call(['406', '--endpoint', 'forgotPasword'])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(
      'een-api-errors: no documented call is named "forgotPasword". Closest: forgotPassword, resetPassword, changePassword.\n' +
        'Run `een-api-errors endpoints` for every call.\n',
    )
    // A part of a name finds the names that hold it.
    expect(call(['406', '-e', 'Authorize']).stderr).toContain('Closest: authorize, authorizeTfa, authorizeSimple.')
    const json = call(['406', '-e', 'nope', '--json'])
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout)).toEqual({
      error: 'no documented call is named "nope".',
      closest: expect.any(Array),
    })
  })

  it('lists every status a call documents with list --endpoint, successes first, each as the call means it', () => {
    const result = call(['list', '--endpoint', 'forgotPassword', '--json'])
    expect(result.code).toBe(0)
    const { rows, successes } = endpoints.forgotPassword
    const statuses = [...Object.keys(successes), ...Object.keys(rows)].map(Number)
    expect(JSON.parse(result.stdout)).toEqual(statuses.map((status) => callRow(endpoints.forgotPassword, status)))
    expect(JSON.parse(result.stdout)).toContainEqual(
      expect.objectContaining({ status: 406, code: 'INFORMATION_NOT_VERIFIED' }),
    )
    const text = call(['list', '-e', 'forgotPassword']).stdout.trimEnd().split('\n')
    expect(text).toHaveLength(statuses.length)
    expect(text.find((line) => line.startsWith('406'))).toContain('INFORMATION_NOT_VERIFIED')
  })

  it('says that a call has no status table (the SSO calls) instead of failing, and lists [] as JSON', () => {
    expect(call(['list', '-e', 'ssoSingleLogOut'])).toEqual({
      code: 0,
      stdout: 'ssoSingleLogOut: the docs give this call no status table.\n',
      stderr: '',
    })
    const json = call(['list', '-e', 'ssoAuthenticateRequest', '--json'])
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toEqual([])
  })

  it("adds what a person sees with --lang to the call's own rows as to the table's, as the call means it", () => {
    const own = JSON.parse(call(['402', '-e', 'forgotPassword', '--lang', 'de', '--json']).stdout)
    const table = JSON.parse(call(['402', '--lang', 'de', '--json']).stdout)
    expect(own.message).toBe(table.message)
    expect(own.message).toEqual(expect.any(String))
    // Not a call's row: the same fields.
    expect(Object.keys(JSON.parse(call(['463', '-e', 'forgotPassword', '--lang', 'de', '--json']).stdout))).toEqual(
      Object.keys(own),
    )
    // ACCOUNT_LOCKED has no message of its own: the one of its class.
    const locked = JSON.parse(call(['429', '-e', 'authorize', '--lang', 'nl', '--json']).stdout)
    expect(locked).toMatchObject({ code: 'ACCOUNT_LOCKED', message: expect.any(String) })
    expect(locked.message).not.toBe(JSON.parse(call(['429', '--lang', 'nl', '--json']).stdout).message)
    const listed = JSON.parse(call(['list', '-e', 'forgotPassword', '--lang', 'nl', '--json']).stdout) as {
      status: number
      message?: string
    }[]
    expect(listed.filter((row) => row.message === undefined).map((row) => row.status)).toEqual(
      Object.keys(endpoints.forgotPassword.successes).map(Number),
    )
  })

  it('never takes the option after -e for the call: its value is missing, and --json still holds', () => {
    const result = call(['463', '-e', '--json'])
    expect(result.code).toBe(2)
    expect(JSON.parse(result.stdout)).toEqual({ error: 'option "-e" needs a value: -e call' })
  })

  it('suggests names for a very long unknown call name as for its first 64 characters', () => {
    const long = `forgotPasword${'x'.repeat(100_000)}`
    expect(closestNames(long)).toEqual(closestNames(long.slice(0, 64)))
    expect(closestNames(long)).toHaveLength(3)
  })

  it('answers a long operand of dashes at once: it is written as a code once, not once for each call', () => {
    // 500 KB, beyond what Linux passes in one argument but not what run() takes: 3 s when written 104 times.
    const long = 'a-'.repeat(250_000)
    const started = performance.now()
    const result = call([long])
    expect(performance.now() - started).toBeLessThan(1000)
    expect(result.code).toBe(2)
  })

  it('checks the call name whatever the command: list and endpoints with an unknown call exit 1', () => {
    for (const command of ['list', 'endpoints']) {
      const result = call([command, '--endpoint', 'nope'])
      expect(result.code).toBe(1)
      expect(result.stdout).toBe('')
      expect(result.stderr).toContain('no documented call is named "nope"')
    }
  })

  it('refuses --endpoint with endpoints, which lists every call, as bad usage', () => {
    const result = call(['endpoints', '--endpoint', 'forgotPassword'])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('--endpoint goes with a status, a code or "list"')
  })

  it('suggests the names that hold what was typed first, then the nearest by edit distance', () => {
    // Levenshtein distance, case-insensitive: the textbook cases.
    expect(distance('kitten', 'sitting')).toBe(3)
    expect(distance('flaw', 'lawn')).toBe(2)
    expect(distance('', 'abc')).toBe(3)
    expect(distance('abc', '')).toBe(3)
    expect(distance('LogOut', 'logout')).toBe(0)
    // Names that hold "Tfa" (distance: their length - 3), nearest first; a typo; nothing typed, the shortest names.
    expect(closestNames('tfa')).toEqual(['sendTfaCode', 'authorizeTfa', 'verifyTfaUpdate'])
    expect(closestNames('logot')[0]).toBe('logout')
    const byLength = Object.keys(endpoints).sort((a, b) => a.length - b.length || a.localeCompare(b))
    expect(closestNames('')).toEqual(byLength.slice(0, 3))
  })

  it('takes what a row leaves out from the table, as an operation does', () => {
    const sparse = {
      ...defineOperation('sparse', { 503: { retryable: true }, 465: { code: 'IP_ADDRESS_INVALID' } }),
      method: 'GET' as const,
      path: '/x',
      successes: { 202: { meaning: 'Queued' } },
    }
    expect(callRow(sparse, 503)).toEqual({
      status: 503,
      code: 'TAG_MAPS_ERROR',
      meaning: 'Internal Camera Tag Maps Error.  Please contact our support department.',
      class: 'server error',
      retryable: true,
    })
    expect(callRow(sparse, 465)).toMatchObject({ meaning: 'Unexpected client error (HTTP 465)', retryable: false })
    expect(callRow(sparse, 202)).toEqual({
      status: 202,
      code: 'ACCEPTED',
      meaning: 'Queued',
      class: 'success',
      retryable: false,
    })
    expect(callRow(sparse, 404)).toBeUndefined()
  })

  it('is a usage error without the call after --endpoint', () => {
    const result = call(['406', '--endpoint'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('option "--endpoint" needs a value: --endpoint call')
  })

  it('says in --help how to ask for a call', () => {
    const help = call(['--help']).stdout
    expect(help).toContain('--endpoint <call>')
    expect(help).toContain('endpoints [--json]')
  })
})

group('een-api-errors endpoints', () => {
  const names = Object.keys(endpoints)

  it('lists every call: name, method and path, one aligned line each', () => {
    const result = call(['endpoints'])
    expect(result.code).toBe(0)
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(names.length)
    expect(lines).toContain(
      `${'forgotPassword'.padEnd(Math.max(...names.map((n) => n.length)))}  POST    /g/aaa/forgot_password`,
    )
    const methodColumn = new Set(lines.map((line) => line.search(/ (GET|POST|PUT|DELETE) /)))
    expect(methodColumn.size).toBe(1)
  })

  it('lists them as a JSON array with --json', () => {
    const list = JSON.parse(call(['endpoints', '--json']).stdout) as { name: string; method: string; path: string }[]
    expect(list.map((c) => c.name)).toEqual(names)
    expect(list).toContainEqual({ name: 'getPngSpan', method: 'GET', path: '/pngspan/{pngspan_type}.png' })
  })

  it('works in the built bin', () => {
    const bin = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
    const result = spawnSync(process.execPath, [bin, '406', '--endpoint', 'forgotPassword', '--json'], {
      encoding: 'utf8',
    })
    expect(result.status).toBe(0)
    expect(JSON.parse(result.stdout).code).toBe('INFORMATION_NOT_VERIFIED')
  })
})
