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
  /** Anything else. */
  readonly other: string
}

/** The part of an error a message by class reads. */
export interface WithClass {
  readonly status: number
  readonly retryable: boolean
}

/** A message function that picks one of `texts` by the error's class. */
export function byClass(texts: ClassTexts): (error: WithClass) => string {
  return ({ status, retryable }) =>
    retryable
      ? texts.retry
      : isIntegerIn(status, 500, 599)
        ? texts.server
        : isIntegerIn(status, 400, 499)
          ? texts.client
          : texts.other
}
