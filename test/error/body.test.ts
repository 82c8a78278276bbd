import { describe, expect, it } from 'vitest'
import { bodyCap, fits, plainBody } from '../../src/error/body.js'
import { ApiError } from '../../src/index.js'
import { createRedactor } from '../../src/redact/index.js'

const redactor = () => createRedactor()

describe('the byte cap', () => {
  it('takes a non-negative number as it is and anything else as the default of 64 KiB', () => {
    expect(bodyCap(0)).toBe(0)
    expect(bodyCap(10)).toBe(10)
    expect(bodyCap(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY)
    for (const bad of [-1, Number.NaN, '10', undefined, null]) expect(bodyCap(bad)).toBe(65_536)
  })

  it('counts bytes of UTF-8, not characters', () => {
    expect(fits('éé', 4)).toBe(true)
    expect(fits('ééé', 4)).toBe(false)
    expect(fits('', 0)).toBe(true)
  })
})

describe('a body as plain data', () => {
  it('keeps text as text and data as data, scrubbed, when it fits the cap', () => {
    expect(plainBody('plain text', redactor, false, undefined)).toBe('plain text')
    expect(plainBody({ password: 'hunter22', n: 1 }, redactor, false, undefined)).toEqual({
      password: '[REDACTED]',
      n: 1,
    })
    expect(plainBody(undefined, redactor, false, undefined)).toBeUndefined()
  })

  it('scrubs only the text the cap keeps and the context past it: work bounded by the cap, not by the text', () => {
    // A proxy's error page of 48 MiB, as a client read it: scrubbed whole, it took seconds each time.
    const line = '<tr><td>upstream=10.0.0.7:8080</td><td>status: 502</td></tr>\n'
    const page = line.repeat(Math.ceil((48 * 2 ** 20) / line.length))
    expect(plainBody(page, redactor, false, 1000)).toBe(
      page.slice(0, 1000 - (1000 % line.length)) + line.slice(0, 1000 % line.length),
    )
    expect(new ApiError(502, { body: page }).body).toHaveLength(65_536)
    expect(ApiError.from({ status: 502, data: page })?.body).toHaveLength(65_536)
    // The server's message and the reason keep their first 1,000 characters, scrubbed.
    expect(new ApiError(502, { serverMessage: page, reason: page }).serverMessage).toBe(page.slice(0, 1000))
    // A secret that straddles the cap still goes whole.
    const secret = `${'x '.repeat(499)}password=hunter22hunter22`
    expect(plainBody(secret, redactor, false, 1000)).toBe(`${'x '.repeat(499)}password=[REDACTED]`.slice(0, 1000))
  })

  it('keeps no start of a secret that the cut at the cap and its context split, when scrubbing before it shortens the text', () => {
    const request = { url: '/login?password=OverReadSecret0123456789' }
    const withRequest = () => createRedactor({ request })
    for (let pad = 0; pad < 40; pad++) {
      // As the reader keeps it (100 bytes and 16 KiB past them), or as a client read it, longer.
      const text = `password=${'x'.repeat(100 + 16_384 - 20 - pad)} you sent OverReadSecret0123456789 and more`
      for (const body of [text.slice(0, 100 + 16_384), text])
        expect(plainBody(body, withRequest, false, 100)).not.toContain('OverRead')
    }
    // A body cut at the context, scrubbing shortening none of it, still keeps the whole cap.
    expect(plainBody('é'.repeat(50_000), redactor, false, 100)).toBe('é'.repeat(50))
    // Characters of three bytes, and of four (a surrogate pair), counted as UTF-8 counts them.
    expect(plainBody('€'.repeat(50_000), redactor, false, 99)).toBe('€'.repeat(33))
    expect(plainBody('😀'.repeat(50_000), redactor, false, 100)).toBe('😀'.repeat(25))
    expect(plainBody('x '.repeat(50_000), redactor, false, 100)).toBe('x '.repeat(50))
  })

  it('keeps no start of an echoed secret that the cut split where another rule rewrites its end', () => {
    const secret = 'Q7xKa9mZ2p&a=L4wTRq8Yh'
    const withRequest = () => createRedactor({ request: { headers: { 'x-api-key': secret } } })
    for (let pad = 0; pad < secret.length; pad++) {
      const text = `password=${'p'.repeat(100 + 16_384 - 20 - pad)} you sent ${secret} and more`
      for (const body of [text.slice(0, 100 + 16_384), text])
        expect(plainBody(body, withRequest, false, 100)).not.toContain('Q7xK')
    }
  })

  it('scrubs a string of data before it is cut to the room left: no start of a secret comes inside the cap', () => {
    const secret = 'RoomSecret-abcdefghij0123456789'
    const withRequest = () => createRedactor({ request: { body: { password: secret } } })
    // The room is twice the cap and 16 KiB: a value under a secret name fills it, then made [REDACTED].
    for (let filler = 16_584 - 80; filler < 16_584; filler++) {
      const body = plainBody({ password: 'x'.repeat(filler), note: `you sent ${secret}` }, withRequest, false, 100)
      expect(JSON.stringify(body)).not.toContain('RoomSecr')
    }
  })

  it('keeps nothing of what cannot be serialized', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(plainBody(cyclic, redactor, false, undefined)).toBeUndefined()
    expect(plainBody({ n: 1n }, redactor, false, undefined)).toBeUndefined()
  })

  it('cuts an array longer than the room to the items the room holds: a sparse array of millions of holes is the cut text at once', () => {
    const started = Date.now()
    const body = new ApiError(500, { body: Array(20_000_000) }).body
    // Written out whole, 20 million holes take some 10 seconds here; the bound makes it a few dozen milliseconds.
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(body).toBe(`[${'null,'.repeat(13_108)}`.slice(0, 65_536))
    expect(plainBody({ list: Array(10_000_000) }, redactor, false, 100)).toBe(
      `{"list":[${'null,'.repeat(19)}`.slice(0, 100),
    )
  })

  it('past the room keeps numbers, booleans and null, leaves objects and arrays out: seen once a secret that filled it goes', () => {
    const body = { password: 'x'.repeat(40_000), n: 5, z: null, t: true, o: { a: 1 }, l: [1, 2] }
    expect(plainBody(body, redactor, false, 100)).toBe(
      JSON.stringify({ password: '[REDACTED]', n: 5, z: null, t: true }),
    )
  })

  it('past the room keeps numbers, booleans and null for one more room only: an object of 200 000 numbers is walked and scrubbed bounded by the cap', () => {
    // What axios or ofetch parsed from a hostile 12 MB body: every key past the room was written
    // out, parsed, walked and scrubbed (seconds of blocked event loop for one error).
    const wide: Record<string, number> = {}
    for (let i = 0; i < 200_000; i++) wide[`k${i}`] = i
    let walked = 0
    let scrubbed = 0
    const counting = () => {
      const r = createRedactor()
      return {
        ...r,
        value: (data: unknown) => {
          walked = Object.keys(data as object).length
          return r.value(data)
        },
        text: (text: string) => {
          scrubbed = Math.max(scrubbed, text.length)
          return r.text(text)
        },
      }
    }
    const body = plainBody(wide, counting, false, 100)
    expect(body).toBe(`{${Array.from({ length: 20 }, (_, i) => `"k${i}":${i}`).join(',')}`.slice(0, 100))
    // The room (2 x 100 + 16 KiB) and as much again of numbers past it: a few thousand keys, not all of them.
    expect(walked).toBeLessThan(5_000)
    expect(scrubbed).toBeLessThanOrEqual(100 + 16_384)
  })

  it('scrubs no string of which the room leaves nothing: a million strings (a hostile body, or foreign JSON to fromJSON) are not scrubbed one by one', () => {
    let scrubs = 0
    const counting = () => {
      const r = createRedactor()
      return {
        ...r,
        text: (text: string) => {
          scrubs++
          return r.text(text)
        },
      }
    }
    const body = plainBody(Array(1_000_000).fill('password=abcdef'), counting, false, 100)
    expect(body).toBe(`[${'"password=[REDACTED]",'.repeat(5)}`.slice(0, 100))
    // The strings within the room (about a thousand), not every one the array was cut to.
    expect(scrubs).toBeLessThan(2_000)
  })

  it('leaves out a sparse array of millions of holes after the room is used up, at once', () => {
    const started = Date.now()
    const body = plainBody({ s: 'x'.repeat(20_000), list: Array(20_000_000) }, redactor, false, 100)
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(body).toBe(`{"s":"${'x'.repeat(100)}`.slice(0, 100))
  })

  it('keeps an array that fits the room whole, and data with it', () => {
    const list = Array.from({ length: 1_000 }, (_, i) => i)
    expect(plainBody({ list, after: { id: 1 } }, redactor, false, undefined)).toEqual({ list, after: { id: 1 } })
  })
})
