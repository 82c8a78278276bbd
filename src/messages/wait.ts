/**
 * Wait messages: the error's `retryAfterMs` rounded up to whole seconds, the number written the
 * way the language writes numbers (`Intl.NumberFormat`).
 *
 * @module
 */

/** The part of an error a wait message reads. */
export interface WithRetryAfter {
  /** How long the server asked the client to wait, in milliseconds. */
  readonly retryAfterMs?: number | undefined
}

/**
 * A message function that names the wait when the error has one: `withSeconds(text, count)`
 * gets the whole seconds as the language writes them (`text`) and as a number (`count`, to pick
 * the singular or plural), and `moment` stands when there is no wait to name.
 *
 * @example
 * ```ts
 * waitMessage('en', (s, n) => `Wait ${s} ${n === 1 ? 'second' : 'seconds'}.`, 'Wait a moment.')
 * ```
 */
export function waitMessage(
  locale: string,
  withSeconds: (text: string, count: number) => string,
  moment: string,
): (error: WithRetryAfter) => string {
  // Made on first use: most apps never show a wait, and a formatter is not free to build.
  let format: Intl.NumberFormat | undefined
  return ({ retryAfterMs }) => {
    const seconds = Math.ceil((retryAfterMs as number) / 1000)
    // NaN (no wait given) and 0 (a Retry-After in the past) name no wait, nor does Infinity (a
    // field set by hand, or by a copy of the package that did not cap it): "Wait ∞ seconds".
    if (!(seconds >= 1 && seconds < Number.POSITIVE_INFINITY)) return moment
    format ??= new Intl.NumberFormat(locale)
    return withSeconds(format.format(seconds), seconds)
  }
}
