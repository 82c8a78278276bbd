/**
 * The safe cause: what an `ApiError` keeps of a thrown value. Never the client's object nor a copy
 * of it (those hold the request's headers, sockets and bodies), but a new plain `Error` with the
 * original's `name`, scrubbed `message` and `stack`, and its string `code`; its own cause chain is
 * treated alike, to a small depth.
 *
 * @module
 */

import { fieldOf } from '../http/index.js'
import { scrubbedStart } from '../redact/index.js'
import type { ApiErrorCauseJSON } from './types.js'

/** How many links of a cause chain are kept. */
const MAX_DEPTH = 3

/** The longest name, message, stack or code kept, in characters: a stack of a hundred frames fits. */
const MAX_TEXT = 16_384

/**
 * @internal A new plain `Error` standing for `value`, every text scrubbed by `scrub` (a text cut
 * short first losing what `cutEnd` finds of a request's secret at its end). Never throws.
 */
export function safeCause(
  value: unknown,
  scrub: (text: string) => string,
  cutEnd?: (text: string) => string,
  depth = 1,
): Error {
  let name = 'Error'
  let message = ''
  let stack: unknown
  let code: unknown
  let inner: unknown
  try {
    if ((typeof value === 'object' && value !== null) || typeof value === 'function') {
      // Each read past a polluted Object.prototype: its `code` is no code of the thrown value.
      const [n, m] = [fieldOf(value, 'name'), fieldOf(value, 'message')]
      if (typeof n === 'string') name = n
      if (typeof m === 'string') message = m
      stack = fieldOf(value, 'stack')
      code = fieldOf(value, 'code')
      inner = fieldOf(value, 'cause')
    } else {
      message = String(value)
    }
  } catch {
    // A throwing getter or Proxy trap: keep what was read before it.
  }
  const bounded = (text: string) => scrubbedStart(scrub, text, MAX_TEXT, cutEnd)
  const error = new Error(bounded(message)) as Error & { code?: string }
  if (name !== 'Error') error.name = bounded(name)
  // Without the original's stack, keep only its first line: our own frames say nothing about it.
  error.stack = typeof stack === 'string' ? bounded(stack) : `${error.name}: ${error.message}`
  if (typeof code === 'string') error.code = bounded(code)
  if (inner !== undefined && inner !== null && depth < MAX_DEPTH)
    error.cause = safeCause(inner, scrub, cutEnd, depth + 1)
  return error
}

/** @internal A safe cause, as {@link safeCause} makes it. */
export type SafeCause = Error & { code?: string; cause?: SafeCause }

/** @internal A safe cause as plain data, its own chain too: it is already short. */
export function causeJSON(error: SafeCause): ApiErrorCauseJSON {
  // Its own code and cause: a polluted Object.prototype.cause would make the chain endless.
  const code = fieldOf(error, 'code') as string | undefined
  const cause = fieldOf(error, 'cause') as SafeCause | undefined
  return { name: error.name, message: error.message, ...(code && { code }), ...(cause && { cause: causeJSON(cause) }) }
}
