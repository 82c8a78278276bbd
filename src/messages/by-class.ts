/**
 * Generic messages by the class of the status, for errors no catalog entry covers.
 *
 * @module
 */
import { isIntegerIn } from '../status.js'

/** One text per class of error. */
export interface ClassTexts {
  /** An error the caller may retry (its `retryable` is true). */
  readonly retry: string
  /** Any other 5xx. */
  readonly server: string
  /** Any other 4xx. */
  readonly client: string
  /** Anything else, and a value that is no error. */
  readonly other: string
}

/** The part of an error a message by class reads. */
export interface WithClass {
  readonly status: number
  readonly retryable: boolean
}

/** A message by class takes any error; so `userMessage` may use one for what its catalog does not cover. */
export type ByClass = (error: WithClass) => string

/**
 * Marks the functions {@link byClass} made: a registered symbol, so that a catalog of one copy of
 * the package (the messages entry, a CommonJS build) is recognised by `userMessage` of another.
 */
const BY_CLASS: unique symbol = /* @__PURE__ */ Symbol.for('een-api-errors.byClass') as never

/** A message function that picks one of `texts` by the error's class. */
export function byClass(texts: ClassTexts): ByClass {
  const message: ByClass = ({ status, retryable }) =>
    retryable
      ? texts.retry
      : isIntegerIn(status, 500, 599)
        ? texts.server
        : isIntegerIn(status, 400, 499)
          ? texts.client
          : texts.other
  return Object.assign(message, { [BY_CLASS]: true })
}

/** Whether `value` is a message that {@link byClass} made, and so takes any error. */
export function isByClass(value: unknown): value is ByClass {
  return typeof value === 'function' && (value as { [BY_CLASS]?: unknown })[BY_CLASS] === true
}
