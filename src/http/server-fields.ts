/**
 * The server's own words in an error body.
 *
 * @module
 */
import { fieldOf } from './field.js'

/** What the server said, from {@link serverFields}. */
export interface ServerFields {
  /** The server's message. */
  serverMessage?: string
  /** The server's machine-readable reason. */
  reason?: string
}

/**
 * The server's message and reason from a parsed body, each a non-empty string, trimmed and not
 * cut (text is scrubbed of secrets before it is cut to a length, so the caller cuts).
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
    // Its own fields: a `message` that a polluted Object.prototype holds is none of the server's.
    const read = (key: string) => field(fieldOf(body, key))
    const error = fieldOf(body, 'error')
    const serverMessage =
      read('message') ?? read('detail') ?? read('title') ?? field(error) ?? field(fieldOf(error, 'message'))
    const why = read('reason') ?? field(fieldOf(error, 'reason'))
    if (serverMessage) fields.serverMessage = serverMessage
    if (why) fields.reason = why
  } catch {
    // A hostile object: nothing to read.
  }
  return fields
}

/** A non-empty trimmed string, else `undefined`. */
function field(value: unknown): string | undefined {
  return (typeof value === 'string' && value.trim()) || undefined
}

/**
 * The server's text on one line, for an error's message: its control characters and line
 * separators (C0, DEL, C1, U+2028, U+2029) become a space, so that it forges no log line or stack
 * frame. `undefined` stays `undefined`.
 *
 * @example
 * oneLine('bad id\r\n    at login (/app/auth.js:1:1)') // 'bad id     at login (/app/auth.js:1:1)'
 */
export function oneLine(text: string | undefined): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what it replaces
  return text?.replace(/[\0-\x1f\x7f-\x9f\u2028\u2029]+/g, ' ')
}
