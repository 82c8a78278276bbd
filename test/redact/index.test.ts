import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { REDACTED } from '../../src/redact/index.js'
import { LAST } from '../secrets/places.js'
import { redact } from './fresh.js'

describe('createRedactor', () => {
  it('shares one redactor when there are no extra names and the request holds no secret', () => {
    const shared = redact.createRedactor()
    expect(redact.createRedactor({})).toBe(shared)
    expect(redact.createRedactor({ redact: [], request: undefined })).toBe(shared)
    expect(redact.createRedactor({ redact: ['', '--', 42 as never] })).not.toBe(shared)
    expect(redact.createRedactor({ redact: ['', '  '] })).toBe(shared)
    // A redact option that is no list adds no name.
    expect(redact.createRedactor({ redact: { length: 2 } as never })).toBe(shared)
    expect(redact.createRedactor({ request: { url: '/x' } })).toBe(shared)
    expect(redact.createRedactor({ request: { url: '/x?password=hunter2222' } })).not.toBe(shared)
  })

  it('cuts nothing from text without a request: no end of it starts a secret', () => {
    const { cut } = redact.createRedactor()
    for (const line of ['Too many requests', 'Not found.', 'bad key k', 'x=', '']) expect(cut(line)).toBe(line)
  })

  it('cuts an end only where it starts a secret of the request, and only that start', () => {
    const { cut } = redact.createRedactor({ request: { headers: { 'X-Api-Key': 'Qz7-key-4471' } } })
    // `qa` opens like the key's first run (`qz7`) but is no start of it.
    for (const line of ['Too many requests', 'Not found.', 'x=', 'ask qa']) expect(cut(line)).toBe(line)
    expect(cut('you sent Qz7-ke')).toBe('you sent ')
    // Its start glued to a word: only the end of the text's last run that starts the key goes.
    expect(cut('you sent abcQz')).toBe('you sent abc')
  })

  it('cuts the whole of what it cannot read as text, rather than throw', () => {
    const { cut } = redact.createRedactor({ request: { headers: { 'X-Api-Key': 'Key,with punctuation-1' } } })
    for (const value of [undefined, null, 42, {}]) expect(cut(value as never)).toBe('')
  })

  it('takes a lone extra name given as a string, as JavaScript callers write it, as a list of one', () => {
    const { text, value } = redact.createRedactor({ redact: 'een_thing' as never })
    expect(text('een_thing=Zq7xSecret99 kept')).toBe(`een_thing=${REDACTED} kept`)
    expect(value({ eenThing: 'Zq7xSecret99', other: 'kept' })).toEqual({ eenThing: REDACTED, other: 'kept' })
  })

  it('matches an extra name as the built-in ones: a plural, or digits right after it, in any script', () => {
    for (const name of ['fooword', 'пароль']) {
      const { text, value } = redact.createRedactor({ redact: [name] })
      const data = {
        [`${name}1`]: 'Zq7xSecret99',
        [`${name}s`]: 'Zq7xSecret99',
        [`my_${name}_2`]: 'Zq7xSecret99',
        kept: 'x',
      }
      expect(value(data)).toEqual({
        [`${name}1`]: REDACTED,
        [`${name}s`]: REDACTED,
        [`my_${name}_2`]: REDACTED,
        kept: 'x',
      })
      expect(text(`${name}1=Zq7xSecret99 kept`)).toBe(`${name}1=${REDACTED} kept`)
      // A name that only starts with it stays data.
      expect(value({ [`${name}ing`]: 'kept' })).toEqual({ [`${name}ing`]: 'kept' })
    }
  })

  it('splits a camelCase extra name into words, so it covers the snake_case and kebab-case spellings', () => {
    const { value } = redact.createRedactor({ redact: ['deviceSerial'] })
    expect(value({ device_serial: 'd-1', 'Device-Serial': 'd-2', device: 'cam' })).toEqual({
      device_serial: REDACTED,
      'Device-Serial': REDACTED,
      device: 'cam',
    })
  })

  it('takes extra names in any script', () => {
    const { value } = redact.createRedactor({ redact: ['пароль', '密码'] })
    expect(value({ пароль: 'p-1', 'мой-пароль': 'p-2', 密码: 'p-3', имя: 'ann' })).toEqual({
      пароль: REDACTED,
      'мой-пароль': REDACTED,
      密码: REDACTED,
      имя: 'ann',
    })
  })

  it('scrubs everything rather than throw for extra names too long for one pattern', () => {
    const { text, value } = redact.createRedactor({ redact: ['b'.repeat(40_000)] })
    expect(value({ a: 1, token_type: 'bearer' })).toEqual({ a: REDACTED, token_type: REDACTED })
    expect(text('password=abc123456 x')).toBe(`password=${REDACTED} x`)
  })

  it('scrubs the whole of a text too long for the patterns (megabytes of one value), and never throws', () => {
    const { text } = redact.createRedactor()
    // The value after a header name, read character by character, overflowed the pattern's stack.
    expect(text(`Authorization: ${'a'.repeat(4_000_000)}`)).toBe(REDACTED)
    expect(text(`x ${'plain '.repeat(100_000)}`)).toBe(`x ${'plain '.repeat(100_000)}`)
  })

  it('reads extra names in any script in free text too, in every shape', () => {
    const { text } = redact.createRedactor({ redact: ['пароль', 'contraseña', '密码'] })
    const shapes = [
      ['пароль: p-123456 имя: ann', `пароль: ${REDACTED} имя: ann`],
      ['{"пароль": "p-123456", "имя": "ann"}', `{"пароль": "${REDACTED}", "имя": "ann"}`],
      ['contraseña=p-123456&usuario=ann', `contraseña=${REDACTED}&usuario=ann`],
      ['密码: p-123456', `密码: ${REDACTED}`],
      ['<пароль>p-123456</пароль><имя>ann</имя>', `<пароль>${REDACTED}</пароль><имя>ann</имя>`],
      ['мой_пароль=p-123456', `мой_пароль=${REDACTED}`],
      // A name only ends in such a word: within a longer word it is another word.
      ['суперпароль=keep-it', 'суперпароль=keep-it'],
    ]
    for (const [raw, scrubbed] of shapes) expect(text(raw as string), raw).toBe(scrubbed)
  })

  it('matches extra names like the built-in ones: data keys, headers and every free-text shape', () => {
    const { text, value } = redact.createRedactor({ redact: ['customer_ref'] })
    expect(value({ customerRef: 'c-1', 'X-Customer-Ref': 'c-2', CUSTOMER_REF: 3, customer: 'ann' })).toEqual({
      customerRef: REDACTED,
      'X-Customer-Ref': REDACTED,
      CUSTOMER_REF: REDACTED,
      customer: 'ann',
    })
    const shapes = [
      ['customer_ref=c-123&x=1', `customer_ref=${REDACTED}&x=1`],
      ['next=%2Fcb%3FcustomerRef%3Dc-123%26x%3D1', `next=%2Fcb%3FcustomerRef%3D${REDACTED}%26x%3D1`],
      ['X-Customer-Ref: c-123\nHost: h', `X-Customer-Ref: ${REDACTED}\nHost: h`],
      ['{"customerRef": "c-123", "n": 1}', `{"customerRef": "${REDACTED}", "n": 1}`],
      ['<customer_ref>c-123</customer_ref>', `<customer_ref>${REDACTED}</customer_ref>`],
      ['<input name="customer_ref" value="c-123">', `<input name="customer_ref" value="${REDACTED}">`],
      [':customer_ref=>"c-123"', `:customer_ref=>"${REDACTED}"`],
      ['{CustomerRef:c-123 Host:h}', `{CustomerRef:${REDACTED} Host:h}`],
    ]
    for (const [input, output] of shapes) expect(text(input as string)).toBe(output)
    // The built-in rules still hold.
    expect(text('password=hunt3r2')).toBe(`password=${REDACTED}`)
  })

  it('never throws, whatever the options hold', () => {
    const trap = new Proxy(
      {},
      {
        get() {
          throw new Error('trap')
        },
      },
    )
    const redactArrays = [trap, 'token', { length: 2 }, [trap], [Symbol('x')]]
    for (const options of [
      null,
      trap,
      { request: trap, redact: trap },
      ...redactArrays.map((redact) => ({ redact })),
    ]) {
      const redactor = redact.createRedactor(options as never)
      expect(redactor.text('password=hunt3r2 kept')).toBe(`password=${REDACTED} kept`)
    }
  })
})

/** Words and separators a secret name is made of; the last word makes it secret. */
const lastWords = [
  ...LAST,
  'passwords',
  'tokens',
  'apiKey',
  'api_key',
  'access-key',
  'private.key',
  'mfaKeys',
  '2fa_code',
  'authentication_code',
  'verificationCode',
  'session',
  'session_id',
  'sessionKey',
  'sid',
  'apikey',
  'JSESSIONID',
]
const prefix = fc.constantFrom('', 'user_', 'current-', 'new.', 'refresh', 'x-', 'Client', 'data_')
const secretName = fc.tuple(prefix, fc.constantFrom(...lastWords)).map(([head, word]) =>
  // camelCase after a word; a digit does not start a camelCase word, so `refresh2fa` is one word.
  (head === 'refresh' || head === 'Client') && /^[a-z]/i.test(word)
    ? head + word.charAt(0).toUpperCase() + word.slice(1)
    : head && /^[a-z]/i.test(head.slice(-1))
      ? `${head}_${word}`
      : head + word,
)
const dataName = fc.oneof(
  fc.constant('token_type'),
  fc.constantFrom('session', 'password', 'token', 'idle').map((word) => `${word}_timeout`),
  fc.constantFrom('password', 'token', 'pin', 'session').map((word) => `${word}_rules`),
  fc.constantFrom('two_factor_authentication', 'password', 'api_key').map((word) => `is_${word}_enabled`),
)
/** A secret that cannot occur by chance, with any characters after it (quotes, backslashes, unicode). */
const secretString = fc.string({ unit: 'binary', maxLength: 12 }).map((tail) => `Zq9Secret${tail}`)
const secretNumber = fc.integer({ min: 0, max: 9_999_999 }).map((n) => 73_100_000_000 + n)
const secretValue = fc.oneof(
  secretString,
  secretNumber,
  fc.array(fc.oneof(secretString, secretNumber), { minLength: 1, maxLength: 3 }),
)
const plainData = fc.jsonValue({ maxDepth: 2 }).filter((v) => !JSON.stringify(v).includes('Zq9Secret'))

/** A generated body: plain data, with each secret under a secret name next to a kept neighbour, at any depth. */
const bodyWithSecrets = fc
  .tuple(
    fc.array(fc.tuple(secretName, secretValue), { minLength: 1, maxLength: 4 }),
    fc.array(fc.constantFrom('data', 'items', 'error'), { maxLength: 3 }),
    plainData,
  )
  .map(([pairs, path, extra]) => {
    let body: Record<string, unknown> = { extra, neighbour: 'kept-neighbour' }
    for (const [name, value] of pairs) body[name] = value
    for (const key of path) body = { [key]: body, status_code: 400 }
    return { body, secrets: pairs.map(([, value]) => value) }
  })

/** The strings a secret leaves in JSON text: each string escaped as JSON, each number as digits. */
const traces = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(traces)
    : [typeof value === 'string' ? JSON.stringify(value).slice(1, -1) : String(value)]

describe('a request secret too long to look for in every form, looked for by its pieces', () => {
  /** The secret echoed percent-encoded, as a server puts it in a URL it returns. */
  const echoed = (secret: string) => `see https://api.test/back?next=${encodeURIComponent(secret)} done`

  it('finds an echo of it whole even where a shorter secret of the request opens the same way', () => {
    // Over 256 characters other than letters and digits: its own pattern finds it only as written.
    const long = `Zq9${'+/'.repeat(200)}Wx7`
    const short = long.slice(0, 12)
    const { text } = redact.createRedactor({ request: { headers: { 'x-api-key': long, 'x-auth-token': short } } })
    expect(text(echoed(long))).toBe(`see https://api.test/back?next=${REDACTED} done`)
  })

  it('cuts no piece between the halves of a surrogate pair, so that an encoded echo of each is found', () => {
    // 600 units, a letter and an emoji in turn (their sequences of 26 and 5 make no run of it repeat):
    // a piece that ended inside an emoji would be looked for with a lone surrogate, which no
    // percent-encoded echo holds. Its pieces end after units 200 and 400: the first inside an emoji.
    const emoji = ['😀', '🔑', '🚀', '🎉', '🧪']
    const long = Array.from({ length: 200 }, (_, i) => String.fromCharCode(97 + ((i * 7) % 26)) + emoji[i % 5]).join('')
    const { text } = redact.createRedactor({ request: { headers: { 'x-api-key': long } } })
    expect(text(echoed(long))).toBe(`see https://api.test/back?next=${REDACTED} done`)
  })

  it('keeps a lone surrogate that ends a long secret in its last piece, so that a JSON echo of it goes whole', () => {
    // JSON writes the lone half as `\ud83d`: only a piece finds that form, and the last piece ends with it.
    const long = `${'a+/'.repeat(150)}\ud83d`
    const { text } = redact.createRedactor({ request: { headers: { 'x-api-key': long } } })
    expect(text(`bad ${JSON.stringify({ key: long })} end`)).toBe(`bad {"key":"${REDACTED}"} end`)
  })

  it('looks for a long secret of letters and digits whole only: the words around its echo stay', () => {
    // 20,000 hex digits: its pieces looked for too, the pattern would be too large to compile, and the whole text would go.
    const long = Array.from({ length: 20_000 }, (_, i) => '0123456789abcdef'[(i * 7 + (i >> 4)) % 16]).join('')
    const { text } = redact.createRedactor({ request: { body: { signature: long } } })
    expect(text(`rejected ${long} (too long)`)).toBe(`rejected ${REDACTED} (too long)`)
  })

  it('does not look for a piece of punctuation alone, which ordinary text holds', () => {
    // Its first two pieces are dashes only: looked for, they would take a Markdown rule of the text.
    const long = `${'-'.repeat(510)}Kq7`
    const { text } = redact.createRedactor({ request: { headers: { 'x-api-key': long } } })
    const rule = `heading\n${'-'.repeat(200)}\nbody`
    expect(text(rule)).toBe(rule)
    expect(text(echoed(long))).not.toContain('Kq7')
  })
})

describe('a request of many secrets', () => {
  /** A redactor for a request body of `count` passwords (as a bulk call sends them), and one of them. */
  const many = (count: number) => {
    const body = Object.fromEntries(Array.from({ length: count }, (_, i) => [`password${i}`, `Pw${i}-${i * 7919}x`]))
    return { ...redact.createRedactor({ request: { body } }), one: body[`password${count - 1}`] as string, body }
  }

  it('reads each value of data once for all its secrets, not once a secret', () => {
    // Each of the 32,000 numbers of a 64 KiB body was read for each secret: for 4,096 secrets, 0.6-1.4 s,
    // 12-35 times what 64 took. Read once, the values take as long for any count of secrets (10-50 ms).
    const data = Array.from({ length: 32_000 }, (_, i) => i % 10)
    const time = (count: number) => {
      const { value } = many(count)
      let best = Number.POSITIVE_INFINITY
      for (let run = 0; run < 3; run++) {
        const start = performance.now()
        expect(value(data)).toEqual(data)
        best = Math.min(best, performance.now() - start)
      }
      return best
    }
    expect(time(4096)).toBeLessThan(4 * time(64) + 50)
  })

  it('still finds each echo of them, in any form, also of a secret whose letters and digits run short', () => {
    const { text, value, one } = many(100)
    expect(text(`bad ${encodeURIComponent(one)}!`)).toBe(`bad ${REDACTED}!`)
    expect(value({ echo: [`was ${one.toUpperCase()}`, 7] })).toEqual({ echo: [`was ${REDACTED}`, 7] })
    // Runs of 3 characters or fewer (`a1b`, `c`) are looked for as before.
    const short = redact.createRedactor({
      request: {
        body: {
          ...Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`pin${i}`, `${1e6 + i}`])),
          pin: 'a1b-c--',
        },
      },
    })
    expect(short.text('got a1b%2Dc%2D%2D, 1000069 and 1000070')).toBe(`got ${REDACTED}, ${REDACTED} and 1000070`)
  })

  it('keeps a text that holds none of them whole, also one that says undefined', () => {
    const { text } = many(100)
    for (const line of ["Cannot read properties of undefined (reading 'id')", 'Pw1-7919 is not Pw1-791x', 'ok'])
      expect(text(line)).toBe(line)
  })

  it('scrubs an echo of a secret that holds a shorter secret of the request as one, not its shorter part alone', () => {
    // The shorter one's longest run (`abcdefgh`) comes first in the text, the longer one's (`1234567890`) after it.
    const { text } = redact.createRedactor({
      request: { body: { ...many(70).body, token: 'xy-abcdefgh-1234567890', pin: 'xy-abcdefgh' } },
    })
    expect(text('got xy-abcdefgh-1234567890 back')).toBe(`got ${REDACTED} back`)
    expect(text('got xy-abcdefgh back')).toBe(`got ${REDACTED} back`)
  })
})

describe('a long request secret of short runs of letters', () => {
  /** A redactor for a request whose note is `a=a=a=…` (`count` times): the `A` parameter, secret, three levels deep. */
  const noted = (count: number) => redact.createRedactor({ request: { headers: { 'x-note': 'a='.repeat(count) } } })

  it('looks for it only in text that holds its letters and digits in order, not in every text with an a', () => {
    // Its pieces were looked for in each text holding their longest run, `a`: their pattern took 0.15 s
    // to make for 400 characters, and 9.5 s for 6,400, at every such text.
    const time = (count: number) => {
      const { text } = noted(count)
      const start = performance.now()
      for (const line of ['a bad request', 'another a', 'a=a=a= (kept)']) expect(text(line)).toBe(line)
      return performance.now() - start
    }
    time(200)
    expect(time(3200)).toBeLessThan(4 * time(200) + 100)
  })

  it('still finds an echo of it, in any form', () => {
    // The secret: the value of the note's first `a=`.
    const secret = 'a='.repeat(199)
    const { text } = noted(200)
    expect(text(`got ${encodeURIComponent(secret)}!`)).toBe(`got ${REDACTED}!`)
    expect(text(`got "${secret.toUpperCase()}"`)).toBe(`got "${REDACTED}"`)
  })
})

describe('scrubbedStart', () => {
  // 16 KiB: the context read past a limit (OVERREAD).
  const context = 16_384

  it('keeps no start of a secret its first cut split, when scrubbing what comes before it shortens the text', () => {
    const { text } = redact.createRedactor({ request: { url: '/login?password=OverReadSecret0123456789' } })
    for (let pad = 0; pad < 40; pad++) {
      // A long value under a secret name, then an echo of the request's password, then URL userinfo,
      // each straddling the cut at 1,000 characters and the context past it in turn.
      const filler = `password=${'x'.repeat(1000 + context - 40 - pad)}`
      for (const echo of [' you sent OverReadSecret0123456789 end', ' see https://bob:OverReadSecret0123456789@db/x'])
        expect(redact.scrubbedStart(text, filler + echo, 1000)).not.toContain('OverRead')
    }
  })

  it('keeps no start of an echoed secret its first cut split, when another rule rewrites the split end', () => {
    // An `&a=` (the API key's parameter) or a `name=` inside the secret: cut there, the rest is made [REDACTED].
    for (const secret of ['Q7xKa9mZ2p&a=L4wTRq8Yh', 'Zq9Wp3xR_token=Lk2Jm8Tq']) {
      const { text, cut } = redact.createRedactor({ request: { headers: { 'x-api-key': secret } } })
      for (let pad = 0; pad < secret.length; pad++) {
        const filler = `password=${'x'.repeat(1000 + context - 20 - pad)}`
        const kept = redact.scrubbedStart(text, `${filler} you sent ${secret} end`, 1000, cut)
        expect(kept).not.toContain(secret.slice(0, 4))
      }
    }
  })

  it('keeps its first max characters of a text cut before it was scrubbed, when scrubbing shortens none of it', () => {
    const { text } = redact.createRedactor()
    const long = 'a '.repeat(20_000)
    expect(redact.scrubbedStart(text, long, 1000)).toBe(long.slice(0, 1000))
    // Scrubbed whole, a text that fits the context is cut only after.
    expect(redact.scrubbedStart(text, `password=${'x'.repeat(5000)} kept`, 100)).toBe('password=[REDACTED] kept')
    // Up to the context's end: 100 + 16,384 characters are read whole, their end kept.
    const full = `password=${'x'.repeat(100 + context - 14)} kept`
    expect(full.length).toBe(100 + context)
    expect(redact.scrubbedStart(text, full, 100)).toBe('password=[REDACTED] kept')
    // Cut before it was scrubbed, what scrubbing changed stays: only the end both share goes.
    expect(redact.scrubbedStart(text, `id 7, password=${'x'.repeat(20_000)}`, 1000)).toBe('id 7, password=[REDACTED]')
  })

  it('keeps nothing, and scrubs nothing, when nothing may be kept', () => {
    let scrubbed = 0
    const count = (text: string) => {
      scrubbed++
      return text
    }
    expect(redact.scrubbedStart(count, 'password=hunter22 and more', 0)).toBe('')
    expect(redact.scrubbedStart(count, 'x'.repeat(50_000), -1)).toBe('')
    expect(scrubbed).toBe(0)
  })

  it('never ends between the halves of a surrogate pair', () => {
    const { text } = redact.createRedactor()
    // 1,000 units end inside the 500th emoji: the half of it goes too.
    expect(redact.scrubbedStart(text, `x${'😀'.repeat(20_000)}`, 1000)).toBe(`x${'😀'.repeat(499)}`)
    expect(redact.scrubbedStart(text, '😀'.repeat(20_000), 1000)).toBe('😀'.repeat(500))
    // Within its context too: a text not cut before it was scrubbed.
    expect(redact.scrubbedStart(text, `x${'😀'.repeat(600)}`, 1000)).toBe(`x${'😀'.repeat(499)}`)
  })
})

describe('properties', () => {
  it('a secret under a generated secret name never survives value() or text() of its JSON; the neighbour does', () => {
    const redactor = redact.createRedactor()
    fc.assert(
      fc.property(bodyWithSecrets, ({ body, secrets }) => {
        for (const out of [
          JSON.stringify(redactor.value(body)),
          redactor.text(JSON.stringify(body)),
          redactor.text(JSON.stringify(body, null, 2)),
        ]) {
          for (const trace of secrets.flatMap(traces)) expect(out).not.toContain(trace)
          expect(out).toContain('kept-neighbour')
        }
      }),
    )
  })

  it('an object under a secret name goes whole in value()', () => {
    fc.assert(
      fc.property(secretName, fc.dictionary(fc.string(), secretString, { minKeys: 1 }), (name, object) => {
        const out = JSON.stringify(redact.createRedactor().value({ [name]: object, n: 'kept' }))
        for (const value of Object.values(object)) expect(out).not.toContain(JSON.stringify(value).slice(1, -1))
        expect(out).toContain('kept')
      }),
    )
  })

  it('generated data names always survive, with their values', () => {
    const redactor = redact.createRedactor()
    fc.assert(
      fc.property(
        fc.dictionary(
          dataName,
          fc.oneof(
            fc.string({ maxLength: 8 }).map((s) => `v${s.replace(/[^a-z0-9]/gi, '')}`),
            fc.integer(),
          ),
        ),
        (data) => {
          expect(redactor.value(data)).toEqual(data)
          expect(redactor.text(JSON.stringify(data))).toBe(JSON.stringify(data))
        },
      ),
    )
  })

  it('text() and value() never throw, and text gives a string', () => {
    const redactor = redact.createRedactor({
      request: { url: '/x?token=abcdef123', body: 'password=hunt3r22' },
      redact: ['ref'],
    })
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.jsonValue(), (s, data) => {
        expect(typeof redactor.text(s)).toBe('string')
        redactor.value(data)
      }),
    )
  })
})
