// Messages by class: the English fallback for errors a catalog does not cover, loaded inside the test
// since the catalog makes it at load; one text for a retryable error, then by 5xx, 4xx and the rest.
import { expect, it, vi } from 'vitest'

it('the English fallback picks its text by retry, then server, client or other class', async () => {
  vi.resetModules()
  const { englishByClass } = await import('../../src/messages/en.js')
  const { isByClass } = await import('../../src/messages/by-class.js')
  expect(isByClass(englishByClass)).toBe(true)
  expect(englishByClass({ status: 503, retryable: true } as never)).toBe(
    'Something went wrong. Wait a moment, then try again.',
  )
  expect(englishByClass({ status: 500, retryable: false } as never)).toBe(
    'Something went wrong on our side. Try again later.',
  )
  expect(englishByClass({ status: 404, retryable: false } as never)).toBe(
    'We could not complete this request. Check it and try again.',
  )
  expect(englishByClass({ status: 0, retryable: false } as never)).toBe('Something went wrong. Please try again.')
})

it('only a function can be a message by class: an object carrying the mark is none', async () => {
  const { isByClass } = await import('../../src/messages/by-class.js')
  expect(isByClass({ [Symbol.for('een-api-errors.byClass')]: true })).toBe(false)
  expect(isByClass(Object.assign(() => 'x', { [Symbol.for('een-api-errors.byClass')]: true }))).toBe(true)
})
