import fc from 'fast-check'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { parseRetryAfter as ParseRetryAfterFn } from '../../src/http/retry-after.js'

// Each test loads the module afresh, so that what it builds at load (the date pattern) is tested too.
let parseRetryAfter: typeof ParseRetryAfterFn
beforeEach(async () => {
  vi.resetModules()
  ;({ parseRetryAfter } = await import('../../src/http/retry-after.js'))
})

const now = Date.UTC(2026, 0, 15, 12, 0, 0)

describe('delay-seconds', () => {
  it('reads seconds, with spaces, as milliseconds', () => {
    expect(parseRetryAfter('5')).toBe(5_000)
    expect(parseRetryAfter('0')).toBe(0)
    expect(parseRetryAfter(' 5 ')).toBe(5_000)
    expect(parseRetryAfter('\t30')).toBe(30_000)
    expect(parseRetryAfter('007')).toBe(7_000)
  })

  it('accepts decimal seconds, rounded to whole milliseconds', () => {
    expect(parseRetryAfter('1.5')).toBe(1_500)
    expect(parseRetryAfter('0.0004')).toBe(0)
  })

  it('clamps to 60 s by default, or to a custom max', () => {
    expect(parseRetryAfter('3600')).toBe(60_000)
    expect(parseRetryAfter('9'.repeat(400))).toBe(60_000)
    expect(parseRetryAfter('3600', 10_000)).toBe(10_000)
    expect(parseRetryAfter('3600', Number.POSITIVE_INFINITY)).toBe(3_600_000)
    expect(parseRetryAfter('5', 0)).toBe(0)
    for (const bad of [-1, Number.NaN, '9' as never]) expect(parseRetryAfter('3600', bad)).toBe(60_000)
  })
})

describe('HTTP-dates', () => {
  it('reads an IMF-fixdate in the future, and gives 0 for one in the past or now', () => {
    expect(parseRetryAfter('Thu, 15 Jan 2026 12:00:30 GMT', undefined, now)).toBe(30_000)
    expect(parseRetryAfter(new Date(now + 45_000).toUTCString(), undefined, now)).toBe(45_000)
    expect(parseRetryAfter('Thu, 15 Jan 2026 13:00:00 GMT', undefined, now)).toBe(60_000)
    expect(parseRetryAfter('Thu, 15 Jan 2026 13:00:00 GMT', 1e9, now)).toBe(3_600_000)
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', undefined, now)).toBe(0)
    expect(parseRetryAfter('Thu, 15 Jan 2026 12:00:00 GMT', undefined, now)).toBe(0)
  })

  it('reads the date against the clock when no time is given', () => {
    const ms = parseRetryAfter(new Date(Date.now() + 30_000).toUTCString())!
    expect(ms).toBeGreaterThan(25_000)
    expect(ms).toBeLessThanOrEqual(30_000)
  })

  it('reads every month', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
    const start = Date.UTC(2026, 0, 1)
    months.forEach((month, index) => {
      const expected = Date.UTC(2026, index, 15) - start
      expect(parseRetryAfter(`Mon, 15 ${month} 2026 00:00:00 GMT`, 1e12, start), month).toBe(expected)
    })
  })

  it('accepts the last second of a day, and a leap second', () => {
    expect(parseRetryAfter('Thu, 15 Jan 2026 23:59:59 GMT', 1e9, now)).toBe(Date.UTC(2026, 0, 15, 23, 59, 59) - now)
    expect(parseRetryAfter('Thu, 15 Jan 2026 23:59:60 GMT', 1e9, now)).toBe(Date.UTC(2026, 0, 16) - now)
  })

  it('is lenient about case, spacing, one-digit days and UTC', () => {
    expect(parseRetryAfter('thu,  15 jan 2026  12:00:10  gmt', undefined, now)).toBe(10_000)
    expect(parseRetryAfter('Thu, 5 Feb 2026 12:00:00 UTC', 1e12, now)).toBe(21 * 86_400_000)
  })

  it('reads the obsolete RFC 850 and asctime forms', () => {
    expect(parseRetryAfter('Thursday, 15-Jan-26 12:00:20 GMT', undefined, now)).toBe(20_000)
    expect(parseRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT', undefined, now)).toBe(0)
    expect(parseRetryAfter('Thu Jan 15 12:00:40 2026', undefined, now)).toBe(40_000)
    expect(parseRetryAfter('Sun Nov  6 08:49:37 1994', undefined, now)).toBe(0)
    const start = Date.UTC(2026, 0, 1)
    expect(parseRetryAfter('Sun  Nov  6 08:49:37 2094', 1e15, start)).toBe(Date.UTC(2094, 10, 6, 8, 49, 37) - start)
  })

  it('reads a two-digit RFC 850 year as the latest year with those digits at most 50 years ahead', () => {
    // 94 in 2026 is 1994 (2094 is more than 50 years ahead); 76 is 2076; 00 in 2099 is 2100.
    expect(parseRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT', 1e15, now)).toBe(0)
    expect(parseRetryAfter('Tuesday, 15-Jan-76 12:00:00 GMT', 1e15, now)).toBe(Date.UTC(2076, 0, 15, 12) - now)
    const late = Date.UTC(2099, 11, 31, 23, 59, 0)
    expect(parseRetryAfter('Friday, 01-Jan-00 00:00:00 GMT', 1e15, late)).toBe(60_000)
    // Exactly 50 years ahead is not more than 50: 00 in 2050 is 2100.
    const mid = Date.UTC(2050, 0, 1)
    expect(parseRetryAfter('Friday, 01-Jan-00 00:00:00 GMT', 1e15, mid)).toBe(Date.UTC(2100, 0, 1) - mid)
  })
})

describe('the header sent twice', () => {
  it('gives the first value of a list joined by a comma, a date holding one of its own', () => {
    expect(parseRetryAfter('5, 10', undefined, now)).toBe(5000)
    expect(parseRetryAfter('5 ,10', undefined, now)).toBe(5000)
    expect(parseRetryAfter('1.5,soon', undefined, now)).toBe(1500)
    const date = new Date(now + 30_000).toUTCString()
    expect(parseRetryAfter(`${date}, 10`, undefined, now)).toBe(30_000)
    expect(parseRetryAfter(`${date}, ${new Date(now + 50_000).toUTCString()}`, undefined, now)).toBe(30_000)
    expect(parseRetryAfter('Sun Nov  6 08:49:37 2094, 10', 1e15, now)).toBe(Date.UTC(2094, 10, 6, 8, 49, 37) - now)
    expect(parseRetryAfter(`10, ${date}`, undefined, now)).toBe(10_000)
  })

  it('gives undefined when the first value is no Retry-After', () => {
    for (const value of ['soon, 5', ', 5', '-1, 5', 'x Sun, 06 Nov 2094 08:49:37 GMT, 5', 'Sun, 5'])
      expect(parseRetryAfter(value, undefined, now), value).toBeUndefined()
  })
})

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const two = (n: number) => String(n).padStart(2, '0')

/** The three forms of RFC 9110 (5.6.7) of the time `offset` seconds from `now`: IMF-fixdate, RFC 850, asctime. */
function httpDates(offset: number): string[] {
  const d = new Date(now + offset * 1000)
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`
  const [day, month, year] = [DAYS[d.getUTCDay()]!, MONTHS[d.getUTCMonth()]!, d.getUTCFullYear()]
  return [
    d.toUTCString(),
    `${day}, ${two(d.getUTCDate())}-${month}-${two(year % 100)} ${time} GMT`,
    `${day.slice(0, 3)} ${month} ${String(d.getUTCDate()).padStart(2)} ${time} ${year}`,
  ]
}

/** A valid Retry-After with blanks around it, and the wait it names in ms: delay-seconds, or a date up to 40 years either side of now. */
const retryAfter = fc.oneof(
  fc
    .tuple(fc.nat(100_000), fc.nat(999))
    .map(([s, ms]) => [ms ? `${s}.${String(ms).padStart(3, '0')}` : String(s), s * 1000 + ms] as const),
  fc
    .tuple(fc.oneof(fc.integer({ min: -300, max: 300 }), fc.integer({ min: -1.26e9, max: 1.26e9 })), fc.nat(2))
    .map(([offset, form]) => [httpDates(offset)[form]!, Math.max(0, offset * 1000)] as const),
)

describe('any valid Retry-After', () => {
  it('gives the wait it names, a date in the past 0, clamped to max, in any of the three date forms (property)', () => {
    fc.assert(
      fc.property(
        retryAfter,
        fc.oneof(fc.nat(400_000), fc.constant(Number.POSITIVE_INFINITY)),
        fc.constantFrom('', ' ', '\t'),
        ([text, wait], max, blank) => {
          expect(parseRetryAfter(`${blank}${text}${blank}`, max, now), text).toBe(Math.min(wait, max))
        },
      ),
    )
  })
})

describe('what is no Retry-After', () => {
  it('gives undefined for garbage, negative numbers, exponents and impossible dates', () => {
    for (const value of [
      '',
      '   ',
      'soon',
      '-1',
      '-0',
      '+5',
      '1e3',
      '0x10',
      '5s',
      '1.',
      '.5',
      'NaN',
      'Infinity',
      '1 2',
      '2026-01-15T12:00:30Z',
      'Thu, 15 Foo 2026 12:00:30 GMT',
      'Sun, 06 Anf 2094 08:49:37 GMT',
      'Sun, 06 Ebm 2094 08:49:37 GMT',
      'Thu, 30 Feb 2026 12:00:30 GMT',
      'Thu, 00 Jan 2026 12:00:30 GMT',
      'Thu, 15 Jan 2026 24:00:00 GMT',
      'Thu, 15 Jan 2026 12:60:00 GMT',
      'Thu, 15 Jan 2026 12:00:61 GMT',
      'Thu, 15 Jan 2026 12:00:30 PST',
      'Thu, 15-Jan 2026 12:00:30 GMT',
      'Foo, 15 Jan 2026 12:00:30 GMT',
      'Thu Jan 15 12:00:40 26',
      'Sun, 06 Nov 2094 08:49:37 2094',
      'Sun Nov  6 08:49:37 GMT',
      'x Sun, 06 Nov 2094 08:49:37 GMT',
      'Sun, 06 Nov 2094 08:49:37 GMT x',
    ]) {
      expect(parseRetryAfter(value, undefined, now), value).toBeUndefined()
    }
    expect(parseRetryAfter(null)).toBeUndefined()
    expect(parseRetryAfter(undefined)).toBeUndefined()
    expect(parseRetryAfter(5 as never)).toBeUndefined()
  })

  it('gives undefined or a value within [0, max] for any string', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          retryAfter.map(([text]) => text),
        ),
        fc.nat(100_000),
        (value, max) => {
          const ms = parseRetryAfter(value, max, now)
          if (ms !== undefined) expect(ms >= 0 && ms <= max).toBe(true)
        },
      ),
      { seed: 7 },
    )
  })
})
