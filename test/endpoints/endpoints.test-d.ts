import { expectTypeOf, test } from 'vitest'
import { authorize, type Endpoint, endpoints, findEndpoint, forgotPassword } from '../../src/endpoints/index.js'
import { ApiError, defineMessages, englishMessages, isApiError } from '../../src/index.js'

declare const res: Response
declare const e: unknown

test('an operation of the catalog narrows the error to the call’s own codes', async () => {
  const error = await ApiError.fromResponse(res, { operation: endpoints.authorize })
  switch (error.code) {
    case 'ACCOUNT_LOCKED':
      expectTypeOf(error.status).toEqualTypeOf<429>()
      expectTypeOf(
        error.meaning,
      ).toEqualTypeOf<"This user's account has been locked due to more than 3 failed attempts to Authorize">()
      break
    case 'TFA_OR_TOKEN_INVALID':
      expectTypeOf(error.status).toEqualTypeOf<406>()
      break
    case 'BAD_REQUEST':
      expectTypeOf(error.meaning).toEqualTypeOf<'Unexpected or non-identifiable arguments are supplied'>()
      break
    // @ts-expect-error: for this call 429 is ACCOUNT_LOCKED, not TOO_MANY_REQUESTS
    case 'TOO_MANY_REQUESTS':
      break
    // @ts-expect-error: a success is no error of the call
    case 'OK':
      break
  }
})

test('a message catalog for a call needs its own error codes, and no success', () => {
  defineMessages<typeof authorize>({
    ...englishMessages,
    ACCOUNT_LOCKED: 'Your account is locked.',
    TFA_OR_TOKEN_INVALID: 'Sign in again.',
  })
  // @ts-expect-error: TFA_OR_TOKEN_INVALID is missing
  defineMessages<typeof authorize>({ ...englishMessages, ACCOUNT_LOCKED: 'Your account is locked.' })
  expectTypeOf(endpoints.webSocketPolling.successes[101].code).toEqualTypeOf<'SWITCHING_PROTOCOLS'>()
})

test('a call imported by name is the same typed operation', () => {
  expectTypeOf(authorize).toEqualTypeOf(endpoints.authorize)
  expectTypeOf(authorize.method).toEqualTypeOf<'POST'>()
  expectTypeOf(authorize.path).toEqualTypeOf<'/g/aaa/authorize'>()
  expectTypeOf(forgotPassword.name).toEqualTypeOf<'forgotPassword'>()
  const made = new ApiError(406, { operation: forgotPassword })
  expectTypeOf(made.code).toEqualTypeOf<'INFORMATION_NOT_VERIFIED'>()
  expectTypeOf(new ApiError(465, { operation: forgotPassword }).code).toEqualTypeOf<'IP_ADDRESS_INVALID'>()
  expectTypeOf(
    new ApiError(501, { operation: endpoints.ssoAssertionConsumerService }).code,
  ).toEqualTypeOf<'SSO_NOT_ACTIVE'>()
  if (isApiError(e, forgotPassword) && e.code === 'IP_ADDRESS_INVALID') expectTypeOf(e.status).toEqualTypeOf<465>()
})

test('findEndpoint gives an endpoint or undefined, usable as an operation', async () => {
  const found = findEndpoint('POST', 'https://login.eagleeyenetworks.com/g/aaa/authorize')
  expectTypeOf(found).toEqualTypeOf<Endpoint | undefined>()
  const error = await ApiError.fromResponse(res, { operation: found })
  expectTypeOf(error.code).toBeString()
  // Which call it is, is known only at run time: any code an operation gives may come, and none is ruled out.
  expectTypeOf<'ACCOUNT_LOCKED'>().toExtend<typeof error.code>()
  expectTypeOf(new ApiError(429, { operation: found }).code).toEqualTypeOf<string>()
  expectTypeOf(new ApiError(465, { operation: found }).known).toEqualTypeOf<boolean>()
  const wide: Endpoint = authorize
  expectTypeOf(new ApiError(429, { operation: wide }).code).toEqualTypeOf<string>()
  expectTypeOf(new ApiError(465, { operation: wide }).code).toEqualTypeOf<string>()
  // The operation findEndpoint gives (maybe undefined) narrows as the operation it may be.
  const caught: unknown = error
  if (isApiError(caught, found)) {
    expectTypeOf(caught.code).toBeString()
    expectTypeOf<'ACCOUNT_LOCKED'>().toExtend<typeof caught.code>()
    expectTypeOf(caught.operation).toEqualTypeOf<string | undefined>()
  }
  // @ts-expect-error: a call the catalog does not have
  void endpoints.noSuchCall
  // @ts-expect-error: the method is a string
  findEndpoint(1, '/g/user')
})
