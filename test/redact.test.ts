import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { inspect } from 'node:util'
import axios, { AxiosError, AxiosHeaders } from 'axios'
import fc from 'fast-check'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createRedactor, isSecretName, REDACTED, type Redactor } from '../src/redact.js'
import { hostile, nest, printed, reachableJson, SECRET } from './fixtures/secrets.js'

const plain = createRedactor()

describe('isSecretName', () => {
  it.each([
    'password',
    'passwords',
    'current_password',
    'admin_password',
    'newPassword',
    'NEW-PASSWORD',
    'secret',
    'client_secret',
    'clientSecret',
    'token',
    'access_token',
    'refreshToken',
    'X-CSRF-Token',
    'api_key',
    'apiKey',
    'API-KEY',
    'APIKey',
    'auth_key',
    'AUTH_KEY',
    'tfa_key',
    'tfaKey',
    'access_key',
    'private_key',
    'user_api_key',
    'xApiKey',
    'X-Api-Key',
    'x-api-key',
    'Authorization',
    'Proxy-Authorization',
    'authentication',
    'Cookie',
    'Set-Cookie',
    'set-cookie',
    'user[password]',
    'user.password',
  ])('%s is secret', (name) => {
    expect(isSecretName(name)).toBe(true)
  })

  it.each([
    'token_type',
    'tokenType',
    'password_expires_in_days',
    'tokens_left',
    'secretary',
    'secrets_count',
    'key',
    'monkey',
    'public_key',
    'primary_key',
    'sort_key',
    'keyboard',
    'a',
    'A',
    'auth',
    'authorization_code',
    'cookies_enabled',
    'id',
    '',
    '---',
    'Sec-WebSocket-Key',
  ])('%s is data', (name) => {
    expect(isSecretName(name)).toBe(false)
  })

  it('treats the password rule object name as secret, but only its string values are redacted (see value())', () => {
    expect(isSecretName('same_password')).toBe(true)
  })

  it('matches extra names in any case, with - or _, camelCase, and as the end of a longer name', () => {
    const extra = ['session_id', 'X-Session']
    for (const name of [
      'session_id',
      'sessionId',
      'SESSION-ID',
      'Session_Id',
      'user_session_id',
      'x-session',
      'XSession',
    ])
      expect(isSecretName(name, extra)).toBe(true)
    for (const name of ['session', 'id', 'paid', 'session_ids', 'sessionIdentifier', 'x-sessions'])
      expect(isSecretName(name, extra)).toBe(false)
    // Extra names do not replace the built-in ones.
    expect(isSecretName('password', extra)).toBe(true)
    expect(isSecretName('monkey', extra)).toBe(false)
  })

  it('ignores what is not a name and never throws', () => {
    expect(isSecretName(42 as never)).toBe(false)
    expect(isSecretName('sessionId', 'session_id' as never)).toBe(false)
    expect(isSecretName('sessionId', [42, '', '--', 'session_id'] as never)).toBe(true)
    expect(isSecretName('sessionId', [42, '--'] as never)).toBe(false)
  })
})

describe('text: headers', () => {
  const cases: Array<[string, string]> = [
    ['Authorization', `Bearer ${SECRET.token}`],
    ['authorization', `Basic ${SECRET.token}`],
    ['AUTHORIZATION', SECRET.token],
    ['Authentication', SECRET.apiKey],
    ['authentication', SECRET.apiKey],
    ['Cookie', `auth_key=${SECRET.cookie}; lang=en`],
    ['cookie', `auth_key=${SECRET.cookie}`],
    ['Set-Cookie', `auth_key=${SECRET.cookie}; Path=/; HttpOnly`],
    ['SET-COOKIE', `auth_key=${SECRET.cookie}`],
    ['X-Api-Key', SECRET.apiKey],
    ['x-api-key', SECRET.apiKey],
    ['X-API-KEY', SECRET.apiKey],
    ['Proxy-Authorization', `Basic ${SECRET.token}`],
  ]

  it.each(cases)('scrubs a %s header line to its end, and only that line', (name, value) => {
    const raw = `GET /x HTTP/1.1\r\nAccept: application/json\r\n${name}: ${value}\r\nHost: example.com\r\n\r\n`
    const out = plain.text(raw)
    expect(out).toBe(`GET /x HTTP/1.1\r\nAccept: application/json\r\n${name}: ${REDACTED}\r\nHost: example.com\r\n\r\n`)
  })

  it.each(cases)('scrubs a %s header in the middle of a sentence', (name, value) => {
    expect(plain.text(`request had ${name}: ${value}`)).toBe(`request had ${name}: ${REDACTED}`)
  })

  it.each(cases)('scrubs %s as a JSON or inspect-style key', (name, value) => {
    expect(plain.text(JSON.stringify({ [name]: value, accept: 'json' }))).toBe(
      JSON.stringify({ [name]: REDACTED, accept: 'json' }),
    )
    expect(plain.text(inspect({ [name]: value, accept: 'json' }))).not.toContain(value)
  })

  it('ends a header line inside a string with that string', () => {
    expect(plain.text(`{"note": "Authentication: ${SECRET.apiKey}", "n": 1}`)).toBe(
      `{"note": "Authentication: ${REDACTED}", "n": 1}`,
    )
    expect(plain.text(`'X-Api-Key: ${SECRET.apiKey}'`)).toBe(`'X-Api-Key: ${REDACTED}'`)
    // An unterminated string runs to the end of the line.
    expect(plain.text(`"Cookie: auth_key=${SECRET.cookie}\nnext`)).toBe(`"Cookie: ${REDACTED}\nnext`)
  })

  it('leaves other headers and header-like data alone', () => {
    const text =
      'Accept: application/json\r\nX-Request-Id: abc123def456\r\nContent-Type: text/plain\r\nAuthorization-Mode: open'
    expect(plain.text(text)).toBe(text)
  })
})

describe('text: the auth_key cookie', () => {
  it('is scrubbed in cookie strings and free text', () => {
    expect(plain.text(`auth_key=${SECRET.cookie}; Path=/`)).toBe(`auth_key=${REDACTED}; Path=/`)
    expect(plain.text(`lang=en; auth_key=${SECRET.cookie}; theme=dark`)).toBe(
      `lang=en; auth_key=${REDACTED}; theme=dark`,
    )
    expect(plain.text(`the session AUTH_KEY=${SECRET.cookie} expired`)).toBe(`the session AUTH_KEY=${REDACTED} expired`)
    expect(plain.text(`{"auth_key":"${SECRET.cookie}"}`)).toBe(`{"auth_key":"${REDACTED}"}`)
  })

  it('leaves look-alike cookies alone', () => {
    for (const text of ['auth_keys_seen=3; Path=/', 'authkey_hint=none', 'key=value; auth=basic'])
      expect(plain.text(text)).toBe(text)
  })
})

describe('text: the A query parameter', () => {
  it('is scrubbed after ?, & and # in either case', () => {
    expect(plain.text(`https://login.eagleeyenetworks.com/asset/prev/image.jpeg?id=1&A=${SECRET.a}`)).toBe(
      `https://login.eagleeyenetworks.com/asset/prev/image.jpeg?id=1&A=${REDACTED}`,
    )
    expect(plain.text(`/image.jpeg?a=${SECRET.a}&id=1`)).toBe(`/image.jpeg?a=${REDACTED}&id=1`)
    expect(plain.text(`/image.jpeg#A=${SECRET.a}`)).toBe(`/image.jpeg#A=${REDACTED}`)
    expect(plain.text(`GET /x?A=${SECRET.a} HTTP/1.1`)).toBe(`GET /x?A=${REDACTED} HTTP/1.1`)
    expect(plain.text(`"url":"https://x/m?A=${SECRET.a}"`)).toBe(`"url":"https://x/m?A=${REDACTED}"`)
  })

  it('leaves other a= and A= alone', () => {
    for (const text of ['set a=1 and b=2', 'data=1&b=2', '?ab=1&ba=2', 'x = A=3', '"a=1"', '?A:1', 'ca=1'])
      expect(plain.text(text)).toBe(text)
  })
})

describe('text: secret-named pairs', () => {
  it('scrubs query strings and form bodies, also with URL-encoded names', () => {
    expect(plain.text(`POST /login?username=ann&password=${SECRET.password}&remember=1`)).toBe(
      `POST /login?username=ann&password=${REDACTED}&remember=1`,
    )
    expect(plain.text(`current_password=${SECRET.password}&new_password=${SECRET.other}`)).toBe(
      `current_password=${REDACTED}&new_password=${REDACTED}`,
    )
    expect(plain.text(`user%5Bpassword%5D=${SECRET.password}&x=1`)).toBe(`user%5Bpassword%5D=${REDACTED}&x=1`)
    expect(plain.text(`api%5Fkey=${SECRET.apiKey}`)).toBe(`api%5Fkey=${REDACTED}`)
    expect(plain.text(`https://x/cb#access_token=${SECRET.token}&token_type=bearer`)).toBe(
      `https://x/cb#access_token=${REDACTED}&token_type=bearer`,
    )
    expect(plain.text(`client_secret="${SECRET.other} with spaces"`)).toBe(`client_secret="${REDACTED}"`)
  })

  it('scrubs JSON-ish pairs in JSON, inspect output and JSON inside JSON', () => {
    const body = { password: SECRET.password, token_type: 'bearer', same_password: { description: 'Cannot reuse' } }
    expect(plain.text(JSON.stringify(body))).toBe(JSON.stringify({ ...body, password: REDACTED }))
    expect(plain.text(JSON.stringify(body, null, 2))).toBe(JSON.stringify({ ...body, password: REDACTED }, null, 2))
    expect(plain.text(inspect({ accessToken: SECRET.token, n: 1 }))).toBe(inspect({ accessToken: REDACTED, n: 1 }))
    const twice = JSON.stringify({ body: JSON.stringify(body) })
    expect(plain.text(twice)).toBe(JSON.stringify({ body: JSON.stringify({ ...body, password: REDACTED }) }))
    const thrice = JSON.stringify({ outer: twice })
    expect(plain.text(thrice)).not.toContain(SECRET.password)
    expect(plain.text(thrice)).toContain('Cannot reuse')
  })

  it('keeps escaped quotes inside a secret string secret', () => {
    const tricky = `${SECRET.password}"quoted\\`
    expect(plain.text(JSON.stringify({ password: tricky, n: 1 }))).toBe(JSON.stringify({ password: REDACTED, n: 1 }))
    const nested = JSON.stringify({ body: JSON.stringify({ password: tricky, n: 1 }) })
    expect(plain.text(nested)).toBe(JSON.stringify({ body: JSON.stringify({ password: REDACTED, n: 1 }) }))
    expect(plain.text(`{'secret': 'it\\'s ${SECRET.other}'}`)).toBe(`{'secret': '${REDACTED}'}`)
  })

  it('scrubs every string of an array under a secret name, nested arrays too, but walks objects in it', () => {
    expect(plain.text(`{"passwords": ["${SECRET.password}", "${SECRET.other}"], "n": 1}`)).toBe(
      `{"passwords": ["${REDACTED}", "${REDACTED}"], "n": 1}`,
    )
    expect(plain.text(`{"tokens_list_token": [["${SECRET.token}"], 3, null], "n": 1}`)).toBe(
      `{"tokens_list_token": [["${REDACTED}"], 3, null], "n": 1}`,
    )
    expect(plain.text(inspect({ secret: [SECRET.other, 7] }))).toBe(inspect({ secret: [REDACTED, 7] }))
    const withObject = `{"token": [{"hint": "keep", "password": "${SECRET.password}"}], "n": 1}`
    expect(plain.text(withObject)).toBe(`{"token": [{"hint": "keep", "password": "${REDACTED}"}], "n": 1}`)
    // A stray backslash and an unterminated array do not stop the scan.
    expect(plain.text(`passwords: [ \\x, '${SECRET.password}'`)).toBe(`passwords: [ \\x, '${REDACTED}'`)
    expect(plain.text(`"secret": ["${SECRET.other}`)).toBe(`"secret": ["${REDACTED}`)
  })

  it('runs an unterminated quoted secret to the end of the line', () => {
    expect(plain.text(`{"password": "${SECRET.password}\nnext line`)).toBe(`{"password": "${REDACTED}\nnext line`)
  })

  it('scrubs a secret name at the start of a line, but not a mid-sentence "token: …"', () => {
    expect(plain.text(`password: ${SECRET.password}\n  api_key: ${SECRET.apiKey}`)).toBe(
      `password: ${REDACTED}\n  api_key: ${REDACTED}`,
    )
    for (const text of ['Invalid token: expired', 'Reason: password: must be 8 characters', 'see secret: the docs'])
      expect(plain.text(text)).toBe(text)
  })

  it('keeps non-string JSON values under secret names (only strings are secret)', () => {
    for (const text of [
      '{"token": 12345, "a": "b"}',
      '{"password": null}',
      '{"secret": true}',
      '{"same_password": {"description": "x"}}',
    ])
      expect(plain.text(text)).toBe(text)
  })

  it('leaves look-alike names alone', () => {
    const text = [
      'token_type=bearer&tokens_left=3&password_expires_in_days=90',
      '{"token_type": "bearer", "secretary": "Bob", "public_key": "ssh-rsa AAAA"}',
      'monkey=banana; key=value; keyboard: qwerty',
      'session_id=abc123def',
      'x%zz=1',
    ].join('\n')
    expect(plain.text(text)).toBe(text)
  })

  it('does not scrub an empty value, nor one already redacted (idempotent)', () => {
    for (const text of ['password=&x=1', `password=${REDACTED}`, `{"token": "${REDACTED}"}`, `Bearer ${REDACTED}`])
      expect(plain.text(text)).toBe(text)
    const once = plain.text(`Authorization: Bearer ${SECRET.token}\npassword=${SECRET.password}`)
    expect(plain.text(once)).toBe(once)
  })
})

describe('text: Bearer and Basic credentials', () => {
  it('scrubs the credential after an exactly capitalised scheme', () => {
    expect(plain.text(`sent Bearer ${SECRET.token} to the API`)).toBe(`sent Bearer ${REDACTED} to the API`)
    expect(plain.text('auth Basic dXNlcjpwYXNzd29yZA== done')).toBe(`auth Basic ${REDACTED} done`)
    expect(plain.text('Bearer\tabc.DEF-123_~+/xyz')).toBe(`Bearer\t${REDACTED}`)
  })

  it('leaves the docs\' "basic settings", short words and other cases alone', () => {
    for (const text of [
      'Change the basic settings of the camera',
      'bearer abcdefgh',
      'BEARER abcdefgh',
      'Basic plan',
      'Bearer abc',
      'TheBearer abcdefgh',
      'Basic: settings',
    ])
      expect(plain.text(text)).toBe(text)
  })
})

describe('text: URL passwords', () => {
  it('scrubs the password of scheme://user:password@host', () => {
    expect(plain.text(`connect https://ann:${SECRET.password}@example.com/x`)).toBe(
      `connect https://ann:${REDACTED}@example.com/x`,
    )
    expect(plain.text('mailto:ann@example.com, https://example.com:8443/x, a://b:@c')).toBe(
      'mailto:ann@example.com, https://example.com:8443/x, a://b:@c',
    )
  })
})

describe('echoed secrets of the request', () => {
  it('scrubs every secret value of the request wherever the server echoes it', () => {
    const redactor = createRedactor({
      request: {
        url: `https://x.test/g/media?A=${SECRET.a}&id=1&refresh_token=${SECRET.other}`,
        headers: { Authorization: `Bearer ${SECRET.token}`, Cookie: `auth_key=${SECRET.cookie}; lang=en-GB-oed` },
        body: JSON.stringify({ user: { credentials: [{ new_password: SECRET.password }] } }),
      },
    })
    const message = `bad key ${SECRET.a}, token ${SECRET.token}, cookie ${SECRET.cookie}, pw ${SECRET.password}, rt ${SECRET.other}`
    expect(redactor.text(message)).toBe(
      `bad key ${REDACTED}, token ${REDACTED}, cookie ${REDACTED}, pw ${REDACTED}, rt ${REDACTED}`,
    )
    // Every value of the Cookie header is a secret, even one under a harmless name.
    expect(redactor.text('lang en-GB-oed')).toBe(`lang ${REDACTED}`)
    const bare = createRedactor({ request: { headers: { Cookie: `legacyflag; =nameless; sid=${SECRET.cookie}` } } })
    expect(bare.text(`legacyflag nameless ${SECRET.cookie}`)).toBe(`${REDACTED} ${REDACTED} ${REDACTED}`)
    const body = { error: { detail: `unknown session ${SECRET.cookie}`, list: [`x${SECRET.token}y`] }, id: 1 }
    const out = redactor.value(body)
    expect(out).toEqual({ error: { detail: `unknown session ${REDACTED}`, list: [`x${REDACTED}y`] }, id: 1 })
    expect(body.error.detail).toContain(SECRET.cookie)
  })

  it('scrubs URL-encoded, form-encoded, lower-hex and JSON-escaped forms of an echo', () => {
    const secret = 'p@ss w/rd+"q"'
    const redactor = createRedactor({ request: { body: { password: secret } } })
    const forms = [
      secret,
      encodeURIComponent(secret),
      encodeURIComponent(secret).toLowerCase().replace(/^p/, 'p'),
      new URLSearchParams({ x: secret }).toString().slice(2),
      JSON.stringify(secret).slice(1, -1),
    ]
    for (const form of forms) expect(redactor.text(`echo:${form}:end`)).toBe(`echo:${REDACTED}:end`)
  })

  it('scrubs overlapping secrets fully, longest first', () => {
    const short = 'abcdef12'
    const long = `${short}3456789`
    const redactor = createRedactor({ request: { headers: { 'X-Api-Key': short, Authentication: long } } })
    expect(redactor.text(`got ${long} and ${short}`)).toBe(`got ${REDACTED} and ${REDACTED}`)
  })

  it('does not scrub values shorter than 6 characters as echoes, nor non-secret values', () => {
    const redactor = createRedactor({
      request: { url: '/x?A=abc12&id=123456789', headers: { 'X-Api-Key': 'k1', Accept: 'application/json' } },
    })
    expect(redactor.text('abc12 k1 123456789 application/json')).toBe('abc12 k1 123456789 application/json')
  })

  it('reads the URL: A (either case), secret-named parameters, parameters after # and the password', () => {
    const redactor = createRedactor({
      request: {
        url: new URL(
          `https://ann:${SECRET.password}@x.test/m?a=${SECRET.a}&next=${encodeURIComponent(`/cb?token=${SECRET.token}`)}#id_token=${SECRET.other}`,
        ),
      },
    })
    expect(redactor.text(`${SECRET.password} ${SECRET.a} ${SECRET.token} ${SECRET.other}`)).toBe(
      `${REDACTED} ${REDACTED} ${REDACTED} ${REDACTED}`,
    )
    // A relative URL is read too.
    expect(createRedactor({ request: { url: `/m?A=${SECRET.a}` } }).text(SECRET.a)).toBe(REDACTED)
  })

  it('reads the Bearer credential, and the Basic credential and its password', () => {
    const basic = btoa(`ann:${SECRET.password}`)
    const redactor = createRedactor({
      request: {
        headers: [
          ['authorization', `Basic ${basic}`],
          ['x-auth-token', `Bearer ${SECRET.token}`],
        ],
      },
    })
    expect(redactor.text(`${basic} ann:${SECRET.password} ${SECRET.password} ${SECRET.token}`)).toBe(
      `${REDACTED} ${REDACTED} ${REDACTED} ${REDACTED}`,
    )
    // A Basic credential that is not base64 is still scrubbed whole.
    const odd = createRedactor({ request: { headers: { Authorization: 'Basic !!not-base64!!' } } })
    expect(odd.text('echo !!not-base64!!')).toBe(`echo ${REDACTED}`)
  })

  it('reads every body shape', () => {
    const form = new URLSearchParams({ username: 'ann', password: SECRET.password, next: `/x?token=${SECRET.token}` })
    const formData = new FormData()
    formData.append('client_secret', SECRET.other)
    formData.append('upload', new Blob(['data']), 'file.txt')
    formData.append('note', `api_key=${SECRET.apiKey}`)
    const bytes = new TextEncoder().encode(JSON.stringify({ tfa_key: SECRET.apiKey }))
    const bodies: Array<[unknown, string[]]> = [
      [`{"password":"${SECRET.password}",}`, [SECRET.password]], // malformed JSON, as in the API's docs
      [`[{"token":"${SECRET.token}"}]`, [SECRET.token]],
      [`username=ann&password=${encodeURIComponent(SECRET.password)}`, [SECRET.password]],
      [form, [SECRET.password, SECRET.token]],
      [form.toString(), [SECRET.password, SECRET.token]],
      [formData, [SECRET.other, SECRET.apiKey]],
      [bytes, [SECRET.apiKey]],
      [bytes.buffer, [SECRET.apiKey]],
      [
        { deep: { list: [{ access_key: SECRET.apiKey }] }, passwords: [SECRET.password, [SECRET.other]] },
        [SECRET.apiKey, SECRET.password, SECRET.other],
      ],
      [[{ private_key: SECRET.apiKey }], [SECRET.apiKey]],
      [{ callback: `https://x/?secret=${SECRET.other}`, n: 3 }, [SECRET.other]],
    ]
    for (const [body, secrets] of bodies) {
      const redactor = createRedactor({ request: { body } })
      for (const secret of secrets) expect(redactor.text(`echo ${secret}`), String(body)).toBe(`echo ${REDACTED}`)
    }
  })

  it('ignores bodies it cannot read, and plain text without secrets', () => {
    for (const body of [new Blob([SECRET.password]), 42, null, 'just words', new Date(), `{"password": 42}`]) {
      expect(createRedactor({ request: { body } })).toBe(plain)
    }
  })

  it('bounds the walk of a request body: cycles and nesting deeper than 64 levels', () => {
    const cyclic: Record<string, unknown> = { password: SECRET.password }
    cyclic.self = cyclic
    expect(createRedactor({ request: { body: cyclic } }).text(SECRET.password)).toBe(REDACTED)
    const deep = nest(100, { password: SECRET.password })
    expect(createRedactor({ request: { body: deep } }).text(SECRET.password)).toBe(SECRET.password)
    const shallow = nest(60, { password: SECRET.password })
    expect(createRedactor({ request: { body: shallow } }).text(SECRET.password)).toBe(REDACTED)
  })

  it('accepts a fetch Request (its url and headers)', () => {
    const request = new Request(`https://x.test/m?A=${SECRET.a}`, {
      method: 'POST',
      headers: { 'X-Api-Key': SECRET.apiKey },
      body: 'ignored',
    })
    const redactor = createRedactor({ request })
    expect(redactor.text(`${SECRET.a} ${SECRET.apiKey}`)).toBe(`${REDACTED} ${REDACTED}`)
  })

  it('takes secrets under user-added names from the request too', () => {
    const redactor = createRedactor({
      request: { headers: { 'X-Session': 'sess-4f8e2a11' }, body: { sessionId: 'sid-99ab77cd' } },
      redact: ['session_id', 'X-Session'],
    })
    expect(redactor.text('sess-4f8e2a11 sid-99ab77cd')).toBe(`${REDACTED} ${REDACTED}`)
  })

  it('never throws on a hostile request or options, and keeps what it could read', () => {
    expect(createRedactor({ request: hostile() as never })).toBe(plain)
    const options = Object.defineProperty({}, 'redact', {
      get() {
        throw new Error('no')
      },
    })
    expect(createRedactor(options)).toBe(plain)
    const partly = {
      url: `/x?A=${SECRET.a}`,
      get headers(): never {
        throw new Error('no')
      },
      get body(): never {
        throw new Error('no')
      },
    }
    expect(createRedactor({ request: partly }).text(SECRET.a)).toBe(REDACTED)
    expect(createRedactor({ request: { url: { toString: () => 'http://[bad' } as never } })).toBe(plain)
    expect(createRedactor({ request: 'https://x/?A=abcdefgh' as never })).toBe(plain)
  })

  it('skips a secret that is part of the placeholder itself, and a lone surrogate has no URI form', () => {
    const redactor = createRedactor({ request: { headers: { 'X-Api-Key': 'REDACTED' } } })
    expect(redactor).toBe(plain)
    const surrogate = `${SECRET.apiKey}\uD800`
    const odd = createRedactor({ request: { headers: { 'X-Api-Key': surrogate } } })
    expect(odd.text(`x ${surrogate} y`)).toBe(`x ${REDACTED} y`)
  })

  describe('without atob or TextDecoder (older or stripped runtimes)', () => {
    afterEach(() => {
      vi.unstubAllGlobals()
    })

    it('still scrubs the Basic credential whole', () => {
      vi.stubGlobal('atob', undefined)
      const basic = btoa(`ann:${SECRET.password}`)
      const redactor = createRedactor({ request: { headers: { Authorization: `Basic ${basic}` } } })
      expect(redactor.text(`${basic} ${SECRET.password}`)).toBe(`${REDACTED} ${SECRET.password}`)
    })

    it('skips a byte body', () => {
      vi.stubGlobal('TextDecoder', undefined)
      const body = new TextEncoder().encode(JSON.stringify({ password: SECRET.password }))
      expect(createRedactor({ request: { body } })).toBe(plain)
    })
  })
})

describe('user-added names', () => {
  const redactor = createRedactor({ redact: ['session_id', 'X-Session'] })

  it('match in values in any case, with - or _, and camelCase', () => {
    const body = {
      session_id: 's1',
      sessionId: 's2',
      'SESSION-ID': 's3',
      user_session_id: 's4',
      xSession: 's5',
      sessions: 'keep',
    }
    expect(redactor.value(body)).toEqual({
      session_id: REDACTED,
      sessionId: REDACTED,
      'SESSION-ID': REDACTED,
      user_session_id: REDACTED,
      xSession: REDACTED,
      sessions: 'keep',
    })
  })

  it('match in text, header lines and headers', () => {
    expect(redactor.text('GET /x?session_id=abc&sessionid=keep')).toBe(`GET /x?session_id=${REDACTED}&sessionid=keep`)
    expect(redactor.text('sent X-Session: abc def')).toBe(`sent X-Session: ${REDACTED}`)
    expect(redactor.text('the session id is fine')).toBe('the session id is fine')
    expect(redactor.headers({ 'X-Session': 'abc', 'X-Other': 'keep' })).toEqual({
      'x-session': REDACTED,
      'x-other': 'keep',
    })
  })

  it('keep the built-in rules', () => {
    expect(redactor.text(`password=${SECRET.password}`)).toBe(`password=${REDACTED}`)
  })

  it('ignore junk entries', () => {
    expect(createRedactor({ redact: [42, '', '__'] as never })).toBe(plain)
  })
})

describe('headers', () => {
  const expected = {
    authorization: REDACTED,
    authentication: REDACTED,
    cookie: REDACTED,
    'x-api-key': REDACTED,
    accept: 'application/json',
    location: `/next?A=${REDACTED}`,
  }
  const input = {
    Authorization: `Bearer ${SECRET.token}`,
    AUTHENTICATION: SECRET.apiKey,
    cookie: `auth_key=${SECRET.cookie}`,
    'X-API-Key': SECRET.apiKey,
    Accept: 'application/json',
    Location: `/next?A=${SECRET.a}`,
  }

  it('reads every shape into a lower-case record with secrets replaced', () => {
    expect(plain.headers(input)).toEqual(expected)
    expect(plain.headers(new Headers(input))).toEqual(expected)
    expect(plain.headers(new AxiosHeaders(input))).toEqual(expected)
    expect(plain.headers(Object.entries(input))).toEqual(expected)
  })

  it('joins repeated headers, keeps empty values, and survives odd names', () => {
    const headers = new Headers()
    headers.append('Set-Cookie', `auth_key=${SECRET.cookie}`)
    headers.append('Set-Cookie', 'lang=en')
    expect(plain.headers(headers)).toEqual({ 'set-cookie': `${REDACTED}, ${REDACTED}` })
    expect(
      plain.headers([
        ['Via', 'a'],
        ['via', 'b'],
        ['constructor', 'c'],
        ['X-Api-Key', ''],
      ]),
    ).toEqual({ via: 'a, b', constructor: 'c', 'x-api-key': '' })
    expect(plain.headers(undefined)).toEqual({})
    expect(plain.headers(hostile())).toEqual({})
  })
})

describe('value', () => {
  it('returns the same reference when nothing has to change, and allocates no copy', () => {
    const body = {
      status_code: 400,
      message: 'Bad request',
      token_type: 'bearer',
      password_expires_in_days: 90,
      tokens_left: 3,
      secretary: 'Bob',
      same_password: { description: 'Cannot reuse a password' },
      password: '',
      list: [1, 'two', null, true, { nested: ['x'] }],
      none: Object.create(null),
    }
    expect(plain.value(body)).toBe(body)
    const arr = [1, 2, 3]
    expect(plain.value(arr)).toBe(arr)
    for (const x of [undefined, null, 0, 42n, true, Symbol.for('x'), 'text']) expect(plain.value(x)).toBe(x)
    const fn = (): void => {}
    expect(plain.value(fn)).toBe(fn)
  })

  it('replaces string values under secret names, walks objects under them, and scrubs other strings', () => {
    const body = {
      current_password: SECRET.password,
      user: { newPassword: SECRET.other, apiKey: SECRET.apiKey, name: 'Ann' },
      same_password: { description: 'Cannot reuse', password: SECRET.password },
      passwords: [SECRET.password, [SECRET.other], { hint: 'keep', n: 1 }, 7],
      tfa_key: 123456,
      message: `Bad token Bearer ${SECRET.token} for https://x/?A=${SECRET.a}`,
    }
    const out = plain.value(body)
    expect(out).toEqual({
      current_password: REDACTED,
      user: { newPassword: REDACTED, apiKey: REDACTED, name: 'Ann' },
      same_password: { description: 'Cannot reuse', password: REDACTED },
      passwords: [REDACTED, [REDACTED], { hint: 'keep', n: 1 }, 7],
      tfa_key: 123456,
      message: `Bad token Bearer ${REDACTED} for https://x/?A=${REDACTED}`,
    })
    expect(body.current_password).toBe(SECRET.password)
    expect(body.user.newPassword).toBe(SECRET.other)
  })

  it('shares clean parts that reach no secret, and copies what does', () => {
    const clean = { a: [1, 2], b: { c: 'd' } }
    const body = { clean, dirty: { token: SECRET.token } }
    const out = plain.value(body)
    expect(out).not.toBe(body)
    expect(out.clean).toBe(clean)
    expect(out.dirty).not.toBe(body.dirty)
  })

  it('treats an array under both a secret and a harmless name as secret, wherever it was met first', () => {
    const shared = [SECRET.password, [SECRET.other]]
    const out = plain.value({ list: shared, more: { deeper: { passwords: shared } } })
    expect(out.list).toEqual([REDACTED, [REDACTED]])
    expect(out.more.deeper.passwords).toBe(out.list)
    const obj = { keep: 'x' }
    const twice = plain.value({ a: obj, token: obj, secret: obj, p: SECRET.password, password: 'y' })
    expect(twice.a).toBe(obj)
  })

  it('keeps cycles and shared references in the copy', () => {
    const body: Record<string, unknown> = { password: SECRET.password }
    body.self = body
    body.list = [body, body]
    const out = plain.value(body) as Record<string, unknown>
    expect(out.password).toBe(REDACTED)
    expect(out.self).toBe(out)
    expect(out.list).toEqual([out, out])
    expect((out.list as unknown[])[0]).toBe(out)
    expect(body.password).toBe(SECRET.password)
    // A cycle around a secret deep down: each object on the way is copied once.
    const a: Record<string, unknown> = {}
    const b: Record<string, unknown> = { a, token: SECRET.token }
    a.b = b
    const outA = plain.value(a) as { b: { a: unknown; token: string } }
    expect(outA.b.token).toBe(REDACTED)
    expect(outA.b.a).toBe(outA)
  })

  it('survives 100,000 levels of nesting: containers below 64 levels become REDACTED', () => {
    const deep = nest(100_000, { password: SECRET.password })
    const out = plain.value(deep)
    expect(out).not.toBe(deep)
    let node = out as { n: unknown }
    for (let i = 0; i < 64; i++) node = node.n as { n: unknown }
    expect(node.n).toBe(REDACTED)
    expect(reachableJson(out)).not.toContain(SECRET.password)
    let arrays: unknown = [SECRET.other]
    for (let i = 0; i < 100_000; i++) arrays = [arrays]
    expect(reachableJson(plain.value(arrays))).not.toContain(SECRET.other)
    // Exactly 64 levels of containers below the top one are kept.
    const edge = nest(64, { ok: 1 })
    expect(plain.value(edge)).toBe(edge)
  })

  it('walks more than the quick check looks at, and stops at 100,000 objects', () => {
    const many = Array.from({ length: 5_000 }, (_, i) => ({ i }))
    expect(plain.value(many)).toBe(many)
    const tooMany = Array.from({ length: 100_000 }, (_, i) => ({ i }))
    const out = plain.value(tooMany)
    expect(out[99_998]).toBe(tooMany[99_998])
    expect(out[99_999]).toBe(REDACTED)
  }, 60_000)

  it('replaces an object whose traps throw by REDACTED, and never throws', () => {
    expect(plain.value(hostile())).toBe(REDACTED)
    const body = { ok: 'fine', bad: hostile(), list: [hostile([])] }
    const out = plain.value(body)
    expect(out).toEqual({ ok: 'fine', bad: REDACTED, list: [REDACTED] })
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    expect(plain.value({ proxy })).toEqual({ proxy: REDACTED })
    expect(plain.value(proxy)).toBe(REDACTED)
    // A Proxy that behaves is walked like the object it stands for.
    const polite = new Proxy({ token: SECRET.token, n: 1 }, {})
    expect(plain.value(polite)).toEqual({ token: REDACTED, n: 1 })
  })

  it('reads a getter once per walk, and a getter that throws as REDACTED in a copy only', () => {
    let cleanReads = 0
    const clean = {
      get count(): number {
        cleanReads++
        return 1
      },
    }
    expect(plain.value(clean)).toBe(clean)
    expect(cleanReads).toBe(1)
    const throwing = {
      name: 'x',
      get broken(): never {
        throw new Error('no')
      },
    }
    expect(plain.value(throwing)).toBe(throwing)
    let dirtyReads = 0
    const dirty = {
      password: SECRET.password,
      get broken(): never {
        throw new Error('no')
      },
      get secret(): string {
        dirtyReads++
        return SECRET.other
      },
      get note(): string {
        return 'kept'
      },
    }
    const out = plain.value(dirty)
    expect(Object.getOwnPropertyDescriptor(out, 'broken')).toEqual({
      value: REDACTED,
      enumerable: true,
      writable: true,
      configurable: true,
    })
    expect(Object.getOwnPropertyDescriptor(out, 'secret')?.value).toBe(REDACTED)
    expect(Object.getOwnPropertyDescriptor(out, 'note')?.value).toBe('kept')
    // The quick check stops at `password`; the full walk reads each getter once.
    expect(dirtyReads).toBe(1)
    expect(() => dirty.broken).toThrow('no')
  })

  it('copies frozen, sealed and non-extensible objects alike, leaving the originals untouched', () => {
    const frozen = Object.freeze({ token: SECRET.token, inner: Object.freeze({ password: SECRET.password }) })
    const out = plain.value(frozen)
    expect(out).toEqual({ token: REDACTED, inner: { password: REDACTED } })
    expect(Object.isFrozen(out)).toBe(true)
    expect(Object.isFrozen(out.inner)).toBe(true)
    expect(frozen.token).toBe(SECRET.token)
    const sealed = Object.seal({ secret: SECRET.other })
    expect(Object.isSealed(plain.value(sealed))).toBe(true)
    expect(Object.isFrozen(plain.value(sealed))).toBe(false)
    const fixed = Object.preventExtensions({ secret: SECRET.other })
    expect(Object.isExtensible(plain.value(fixed))).toBe(false)
    expect(Object.isFrozen(Object.freeze({ ok: 1 }))).toBe(true)
    const cleanFrozen = Object.freeze({ ok: 1 })
    expect(plain.value(cleanFrozen)).toBe(cleanFrozen)
  })

  it('keeps prototypes, non-enumerable properties as they are, and walks enumerable symbol keys', () => {
    class Point {
      constructor(
        public x: number,
        public token: string,
      ) {}
    }
    const point = new Point(1, SECRET.token)
    const out = plain.value(point)
    expect(out).toBeInstanceOf(Point)
    expect(out.token).toBe(REDACTED)
    const hidden = Symbol('hidden')
    const body: Record<PropertyKey, unknown> = { [hidden]: { authorization: [`Bearer ${SECRET.token}`] } }
    Object.defineProperty(body, 'internal', { value: 'kept', enumerable: false })
    const copy = plain.value(body)
    expect(copy[hidden]).toEqual({ authorization: [REDACTED] })
    expect(Object.getOwnPropertyDescriptor(copy, 'internal')).toEqual({
      value: 'kept',
      enumerable: false,
      writable: false,
      configurable: false,
    })
    const symbolOnly = { [Symbol('s')]: 'fine' }
    expect(plain.value(symbolOnly)).toBe(symbolOnly)
  })

  it('scrubs secrets in keys', () => {
    const redactor = createRedactor({ request: { headers: { 'X-Api-Key': SECRET.apiKey } } })
    const body = { [SECRET.apiKey]: 'invalid', ok: 1 }
    expect(redactor.value(body)).toEqual({ [REDACTED]: 'invalid', ok: 1 })
    expect(plain.value({ [`https://x/?A=${SECRET.a}`]: 1 })).toEqual({ [`https://x/?A=${REDACTED}`]: 1 })
  })

  it('rebuilds URL, URLSearchParams, FormData, Headers, Map, Set and String objects that hold secrets', () => {
    const url = new URL(`https://x.test/m?A=${SECRET.a}&id=1#token=${SECRET.token}`)
    const outUrl = plain.value(url)
    expect(outUrl).toBeInstanceOf(URL)
    expect(outUrl.href).toBe(`https://x.test/m?A=${REDACTED}&id=1#token=${REDACTED}`)
    expect(url.searchParams.get('A')).toBe(SECRET.a)
    const cleanUrl = new URL('https://x.test/m?id=1')
    expect(plain.value(cleanUrl)).toBe(cleanUrl)

    const params = new URLSearchParams({
      a: SECRET.a,
      password: SECRET.password,
      next: `/x?token=${SECRET.token}`,
      id: '1',
    })
    const outParams = plain.value(params)
    expect(outParams).toBeInstanceOf(URLSearchParams)
    expect([...outParams]).toEqual([
      ['a', REDACTED],
      ['password', REDACTED],
      ['next', `/x?token=${REDACTED}`],
      ['id', '1'],
    ])
    const keyed = new URLSearchParams([[`x${SECRET.apiKey}`, '1']])
    expect([...createRedactor({ request: { headers: { 'x-api-key': SECRET.apiKey } } }).value(keyed)]).toEqual([
      [`x${REDACTED}`, '1'],
    ])

    const form = new FormData()
    form.append('a', 'not a query parameter')
    form.append('client_secret', SECRET.other)
    form.append('file', new File(['x'], 'f.txt'))
    const outForm = plain.value(form)
    expect(outForm).toBeInstanceOf(FormData)
    expect(outForm.get('a')).toBe('not a query parameter')
    expect(outForm.get('client_secret')).toBe(REDACTED)
    expect((outForm.get('file') as File).name).toBe('f.txt')

    const headers = new Headers({ Authorization: `Bearer ${SECRET.token}`, Accept: 'json' })
    const outHeaders = plain.value(headers)
    expect(outHeaders).toBeInstanceOf(Headers)
    expect(Object.fromEntries(outHeaders)).toEqual({ authorization: REDACTED, accept: 'json' })
    const cleanHeaders = new Headers({ Accept: 'json' })
    expect(plain.value(cleanHeaders)).toBe(cleanHeaders)

    const map = new Map<unknown, unknown>([
      ['token', SECRET.token],
      ['note', `password=${SECRET.password}`],
      [1, { api_key: SECRET.apiKey }],
    ])
    const outMap = plain.value(map)
    expect([...outMap]).toEqual([
      ['token', REDACTED],
      ['note', `password=${REDACTED}`],
      [1, { api_key: REDACTED }],
    ])
    const cleanMap = new Map([['a', 1]])
    expect(plain.value(cleanMap)).toBe(cleanMap)

    const set = new Set([`Bearer ${SECRET.token}`, 'plain'])
    expect([...plain.value(set)]).toEqual([`Bearer ${REDACTED}`, 'plain'])

    const boxed = new String(`password=${SECRET.password}`)
    expect(String(plain.value(boxed))).toBe(`password=${REDACTED}`)
    expect(plain.value({ boxed }).boxed).toBeInstanceOf(String)
  })

  it('rebuilds a Request and a Response that hold secrets, without their bodies', () => {
    const request = new Request(`https://x.test/m?A=${SECRET.a}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${SECRET.token}`, Accept: 'json' },
    })
    const outRequest = plain.value(request)
    expect(outRequest).toBeInstanceOf(Request)
    expect(outRequest.method).toBe('PUT')
    expect(outRequest.url).toBe(`https://x.test/m?A=${REDACTED}`)
    expect(outRequest.headers.get('authorization')).toBe(REDACTED)
    expect(printed(outRequest)).not.toContain(SECRET.token)
    const headersOnly = new Request('https://x.test/m', { headers: { 'X-Api-Key': SECRET.apiKey } })
    expect(plain.value(headersOnly).headers.get('x-api-key')).toBe(REDACTED)
    const cleanRequest = new Request('https://x.test/m', { headers: { Accept: 'json' } })
    expect(plain.value(cleanRequest)).toBe(cleanRequest)

    const response = new Response('body', {
      status: 401,
      statusText: 'Unauthorized',
      headers: { 'Set-Cookie': `auth_key=${SECRET.cookie}`, 'Content-Type': 'text/plain' },
    })
    const outResponse = plain.value(response)
    expect(outResponse).toBeInstanceOf(Response)
    expect(outResponse.status).toBe(401)
    expect(outResponse.statusText).toBe('Unauthorized')
    expect(outResponse.headers.get('content-type')).toBe('text/plain')
    expect(printed(outResponse)).not.toContain(SECRET.cookie)
    const clean = new Response('x')
    expect(plain.value(clean)).toBe(clean)
  })

  it('replaces a built-in it cannot rebuild by REDACTED', () => {
    class Impostor {
      readonly url = `https://x/?A=${SECRET.a}`
      readonly status = 200
      readonly statusText = 'OK'
      readonly headers = {}
      get [Symbol.toStringTag](): string {
        return 'Response'
      }
      constructor(...args: unknown[]) {
        if (args.length > 0) throw new TypeError('cannot')
      }
    }
    expect(plain.value({ response: new Impostor() })).toEqual({ response: REDACTED })
  })

  it('keeps built-ins that hold no printable text as they are', () => {
    const date = new Date(0)
    const bytes = new Uint8Array([1, 2, 3])
    const body = {
      date,
      bytes,
      re: /password=x/,
      fn: () => 'token',
      promise: Promise.resolve(),
      password: SECRET.password,
    }
    const out = plain.value(body)
    expect(out.date).toBe(date)
    expect(out.bytes).toBe(bytes)
    expect(out.re).toBe(body.re)
    expect(out.fn).toBe(body.fn)
    expect(out.promise).toBe(body.promise)
    expect(out.password).toBe(REDACTED)
  })
})

describe('error', () => {
  it('returns a clean error itself', () => {
    const error = new TypeError('Request failed with status code 404', { cause: new Error('socket hang up') })
    Object.assign(error, { status: 404, data: { message: 'not found' } })
    expect(plain.error(error)).toBe(error)
  })

  it('returns a copy with the same prototype, name and class, scrubbed everywhere, leaving the original untouched', () => {
    class SdkError extends Error {
      override name = 'SdkError'
    }
    const inner = new RangeError(`inner Bearer ${SECRET.token}`)
    const middle = new Error('middle', { cause: inner })
    const error = new SdkError(`GET https://x/m?A=${SECRET.a} failed`, { cause: middle })
    Object.assign(error, {
      config: { headers: { Authorization: `Bearer ${SECRET.token}` }, url: `https://x/m?A=${SECRET.a}` },
      status: 401,
    })
    const before = printed(error)
    const out = plain.error(error)
    expect(out).not.toBe(error)
    expect(Object.getPrototypeOf(out)).toBe(SdkError.prototype)
    expect(out).toBeInstanceOf(SdkError)
    expect(out).toBeInstanceOf(Error)
    expect(out.name).toBe('SdkError')
    expect(out.message).toBe(`GET https://x/m?A=${REDACTED} failed`)
    expect(out.stack).toContain(`GET https://x/m?A=${REDACTED} failed`)
    expect(out.stack).toContain('redact.test.ts')
    const cause = out.cause as Error
    expect(cause).toBeInstanceOf(Error)
    expect(cause).not.toBe(middle)
    expect((cause.cause as Error).message).toBe(`inner Bearer ${REDACTED}`)
    expect(cause.cause).toBeInstanceOf(RangeError)
    expect(Object.getOwnPropertyDescriptor(out, 'cause')?.enumerable).toBe(false)
    expect(Object.getOwnPropertyDescriptor(out, 'message')?.enumerable).toBe(false)
    expect(Object.keys(out)).toEqual(Object.keys(error))
    const shown = printed(out)
    for (const secret of [SECRET.token, SECRET.a]) expect(shown).not.toContain(secret)
    expect(shown).toContain('SdkError')
    expect(printed(error)).toBe(before)
    expect(error.message).toContain(SECRET.a)
    expect(String(out)).toBe(`SdkError: GET https://x/m?A=${REDACTED} failed`)
  })

  it('scrubs a secret found only in the stack, an enumerable property, or a nested cause', () => {
    const stackOnly = new Error('plain')
    stackOnly.stack = `Error: plain\n    at fetch (https://x/?A=${SECRET.a}:1:1)`
    // An unquoted value runs to the next delimiter (space, &, ;, quotes): over-redacting is the safe side.
    expect(plain.error(stackOnly).stack).toBe(`Error: plain\n    at fetch (https://x/?A=${REDACTED}`)
    const prop = Object.assign(new Error('plain'), { response: { data: { token: SECRET.token } } })
    expect(plain.error(prop).response.data.token).toBe(REDACTED)
    const nested = new Error('outer', { cause: new Error('mid', { cause: { password: SECRET.password } }) })
    const out = plain.error(nested)
    expect(((out.cause as Error).cause as { password: string }).password).toBe(REDACTED)
  })

  it('scrubs AggregateError errors, and keeps other non-enumerable properties as they are', () => {
    const aggregate = new AggregateError([new Error(`token=${SECRET.token}`), new Error('fine')], 'many')
    const unredacted = new Error(`Bearer ${SECRET.token}`)
    Object.defineProperty(aggregate, 'unredactedCause', { value: unredacted, enumerable: false })
    const out = plain.error(aggregate)
    expect(out).toBeInstanceOf(AggregateError)
    expect(out.errors.map((e: Error) => e.message)).toEqual([`token=${REDACTED}`, 'fine'])
    expect((out as unknown as { unredactedCause: unknown }).unredactedCause).toBe(unredacted)
    expect(inspect(out, { depth: 10 })).not.toContain(SECRET.token)
  })

  it('handles errors without own message or stack, and errors whose own name is secret-bearing', () => {
    const bare = Object.create(Error.prototype) as Error
    Object.assign(bare, { token: SECRET.token })
    const out = plain.error(bare)
    expect(out).toBeInstanceOf(Error)
    expect(Object.getOwnPropertyDescriptor(out, 'message')).toMatchObject({ value: '', enumerable: false })
    expect(out.stack).toBeUndefined()
    class Weird extends Error {}
    Object.defineProperty(Weird.prototype, 'stack', {
      get(): never {
        throw new Error('no stack')
      },
    })
    const weird = Object.create(Weird.prototype) as Error
    Object.assign(weird, { token: SECRET.token })
    expect(Object.hasOwn(plain.error(weird), 'stack')).toBe(false)
    const named = new Error('x')
    named.name = `Error for Bearer ${SECRET.token}`
    expect(plain.error(named).name).toBe(`Error for Bearer ${REDACTED}`)
  })

  it('never throws: hostile properties become REDACTED, a thrown string is scrubbed as text', () => {
    const error = Object.assign(new Error('x'), { proxy: hostile() })
    const out = plain.error(error)
    expect(out.proxy).toBe(REDACTED)
    expect(out).toBeInstanceOf(Error)
    expect(plain.error(hostile())).toBe(REDACTED)
    expect(plain.error(`failed with password=${SECRET.password}`)).toBe(`failed with password=${REDACTED}`)
    expect(plain.error(42)).toBe(42)
    expect(plain.error(undefined)).toBeUndefined()
    const getter: Error & { detail?: unknown } = Object.defineProperty(new Error(`token=${SECRET.token}`), 'detail', {
      enumerable: true,
      get(): never {
        throw new Error('no')
      },
    })
    const safe = plain.error(getter)
    expect(safe.detail).toBe(REDACTED)
    expect(safe.message).toBe(`token=${REDACTED}`)
  })

  it('works detached from its redactor', () => {
    const { error, text, value, headers } = plain
    expect(error(new Error(`Bearer ${SECRET.token}`)).message).toBe(`Bearer ${REDACTED}`)
    expect(text(`Bearer ${SECRET.token}`)).toBe(`Bearer ${REDACTED}`)
    expect(value({ token: 'x' })).toEqual({ token: REDACTED })
    expect(headers({ Cookie: 'a=b' })).toEqual({ cookie: REDACTED })
    expect(text(42 as never)).toBe(42)
  })
})

describe('cheap when there is nothing to do', () => {
  it('shares one redactor when there are no options, no extra names and no request secrets', () => {
    expect(createRedactor()).toBe(plain)
    expect(createRedactor({})).toBe(plain)
    expect(createRedactor({ request: undefined, redact: [] })).toBe(plain)
    expect(createRedactor({ request: { url: '/x?id=1', headers: { Accept: 'json' } } })).toBe(plain)
    expect(createRedactor({ redact: ['x'] })).not.toBe(plain)
  })

  it('returns clean text as the same string', () => {
    const text = 'The resource that is being accessed is locked'
    expect(plain.text(text)).toBe(text)
    expect(plain.text('')).toBe('')
  })
})

describe('properties', () => {
  const suffixes = [
    ['password'],
    ['passwords'],
    ['secret'],
    ['token'],
    ['api', 'key'],
    ['auth', 'key'],
    ['tfa', 'key'],
    ['access', 'key'],
    ['private', 'key'],
    ['authorization'],
    ['cookie'],
  ]
  const prefixes = [[], ['user'], ['new'], ['current'], ['admin'], ['x'], ['client'], ['refresh']]
  const styles = {
    snake: (w: string[]) => w.join('_'),
    kebab: (w: string[]) => w.join('-'),
    upper: (w: string[]) => w.join('_').toUpperCase(),
    camel: (w: string[]) => w.map((x, i) => (i === 0 ? x : x[0]?.toUpperCase() + x.slice(1))).join(''),
    pascal: (w: string[]) => w.map((x) => x[0]?.toUpperCase() + x.slice(1)).join(''),
    header: (w: string[]) => w.map((x) => x[0]?.toUpperCase() + x.slice(1)).join('-'),
  }
  const secretName = fc
    .tuple(fc.constantFrom(...prefixes), fc.constantFrom(...suffixes), fc.constantFrom(...Object.values(styles)))
    .map(([prefix, suffix, style]) => style([...prefix, ...suffix]))
  const secretValue = fc.stringMatching(/^[a-z0-9]{6,20}$/).map((s) => `zq9${s}`)
  const json = fc.jsonValue({ maxDepth: 2 })
  const step = fc.tuple(fc.oneof(fc.string({ maxLength: 8 }), fc.nat({ max: 3 })), json)

  it('never leaves a planted secret in the JSON of value(), at any depth', () => {
    fc.assert(
      fc.property(
        json,
        fc.array(step, { maxLength: 80 }),
        secretName,
        secretValue,
        fc.boolean(),
        (top, path, name, secret, inArray) => {
          let body: unknown = { [name]: inArray ? ['filler', secret] : secret }
          for (const [key, filler] of path.reverse()) {
            if (typeof key === 'number') body = [...Array.from({ length: key }, () => filler), body]
            else
              body = {
                ...(typeof filler === 'object' && filler !== null && !Array.isArray(filler) ? filler : {}),
                [key]: body,
              }
          }
          const wrapped = { top, body }
          const out = plain.value(wrapped)
          expect(JSON.stringify(out)).not.toContain(secret)
          expect(JSON.stringify(wrapped)).toContain(secret)
          // Redacting again changes nothing.
          expect(plain.value(out)).toBe(out)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('leaves text without a separator or a scheme unchanged', () => {
    fc.assert(
      fc.property(
        // Without `:` or `=` and with `Bearer`/`Basic` lower-cased, no rule can apply.
        fc
          .string({ unit: 'binary', maxLength: 200 })
          .map((s) => s.replace(/[:=]/g, '').replace(/B(?=earer|asic)/g, 'b')),
        (text) => {
          expect(plain.text(text)).toBe(text)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('leaves text made of look-alikes unchanged', () => {
    const lookAlikes = [
      'token_type=bearer',
      'tokens_left=3',
      'secretary: Bob',
      'password_expires_in_days=90',
      'the basic settings',
      'Bearer abc',
      'bearer abcdefgh',
      'a=1',
      'data=12345678',
      'monkey=banana',
      'public_key=ssh-rsa',
      '"same_password": {"description": "Cannot reuse"}',
      '"token": 12',
      'Invalid token: expired',
      'key: value',
      'https://example.com:8443/path?id=1',
      'ann@example.com',
      'Authorization-Mode=open',
      '"password": null',
    ]
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...lookAlikes), fc.constantFrom(' ', ', ', '\n', ' | ')), { maxLength: 12 }),
        (parts) => {
          const text = parts.map(([part, sep]) => part + sep).join('')
          expect(plain.text(text)).toBe(text)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('scrubs every echo of a request secret in any text, raw or encoded', () => {
    const alphabet = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789@/+ -_.~!'.split(''))
    // At least 6 characters even once spaces are taken out (a Bearer credential has none).
    const secret = fc
      .array(alphabet, { minLength: 6, maxLength: 24 })
      .filter((c) => c.filter((ch) => ch !== ' ').length >= 5)
      .map((c) => `q${c.join('')}`)
    const where = fc.constantFrom<Array<(s: string) => { headers?: unknown; url?: string; body?: unknown }>>(
      (s) => ({ headers: { 'X-Api-Key': s } }),
      (s) => ({ headers: { Authorization: `Bearer ${s.replace(/ /g, '')}` } }),
      (s) => ({ url: `/m?A=${encodeURIComponent(s)}` }),
      (s) => ({ body: { user: { password: s } } }),
      (s) => ({ body: new URLSearchParams({ client_secret: s }) }),
    )
    const encode = fc.constantFrom(
      (s: string) => s,
      encodeURIComponent,
      (s: string) => new URLSearchParams({ x: s }).toString().slice(2),
      (s: string) => JSON.stringify(s).slice(1, -1),
    )
    fc.assert(
      fc.property(
        secret,
        where,
        encode,
        fc.array(fc.string({ maxLength: 10 }), { minLength: 1, maxLength: 5 }),
        (s, at, enc, chunks) => {
          const request = at(s)
          const planted =
            request.headers !== undefined && JSON.stringify(request.headers).includes('Bearer')
              ? s.replace(/ /g, '')
              : s
          const redactor: Redactor = createRedactor({ request })
          const text = chunks.join(` ${enc(planted)} `) + enc(planted)
          const out = redactor.text(text)
          expect(out).not.toContain(planted)
          expect(out).not.toContain(enc(planted))
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('a real axios error', () => {
  let server: Server
  let base: string

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost')
      res.writeHead(401, { 'Content-Type': 'application/json' })
      res.end(
        JSON.stringify({
          status_code: 401,
          message: `Invalid credentials ${req.headers.authorization ?? ''}`,
          reason: 'InvalidAuthKey',
          data: { authorization: req.headers.authorization, a: url.searchParams.get('A') },
        }),
      )
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  it('is made safe to log: no secret reachable by JSON or util.inspect, same class', async () => {
    const token = 'axios-b3arer-5ecret-91c2'
    const key = 'axios-a-param-5ecret-77d0'
    const error = await axios
      .get(`${base}/asset/prev/image.jpeg?id=1&A=${key}`, { headers: { Authorization: `Bearer ${token}` } })
      .then(
        () => undefined,
        (e: unknown) => e,
      )
    expect(error).toBeInstanceOf(AxiosError)
    const original = error as AxiosError
    expect(printed(original)).toContain(token)
    expect(printed(original)).toContain(key)

    const redactor = createRedactor({ request: { url: original.config?.url, headers: original.config?.headers } })
    const safe = redactor.error(original)
    expect(safe).not.toBe(original)
    expect(safe).toBeInstanceOf(AxiosError)
    expect(safe.constructor).toBe(original.constructor)
    expect(safe.name).toBe('AxiosError')
    expect(safe.message).toBe('Request failed with status code 401')
    expect(safe.response?.status).toBe(401)
    expect(safe.isAxiosError).toBe(true)
    const shown = `${reachableJson(safe)}\n${inspect(safe, { depth: 10 })}\n${String(safe)}\n${safe.stack}`
    expect(shown).not.toContain(token)
    expect(shown).not.toContain(key)
    expect(shown).toContain('InvalidAuthKey')
    expect(JSON.stringify(safe.toJSON())).not.toContain(token)
    // The original is untouched.
    expect(printed(original)).toContain(token)
    expect(original.config?.headers.Authorization).toBe(`Bearer ${token}`)

    // Without the request, what has the shape of a secret is still scrubbed.
    const shapeOnly = plain.error(original)
    const shownShapeOnly = printed(shapeOnly)
    expect(shownShapeOnly).not.toContain(token)
    expect(shapeOnly.config?.url).toBe(`${base}/asset/prev/image.jpeg?id=1&A=${REDACTED}`)
  })
})

// Found by mutation testing: the quick pre-filter let these through unscanned.
describe('text: names spelt with percent-encoding, and an A parameter before spaces', () => {
  it('scrubs a secret name written with percent-escapes, and an encoded A parameter', () => {
    expect(plain.text('x %70assword=abcdef')).toBe('x %70assword=[REDACTED]')
    expect(plain.text('/media?%41=c0ffee42')).toBe('/media?%41=[REDACTED]')
    expect(plain.text('/media?id=7&%61=c0ffee42')).toBe('/media?id=7&%61=[REDACTED]')
    expect(plain.text('/media?A =c0ffee42')).toBe('/media?A =[REDACTED]')
    // Percent-escapes alone are no secret: ordinary encoded text stays.
    expect(plain.text('/search?q=caf%C3%A9%20au%20lait')).toBe('/search?q=caf%C3%A9%20au%20lait')
  })

  it('finds a secret of the request whose name is encoded twice in a query value', () => {
    const redactor = createRedactor({ request: { url: 'https://h.example/m?q=%2570assword%3Dhunter22' } })
    expect(redactor.text('you sent hunter22')).toBe(`you sent ${REDACTED}`)
  })
})

describe('value: accessors', () => {
  it('runs the getter of a plain object once, also when its value turns out to need scrubbing', () => {
    let reads = 0
    const value = {
      a: {
        get g(): string {
          reads++
          return 'token=abcdef'
        },
      },
    }
    const out = plain.value(value) as { a: { g: string } }
    expect(out.a.g).toBe(`token=${REDACTED}`)
    expect(reads).toBe(1)
  })
})
