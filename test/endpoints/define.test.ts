// defineEndpoint: an operation with its method, path and success rows, all frozen; checked on a call
// of its own and on the catalog, loaded inside the test since the catalog defines its calls at load.
import { expect, it, vi } from 'vitest'
import { defineEndpoint } from '../../src/endpoints/define.js'

it('keeps the name, rows, method, path and success rows, frozen down to each success row', () => {
  const call = defineEndpoint(
    'getThing',
    'GET',
    '/g/thing',
    { 465: { code: 'THING_GONE' } },
    { 200: { meaning: 'OK' } },
  )
  expect(call).toMatchObject({
    name: 'getThing',
    method: 'GET',
    path: '/g/thing',
    successes: { 200: { meaning: 'OK' } },
  })
  expect(call.rows[465]).toEqual({ code: 'THING_GONE' })
  expect(Object.isFrozen(call)).toBe(true)
  expect(Object.isFrozen(call.successes)).toBe(true)
  expect(Object.isFrozen(call.successes[200])).toBe(true)
})

it('the catalog holds each documented call with its method, path and successes', async () => {
  vi.resetModules()
  const { endpoints } = await import('../../src/endpoints/index.js')
  // POST /g/aaa/forgot_password answers 202 and documents 406 INFORMATION_NOT_VERIFIED.
  const call = endpoints.forgotPassword
  expect(call).toMatchObject({ name: 'forgotPassword', method: 'POST', path: '/g/aaa/forgot_password' })
  expect(Object.keys(call.successes)).toEqual(['202'])
  expect(Object.isFrozen(call.successes[202])).toBe(true)
  expect(call.rows[406].code).toBe('INFORMATION_NOT_VERIFIED')
})
