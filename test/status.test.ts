import fc from 'fast-check'
import { expect, describe as group, it, vi } from 'vitest'
import { BRAND } from '../src/brand.js'
import {
  describe,
  isClientError,
  isInformational,
  isKnownStatus,
  isRedirect,
  isRetryable,
  isServerError,
  isSuccess,
} from '../src/index.js'
import { documentedRows } from './fixtures/api-doc.js'

const documented = new Map(documentedRows.map((row) => [row.status, row]))
/** The helpers as the module builds them at load, loaded afresh so that its load-time tables are tested too. */
const load = async () => {
  vi.resetModules()
  return import('../src/status.js')
}
const guards = { isInformational, isSuccess, isRedirect, isClientError, isServerError }
const helpers = { describe, isKnownStatus, isRetryable, ...guards }

/** Values that are not integer statuses 100–599, of every JavaScript kind. */
const badInputs: unknown[] = [
  Number.NaN,
  -1,
  0,
  99,
  600,
  1e9,
  4.5,
  404.0001,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0.5,
  '404',
  '',
  null,
  undefined,
  true,
  {},
  [],
  [404],
  { valueOf: () => 404 },
  { toString: () => '404' },
  Symbol('404'),
  10n,
  404n,
  () => 404,
  new Date(),
  Object.create(null),
]

group('describe', () => {
  it("returns the API's meaning for every documented status", () => {
    for (const row of documentedRows) expect(describe(row.status)).toBe(row.meaning)
  })

  it('names the class of an undocumented status', () => {
    expect(describe(418)).toBe('Unexpected client error (HTTP 418)')
    expect(describe(101)).toBe('Unexpected informational response (HTTP 101)')
    expect(describe(299)).toBe('Unexpected success (HTTP 299)')
    expect(describe(302)).toBe('Unexpected redirect (HTTP 302)')
    expect(describe(501)).toBe('Unexpected server error (HTTP 501)')
    expect(describe(599)).toBe('Unexpected server error (HTTP 599)')
    expect(describe(100)).toBe('Unexpected informational response (HTTP 100)')
  })

  it('returns a generic text for anything that is not an integer 100–599', () => {
    for (const input of badInputs) expect(describe(input as number)).toBe('Not a valid HTTP status')
  })

  it('agrees with its specification on every integer from -10 to 700', async () => {
    const { describe } = await load()
    for (let status = -10; status <= 700; status++) {
      const row = documented.get(status)
      const expected = row
        ? row.meaning
        : status >= 100 && status <= 599
          ? `Unexpected ${['informational response', 'success', 'redirect', 'client error', 'server error'][Math.floor(status / 100) - 1]} (HTTP ${status})`
          : 'Not a valid HTTP status'
      expect(describe(status)).toBe(expected)
    }
  })
})

group('isKnownStatus', () => {
  it('is true exactly for the rows of the table', async () => {
    const { isKnownStatus } = await load()
    for (let status = -10; status <= 700; status++) expect(isKnownStatus(status)).toBe(documented.has(status))
  })

  it('is false for every bad input', () => {
    for (const input of badInputs) expect(isKnownStatus(input)).toBe(false)
  })

  it('is true for an integer exactly when the API documents it, near the table or far from it (property)', () => {
    const status = fc.oneof(fc.constantFrom(...documented.keys()), fc.integer({ min: 100, max: 599 }), fc.integer())
    fc.assert(
      fc.property(status, (n) => isKnownStatus(n) === documented.has(n)),
      { numRuns: 1000 },
    )
  })
})

group('range guards', () => {
  const ranges = [
    [isInformational, 100],
    [isSuccess, 200],
    [isRedirect, 300],
    [isClientError, 400],
    [isServerError, 500],
  ] as const

  it('accept exactly their hundred integers', () => {
    for (const [guard, low] of ranges) {
      expect(guard(low)).toBe(true)
      expect(guard(low + 99)).toBe(true)
      expect(guard(low - 1)).toBe(false)
      expect(guard(low + 100)).toBe(false)
      expect(guard(low + 0.5)).toBe(false)
      expect(guard(String(low))).toBe(false)
    }
  })

  it('partition every integer 100–599 exactly once (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 599 }), (status) => {
        const accepted = ranges.filter(([guard]) => guard(status))
        return accepted.length === 1 && accepted[0]![1] === Math.floor(status / 100) * 100
      }),
    )
  })

  it('accept no integer outside 100–599 (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ max: 99 }), fc.integer({ min: 600 })),
        (status) => !ranges.some(([guard]) => guard(status)),
      ),
    )
  })

  it('reject every bad input', () => {
    for (const input of badInputs) for (const [guard] of ranges) expect(guard(input)).toBe(false)
  })
})

group('isRetryable', () => {
  it("follows the table's advice for documented statuses", async () => {
    const { isRetryable } = await load()
    for (const row of documentedRows) expect(isRetryable(row.status)).toBe(row.retryable)
  })

  it('retries an unlisted status only when it is 408 or a 5xx other than 501 and 505', async () => {
    const { isRetryable } = await load()
    for (let status = -10; status <= 700; status++) {
      if (documented.has(status)) continue
      const expected = status === 408 || (status >= 500 && status <= 599 && status !== 501 && status !== 505)
      expect(isRetryable(status), String(status)).toBe(expected)
    }
  })

  it("answers with an ApiError's own advice, from any copy of the package", () => {
    expect(isRetryable({ [Symbol.for('een-api-errors.ApiError')]: true, retryable: true, status: 429 })).toBe(true)
    expect(isRetryable({ [BRAND]: true, retryable: false, status: 429 })).toBe(false)
    expect(isRetryable({ retryable: true, status: 429 })).toBe(false)
    expect(isRetryable({ [BRAND]: 'yes', retryable: true, status: 429 })).toBe(false)
    expect(isRetryable({ [BRAND]: true, retryable: true })).toBe(false)
  })

  it('is false for every bad input', () => {
    for (const input of badInputs) expect(isRetryable(input)).toBe(false)
  })
})

group('every helper', () => {
  it('never throws on any JavaScript value (property)', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true }), (value) => {
        for (const helper of Object.values(helpers)) helper(value as number)
      }),
    )
  })

  it('never throws on any number (property)', () => {
    fc.assert(
      fc.property(fc.double(), (value) => {
        for (const [name, helper] of Object.entries(helpers)) {
          const result = helper(value)
          expect(typeof result, name).toBe(name === 'describe' ? 'string' : 'boolean')
        }
      }),
    )
  })
})
