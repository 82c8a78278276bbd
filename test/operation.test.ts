import { runInNewContext } from 'node:vm'
import { expect, describe as group, it, vi } from 'vitest'
import { ApiError, defineOperation, describe, isRetryable } from '../src/index.js'
import { documentedRows } from './fixtures/api-doc.js'
import { startServer } from './fixtures/server.js'
import { typeErrorMessage as message } from './fixtures/type-error.js'

const authorize = defineOperation('authorize', {
  429: { code: 'ACCOUNT_LOCKED', meaning: 'Account is locked after too many failed attempts', retryable: false },
  465: { code: 'IP_ADDRESS_INVALID', meaning: 'The IP address is not allowed for this account' },
  404: { meaning: 'No such user' },
  503: { retryable: true },
  101: { code: 'SWITCHING', meaning: 'Switching protocols' },
  501: { code: 'NOT_IMPLEMENTED' },
})

group('defineOperation', () => {
  it('returns a frozen operation with its name and rows', () => {
    expect(authorize.name).toBe('authorize')
    expect(Object.isFrozen(authorize)).toBe(true)
    expect(Object.isFrozen(authorize.rows)).toBe(true)
    expect(Object.isFrozen(authorize.rows[429])).toBe(true)
  })

  it('throws a TypeError at once for an invalid declaration', () => {
    const bad: Array<[string, unknown, unknown]> = [
      ['', {}, 'name'],
      [42 as never, {}, 'name'],
      ['op', null, 'rows'],
      ['op', [], 'rows'],
      ['op', { 700: { code: 'X' } }, '100–599'],
      ['op', { 99: { code: 'X' } }, '100–599'],
      ['op', { '4.5': { code: 'X' } }, '100–599'],
      ['op', { abc: { code: 'X' } }, '100–599'],
      ['op', { 465: { meaning: 'x' } }, 'needs a code'],
      ['op', { 465: { code: 'NOT_FOUND' } }, '404'],
      ['op', { 404: { code: 'TOO_MANY_REQUESTS' } }, '429'],
      ['op', { 465: { code: 'UNKNOWN' } }, 'reserved'],
      ['op', { 465: { code: '' } }, 'non-empty'],
      ['op', { 465: { code: 5 } }, 'non-empty'],
      ['op', { 404: { meaning: 5 } }, 'meaning'],
      ['op', { 404: { retryable: 'yes' } }, 'retryable'],
      ['op', { 404: null }, 'object'],
      ['op', { 465: { code: 'SAME' }, 466: { code: 'SAME' } }, 'already used'],
      // A typo would silently keep the table's advice (429 retryable): a row has these three fields only.
      ['op', { 429: { code: 'ACCOUNT_LOCKED', retry: false } }, 'only code, meaning and retryable, not retry'],
      ['op', { 404: { message: 'No such user' } }, 'not message'],
      // A code is a word: one holding a blank or a separator could read as a secret and be scrubbed.
      ['op', { 465: { code: 'TOKEN=ABCDEF' } }, 'word'],
      ['op', { 465: { code: 'IP ADDRESS' } }, 'word'],
      ['op', { 465: { code: 'ip.invalid' } }, 'word'],
    ]
    for (const [name, rows, message] of bad) {
      expect(() => defineOperation(name, rows as never), JSON.stringify(rows)).toThrow(TypeError)
      expect(() => defineOperation(name, rows as never)).toThrow(message as string)
    }
  })

  it("knows the table's codes from its very first call", async () => {
    // Loaded afresh, so this call is the first: the index of the table's codes is made on first use.
    vi.resetModules()
    const fresh = await import('../src/operation.js')
    // @ts-expect-error: the compiler rejects a table code for another status as well
    expect(() => fresh.defineOperation('op', { 465: { code: 'NOT_FOUND' } })).toThrow(
      "defineOperation(op), status 465: NOT_FOUND is the table's code of status 404",
    )
  })
})

group('errors made with an operation', () => {
  it("apply the operation's row, taking what it leaves out from the table", () => {
    expect(new ApiError(429, { operation: authorize })).toMatchObject({
      code: 'ACCOUNT_LOCKED',
      meaning: 'Account is locked after too many failed attempts',
      retryable: false,
      known: true,
      operation: 'authorize',
    })
    expect(new ApiError(404, { operation: authorize })).toMatchObject({
      code: 'NOT_FOUND',
      meaning: 'No such user',
      retryable: false,
    })
    expect(new ApiError(503, { operation: authorize })).toMatchObject({
      code: 'TAG_MAPS_ERROR',
      meaning: describe(503),
      retryable: true,
    })
  })

  it("give a status outside the table the operation's code, known, and the generic text and policy it leaves out", () => {
    expect(new ApiError(465, { operation: authorize })).toMatchObject({ code: 'IP_ADDRESS_INVALID', known: true })
    expect(new ApiError(501, { operation: authorize })).toMatchObject({
      code: 'NOT_IMPLEMENTED',
      known: true,
      meaning: 'Unexpected server error (HTTP 501)',
      retryable: isRetryable(501),
    })
    expect(new ApiError(101, { operation: authorize })).toMatchObject({ status: 101, code: 'SWITCHING', known: true })
    expect(() => new ApiError(102 as number, { operation: authorize })).toThrow(RangeError)
  })

  it('refuse a status that is no number with the RangeError, as without the operation, and never convert it', () => {
    const converted = vi.fn(() => '429')
    for (const status of ['429', { toString: converted }, { [Symbol.toPrimitive]: converted }]) {
      expect(() => new ApiError(status as never, { operation: authorize })).toThrow(RangeError)
    }
    const throwing = {
      toString() {
        throw new Error('converted')
      },
    }
    expect(() => new ApiError(throwing as never, { operation: authorize })).toThrow(RangeError)
    expect(converted).not.toHaveBeenCalled()
  })

  it('behave exactly as without the operation for a status it does not mention', () => {
    for (const row of documentedRows.filter((r) => r.status >= 300 && ![429, 404, 503].includes(r.status))) {
      const plain = new ApiError(row.status)
      const withOp = new ApiError(row.status, { operation: authorize })
      expect({ ...withOp, operation: undefined }).toEqual({ ...plain, operation: undefined })
      expect(withOp.message).toBe(`authorize: ${plain.message}`)
    }
    expect(new ApiError(418, { operation: authorize })).toMatchObject({ code: 'UNKNOWN', known: false })
  })

  it('come from a real response through fromResponse, for every row of the operation', async () => {
    const server = await startServer((req, res) => {
      const status = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('status'))
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ status_code: status, message: `server says ${status}`, reason: 'Because', data: {} }))
    })
    try {
      for (const status of [429, 465, 404, 503, 501]) {
        const error = await ApiError.fromResponse(await fetch(`${server.url}/?status=${status}`), {
          operation: authorize,
        })
        const expected = new ApiError(status, { operation: authorize })
        expect(error).toMatchObject({
          status,
          code: expected.code,
          meaning: expected.meaning,
          retryable: expected.retryable,
          known: true,
          serverMessage: `server says ${status}`,
          operation: 'authorize',
        })
      }
    } finally {
      await server.close()
    }
  })
})

group('defineOperation, exactly', () => {
  it('rejects rows that are not an object, a number and a string included', () => {
    for (const rows of [5, 'abc', null, []]) {
      expect(message(() => defineOperation('op', rows as never))).toBe(
        'defineOperation(op): the rows must be an object keyed by status',
      )
    }
  })

  it('rejects rows or a row that is no plain object (a Map, an array, an instance), which would read as no rows', () => {
    const locked = { code: 'ACCOUNT_LOCKED', retryable: false }
    for (const rows of [
      new Map([[429, locked]]),
      new Set([locked]),
      new Date(),
      new Number(5),
      Object.create({ 429: locked }),
      // A function is no object of rows, even one whose prototype is null or has none above it.
      Object.assign(
        Object.setPrototypeOf(() => {}, null),
        { 429: locked },
      ),
      Object.assign(
        Object.setPrototypeOf(() => {}, Object.create(null)),
        { 429: locked },
      ),
      // A Proxy whose getPrototypeOf trap throws: what it is cannot be told.
      new Proxy(
        { 429: locked },
        {
          getPrototypeOf: () => {
            throw new Error('trap')
          },
        },
      ),
    ]) {
      expect(message(() => defineOperation('op', rows as never))).toBe(
        'defineOperation(op): the rows must be an object keyed by status',
      )
    }
    for (const row of [[], new Map([['code', 'ACCOUNT_LOCKED']]), Object.create(locked)]) {
      expect(message(() => defineOperation('op', { 429: row } as never))).toBe(
        'defineOperation(op), status 429: the row must be an object',
      )
    }
    // Plain objects of any kind still are rows: without a prototype, of another realm, behind a Proxy.
    const bare = Object.assign(Object.create(null) as object, { 429: Object.assign(Object.create(null), locked) })
    const foreign = runInNewContext('({ 429: { code: "ACCOUNT_LOCKED", retryable: false } })') as object
    for (const rows of [bare, foreign, new Proxy({ 429: locked }, {})]) {
      expect(new ApiError(429, { operation: defineOperation('op', rows as never) })).toMatchObject(locked)
    }
  })

  it('takes only keys of exactly three digits 100–599, and says which key is wrong', () => {
    for (const key of ['0404', '404.0', '404 ', '99']) {
      expect(message(() => defineOperation('op', { [key]: { code: 'X' } } as never))).toBe(
        `defineOperation(op), status ${key}: a row needs an integer status 100–599`,
      )
    }
  })

  it('rejects a row that is not an object', () => {
    expect(message(() => defineOperation('op', { 404: 'gone' } as never))).toBe(
      'defineOperation(op), status 404: the row must be an object',
    )
  })

  it('throws its TypeError, not the error of a getter or trap, for rows it cannot read, and reads each row once', () => {
    const throwing = {
      get 429() {
        throw new Error('getter')
      },
    }
    const trapped = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('trap')
        },
      },
    )
    const row = {
      get code() {
        throw new Error('getter')
      },
    }
    for (const rows of [throwing, trapped, { 465: row }]) {
      expect(() => defineOperation('x', rows as never)).toThrow(
        new TypeError('defineOperation(x): the rows cannot be read'),
      )
    }
    let reads = 0
    const counted = {
      get code() {
        reads++
        return 'ONCE'
      },
    }
    expect(defineOperation('x', { 465: counted }).rows[465]).toEqual({ code: 'ONCE' })
    expect(reads).toBe(1)
  })

  it('gives an error the code its row declares, as the types say: a code is a word, never scrubbed', () => {
    const op = defineOperation('op', { 465: { code: 'ip-address_Invalid2' }, 466: { code: 'x' } })
    expect(new ApiError(465, { operation: op }).code).toBe('ip-address_Invalid2')
    expect(new ApiError(466, { operation: op }).code).toBe('x')
  })

  it("takes a row that restates the table's own code for its status", () => {
    const op = defineOperation('op', { 429: { code: 'TOO_MANY_REQUESTS', retryable: false } })
    expect(new ApiError(429, { operation: op })).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryable: false })
  })

  it('takes as an operation only an object with a string name and an object of rows', () => {
    const notOperations = [
      Object.assign(() => {}, { rows: {} }),
      null,
      { name: 5, rows: {} },
      { name: 'op', rows: 5 },
      { name: 'op', rows: null },
      // The mark defineOperation sets (of any copy of the package), without a name that is a string.
      { [Symbol.for('een-api-errors.operation')]: true, name: 5, rows: {} },
    ]
    for (const operation of notOperations) {
      expect(message(() => new ApiError(402, { operation: operation as never }))).toBe(
        'ApiError: operation must come from defineOperation',
      )
    }
  })

  it('takes a Proxy of an operation whose traps throw for none: the TypeError, not what the trap threw', () => {
    const authorize = defineOperation('authorize', { 429: { code: 'ACCOUNT_LOCKED' } })
    for (const field of ['rows', 'name']) {
      const hostile = new Proxy(authorize, {
        get(target, key, receiver) {
          if (key === field) throw 1
          return Reflect.get(target, key, receiver)
        },
      })
      expect(message(() => new ApiError(429, { operation: hostile }))).toBe(
        'ApiError: operation must come from defineOperation',
      )
    }
    // A Proxy that passes every read through is the operation itself.
    expect(new ApiError(429, { operation: new Proxy(authorize, {}) }).code).toBe('ACCOUNT_LOCKED')
  })
})
