/**
 * The plain-data walk: what `JSON.parse` gives, with every value under a secret name replaced
 * whole and every string (keys too) scrubbed as text.
 *
 * @module
 */
import { REDACTED } from './text.js'

/** Deeper data is replaced whole: JSON.parse nests deeper than a recursive walk can follow. */
const MAX_DEPTH = 100

/** The walk over plain JSON data; the input is not changed. */
export function walker(text: (s: string) => string, secret: (name: string) => boolean): (data: unknown) => unknown {
  const walk = (data: unknown, depth: number, rules?: boolean): unknown =>
    depth > MAX_DEPTH
      ? REDACTED
      : typeof data === 'string'
        ? text(data)
        : data && typeof data === 'object'
          ? Array.isArray(data)
            ? data.map((item) => walk(item, depth + 1))
            : Object.fromEntries(
                Object.entries(data).map(([key, value]) => [
                  text(key),
                  // The API's password rules (`failed_requirements: { same_password: {…} }`) are data.
                  value != null && secret(key) && !(rules && value.constructor === Object)
                    ? REDACTED
                    : walk(value, depth + 1, key === 'failed_requirements'),
                ]),
              )
          : data
  return (data) => walk(data, 0)
}
