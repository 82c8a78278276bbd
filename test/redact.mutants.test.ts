// Tests that kill the mutants Stryker found surviving in src/redact.ts (MUTATION.md lists the
// equivalent ones: pre-filters and the allocation-free fast path, whose answers the full walk
// repeats). Several pin where the rules deliberately stop: ordinary data the server echoes, a
// function, a form field named `a`, stay as they are.
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { createRedactor, isSecretName, REDACTED } from '../src/redact.js'

const plain = createRedactor()
/** A redactor for a request, and what it makes of the text the server echoed. */
const echo = (request: Parameters<typeof createRedactor>[0] extends infer O ? O : never, text: string) =>
  createRedactor(request).text(text)
const nest = (depth: number, inner: unknown): unknown => {
  let value = inner
  for (let i = 0; i < depth; i++) value = { n: value }
  return value
}
const down = (value: unknown, depth: number): unknown => {
  let node = value
  for (let i = 0; i < depth; i++) node = (node as { n: unknown }).n
  return node
}

describe('names', () => {
  it('splits at runs of punctuation, so a doubled separator still makes a key pair', () => {
    expect(isSecretName('api__key')).toBe(true)
    expect(isSecretName('X--API--KEY')).toBe(true)
  })

  it('looks for the secret words at the end of a name only', () => {
    expect(isSecretName('token_type_key')).toBe(false)
    expect(isSecretName('token_type')).toBe(false)
  })

  it('does not split a digit from the word after it: x2password is one word', () => {
    expect(isSecretName('x2password')).toBe(false)
    expect(isSecretName('proxyprivateX2__X2cookie')).toBe(false)
  })

  it('takes extra names only from an array, and ignores entries that are not strings', () => {
    expect(isSecretName('my_x', 'x' as never)).toBe(false)
    expect(isSecretName('user', [5] as never)).toBe(false)
    expect(isSecretName('user_session_id', [5, 'session_id'] as never)).toBe(true)
  })

  it('answers false for a name that is not a string, whatever it converts to', () => {
    expect(isSecretName({ toString: () => 'password' } as never)).toBe(false)
  })

  it('a header name in odd camelCase is a header (its value runs to the end of the line) when one split says so', () => {
    expect(plain.text('note XApiKey: abc def')).toBe('note XApiKey: [REDACTED]')
    expect(plain.text('PASSWORD authorIzatioN: \tpassword\rid')).toBe('PASSWORD authorIzatioN: \t[REDACTED]\rid')
  })

  it('compares names as toLowerCase does: a Kelvin sign is a k, a long s stays no s', () => {
    const kelvin = '\u212A'
    // Built-in names: `api_Key` spelt with a Kelvin sign lower-cases to api_key, wherever the other words are.
    expect(isSecretName(`api_${kelvin}ey`)).toBe(true)
    expect(isSecretName(`token_api_${kelvin}ey`)).toBe(true)
    expect(isSecretName(`api_${kelvin}ey_id`)).toBe(false)
    expect(plain.value({ [`api_${kelvin}ey`]: 'abcdef' })).toEqual({ [`api_${kelvin}ey`]: REDACTED })
    // Extra names match the same way.
    expect(isSecretName(`my_${kelvin}id`, ['kid'])).toBe(true)
    expect(isSecretName('my_kid', ['kid'])).toBe(true)
    expect(isSecretName('my_kids', ['kid'])).toBe(false)
    // A long s lower-cases to itself, which is no letter of a name.
    expect(isSecretName('\u017Fecret')).toBe(false)
    // A header name decoded from text: `ſet-cookie` is a cookie name but no header, so mid-line its value stays.
    expect(plain.text('note %C5%BFet-cookie: abc def')).toBe('note %C5%BFet-cookie: abc def')
    expect(plain.text('note %73et-cookie: abc def')).toBe('note %73et-cookie: [REDACTED]')
  })

  it('a mid-line name that only begins or ends like a header is not a header', () => {
    expect(plain.text('note my-authorization: abcdef ghi')).toBe('note my-authorization: abcdef ghi')
    expect(plain.text('note cookie-token: abcdef ghi')).toBe('note cookie-token: abcdef ghi')
  })
})

describe('free text', () => {
  it('closes an unterminated escaped quote at the end of the line', () => {
    expect(plain.text('{\\"password\\": \\"abcdefgh')).toBe('{\\"password\\": \\"[REDACTED]')
  })

  it('reads nested arrays under a secret name to their end, also inside escaped JSON', () => {
    expect(plain.text('passwords: [["abcdef"], "ghijkl"]')).toBe('passwords: [["[REDACTED]"], "[REDACTED]"]')
    expect(plain.text('{"text": "{\\"passwords\\": [\\"abcdef\\", \\"ghijkl\\"]}"}')).toBe(
      '{"text": "{\\"passwords\\": [\\"[REDACTED]\\", \\"[REDACTED]\\"]}"}',
    )
  })

  it('goes on after a list where it ended', () => {
    expect(plain.text('passwords: ["abcdefg"]token=xyz123')).toBe('passwords: ["[REDACTED]"]token=xyz123')
  })

  it('ends a header line inside an escaped string with that string', () => {
    expect(plain.text('{"log": "{\\"h\\": \\"Authorization: Bearer abc def\\", \\"x\\": 1}"}')).toBe(
      '{"log": "{\\"h\\": \\"Authorization: [REDACTED]\\", \\"x\\": 1}"}',
    )
  })

  it('treats only `a=` right after ?, & or # as the API key parameter', () => {
    expect(plain.text('the token is fine; id=12345')).toBe('the token is fine; id=12345')
    expect(plain.text('the token is in /media?id=12345')).toBe('the token is in /media?id=12345')
    expect(plain.text('token x?a:abcdef')).toBe('token x?a:abcdef')
    expect(plain.text('token x?a:"abcdef"')).toBe('token x?a:"abcdef"')
    expect(plain.text('token ?"a=abcdef')).toBe('token ?"a=abcdef')
  })

  it('reads a secret name at the start of a line, after a carriage return or spaces', () => {
    expect(plain.text('Token. = \r%E0%A4%ACookie%: cookieAuth<X')).toBe('Token. = \r%E0%A4%ACookie%: [REDACTED]')
    // Only spaces and tabs may stand before it on its line: the first character counts too.
    expect(plain.text('x token: abcdef')).toBe('x token: abcdef')
    expect(plain.text('\tApiToken.: ?a=tfa')).toBe('\tApiToken.: [REDACTED]')
  })

  it('decodes a percent-encoded name, and keeps one that does not decode as it is', () => {
    expect(plain.text('x?password%=abcdef')).toBe('x?password%=[REDACTED]')
  })

  it('leaves text alone when no request was given, even the word "undefined"', () => {
    expect(plain.text('value is undefined')).toBe('value is undefined')
  })

  it('gives back what is not a string, also with a request', () => {
    expect(createRedactor({ request: { url: '/m?A=abcdefgh' } }).text(5 as never)).toBe(5)
  })
})

describe('secrets of the request', () => {
  it('takes a credential as scheme and token only when it has exactly these two parts', () => {
    expect(echo({ request: { headers: { authorization: 'one two three456789' } } }, 'three456789')).toBe('three456789')
    expect(echo({ request: { headers: { authorization: 'Bearer abcdefgh extra' } } }, 'abcdefgh')).toBe('abcdefgh')
    expect(echo({ request: { headers: { authorization: 'Bearer  abcdefghij' } } }, 'abcdefghij')).toBe(REDACTED)
    expect(echo({ request: { headers: { authorization: 'Bearer abcdefghij ' } } }, 'abcdefghij')).toBe(REDACTED)
  })

  it('decodes only a Basic credential', () => {
    const basic = { headers: { authorization: 'Basic dXNlcjpodW50ZXIyMg==' } }
    expect(echo({ request: basic }, 'hunter22')).toBe(REDACTED)
    const bearer = { headers: { authorization: 'Bearer dXNlcjpodW50ZXIyMg==' } }
    expect(echo({ request: bearer }, 'hunter22')).toBe('hunter22')
  })

  it('splits only the Cookie header into cookies, trimmed, a nameless one included', () => {
    expect(echo({ request: { headers: { authorization: 'tok1, tok2ABCDEF' } } }, 'tok2ABCDEF')).toBe('tok2ABCDEF')
    expect(echo({ request: { headers: { cookie: 'a=1; abcdefghij' } } }, 'abcdefghij.')).toBe(`${REDACTED}.`)
    expect(echo({ request: { headers: { cookie: 'auth_key=abcdefgh ;x=1' } } }, 'abcdefgh.')).toBe(`${REDACTED}.`)
    expect(echo({ request: { headers: [['authentication', '&A=hunter22']] } }, 'pa55:_hunter22AUTH')).toBe(
      'pa55:_hunter22AUTH',
    )
  })

  it('reads a URL- or form-encoded secret also in its decoded form, a + as a space', () => {
    expect(echo({ request: { headers: { authorization: 'abc+def123' } } }, 'abc def123')).toBe(REDACTED)
    expect(echo({ request: { headers: { authorization: '++++++++' } } }, 'a        b')).toBe(`a${REDACTED}b`)
    // A value that is no valid encoding is kept as it is, and nothing throws.
    const odd = createRedactor({ request: { headers: { authorization: 'password%2my: ' } } })
    expect(odd.text('password%2my: ')).toBe(REDACTED)
  })

  it('reads a JSON body as JSON (escapes decoded), even with spaces around it, objects and arrays', () => {
    for (const body of [
      '{"password":"\\u0061bcdefgh"}',
      ' {"password":"\\u0061bcdefgh"} ',
      '[{"password":"\\u0061bcdefgh"}]',
    ]) {
      expect(echo({ request: { body } }, 'got abcdefgh'), body).toBe(`got ${REDACTED}`)
    }
  })

  it('reads other text as text: the raw form of a secret there is what is echoed', () => {
    expect(echo({ request: { body: '"token=\\u0061bcdefgh"' } }, 'got \\u0061bcdefgh" end')).toBe(`got ${REDACTED} end`)
  })

  it('takes plain words of the body as data: a list of camera ids, a form field named a', () => {
    expect(echo({ request: { body: '["cam12345678"]' } }, 'cam12345678')).toBe('cam12345678')
    expect(echo({ request: { body: ['cam12345678'] } }, 'cam12345678')).toBe('cam12345678')
    expect(echo({ request: { body: new URLSearchParams('a=abcdefgh') } }, 'abcdefgh')).toBe('abcdefgh')
  })

  it('takes a form-encoded text body field named a as data too', () => {
    expect(echo({ request: { body: 'a=abcdefgh&b=1' } }, 'abcdefgh')).toBe('abcdefgh')
  })

  it('walks only plain objects and arrays of a body: not a function, not an Error', () => {
    const fn = Object.assign(() => {}, { password: 'abcdefgh' })
    expect(echo({ request: { body: { f: fn } } }, 'abcdefgh')).toBe('abcdefgh')
    expect(echo({ request: { body: Object.assign(new Error('x'), { password: 'abcdefgh' }) } }, 'abcdefgh')).toBe(
      'abcdefgh',
    )
  })

  it('takes no function as the body, whatever its tag says', () => {
    const fn = Object.assign(() => {}, {
      [Symbol.toStringTag]: 'URLSearchParams',
      forEach: (each: (value: string, key: string) => void) => each('abcdefgh', 'password'),
    })
    expect(echo({ request: { body: fn } }, 'abcdefgh')).toBe('abcdefgh')
    // The same shape as an object is read.
    const params = { [Symbol.toStringTag]: 'URLSearchParams', forEach: fn.forEach }
    expect(echo({ request: { body: params } }, 'abcdefgh')).toBe(REDACTED)
  })

  it('reads past null values of a body', () => {
    expect(echo({ request: { body: { a: null, password: 'abcdefgh' } } }, 'abcdefgh')).toBe(REDACTED)
  })

  it('walks a body to 64 levels, arrays as objects', () => {
    expect(echo({ request: { body: nest(64, { password: 'abcdefgh' }) } }, 'abcdefgh')).toBe(REDACTED)
    let deepArrays: unknown = { password: 'abcdefgh' }
    for (let i = 0; i < 70; i++) deepArrays = [deepArrays]
    expect(echo({ request: { body: deepArrays } }, 'abcdefgh')).toBe('abcdefgh')
  })

  it('skips a form field that is a file, and reads the others', () => {
    const form = new FormData()
    form.append('password', new Blob(['x']), 'f.txt')
    form.append('token', 'abcdefgh')
    expect(echo({ request: { body: form } }, 'hello abcdefgh')).toBe(`hello ${REDACTED}`)
  })

  it('reads the A parameter of the fragment, first or later', () => {
    expect(echo({ request: { url: 'https://x.test/#A=abcdefgh' } }, 'abcdefgh')).toBe(REDACTED)
    expect(echo({ request: { url: 'https://x.test/#x=1&a=abcdefgh' } }, 'abcdefgh')).toBe(REDACTED)
  })

  it('takes only an object as the request, not a function with a url', () => {
    const request = Object.assign(() => {}, { url: 'https://x.test/?A=abcdefgh' })
    expect(echo({ request: request as never }, 'abcdefgh')).toBe('abcdefgh')
  })
})

describe('values', () => {
  it('treats the strings of a root array as text, not as secrets', () => {
    expect(plain.value(['private#a=', 'plain'])).toEqual(['private#a=', 'plain'])
    expect(plain.value(['plain', 'token: abc'])).toEqual(['plain', `token: ${REDACTED}`])
  })

  it('copies a clean but deeply nested value with its containers below 64 levels replaced', () => {
    const value = nest(100, { a: 1 })
    const out = plain.value(value)
    expect(out).not.toBe(value)
    expect(down(out, 65)).toBe(REDACTED)
  })

  it('does the same for arrays nested that deep', () => {
    let value: unknown = ['fine']
    for (let i = 0; i < 100; i++) value = [value]
    const out = plain.value(value)
    expect(out).not.toBe(value)
    let node = out
    for (let i = 0; i < 65; i++) node = (node as unknown[])[0]
    expect(node).toBe(REDACTED)
  })

  it('replaces a function below 64 levels too', () => {
    const fn = () => {}
    // The root is level 0 and `deep` level 1: the object holding `f` is level 64, `f` level 65.
    const out = plain.value({ token: 'x', deep: nest(63, { f: fn }) }) as { deep: unknown }
    expect((down(out.deep, 63) as { f: unknown }).f).toBe(REDACTED)
  })

  it('keeps an opaque array opaque when a secret name reaches it again', () => {
    const deep = ['x']
    const out = plain.value(nest(64, { a: deep, passwords: deep })) as unknown
    expect((down(out, 64) as { a: unknown }).a).toBe(REDACTED)
  })

  it('reads a getter once, even when a secret name reaches its object again', () => {
    let reads = 0
    const shared = {
      get g() {
        reads++
        return 'x'
      },
    }
    plain.value({ token: 'abc', a: shared, password: shared })
    expect(reads).toBe(1)
  })

  it('keeps an array reached only under harmless names as it is', () => {
    const list = ['visible']
    const out = plain.value({ a: list, b: list, token: 'x' }) as { a: string[] }
    expect(out.a).toBe(list)
  })

  it('returns a clean class instance with null fields as the same object', () => {
    class Holder {
      a = null
      b = 'fine'
    }
    const holder = new Holder()
    expect(plain.value(holder)).toBe(holder)
  })

  it('keeps functions, dates and other leaves as they are, whatever they carry', () => {
    const fn = Object.assign(() => {}, { password: 'abc' })
    const date = Object.assign(new Date(0), { password: 'abc' })
    const buffer = Object.assign(new ArrayBuffer(1), { password: 'abc' })
    const generator = Object.assign(
      (function* () {
        yield 1
      })(),
      { password: 'abc' },
    )
    const out = plain.value({ token: 'x', fn, date, buffer, generator }) as Record<string, unknown>
    expect(out.fn).toBe(fn)
    expect(out.date).toBe(date)
    expect(out.buffer).toBe(buffer)
    expect(out.generator).toBe(generator)
  })

  it('walks an object whose tag only begins or ends like a leaf', () => {
    for (const tag of ['x][object Date', 'Date] x']) {
      const tricky = { [Symbol.toStringTag]: tag, password: 'abc' }
      expect((plain.value(tricky) as { password: string }).password, tag).toBe(REDACTED)
    }
  })

  it('keeps a Map key that is no string as it is, with its value', () => {
    const key = { toString: () => 'password' }
    const out = plain.value(
      new Map<unknown, string>([
        [key, 'v'],
        ['token', 'x'],
      ]),
    )
    expect(out).toBeInstanceOf(Map)
    expect((out as Map<unknown, string>).get(key)).toBe('v')
  })

  it('returns a clean Set as the same Set', () => {
    const set = new Set(['visible'])
    expect(plain.value(set)).toBe(set)
  })

  it('treats the strings of a Set as text', () => {
    expect([...(plain.value(new Set(['visible', 'token: x'])) as Set<string>)]).toEqual([
      'visible',
      `token: ${REDACTED}`,
    ])
  })

  it('keeps copies extensible, and non-enumerable properties of non-errors as they are', () => {
    expect(Object.isExtensible(plain.value({ token: 'x' }))).toBe(true)
    const object = { token: 'x' }
    Object.defineProperty(object, 'message', { value: 'Bearer abcdefghij', enumerable: false })
    const out = plain.value(object) as unknown as { message: string }
    expect(out.message).toBe('Bearer abcdefghij')
    expect(
      Object.hasOwn(
        plain.value(Object.assign(Object.create({ message: 'Bearer abcdefghij' }), { token: 'x' })),
        'message',
      ),
    ).toBe(false)
  })

  it('rebuilds a Request with its secret headers scrubbed', () => {
    const request = new Request('https://x.test/', { headers: { 'x-api-key': 'abcdefgh' } })
    expect((plain.value(request) as Request).headers.get('x-api-key')).toBe(REDACTED)
  })

  it('rebuilds a Request, and a URLSearchParams with its A parameter scrubbed', () => {
    expect((plain.value(new Request('https://x.test/m?A=abcdefgh')) as Request).url).toBe(
      'https://x.test/m?A=[REDACTED]',
    )
    expect((plain.value(new URLSearchParams('A=abcdef&x=1')) as URLSearchParams).get('A')).toBe(REDACTED)
  })

  it('rebuilds a Request polyfill through its own constructor, from its url, method and headers', () => {
    class PolyRequest {
      readonly #url: string
      readonly method: string
      readonly headers: Array<[string, string]>
      constructor(url: string, init: { method?: string; headers?: Array<[string, string]> } = {}) {
        this.#url = url
        this.method = init.method ?? 'GET'
        this.headers = init.headers ?? []
      }
      get url(): string {
        return this.#url
      }
      get [Symbol.toStringTag](): string {
        return 'Request'
      }
    }
    const out = plain.value(new PolyRequest('https://x.test/m?A=abcdefgh', { method: 'PUT' })) as PolyRequest
    expect(out).toBeInstanceOf(PolyRequest)
    expect(out.url).toBe('https://x.test/m?A=[REDACTED]')
    expect(out.method).toBe('PUT')
  })

  it('replaces a built-in that its own constructor will not rebuild by REDACTED', () => {
    class StrictParams extends URLSearchParams {
      constructor(init: string) {
        if (typeof init !== 'string') throw new TypeError('init required')
        super(init)
      }
    }
    const out = plain.value({ params: new StrictParams('A=abcdefgh'), id: 7 }) as Record<string, unknown>
    expect(out.params).toBe(REDACTED)
    expect(out.id).toBe(7)
  })

  it('copies an array from its last reading: one that emptied itself while read is copied empty', () => {
    const list: unknown[] = []
    Object.defineProperty(list, 0, {
      configurable: true,
      enumerable: true,
      get() {
        list.length = 0
        return 'password=abcdef'
      },
    })
    // Read first under a harmless name, then again under a secret one (its strings become secrets).
    const out = plain.value({ token: 'abc', a: list, b: { passwords: list } }) as { a: unknown[] }
    expect(out.a).not.toBe(list)
    expect(out.a).toEqual([])
  })

  it('keeps a file in a form as it is, even under a secret name', () => {
    const form = new FormData()
    form.append('password', new Blob(['x']), 'f.txt')
    form.append('token', 'abc')
    const out = plain.value(form) as FormData
    expect(out.get('password')).toBeInstanceOf(Blob)
    expect(out.get('token')).toBe(REDACTED)
  })
})

describe('errors', () => {
  it("walks an error's own non-enumerable name", () => {
    const error = new Error('x')
    Object.defineProperty(error, 'name', { value: 'Bearer abcdefghij', enumerable: false, configurable: true })
    expect(plain.error(error).name).toBe(`Bearer ${REDACTED}`)
  })

  it('walks the message of an error from another realm', () => {
    const foreign = runInNewContext('new Error("x")') as Error
    Object.defineProperty(foreign, 'message', { value: 'Bearer abcdefghij', enumerable: false })
    expect(plain.error(foreign).message).toBe(`Bearer ${REDACTED}`)
  })

  it('gives the copy its own message and stack where the engine keeps them on the prototype', () => {
    class Foreign extends Error {}
    Object.defineProperty(Foreign.prototype, 'message', { value: 'Bearer abcdefghij', configurable: true })
    Object.defineProperty(Foreign.prototype, 'stack', {
      get: () => 'Bearer abcdefghij at here',
      configurable: true,
    })
    const error = new Foreign()
    delete (error as { stack?: string }).stack
    const copy = plain.error(error)
    expect(copy).not.toBe(error)
    expect(copy.message).toBe(`Bearer ${REDACTED}`)
    expect(copy.stack).toBe(`Bearer ${REDACTED} at here`)
    expect(Object.getOwnPropertyDescriptor(copy, 'message')).toEqual({
      value: `Bearer ${REDACTED}`,
      writable: true,
      enumerable: false,
      configurable: true,
    })
  })

  it('gives no own stack to a copy when there is none to give', () => {
    const error = Object.assign(new Error('m'), { token: 'x' })
    delete (error as { stack?: string }).stack
    expect(Object.hasOwn(plain.error(error), 'stack')).toBe(false)
  })

  it('keeps an own enumerable message enumerable, defined once', () => {
    const error = new Error('x')
    Object.defineProperty(error, 'message', { value: 'token: abc', enumerable: true, configurable: true })
    const copy = plain.error(error)
    expect(copy.message).toBe(`token: ${REDACTED}`)
    expect(Object.getOwnPropertyDescriptor(copy, 'message')?.enumerable).toBe(true)
  })
})
