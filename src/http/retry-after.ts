/**
 * `Retry-After` as milliseconds to wait.
 *
 * @module
 */
import { orDefault } from './read-body.js'

/**
 * The three HTTP-date forms: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) and RFC 850
 * (`Sunday, 06-Nov-94 08:49:37 GMT`) give 1 day, 2 separator, 3 month, 4 year; asctime
 * (`Sun Nov  6 08:49:37 1994`, in GMT) gives 5 month, 6 day and 10 year; both give 7–9 the time.
 */
const HTTP_DATE =
  /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*(?:,\s*(\d\d?)([ -])([a-z]{3})\2(\d{4}|\d\d)|\s+([a-z]{3})\s+(\d\d?))\s+([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)\s+(?:gmt|utc|(\d{4}))$/i

/**
 * `Retry-After` as milliseconds to wait, at most `maxMs` (default 60 000; a value that is not a
 * non-negative number means the default).
 *
 * Reads delay-seconds (`120`; a decimal such as `1.5` too) and HTTP-dates in all three forms of
 * RFC 9110: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), RFC 850 (`Sunday, 06-Nov-94 08:49:37
 * GMT`, a two-digit year read as the RFC says) and asctime (`Sun Nov  6 08:49:37 1994`, GMT).
 * Dates are read here, not by the engine's lenient `Date.parse`, so every runtime agrees. A date
 * in the past gives 0. The header sent twice (joined by fetch as `5, 10`) gives its first value,
 * as Node's own HTTP parser keeps it. Garbage, negative numbers, impossible dates and a missing value give
 * `undefined`. `now` (default `Date.now()`) is the time the header is read at.
 *
 * @example
 * parseRetryAfter('5') // 5000
 * parseRetryAfter('3600') // 60000 (clamped)
 * parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT') // 0 (in the past)
 */
export function parseRetryAfter(
  value: string | null | undefined,
  maxMs: number = 60_000,
  now: number = Date.now(),
): number | undefined {
  if (typeof value !== 'string') return undefined
  const cap = orDefault(maxMs, 60_000)
  const trimmed = value.trim()
  let ms = waitOf(trimmed, now)
  // The header sent twice, as fetch joins it (`5, 10`): the first value, as Node's own parser (axios,
  // got) keeps it. The first before a comma, or before the second (a date holds one of its own).
  for (const first of [/^[^,]*(?=,)/, /^[^,]*,[^,]*(?=,)/])
    if (Number.isNaN(ms)) ms = waitOf(first.exec(trimmed)?.[0].trim() ?? '', now)
  return ms >= 0 ? Math.min(ms, cap) : ms < 0 ? 0 : undefined
}

/** One value of Retry-After as milliseconds from `now` (negative for a date past), or `NaN`. */
function waitOf(text: string, now: number): number {
  return /^\d+(?:\.\d+)?$/.test(text) ? Math.round(Number(text) * 1000) : httpDate(text, now) - now
}

/** An HTTP-date as epoch milliseconds, or `NaN` when it is not one. */
function httpDate(text: string, now: number): number {
  const m = HTTP_DATE.exec(text)
  // An IMF-fixdate or RFC 850 date ends in GMT, an asctime date in its year.
  if (!m || !m[1] === !m[10]) return NaN
  const [month, day, year] = (m[1] ? [m[3], m[1], m[4]] : [m[5], m[6], m[10]]) as string[]
  const at = 'janfebmaraprmayjunjulaugsepoctnovdec'.indexOf(month!.toLowerCase())
  let y = Number(year)
  // RFC 850's two-digit year: the latest year with those digits that is at most 50 years ahead.
  if (year!.length < 3) y += 100 * Math.floor((new Date(now).getUTCFullYear() + 50 - y) / 100)
  const midnight = Date.UTC(y, at / 3, Number(day))
  // Date.UTC rolls "Feb 30" over to March: a day that does not come back the same is no date.
  return at % 3 || new Date(midnight).getUTCDate() !== Number(day)
    ? NaN
    : midnight + ((Number(m[7]) * 60 + Number(m[8])) * 60 + Number(m[9])) * 1000
}
