// Wait messages: the server's Retry-After in whole seconds, rounded up, written the language's way.
// Each test loads src/messages/wait.ts afresh: the catalogs make their wait messages when they load.
import { beforeEach, expect, it, vi } from 'vitest'

let waitMessage: typeof import('../../src/messages/wait.js').waitMessage

beforeEach(async () => {
  vi.resetModules()
  ;({ waitMessage } = await import('../../src/messages/wait.js'))
})

const english = () => waitMessage('en', (s, n) => `Wait ${s} ${n === 1 ? 'second' : 'seconds'}.`, 'Wait a moment.')

it('names the wait in whole seconds, rounded up, singular or plural', () => {
  const message = english()
  expect(message({ retryAfterMs: 1000 })).toBe('Wait 1 second.')
  expect(message({ retryAfterMs: 1 })).toBe('Wait 1 second.')
  expect(message({ retryAfterMs: 1001 })).toBe('Wait 2 seconds.')
  expect(message({ retryAfterMs: 30_000 })).toBe('Wait 30 seconds.')
})

it('says a moment when there is no wait to name: none given, zero, negative or not a number', () => {
  const message = english()
  for (const retryAfterMs of [undefined, 0, -5, Number.NaN]) expect(message({ retryAfterMs })).toBe('Wait a moment.')
})

it('says a moment for an endless wait, which has no number of seconds to name', () => {
  const message = english()
  expect(message({ retryAfterMs: Number.POSITIVE_INFINITY })).toBe('Wait a moment.')
  expect(message({ retryAfterMs: Number.MAX_VALUE })).toMatch(/^Wait [\d,]+ seconds\.$/)
})

it('writes the number as the language does', () => {
  const german = waitMessage('de', (s) => `Warte ${s} Sekunden.`, 'Warte kurz.')
  expect(german({ retryAfterMs: 1_234_000 })).toBe('Warte 1.234 Sekunden.')
  expect(english()({ retryAfterMs: 1_234_000 })).toBe('Wait 1,234 seconds.')
})
