/**
 * The server's own words in an error body.
 *
 * @module
 */
import { cutUnits } from './cut.js'

/** What the server said, from {@link serverFields}. */
export interface ServerFields {
  /** The server's message. */
  serverMessage?: string
  /** The server's machine-readable reason. */
  reason?: string
}

/**
 * The server's message and reason from a parsed body, each a non-empty string, trimmed, at most
 * 1 000 characters (a longer one is cut without splitting a character and ends with `…`).
 *
 * `serverMessage` is the first found of: `message` (the API's `{status_code, message, reason,
 * data}`), `detail` then `title` (RFC 9457 problem+json), `error` when it is a string, and
 * `error.message`. `reason` is `reason`, else `error.reason`. A body that has none of these, or
 * is no object, gives `{}`. Never throws.
 *
 * @example
 * serverFields({ status_code: 402, message: 'Account is suspended', reason: 'AccountSuspended', data: {} })
 * // { serverMessage: 'Account is suspended', reason: 'AccountSuspended' }
 */
export function serverFields(body: unknown): ServerFields {
  const fields: ServerFields = {}
  try {
    const { message, detail, title, error, reason } = (body ?? {}) as Record<string, unknown>
    const nested = (error ?? {}) as Record<string, unknown>
    const serverMessage = field(message) ?? field(detail) ?? field(title) ?? field(error) ?? field(nested.message)
    const why = field(reason) ?? field(nested.reason)
    if (serverMessage) fields.serverMessage = serverMessage
    if (why) fields.reason = why
  } catch {
    // A hostile object: nothing to read.
  }
  return fields
}

/** A non-empty trimmed string, cut to 1 000 characters with a closing `…`. */
function field(value: unknown): string | undefined {
  const text = typeof value === 'string' ? value.trim() : ''
  return text.length > 1_000 ? `${cutUnits(text, 999)}…` : text || undefined
}
