import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { oneLine, serverFields } from '../../src/http/server-fields.js'

describe('the message and reason of each body shape', () => {
  it("reads the API's {status_code, message, reason, data}", () => {
    expect(
      serverFields({ status_code: 402, message: 'Account is suspended', reason: 'AccountSuspended', data: {} }),
    ).toStrictEqual({ serverMessage: 'Account is suspended', reason: 'AccountSuspended' })
  })

  it('reads problem+json: detail, else title; never type or instance', () => {
    const problem = { type: 'about:blank', title: 'Not Found', detail: 'No camera 1', instance: '/x' }
    expect(serverFields(problem)).toStrictEqual({ serverMessage: 'No camera 1' })
    expect(serverFields({ ...problem, detail: undefined })).toStrictEqual({ serverMessage: 'Not Found' })
    expect(serverFields({ type: 'https://example.com/t', instance: '/x' })).toStrictEqual({})
  })

  it('reads {error: "…"} and {error: {message, reason}}', () => {
    expect(serverFields({ error: 'Session expired' })).toStrictEqual({ serverMessage: 'Session expired' })
    expect(serverFields({ error: { message: 'Locked', reason: 'ResourceLocked' } })).toStrictEqual({
      serverMessage: 'Locked',
      reason: 'ResourceLocked',
    })
  })

  it('prefers the API message, then detail, title, error, error.message; reason before error.reason', () => {
    const all = { message: 'A', detail: 'B', title: 'C', error: 'D', reason: 'R' }
    expect(serverFields(all)).toStrictEqual({ serverMessage: 'A', reason: 'R' })
    expect(serverFields({ ...all, message: undefined })).toMatchObject({ serverMessage: 'B' })
    expect(serverFields({ title: 'C', error: 'D' })).toStrictEqual({ serverMessage: 'C' })
    expect(serverFields({ reason: 'R', error: { message: 'M', reason: 'E' } })).toStrictEqual({
      serverMessage: 'M',
      reason: 'R',
    })
  })
})

describe('bounds', () => {
  it('ignores non-string and blank fields, and trims', () => {
    expect(serverFields({ message: 42, reason: { a: 1 }, detail: '   ', title: '  Title  ' })).toStrictEqual({
      serverMessage: 'Title',
    })
    expect(serverFields({ message: ['a'], reason: '\n' })).toStrictEqual({})
  })

  it('keeps a long field whole: the caller cuts it once it is scrubbed of secrets', () => {
    const long = `${'m'.repeat(5_000)} password=hunter2`
    expect(serverFields({ message: long, reason: 'r'.repeat(2_000) })).toStrictEqual({
      serverMessage: long,
      reason: 'r'.repeat(2_000),
    })
  })

  it('gives nothing for bodies that are not objects, and never throws', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('getter')
        },
      },
    )
    for (const body of [undefined, null, 'text', 42, ['message'], hostile]) expect(serverFields(body)).toStrictEqual({})
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        for (const value of Object.values(serverFields(body))) expect(value).toBe(value.trim())
      }),
      { seed: 7 },
    )
  })
})

describe('oneLine', () => {
  it('turns every run of control characters and line separators into one space, and keeps the rest', () => {
    const controls = [...Array(32).keys(), ...Array.from({ length: 33 }, (_, i) => 0x7f + i), 0x2028, 0x2029]
    for (const code of controls) expect(oneLine(`a${String.fromCharCode(code)}b`)).toBe('a b')
    expect(oneLine('bad id\r\n    at login (/app/auth.js:1:1)')).toBe('bad id     at login (/app/auth.js:1:1)')
    const kept = ' ~\u00a0é\u2027\u202a密'
    expect(oneLine(kept)).toBe(kept)
    expect(oneLine(undefined)).toBeUndefined()
  })
})
