// What an ApiError keeps of what it is given: the bounds on Retry-After and the body (in bytes, a
// cap of 0 keeping nothing), what cannot be serialized, and how fromJSON and from read a body.
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../src/error/api-error.js'

describe('retryAfterMs', () => {
  it('keeps only a number of milliseconds, zero or more', () => {
    expect(new ApiError(503, { retryAfterMs: 0 }).retryAfterMs).toBe(0)
    expect(new ApiError(503, { retryAfterMs: 1500 }).retryAfterMs).toBe(1500)
    for (const bad of [-1, Number.NaN, '5']) {
      expect(new ApiError(503, { retryAfterMs: bad as number })).not.toHaveProperty('retryAfterMs')
    }
  })

  it('keeps a wait a timer can wait: a longer retryAfterMs (Infinity too) is cut to 2^31 - 1 ms', () => {
    expect(new ApiError(429, { retryAfterMs: 2 ** 31 - 1 }).retryAfterMs).toBe(2 ** 31 - 1)
    for (const long of [2 ** 31, 1e300, Number.POSITIVE_INFINITY]) {
      expect(new ApiError(429, { retryAfterMs: long }).retryAfterMs).toBe(2 ** 31 - 1)
    }
    expect(ApiError.fromJSON({ ...new ApiError(429).toJSON(), retryAfterMs: 1e300 }).retryAfterMs).toBe(2 ** 31 - 1)
  })
})

describe('the body', () => {
  it('drops a body that cannot be serialized, and still makes the error', () => {
    expect(new ApiError(500, { body: 10n })).not.toHaveProperty('body')
    expect(new ApiError(500, { body: () => 1 })).not.toHaveProperty('body')
  })

  it('keeps a client’s data whose JSON takes exactly the cap as data, and cuts longer data as text', () => {
    // '{"a":1}' is 7 bytes.
    expect(ApiError.from({ status: 500, data: { a: 1 } }, { maxBodyBytes: 7 })?.body).toEqual({ a: 1 })
    expect(ApiError.from({ status: 500, data: { a: 'xxxxxxxx' } }, { maxBodyBytes: 10 })?.body).toBe('{"a":"xxxx')
  })

  it('writes out at most about twice the cap of data that shares an object at many places, then cuts it', () => {
    let shared: Record<string, unknown> = { password: 'shared-pass-1', n: 1 }
    // 31 objects, written out whole: 2^30 copies of the innermost, a text no machine holds.
    for (let i = 0; i < 30; i++) shared = { a: shared, b: shared }
    for (const error of [new ApiError(500, { body: shared }), ApiError.from({ status: 502, data: shared })!]) {
      expect(typeof error.body).toBe('string')
      expect(new TextEncoder().encode(error.body as string).length).toBeLessThanOrEqual(65_536)
      expect(error.body as string).toMatch(/^\{"a":\{"a":\{"a":/)
      expect(error.body as string).not.toContain('shared-pass-1')
    }
    // A long string is kept, and cut: not left out, nor what follows it that fits.
    const text = 'x'.repeat(300_000)
    expect(ApiError.from({ status: 500, data: { a: text, b: 1 } })?.body).toBe(`{"a":"${text}`.slice(0, 65_536))
    expect(ApiError.from({ status: 500, data: { a: 'x'.repeat(100) } }, { maxBodyBytes: 1 })?.body).toBe('{')
    // Many small values past the count, nothing left out, within the cap: data, as given.
    const numbers = Array.from({ length: 12_000 }, () => 1)
    expect(ApiError.from({ status: 500, data: numbers }, { maxBodyBytes: 30_000 })?.body).toEqual(numbers)
    // Data just over the cap is written out whole before its cut: its start is kept, not a shorter copy.
    const long = { items: Array.from({ length: 100 }, (_, i) => `item-${i}`) }
    expect(ApiError.from({ status: 500, data: long }, { maxBodyBytes: 600 })?.body).toBe(
      JSON.stringify(long).slice(0, 600),
    )
  })

  it('keeps data of many short strings that fits the cap as data, an object after them too', () => {
    // 15,000 one-letter strings and an object: 60,010 bytes of JSON, within the cap of 65,536.
    const data = [...Array.from({ length: 15_000 }, () => 'a'), { id: 1 }]
    expect(ApiError.from({ status: 500, data })?.body).toEqual(data)
    expect(new ApiError(500, { body: data }).body).toEqual(data)
    // 12,000 numbers and an object: 24,010 bytes of JSON, within a cap of 30,000.
    const numbers = [...Array.from({ length: 12_000 }, () => 1), { id: 1 }]
    expect(ApiError.from({ status: 500, data: numbers }, { maxBodyBytes: 30_000 })?.body).toEqual(numbers)
  })

  it('writes a string shared at many places out only within the bound: the body is the cut text, not lost', () => {
    // 600 places of one 1 MB string: 600 MB written out whole, past the longest string there is.
    const shared = 'x'.repeat(1_000_000)
    const data = Array(600).fill(shared)
    const expected = `["${'x'.repeat(65_534)}`
    expect(new ApiError(500, { body: data }).body).toBe(expected)
    expect(ApiError.from({ status: 500, data })?.body).toBe(expected)
  })

  it('walks a client’s data before cutting it, so a value under a secret name goes whole even past the cap', () => {
    const data = { credentials: { user: 'bob', value: 'cred-value-778899' }, list: 'x'.repeat(200) }
    const body = ApiError.from({ status: 500, data }, { maxBodyBytes: 100 })?.body
    expect(body).toBe(JSON.stringify({ credentials: '[REDACTED]', list: data.list }).slice(0, 100))
    expect(new ApiError(500, { body: data }).body).toEqual({ credentials: '[REDACTED]', list: data.list })
  })

  it('parses a client’s text that fits the cap, exactly or less; longer text is cut, not parsed', () => {
    expect(ApiError.from({ status: 500, data: '{"a":1}' }, { maxBodyBytes: 7 })?.body).toEqual({ a: 1 })
    expect(ApiError.from({ status: 500, data: '{"a":1}' }, { maxBodyBytes: 5 })?.body).toBe('{"a":')
  })

  it('keeps no more bytes than the cap, even when the text has fewer characters than the cap', () => {
    // 'ééé' is 3 characters and 6 bytes of UTF-8; 'é' is 2.
    expect(ApiError.from({ status: 500, data: 'ééé' }, { maxBodyBytes: 4 })?.body).toBe('éé')
    expect(ApiError.from({ status: 500, data: 'éé' }, { maxBodyBytes: 4 })?.body).toBe('éé')
  })

  it('counts the cap in bytes for data and JSON text too, as the reader of a response does', () => {
    // '{"a":"éé"}' is 10 characters and 12 bytes.
    expect(ApiError.from({ status: 500, data: { a: 'éé' } }, { maxBodyBytes: 12 })?.body).toEqual({ a: 'éé' })
    expect(ApiError.from({ status: 500, data: { a: 'éé' } }, { maxBodyBytes: 11 })?.body).toBe('{"a":"éé"')
    expect(ApiError.from({ status: 500, data: '{"a":"éé"}' }, { maxBodyBytes: 12 })?.body).toEqual({ a: 'éé' })
    expect(ApiError.from({ status: 500, data: '{"a":"éé"}' }, { maxBodyBytes: 9 })?.body).toBe('{"a":"é')
    const big = { m: '€'.repeat(60_000) } // 180,008 bytes of JSON, 60,008 characters
    // '{"m":"' is 6 bytes and each € 3: 21,843 of them fill 65,535 bytes, and a 21,844th would pass the cap.
    expect(new ApiError(500, { body: big }).body).toBe(`{"m":"${'€'.repeat(21_843)}`)
  })

  it('keeps nothing of the body under a cap of 0', () => {
    expect(ApiError.from({ status: 500, data: 'hello' }, { maxBodyBytes: 0 })?.body).toBe('')
  })

  it('fromJSON bounds a revived body by the default cap, as the constructor does: foreign JSON is input like any other', () => {
    const body = { detail: 'x'.repeat(70_000) }
    for (const json of [
      { ...new ApiError(500).toJSON(), body },
      JSON.stringify({ ...new ApiError(500).toJSON(), body }),
    ]) {
      // Its JSON text cut to 65,536 bytes: '{"detail":"' (11 bytes) and 65,525 of the x.
      expect(ApiError.fromJSON(json).body).toBe(`{"detail":"${'x'.repeat(65_525)}`)
      expect(ApiError.fromJSON(json).body).toBe(new ApiError(500, { body }).body)
    }
    // A body that fits comes back as it was, in an object or in text.
    const fits = { detail: 'x'.repeat(60_000) }
    const made = new ApiError(500, { body: fits })
    expect(ApiError.fromJSON(made.toJSON()).body).toEqual(fits)
    expect(ApiError.fromJSON(JSON.stringify(made)).body).toEqual(fits)
  })

  it('fromJSON bounds every text it revives, and keeps what the constructor wrote whole', () => {
    const huge = 'y'.repeat(5_000_000)
    const json = {
      ...new ApiError(500).toJSON(),
      message: huge,
      meaning: huge,
      code: huge,
      name: huge,
      operation: huge,
    }
    const revived = ApiError.fromJSON(json)
    for (const text of [revived.message, revived.meaning, revived.code, revived.name, revived.operation])
      expect((text as string).length).toBeLessThanOrEqual(4_000)
    // Also a message that opens as the constructor writes it, whose parts are scrubbed one by one.
    const headed = { ...new ApiError(500).toJSON(), message: `500 INTERNAL_ERROR: ${huge}` }
    expect(ApiError.fromJSON(headed).message.length).toBeLessThanOrEqual(4_000)
    const long = new ApiError(503, { serverMessage: 'z'.repeat(5_000), reason: 'Busy' })
    expect(ApiError.fromJSON(JSON.stringify(long)).message).toBe(long.message)
  })

  it('fromJSON cuts a long message before a surrogate pair, never between its halves', () => {
    const base = new ApiError(500).toJSON()
    for (let pad = 3_960; pad < 4_000; pad++) {
      for (const json of [
        { ...base, message: `500 INTERNAL_ERROR: ${'z'.repeat(pad)}${'😀'.repeat(40)}` },
        { ...base, operation: 'op', message: `op: 500 INTERNAL_ERROR: ${'z'.repeat(pad)}${'😀'.repeat(40)}` },
        { ...base, message: `${'z'.repeat(pad)}${'😀'.repeat(40)}` },
        // One emoji among letters: whether the cut falls inside it is read at the cut, not past it.
        { ...base, message: `500 INTERNAL_ERROR: ${'z'.repeat(pad)}😀${'z'.repeat(40)}` },
      ]) {
        const { message } = ApiError.fromJSON(json)
        expect(message.length).toBeLessThanOrEqual(4_000)
        expect(message).not.toMatch(/[\ud800-\udbff]$/)
        expect(message).toMatch(/(?:z|😀)$/)
      }
    }
  })
})

describe('naming a bad value in a message', () => {
  it('quotes a string of up to 20 characters whole, and cuts a longer one with an ellipsis', async () => {
    const twenty = 'abcdefghijklmnopqrst'
    expect((await ApiError.fromResponse(twenty)).message).toContain(`the string '${twenty}'`)
    expect((await ApiError.fromResponse(`${twenty}u`)).message).toContain(`the string '${twenty}…'`)
  })

  it('names a string of megabytes at once: only the part it can show is scrubbed', async () => {
    const huge = 'a='.repeat(1_000_000)
    const started = performance.now()
    expect((await ApiError.fromResponse(huge)).message).toContain(`the string '${huge.slice(0, 20)}…'`)
    // Scrubbed whole, these 2 MB took more than a second.
    expect(performance.now() - started).toBeLessThan(250)
  })
})
