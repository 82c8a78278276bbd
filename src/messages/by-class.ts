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

/** The functions {@link byClass} made. */
const made: WeakSet<object> = /* @__PURE__ */ new WeakSet()

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
  made.add(message)
  return message
}

/** Whether `value` is a message that {@link byClass} made, and so takes any error. */
export function isByClass(value: unknown): value is ByClass {
  return typeof value === 'function' && made.has(value)
}
