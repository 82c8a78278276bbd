import { describe, expect, it } from 'vitest'
import { REDACTED, type RequestParts } from '../../src/redact/index.js'
import { redact } from './fresh.js'

/** Every form a server may echo a value in: raw, percent- and form-encoded, JSON- and HTML-escaped. */
function echoes(value: string): string[] {
  const uri = encodeURIComponent(value)
  return [
    value,
    uri,
    uri.replace(/%20/g, '+'),
    JSON.stringify(value).slice(1, -1),
    value
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;'),
  ]
}

/** What text() leaves of an echo of each value, between neighbours that must stay. */
function scrubbed(request: RequestParts, values: string[]): string[] {
  const { text } = redact.createRedactor({ request })
  return values.flatMap((value) =>
    echoes(value).map((form) => {
      const out = text(`echo: ${form} (kept)`)
      expect(out.endsWith(' (kept)')).toBe(true)
      return out
    }),
  )
}

describe('secret values of the request, wherever the server echoes them', () => {
  it("reads a nested URL's secret parameter to its fragment, as the server that reads the URL takes it", () => {
    const { text } = redact.createRedactor({
      request: { headers: { 'x-return-to': 'https://app.test/cb?api_key=Zq9Secret77#top' } },
    })
    expect(text('bad key Zq9Secret77')).toBe(`bad key ${REDACTED}`)
  })

  it('reads URL userinfo as written, a + in it no space: the Basic credential a client builds of it is found', () => {
    const { text } = redact.createRedactor({ request: { url: 'https://a+b:Pq7mZx92Lk@x.test/' } })
    expect(text(`bad ${btoa('a+b:Pq7mZx92Lk')}`)).toBe(`bad ${REDACTED}`)
  })

  it('reads the first cookie of a Cookie header to its ;, a comma in its value and all', () => {
    const { text } = redact.createRedactor({ request: { headers: { Cookie: 'auth_key=Zq9,Secret77; lang=en' } } })
    expect(text('bad Zq9,Secret77')).toBe(`bad ${REDACTED}`)
  })

  it('finds the URL: secret-named and A query and fragment parameters, the userinfo password', () => {
    const url =
      'https://ann:pw%2F12345@x.example/m?A=akey123456&id=camera77&token=tok123456#access_token=frag123456&a=frag-a-key'
    for (const out of scrubbed({ url }, ['pw/12345', 'akey123456', 'tok123456', 'frag123456', 'frag-a-key']))
      expect(out).toBe(`echo: ${REDACTED} (kept)`)
    // A non-secret parameter's value is data.
    expect(redact.createRedactor({ request: { url } }).text('camera77 ann')).toBe('camera77 ann')
  })

  it('finds a lone token in the userinfo, and reads a URL object', () => {
    const request = { url: new URL('https://lone-token-1234@x.example/') }
    expect(redact.createRedactor({ request }).text('lone-token-1234')).toBe(REDACTED)
  })

  it("finds the Basic credential a client builds from the URL's userinfo, its password's `+` as written", () => {
    for (const [url, pair, secret] of [
      ['https://ann:pw+12345@x.example/', 'ann:pw+12345', 'pw+12345'],
      ['https://ann:p%C3%A4ss%2B1234@x.example/', 'ann:päss+1234', 'päss+1234'],
      ['https://lone-token-1234@x.example/', 'lone-token-1234:', 'lone-token-1234'],
    ] as const) {
      const redactor = redact.createRedactor({ request: { url } })
      const utf8 = Buffer.from(pair).toString('base64')
      expect(redactor.text(`echo: ${utf8} and ${secret} (kept)`)).toBe(`echo: ${REDACTED} and ${REDACTED} (kept)`)
    }
  })

  it('finds secret headers, the credential after their scheme, and secret-named cookies', () => {
    const headers = {
      Authorization: 'Bearer bear123456',
      Cookie: 'auth_key=cook123456; lang=english; sessionid=sess123456',
      'X-Api-Key': ['xkey123456'],
      'Content-Length': 123456,
      Accept: 'application/json',
    }
    for (const out of scrubbed({ headers }, ['bear123456', 'cook123456', 'sess123456', 'xkey123456']))
      expect(out).toBe(`echo: ${REDACTED} (kept)`)
    expect(redact.createRedactor({ request: { headers } }).text('english 123456 application/json')).toBe(
      'english 123456 application/json',
    )
  })

  it('reads headers as a fetch Headers and as pairs', () => {
    const fetchHeaders = new Headers({ authentication: 'apikey123456' })
    expect(redact.createRedactor({ request: { headers: fetchHeaders } }).text('apikey123456')).toBe(REDACTED)
    const pairs = [['Set-Cookie', 'auth_key=pair123456; Path=/']]
    expect(redact.createRedactor({ request: { headers: pairs } }).text('pair123456 Path=/')).toBe(`${REDACTED} Path=/`)
  })

  it('finds secret-named fields of JSON, form and multipart bodies, of a JSON string, and of body data', () => {
    const bodies: Array<[unknown, string]> = [
      ['{"user":"ann","password":"p@ss w0rd&<>\\"x"}', 'p@ss w0rd&<>"x'],
      ['  [{"user":{"apiKey":"json-key-1"}}]', 'json-key-1'],
      ['user=ann&new_password=form%26pass1', 'form&pass1'],
      [
        '--b\r\nContent-Disposition: form-data; name="user"\r\n\r\nann\r\n--b\r\nContent-Disposition: form-data; name="password"\r\nContent-Type: text/plain\r\n\r\nmulti-pass1\r\n--b--',
        'multi-pass1',
      ],
      [{ user: 'ann', credentials: { otp: 987654, list: ['list-secret1'] } }, 'list-secret1'],
      [{ user: 'ann', pin: 987654 }, '987654'],
      [new URLSearchParams({ client_secret: 'usp-secret1' }), 'usp-secret1'],
      [
        (() => {
          const form = new FormData()
          form.append('password', 'fd-secret-1')
          form.append('file', new Blob(['x']))
          return form
        })(),
        'fd-secret-1',
      ],
      ['plain text with password=text-pass1 inside', 'text-pass1'],
      // A JSON string holding form text, read as the text it holds (its escapes undone).
      ['"user=ann&password=str\\u0069ng-pass1"', 'string-pass1'],
    ]
    for (const [body, secret] of bodies) {
      for (const out of scrubbed({ body }, [secret])) expect(out).toBe(`echo: ${REDACTED} (kept)`)
      expect(redact.createRedactor({ request: { body } }).text('ann')).toBe('ann')
    }
  })

  it('finds secret-named and A query options, and the auth password', () => {
    const queries: Array<[unknown, string]> = [
      [{ A: 'q-akey-123', id: 7, list: [1, 2] }, 'q-akey-123'],
      [{ tokens: ['q-token-12', 'q-token-34'] }, 'q-token-34'],
      [new URLSearchParams('a=q-akey-456'), 'q-akey-456'],
      ['?A=q-akey-789&id=1', 'q-akey-789'],
    ]
    for (const [query, secret] of queries)
      expect(redact.createRedactor({ request: { query } }).text(secret)).toBe(REDACTED)
    const auth = { username: 'ann-the-user', password: 'auth-pass-1' }
    expect(redact.createRedactor({ request: { auth } }).text('ann-the-user auth-pass-1')).toBe(
      `ann-the-user ${REDACTED}`,
    )
  })

  it('scrubs a secret past ASCII echoed as its UTF-8 bytes read as Latin-1, as every client reads a header', () => {
    const password = 'Pässwörd-Geheim-9x8y7z-ß-€-😀'
    const redactor = redact.createRedactor({ request: { body: { password } } })
    const latin1 = Buffer.from(password).toString('latin1')
    expect(redactor.text(`r-${latin1} (kept)`)).toBe(`r-${REDACTED} (kept)`)
    // Mixed with the other forms, and cut short inside it.
    expect(redactor.text(`r-${encodeURIComponent('Pässwörd-')}${latin1.slice(11)} (kept)`)).toBe(`r-${REDACTED} (kept)`)
    expect(redactor.cut(`kept ${latin1.slice(0, 14)}`)).toBe('kept ')
    // Data past ASCII that is no secret stays.
    const data = Buffer.from('Grüße Pässwörd').toString('latin1')
    expect(redactor.text(`r-${data}`)).toBe(`r-${data}`)
  })

  it('scrubs an echo whose punctuation the server wrote as any HTML entity', () => {
    const { text } = redact.createRedactor({ request: { body: { password: 'it\'s <b>&"quoted"' } } })
    for (const echo of [
      'it&#x27;s &lt;b&gt;&amp;&quot;quoted&quot;',
      'it&#39;s &#60;b&#62;&#38;&#34;quoted&#34;',
      'it&apos;s <b>&amp;"quoted"',
    ])
      expect(text(`echo: ${echo} (kept)`)).toBe(`echo: ${REDACTED} (kept)`)
  })

  it('finds the password inside a Basic header, and the Basic credential a client builds from its auth options', () => {
    const basic = btoa('ann:basic-pass-1')
    const fromHeader = redact.createRedactor({ request: { headers: { authorization: `Basic ${basic}` } } })
    expect(fromHeader.text(`user ann:basic-pass-1 and ${basic}`)).toBe(`user ann:${REDACTED} and ${REDACTED}`)
    // Not base64: the credential itself is still found.
    expect(
      redact.createRedactor({ request: { headers: { authorization: 'Basic %%%notbase64' } } }).text('%%%notbase64'),
    ).toBe(REDACTED)
    const fromAuth = redact.createRedactor({ request: { auth: { username: 'ann', password: 'auth-pass-2' } } })
    expect(fromAuth.text(`Basic ${btoa('ann:auth-pass-2')} echoed`)).toBe(`Basic ${REDACTED} echoed`)
    expect(redact.createRedactor({ request: { auth: { password: 'no-user-pass' } } }).text(btoa(':no-user-pass'))).toBe(
      REDACTED,
    )
  })

  it('scrubs an echo in any mix of forms: either hex case, JSON and \\u escapes, characters left unencoded', () => {
    const { text } = redact.createRedactor({ request: { body: '{"password":"P@ss/w0rd+x~é"}' } })
    for (const echo of [
      'P%40ss%2fw0rd%2bx%7e%c3%a9', // lower-case hex (.NET's UrlEncode)
      'P%40ss/w0rd%2Bx~%C3%A9', // Python's quote() leaves / and ~
      'P@ss\\/w0rd+x~é', // PHP's json_encode escapes /
      'P\\u0040ss\\u002Fw0rd\\u002bx\\u007e\\u00e9', // \\u escapes, either case
      'P&#64;ss&#x2F;w0rd+x~&eacute;',
    ])
      expect(text(`echo: ${echo} (kept)`)).toBe(`echo: ${REDACTED} (kept)`)
  })

  it('finds the hash of a Digest credential, echoed alone', () => {
    const hash = '6629fae49393a05397450978507c4ef1'
    const digest = `Digest username="ann", realm="api", nonce="n0nce", uri="/g/user", response="${hash}"`
    expect(scrubbed({ headers: { Authorization: digest } }, [hash])).toEqual(
      echoes(hash).map(() => `echo: ${REDACTED} (kept)`),
    )
    // The other parameters are no secret of their own.
    expect(
      redact.createRedactor({ request: { headers: { Authorization: digest } } }).text('realm api, uri /g/user'),
    ).toBe('realm api, uri /g/user')
  })

  it('finds an API key sent as the user with no password: `key:`, its Basic form, or auth options', () => {
    const key = '7f3a9c2e4b1d8f60a5e2'
    for (const request of [
      { headers: { Authentication: `${key}:` } },
      { headers: { authorization: `Basic ${btoa(`${key}:`)}` } },
      { auth: { username: key, password: '' } },
      { auth: { username: key } },
    ])
      expect(redact.createRedactor({ request }).text(`Unknown API key ${key} (kept)`)).toBe(
        `Unknown API key ${REDACTED} (kept)`,
      )
    // With a password, the user name stays: only the password is the credential.
    const named = redact.createRedactor({
      request: { headers: { authorization: `Basic ${btoa('ann-the-user:pw-123456')}` } },
    })
    expect(named.text('ann-the-user pw-123456')).toBe(`ann-the-user ${REDACTED}`)
  })

  it('reads a request body full of name=" (no multipart) in linear time', () => {
    const body = `${'<input name="field">'.repeat(50_000)} password=long-body-pass`
    expect(redact.createRedactor({ request: { body } }).text('echo long-body-pass')).toBe(`echo ${REDACTED}`)
    // About 0.6 s here; a scan to the end of the text for every name=" took 11 s.
  }, 5_000)

  it("scrubs a form-encoded echo, where ! ' ( ) ~ and spaces are escaped too", () => {
    const { text } = redact.createRedactor({ request: { body: { password: "it's (very) ~secret!" } } })
    const form = new URLSearchParams({ p: "it's (very) ~secret!" }).toString().slice(2)
    expect(text(`echo ${form} kept`)).toBe(`echo ${REDACTED} kept`)
  })

  it('reads + in a form-encoded body as a space, so the decoded password is found', () => {
    const { text } = redact.createRedactor({ request: { body: 'user=ann&password=correct+horse+staple' } })
    expect(text('you sent correct horse staple.')).toBe(`you sent ${REDACTED}.`)
  })

  it('looks for a secret full of + (base64) once: a + stands for a space only where the secret has one (a truncated echo took minutes)', () => {
    const secret = 'Zm9v+'.repeat(40)
    const { text, cut } = redact.createRedactor({ request: { headers: { 'x-api-key': secret } } })
    const truncated = `${secret.slice(0, 150)}!`
    expect(text(`echo ${truncated} kept`)).toBe(`echo ${truncated} kept`)
    expect(cut(`${truncated} kept`)).toBe(`${truncated} kept`)
    for (const form of echoes(secret)) expect(text(`echo ${form} kept`)).toBe(`echo ${REDACTED} kept`)
    expect(cut(`echo ${secret.slice(0, 100)}`)).toBe('echo ')
  }, 5_000)

  it('reads a multipart body written with bare line feeds', () => {
    const body = '--b\nContent-Disposition: form-data; name="password"\n\nlf-pass-123\n--b--'
    expect(redact.createRedactor({ request: { body } }).text('echo lf-pass-123 kept')).toBe(`echo ${REDACTED} kept`)
  })

  it('drops an auth scheme only from the start of a value, before any run of spaces', () => {
    // Two spaces after the scheme: the credential alone is still a secret.
    const spaced = redact.createRedactor({ request: { headers: { authorization: 'Bearer  abcdef123456' } } })
    expect(spaced.text('bad credential "abcdef123456"')).toBe(`bad credential "${REDACTED}"`)
    // A value that opens with no word: its tail after a later word is no secret of its own.
    const quoted = redact.createRedactor({ request: { body: { password: '@home sweet home' } } })
    expect(quoted.text('@sweet home')).toBe('@sweet home')
    expect(quoted.text('@home sweet home')).toBe(REDACTED)
  })

  it('finds a header value sent with white space around it (a key read from a file) where the server echoes it trimmed', () => {
    // fetch trims a header value before it sends it, and a server trims what Node's http sends.
    const headers = {
      'X-Api-Key': 'filekey123456\n',
      Authorization: ' Bearer filetok123456 \t',
      Authentication: '\tauthn123456\r\n',
    }
    const { text } = redact.createRedactor({ request: { headers } })
    expect(text('bad filekey123456, filetok123456, authn123456.')).toBe(`bad ${REDACTED}, ${REDACTED}, ${REDACTED}.`)
  })

  it('takes the credential after a tab that follows an auth scheme', () => {
    const { text } = redact.createRedactor({ request: { headers: { authorization: 'Bearer\ttabtok123456' } } })
    expect(text('bad tabtok123456.')).toBe(`bad ${REDACTED}.`)
  })

  it('decodes only a credential whose scheme is Basic', () => {
    // base64 of 6 bytes then ":secret1", with a space inside: Basic would give the password secret1.
    const headers = { authorization: 'Custom basic AAAOnNlY3JldDE=' }
    expect(atob('basicAAAOnNlY3JldDE=').endsWith(':secret1')).toBe(true)
    expect(redact.createRedactor({ request: { headers } }).text('secret1')).toBe('secret1')
  })

  it('takes a body field as the API key only when its name is A itself', () => {
    const { text } = redact.createRedactor({ request: { body: { data: 'value123456', A: 'apikey-123456' } } })
    expect(text('value123456 apikey-123456')).toBe(`value123456 ${REDACTED}`)
  })

  it('finds a secret inside a nested, encoded URL of the request', () => {
    const url = 'https://x.example/login?next=%2Fcb%3Ftoken%3Dnested-123'
    expect(redact.createRedactor({ request: { url } }).text('got nested-123')).toBe(`got ${REDACTED}`)
  })

  it('scrubs overlapping secrets whole, the longest first', () => {
    const request = { body: { password: 'abcdef', token: 'abcdefghij' } }
    expect(redact.createRedactor({ request }).text('abcdefghij')).toBe(REDACTED)
  })

  it('leaves values shorter than 6 characters and parts of the placeholder alone', () => {
    const request = { body: { password: 'short', token: 'REDACTED' }, url: 'relative/path?x=1' }
    expect(redact.createRedactor({ request }).text('short REDACTED')).toBe('short REDACTED')
  })

  it('takes secrets under the extra names too', () => {
    const request = { body: { customerRef: 'cust-ref-123' } }
    expect(redact.createRedactor({ request }).text('cust-ref-123')).toBe('cust-ref-123')
    expect(redact.createRedactor({ request, redact: ['customer_ref'] }).text('cust-ref-123')).toBe(REDACTED)
  })

  it('finds a Basic password that is not ASCII, sent as UTF-8 (or Latin-1) and echoed decoded', () => {
    const password = 'pässwörd-42'
    for (const bytes of [Buffer.from(`admin:${password}`), Buffer.from(`admin:${password}`, 'latin1')]) {
      const headers = { Authorization: `Basic ${bytes.toString('base64')}` }
      for (const out of scrubbed({ headers }, [password])) expect(out).toBe(`echo: ${REDACTED} (kept)`)
    }
    const auth = { username: 'admin', password }
    const utf8 = Buffer.from(`admin:${password}`).toString('base64')
    const latin1 = Buffer.from(`admin:${password}`, 'latin1').toString('base64')
    expect(redact.createRedactor({ request: { auth } }).text(`got ${utf8} ${latin1}`)).toBe(
      `got ${REDACTED} ${REDACTED}`,
    )
  })

  it('reads a name percent-encoded (`user%5Bpassword%5D`) and a cookie value in quotes', () => {
    const body = new URLSearchParams({ 'user[password]': 'Hunter2-pw', 'user[name]': 'bob-the-user' }).toString()
    const url = `https://x.example/m?${new URLSearchParams({ 'user[api_key]': 'K3y-bracket' })}`
    const headers = { Cookie: 'auth_key="quoted-key-1"; lang="en-GB-x"' }
    for (const out of scrubbed({ body, url, headers }, ['Hunter2-pw', 'K3y-bracket', 'quoted-key-1']))
      expect(out).toBe(`echo: ${REDACTED} (kept)`)
    const { text } = redact.createRedactor({ request: { body, headers } })
    expect(text('bob-the-user en-GB-x')).toBe('bob-the-user en-GB-x')
  })

  it('scrubs JSON text of the request echoed percent-encoded, its escapes too', () => {
    const body = JSON.stringify({ password: 'S3cr3tPw"x\\y' })
    const { text } = redact.createRedactor({ request: { body } })
    expect(text(`bad request body=${encodeURIComponent(body)} (kept)`)).toBe(
      `bad request body=%7B%22password%22%3A%22${REDACTED}%22%7D (kept)`,
    )
  })

  it('finds a session in the URL path, in any segment, its value ending with the segment', () => {
    for (const url of [
      'https://x.example/app;jsessionid=PATHSESS42?x=1',
      'https://x.example/app;jsessionid=PATHSESS42/page',
    ])
      for (const out of scrubbed({ url }, ['PATHSESS42'])) expect(out).toBe(`echo: ${REDACTED} (kept)`)
  })

  it('takes a cookie value out of its quotes only when it is quoted whole', () => {
    const headers = { Cookie: 'auth_key="abc123"xyz-more; session=xyz"def456"' }
    for (const out of scrubbed({ headers }, ['"abc123"xyz-more', 'xyz"def456"']))
      expect(out).toBe(`echo: ${REDACTED} (kept)`)
  })

  it('takes a cookie value as written, to its semicolon: a #, a percent-escape or a & is part of it', () => {
    // A cookie is no URL: `#` starts no fragment, `%41` is three characters the server sees as such, `&` no field.
    const headers = { Cookie: 'lang=en; auth_key=QV#97*b(|x; session=ab%41cd+ef; sid=Q=t&zpc>#Fk6; theme=dark' }
    for (const out of scrubbed({ headers }, ['QV#97*b(|x', 'ab%41cd+ef', 'Q=t&zpc>#Fk6']))
      expect(out).toBe(`echo: ${REDACTED} (kept)`)
    // A form's value is what the server reads: decoded, its # a character.
    for (const out of scrubbed({ body: 'user=ann&password=ab%41#cd+e' }, ['abA#cd e']))
      expect(out).toBe(`echo: ${REDACTED} (kept)`)
    // A form's fields are still read decoded, and a nested URL's fragment parameters still found.
    const body = 'user=ann&password=form%26pass1&next=%2Fcb%3Fx%3D1%23token%3Dfrag-tok-1'
    for (const out of scrubbed({ body }, ['form&pass1', 'frag-tok-1'])) expect(out).toBe(`echo: ${REDACTED} (kept)`)
  })

  it('takes a cookie written with blanks around its = or its value as the server reads it: trimmed', () => {
    // Servers trim a cookie's name and value (`sid = v ;` is `sid` = `v`); the echo holds no blank.
    const headers = { Cookie: 'lang=en; sid = Zq8-kL2!pW ; auth_key=\tK3y-v4lu3z\t; session =  s3ss-v4l' }
    for (const out of scrubbed({ headers }, ['Zq8-kL2!pW', 'K3y-v4lu3z', 's3ss-v4l']))
      expect(out).toBe(`echo: ${REDACTED} (kept)`)
    // A data cookie stays data.
    expect(redact.createRedactor({ request: { headers } }).text('lang=en (kept)')).toBe('lang=en (kept)')
  })

  it('takes a multipart field as written: a + in it is no space', () => {
    const body = '--b\r\nContent-Disposition: form-data; name="2fa_code"\r\n\r\nDnixT+P=é]Q\r\n--b--\r\n'
    for (const out of scrubbed({ body }, ['DnixT+P=é]Q'])) expect(out).toBe(`echo: ${REDACTED} (kept)`)
    const percent = '--b\r\nContent-Disposition: form-data; name="password"\r\n\r\nA+b%41cdef\r\n--b--\r\n'
    for (const out of scrubbed({ body: percent }, ['A+b%41cdef'])) expect(out).toBe(`echo: ${REDACTED} (kept)`)
  })

  it('takes nothing from a secret-named field that is null or undefined', () => {
    const { text } = redact.createRedactor({
      request: { body: { password: null, token: undefined, pin: 'pin-123456' } },
    })
    expect(text('undefined null pin-123456')).toBe(`undefined null ${REDACTED}`)
  })

  it('reads a query or fragment value whole, with any , or ; in it', () => {
    const url = 'https://x.example/login?password=ab,comma-pw1&x=1#token=ab;semi-tok1'
    for (const out of scrubbed({ url }, ['ab,comma-pw1', 'ab;semi-tok1'])) expect(out).toBe(`echo: ${REDACTED} (kept)`)
  })

  it('reads the names and values of JSON that does not parse: a trailing comma, a name given twice', () => {
    const body = '{"username": "a@b.c", "password": "first-pw-1", "password": "second-pw-2", "pin": 482139,}'
    for (const out of scrubbed({ body }, ['first-pw-1', 'second-pw-2', '482139']))
      expect(out).toBe(`echo: ${REDACTED} (kept)`)
    expect(redact.createRedactor({ request: { body } }).text('a@b.c')).toBe('a@b.c')
  })

  it('removes a number the request sent as a secret where the body echoes it as a number, and only that number', () => {
    const { value } = redact.createRedactor({ request: { body: { two_factor_authentication_code: 48213907 } } })
    expect(value({ received: 48213907, other: 48213908, n: 1.5, at: 1748213907123 })).toEqual({
      received: REDACTED,
      other: 48213908,
      n: 1.5,
      at: 1748213907123,
    })
  })

  it('finds a long secret with much punctuation (a base64 assertion) in every form', () => {
    // 3,000 characters of base64, about a hundred of them + and /.
    const assertion = Buffer.from(Array.from({ length: 2250 }, (_, i) => (i * 37) % 256)).toString('base64')
    expect(assertion.replace(/[a-z\d]/gi, '').length).toBeGreaterThan(64)
    for (const out of scrubbed({ body: { assertion } }, [assertion])) expect(out).toBe(`echo: ${REDACTED} (kept)`)
  })

  it('reads long request text in linear time: escaped JSON, a long path, a long run without =', () => {
    const escaped = JSON.stringify({
      note: JSON.stringify(Array.from({ length: 4000 }, (_, i) => ({ [`k${i}`]: 'v' }))),
    })
    const run = 'x'.repeat(200_000)
    const request = { url: `https://x.example/${run}?password=after-run-1`, body: `${escaped} ${run}` }
    const { text } = redact.createRedactor({ request })
    expect(text('after-run-1 (kept)')).toBe(`${REDACTED} (kept)`)
  })

  it("makes no pattern for a text that holds none of the request's secrets: a new long punctuated token costs nothing", () => {
    // Each new set of secrets was one pattern to compile, at every error: 64 keys of 255 dashes took 7 s.
    let seed = 12_345
    const word = () => {
      seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff
      return seed.toString(36).slice(0, 4)
    }
    const headers = Object.fromEntries(
      Array.from({ length: 64 }, (_, i) => [`X-Api-Key-${i}`, Array.from({ length: 256 }, word).join('-')]),
    )
    const start = performance.now()
    expect(redact.createRedactor({ request: { headers } }).text('Unauthorized (kept)')).toBe('Unauthorized (kept)')
    expect(performance.now() - start).toBeLessThan(1000)
    // A text that holds one is scrubbed of it, and of it alone.
    const [first, second] = Object.values(headers) as string[]
    expect(redact.createRedactor({ request: { headers } }).text(`bad ${first} ${second?.slice(0, 20)}`)).toBe(
      `bad ${REDACTED} ${second?.slice(0, 20)}`,
    )
  })

  it('reads text within text three levels deep, so a value like a=a=a=… gives no pattern of quadratic size', () => {
    const started = performance.now()
    const { text } = redact.createRedactor({
      request: { headers: { 'x-note': 'a='.repeat(800), 'X-Api-Key': 'key-123456' } },
    })
    expect(text('key-123456 a=a=a= (kept)')).toBe(`${REDACTED} a=a=a= (kept)`)
    // One secret a level made a pattern of 320,000 characters: 40 s.
    expect(performance.now() - started).toBeLessThan(2_000)
    // Three levels are read: a password inside JSON inside a form field inside the body, and a
    // form text inside a JSON field there.
    const nested = `data=${encodeURIComponent(JSON.stringify({ password: 'deep-pass-1' }))}`
    expect(redact.createRedactor({ request: { body: nested } }).text('deep-pass-1')).toBe(REDACTED)
    const deeper = `data=${encodeURIComponent(JSON.stringify({ q: 'password=deep-pass-2' }))}`
    expect(redact.createRedactor({ request: { body: deeper } }).text('deep-pass-2')).toBe(REDACTED)
  })

  it('reads an object shared within the request once, and at most 10,000 entries in all', () => {
    let shared: Record<string, unknown> = { password: 'shared-pass-1' }
    // 31 objects, 2^30 paths: read path by path, it never ended.
    for (let i = 0; i < 30; i++) shared = { a: shared, b: shared }
    expect(redact.createRedactor({ request: { body: shared } }).text('shared-pass-1')).toBe(REDACTED)
    // Read once, a shared object leaves the entries after it to be read: read at each place, it
    // would spend them all.
    let plain: Record<string, unknown> = { n: 1 }
    for (let i = 0; i < 20; i++) plain = { a: plain, b: plain }
    const late = { first: plain, second: plain, token: 'late-token-1' }
    expect(redact.createRedactor({ request: { body: late } }).text('late-token-1')).toBe(REDACTED)
    let asked = 0
    const endless = {
      *entries() {
        yield ['x-api-key', 'first-key-1']
        for (; asked < 1_000_000; asked++) yield ['x-note', `note-${asked}`]
      },
    }
    const { text } = redact.createRedactor({ request: { headers: endless } })
    expect(text('first-key-1 note-1 (kept)')).toBe(`${REDACTED} note-1 (kept)`)
    expect(asked).toBeLessThanOrEqual(10_000)
  })

  it('scrubs each of 256 secret values a text holds, and all of a text that holds more; a text that holds none stays', () => {
    const values = (n: number) => Array.from({ length: n }, (_, i) => `key-${i}-${123456 + i}`)
    const keys = (n: number) => ({ headers: { 'x-api-key': values(n) } })
    expect(redact.createRedactor({ request: keys(256) }).text('key-255-123711 (kept)')).toBe(`${REDACTED} (kept)`)
    expect(redact.createRedactor({ request: keys(257) }).text(values(257).join(' '))).toBe(REDACTED)
    expect(redact.createRedactor({ request: keys(257) }).text(`${values(256).join(' ')} (kept)`)).toBe(
      `${Array(256).fill(REDACTED).join(' ')} (kept)`,
    )
    expect(redact.createRedactor({ request: keys(257) }).text('plain (kept)')).toBe('plain (kept)')
  })

  it('scrubs the echo of a secret without a letter or digit, which no run of them can tell', () => {
    const { text } = redact.createRedactor({ request: { headers: { 'X-Api-Key': '!#$*(?)~' } } })
    expect(text('bad key !#$*(?)~ (kept)')).toBe(`bad key ${REDACTED} (kept)`)
    expect(text('bad key %21%23%24%2A%28%3F%29%7E (kept)')).toBe(`bad key ${REDACTED} (kept)`)
  })

  it('cuts from a long text cut short only its end: what comes before the last 4,096 characters stays as it is', () => {
    const { cut } = redact.createRedactor({ request: { headers: { 'X-Api-Key': 'Key,with punctuation-1' } } })
    const before = 'x'.repeat(5000)
    expect(cut(`${before} bad key Key,with`)).toBe(`${before} bad key `)
  })

  it('cuts a tail of 4 KiB of one run of letters before a blank in linear time', () => {
    // The last run was looked for from each character of the tail: 4,096 letters then a blank took
    // 10-100 ms, at every body past the cap. 400 such cuts took over 4 s so; in linear time, some 15 ms.
    const { cut } = redact.createRedactor({ request: { headers: { Authorization: 'Bearer abcdefgh123456' } } })
    const run = 'a'.repeat(4094)
    const start = performance.now()
    for (let i = 0; i < 400; i++) expect(cut(`${run} b`)).toBe(`${run} `)
    // A bound far above the linear time: the square of the run shows, a busy machine does not.
    expect(performance.now() - start).toBeLessThan(1_500)
  })

  it('never throws, nor lets a secret out, for a request too large to make one pattern of', () => {
    const cookie = `auth_key=long-cookie-key1; prefs=${'%7B%22a%22%3A1%7D'.repeat(700)}`
    const punctuated = `key-${'!-'.repeat(3000)}tail-secret-1`
    const { text } = redact.createRedactor({ request: { headers: { Cookie: cookie, 'X-Api-Key': punctuated } } })
    expect(text('bad cookie long-cookie-key1 (kept)')).toBe(`bad cookie ${REDACTED} (kept)`)
    expect(text(`echo ${punctuated} (kept)`)).toBe(`echo ${REDACTED} (kept)`)
    expect(text(`echo ${cookie} (kept)`)).toBe(`echo ${REDACTED} (kept)`)
    // The pattern was made (not the fallback that scrubs all text): plain text stays.
    expect(text('plain words stay')).toBe('plain words stay')
    // One V8 cannot compile (it does so on first use) scrubs all text, whole, instead of throwing. (It is
    // made for a text that holds the secret's letters and digits in order: here, its echo.)
    const huge = { headers: { Cookie: `auth_key=${'c0ffee-secret-'.repeat(3000)}` } }
    const echo = `plain words\nand ${'c0ffee-secret-'.repeat(3000)} lines`
    expect(redact.createRedactor({ request: huge }).text(echo)).toBe(REDACTED)
  })

  it('cuts from text cut short an end that starts a secret of the request, in any form, and nothing else', () => {
    const { cut } = redact.createRedactor({ request: { headers: { 'X-Api-Key': 'Key,with punctuation-1' } } })
    expect(cut('bad key Key,with')).toBe('bad key ')
    expect(cut('bad key Key%2Cwith%20punc')).toBe('bad key ')
    expect(cut('bad key k')).toBe('bad key ')
    // The whole secret is no start to cut (text() scrubs it), nor is text with more after it.
    expect(cut('bad key Key,with punctuation-1 ')).toBe('bad key Key,with punctuation-1 ')
    expect(cut('bad key Key,wit x')).toBe('bad key Key,wit x')
    // No request: nothing is cut. A value too long to look for by its start (a whole Cookie header) is
    // looked for by the start of each of its pieces of at most 256 characters.
    expect(redact.createRedactor().cut('bad key Key,with')).toBe('bad key Key,with')
    const long = `${'c0ffee, '.repeat(40)}end`
    expect(redact.createRedactor({ request: { headers: { 'X-Api-Key': long } } }).cut('echo c0ffee, c0f')).toBe('echo ')
    // The longest that is looked for, 256 characters, makes a pattern that compiles.
    const longest = `k${'-'.repeat(255)}`
    expect(
      redact.createRedactor({ request: { headers: { 'X-Api-Key': longest } } }).cut(`echo ${longest.slice(0, 200)}`),
    ).toBe('echo ')
  })

  it('cuts from text cut short by the secrets whose start it may end with: a request of a thousand long secrets cuts as one does', () => {
    const body = Object.fromEntries(
      Array.from({ length: 1000 }, (_, i) => [`password${i}`, `sec${i}-${'x_'.repeat(100)}`]),
    )
    const { cut } = redact.createRedactor({ request: { body } })
    const text = 'hello world '.repeat(2000)
    expect(cut(text)).toBe(text)
    expect(cut(`${text}sec7-x_x`)).toBe(text)
    expect(cut(`${text}SEC7`)).toBe(text)
    expect(cut(`${text}sec7-x_x kept`)).toBe(`${text}sec7-x_x kept`)
    // A tail that holds the start of more than 2,048 characters of them goes whole: too many to look for.
    const many = Array.from({ length: 20 }, (_, i) => `sec${i}-x_`).join(' ')
    expect(cut(`${text}${many}`)).toBe(`${text}${many}`.slice(0, -4096))
    // A few of them are looked for one by one: only the start at the end goes.
    const few = Array.from({ length: 5 }, (_, i) => `sec${i}-x_`).join(' ')
    expect(cut(`${text}${few}`)).toBe(`${text}${few}`.replace(/sec4-x_$/, ''))
  }, 5_000)

  it('reads what it can of a hostile or odd request, and never throws', () => {
    const trap = new Proxy(
      {},
      {
        get() {
          throw new Error('trap')
        },
      },
    )
    const cyclic: Record<string, unknown> = { password: 'cycle-pass-1' }
    cyclic.self = cyclic
    const requests: unknown[] = [
      trap,
      { url: trap, headers: trap, body: trap, query: trap, auth: trap },
      { url: '::::', headers: 42, body: 42, query: null, auth: 'x' },
      { body: cyclic, headers: { authorization: 'Bearer still-read-1' } },
      { url: 'http://[bad', body: '\uD800 lone surrogate password=\uD800\uD800\uD800\uD800\uD800\uD800' },
    ]
    for (const request of requests) {
      const redactor = redact.createRedactor({ request: request as RequestParts })
      expect(redactor.text('still-read-1 plain')).toMatch(/ plain$/)
    }
    expect(redact.createRedactor({ request: requests[3] as RequestParts }).text('still-read-1 cycle-pass-1')).toBe(
      `${REDACTED} ${REDACTED}`,
    )
  })

  it('finds the A parameter first in the fragment, as in the query', () => {
    const url = 'https://x.example/m?id=1#A=frag-akey-1&view=full'
    for (const out of scrubbed({ url }, ['frag-akey-1'])) expect(out).toBe(`echo: ${REDACTED} (kept)`)
  })

  it('finds a Basic password that ends with a colon, its colon too', () => {
    // The user ends at the first colon; the password is all that follows it, a last colon included.
    const headers = { authorization: `Basic ${btoa('ann:open-sesame:')}` }
    for (const out of scrubbed({ headers }, ['open-sesame:'])) expect(out).toBe(`echo: ${REDACTED} (kept)`)
  })

  it('reads JSON text that opens with white space, as a pretty-printed body does', () => {
    // Values in an array, which only a parse finds: no `"name": "value"` pair holds them.
    const body = '\n  {\n    "tokens": ["first-tok-1", "second-tok-2"]\n  }\n'
    for (const out of scrubbed({ body }, ['first-tok-1', 'second-tok-2'])) expect(out).toBe(`echo: ${REDACTED} (kept)`)
  })

  it('reads the names and values of JSON that does not parse, with no space or several around a colon', () => {
    const body = '{"password":"tight-pw-1", "token" :  "loose-tok-2", "pin":482139,}'
    for (const out of scrubbed({ body }, ['tight-pw-1', 'loose-tok-2', '482139']))
      expect(out).toBe(`echo: ${REDACTED} (kept)`)
  })

  it('scrubs an echo that writes a space or a tab as a \\u escape', () => {
    const { text } = redact.createRedactor({ request: { body: { password: 'open sesame\tnow' } } })
    expect(text('echo: open\\u0020sesame\\u0009now (kept)')).toBe(`echo: ${REDACTED} (kept)`)
  })

  it('takes a backslash and a letter for a character only where JSON writes that escape', () => {
    const { text } = redact.createRedactor({ request: { body: { password: 'open-sesame-1' } } })
    for (const kept of ['open\\tsesame-1', 'open\\nsesame-1', 'open\\undefinedsesame-1', 'open\\qsesame-1'])
      expect(text(kept)).toBe(kept)
  })

  it('scrubs an echo that writes a tab, a line break or another control character as JSON does', () => {
    const secret = 'line one\nline two\ttab\r\f\b'
    const { text } = redact.createRedactor({ request: { body: { password: secret } } })
    expect(text(`echo: ${JSON.stringify(secret)} (kept)`)).toBe(`echo: "${REDACTED}" (kept)`)
    expect(text(`echo: ${JSON.stringify(JSON.stringify(secret))} (kept)`)).toBe(`echo: "\\"${REDACTED}\\"" (kept)`)
  })

  it('reads 10,000 entries of a request in all, the segments of its URL path among them', () => {
    // The path '/' is two segments, both empty; then the headers, the API key last.
    const request = (entries: number) => ({
      url: 'https://x.example/',
      headers: Object.fromEntries([
        ...Array.from({ length: entries - 3 }, (_, i) => [`x-note-${i}`, 'v']),
        ['x-api-key', 'last-key-123'],
      ]),
    })
    expect(redact.createRedactor({ request: request(10_000) }).text('last-key-123')).toBe(REDACTED)
    expect(redact.createRedactor({ request: request(10_001) }).text('last-key-123')).toBe('last-key-123')
  })

  it("reads every request's URL, headers, query and credentials before any body: a body of many entries spends the budget last", () => {
    const body = { ids: Array.from({ length: 20_000 }, (_, i) => i), password: 'body-pass-1' }
    const client = {
      url: 'https://x.example/',
      body,
      query: { A: 'c001~media-key-9' },
      auth: { username: 'u', password: 'auth-pass-2' },
    }
    const given = { url: 'https://x.example/?access_token=given-token-3', body }
    const { text } = redact.createRedactor({ request: [given, client] as never })
    expect(text('c001~media-key-9 auth-pass-2 given-token-3')).toBe(`${REDACTED} ${REDACTED} ${REDACTED}`)
  })

  it('cuts from text cut short the start of any of the secrets of the request', () => {
    const request = { headers: { 'X-Api-Key': 'first-key-1', Authorization: 'Bearer second-tok-2' } }
    const { cut } = redact.createRedactor({ request })
    expect(cut('bad key first-k')).toBe('bad key ')
    expect(cut('bad token second-t')).toBe('bad token ')
  })

  it('reads text within text three levels deep however JSON and form text alternate: hundreds of levels give no secret each', () => {
    // Each level a JSON array holding form text: a secret, and the next level's JSON, percent-encoded.
    let body = '"end"'
    for (let i = 0; i < 260; i++) body = `["a=key-${i}-secret&x=${body.replace(/[%"&]/g, encodeURIComponent)}"]`
    const { text } = redact.createRedactor({ request: { body } })
    // A secret a level, past 256 of them, would scrub all text.
    expect(text('plain words key-259-secret (kept)')).toBe(`plain words ${REDACTED} (kept)`)
  })
})
