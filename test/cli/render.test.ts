// How the command line renders a row, with the module loaded inside each test: its advice and colour
// tables are built at load, so a test that loads it afresh sees the tables it checks being built.
import { expect, it, vi } from 'vitest'
import type { Shown } from '../../src/cli/render.js'

const load = async () => {
  vi.resetModules()
  return import('../../src/cli/render.js')
}
const row = (status: number, code: string, meaning: string, klass: string, retryable = false): Shown => ({
  status,
  code,
  meaning,
  class: klass,
  retryable,
})
const adviceOf = (text: string) => text.split('\n').at(-2)

it('gives the retry advice in the API’s own words where the meaning has them', async () => {
  const { block, plain } = await load()
  // The meanings of 429, 502 and 463 in the API's table of status codes.
  const slow = row(
    429,
    'TOO_MANY_REQUESTS',
    'Client has exceeded the maximum requests per second, please slow down.',
    'client error',
    true,
  )
  expect(adviceOf(block(slow, plain))).toBe(
    'Retryable: the API asks clients to slow down, so wait (see Retry-After) before sending it again.',
  )
  const again = row(
    502,
    'BAD_GATEWAY',
    'We were unable to return the requested data.  Please try again.',
    'server error',
    true,
  )
  expect(adviceOf(block(again, plain))).toBe('Retryable: the API says to try again.')
  const support = 'Unable to communicate with the camera or bridge, contact support'
  expect(adviceOf(block(row(463, 'DEVICE_UNREACHABLE', support, 'client error'), plain))).toBe(
    'Not retryable: the API says to contact support.',
  )
  const ours = 'Internal Error.  Please contact our support department.'
  expect(adviceOf(block(row(500, 'INTERNAL_ERROR', ours, 'server error'), plain))).toBe(
    'Not retryable: the API says to contact support.',
  )
})

it('falls back to advice by class when the meaning has none of the API’s words', async () => {
  const { block, plain } = await load()
  const advice = (klass: string) => adviceOf(block(row(299, 'X', 'Some meaning.', klass), plain))
  expect(advice('informational response')).toBe('Not retryable: not a final answer, nothing to retry.')
  expect(advice('success')).toBe('Not retryable: a success, nothing to retry.')
  expect(advice('redirect')).toBe('Not retryable: follow the redirect instead.')
  expect(advice('client error')).toBe('Not retryable: the same request would fail again until something changes.')
  expect(advice('server error')).toBe('Not retryable: the API does not ask for a retry.')
})

it('paints status and code bold in the ANSI colour of their class, and plain leaves text as it is', async () => {
  const { coloured, plain } = await load()
  // SGR 34 blue, 32 green, 36 cyan, 33 yellow, 31 red; 22 and 39 reset intensity and foreground.
  const colours = { 'informational response': 34, success: 32, redirect: 36, 'client error': 33, 'server error': 31 }
  for (const [klass, sgr] of Object.entries(colours)) {
    expect(coloured('404 X', row(404, 'X', 'm', klass))).toBe(`\u001b[1;${sgr}m404 X\u001b[22;39m`)
  }
  expect(plain('404 X', row(404, 'X', 'm', 'client error'))).toBe('404 X')
})
