/**
 * One abort listener per signal, however many reads wait on it.
 *
 * @module
 */

/** Each signal's one listener, which calls the `stop` of every read waiting on it. */
const listeners = new WeakMap<AbortSignal, (() => void) & { stops: Set<() => void> }>()

/**
 * Calls `stop` when `signal` aborts; gives the function that stops waiting. Reads that share an
 * app-wide signal share one listener: one each made Node warn of a leak (MaxListenersExceededWarning)
 * once a thousand errors were read at once, past the 1,500 listeners fetch allows (10 without fetch).
 * The listener goes when the last read waiting on it ends.
 *
 * @example
 * const controller = new AbortController()
 * let stopped = 0
 * const done = onAbort(controller.signal, () => stopped++)
 * onAbort(controller.signal, () => stopped++) // the same listener serves both
 * done()
 * controller.abort()
 * stopped // 1
 */
export function onAbort(signal: AbortSignal, stop: () => void): () => void {
  let listener = listeners.get(signal)
  if (!listener) {
    const stops = new Set<() => void>()
    const abort = () => {
      for (const each of stops) each()
    }
    listener = Object.assign(abort, { stops })
    // Added before it is kept: a signal whose addEventListener throws keeps nothing.
    signal.addEventListener('abort', listener)
    listeners.set(signal, listener)
  }
  const added = listener
  const { stops } = added
  stops.add(stop)
  return () => {
    stops.delete(stop)
    if (!stops.size) {
      listeners.delete(signal)
      signal.removeEventListener('abort', added)
    }
  }
}
