/**
 * The plain-data walk: what `JSON.parse` gives, with every value under a secret name replaced
 * whole and every string (keys too) scrubbed as text.
 *
 * @module
 */
import { REDACTED } from './text.js'

/** The walk over plain JSON data; the input is not changed. */
export function walker(text: (s: string) => string, secret: (name: string) => boolean): (data: unknown) => unknown {
  const walk = (data: unknown, depth: number, rules?: boolean): unknown => {
    // Deeper than 100 levels goes whole: JSON.parse nests deeper than a recursive walk can follow.
    if (depth > 100) return REDACTED
    if (typeof data === 'string') return text(data)
    // A number the request sent as a secret (a PIN, a 2FA code) and the server echoes as a number.
    if (typeof data === 'number') return text(String(data)) === REDACTED ? REDACTED : data
    if (!data || typeof data !== 'object') return data
    if (Array.isArray(data)) return data.map((item) => walk(item, depth + 1))
    // A loop over the own keys: several times faster than Object.fromEntries on the API's bodies,
    // and unlike for-in it copies nothing a polluted Object.prototype holds.
    const copy: Record<string, unknown> = {}
    const keys = Object.keys(data)
    // A name/value pair or a validation error whose field is secret: its value goes. Fields that
    // name another's value: a pair's `name` or `key` (HAR logs, Kubernetes variables, AWS tags), a
    // validation error's field (Spring's `field`, pydantic's `loc`, express-validator's `path` or
    // `param`, class-validator's `property`, Joi's `key`); any case.
    const named = keys.some((key) => {
      const label = (data as Record<string, unknown>)[key]
      // A path names its last step (pydantic's `loc: ['body', 'password']`).
      const last = Array.isArray(label) ? label[label.length - 1] : label
      return /^(?:name|key|field|param|path|property|loc)$/i.test(key) && typeof last === 'string' && secret(last)
    })
    for (const key of keys) {
      const value = (data as Record<string, unknown>)[key]
      // An own `__proto__` key of parsed JSON is left out: assigning it would set the copy's prototype.
      if (key !== '__proto__')
        copy[text(key)] =
          // The API's password rules (`failed_requirements: { same_password: {…} }`) are data.
          value != null &&
          // The fields named: a pair's `value`, the input a validation error rejected; any case.
          (secret(key) || (named && /^(?:value|rejected_?value|input|invalid_?value)$/i.test(key))) &&
          !(rules && (value as object).constructor === Object)
            ? REDACTED
            : walk(value, depth + 1, key === 'failed_requirements')
    }
    return copy
  }
  return (data) => walk(data, 0)
}
