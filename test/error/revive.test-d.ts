// ApiError.fromJSON(json, { operation }): the revived error narrows as the error thrown with that operation did.
import { expectTypeOf, test } from 'vitest'
import { authorize, type Endpoint, findEndpoint } from '../../src/endpoints/index.js'
import { ApiError, type ApiErrorUnion, defineOperation } from '../../src/index.js'

declare const json: unknown
declare const res: Response

const login = defineOperation('login', {
  429: { code: 'ACCOUNT_LOCKED', meaning: 'Account is locked', retryable: false },
  465: { code: 'IP_ADDRESS_INVALID', meaning: 'IP address is not allowed' },
})

test('fromJSON with an operation is typed as fromResponse with it: for ApiError, unbound and a subclass', async () => {
  const revived = ApiError.fromJSON(json, { operation: login })
  expectTypeOf(revived).toEqualTypeOf<ApiErrorUnion<typeof login>>()
  expectTypeOf(revived).toEqualTypeOf(await ApiError.fromResponse(res, { operation: login }))
  expectTypeOf(ApiError.fromJSON(json, { operation: login, maxBodyBytes: 1e6 })).toEqualTypeOf(revived)
  const { fromJSON } = ApiError
  expectTypeOf(fromJSON(json, { operation: authorize })).toEqualTypeOf<ApiErrorUnion<typeof authorize>>()
  class SdkError extends ApiError {}
  const sdk = SdkError.fromJSON(json, { operation: authorize })
  expectTypeOf(sdk).toEqualTypeOf<SdkError & ApiErrorUnion<typeof authorize>>()
  expectTypeOf(sdk).toEqualTypeOf(await SdkError.fromResponse(res, { operation: authorize }))
  // Without one, the table's union, as before.
  expectTypeOf(ApiError.fromJSON(json)).toEqualTypeOf<ApiErrorUnion>()
})

test("narrows by code and by status to the operation's rows", () => {
  const e = ApiError.fromJSON(json, { operation: authorize })
  if (e.code === 'ACCOUNT_LOCKED') {
    expectTypeOf(e.status).toEqualTypeOf<429>()
    expectTypeOf(e.known).toEqualTypeOf<true>()
    expectTypeOf(
      e.meaning,
    ).toEqualTypeOf<"This user's account has been locked due to more than 3 failed attempts to Authorize">()
  }
  if (e.known && e.status === 406) expectTypeOf(e.code).toEqualTypeOf<'TFA_OR_TOKEN_INVALID'>()
  if (e.known && e.status === 402) expectTypeOf(e.code).toEqualTypeOf<'ACCOUNT_SUSPENDED'>()
  const other = ApiError.fromJSON(json, { operation: login })
  if (other.code === 'IP_ADDRESS_INVALID') expectTypeOf(other.status).toEqualTypeOf<465>()
  // @ts-expect-error: for this call 429 is ACCOUNT_LOCKED, not TOO_MANY_REQUESTS
  if (e.code === 'TOO_MANY_REQUESTS') void e
  // @ts-expect-error: IP_ADDRESS_INVALID is login's code, not authorize's
  if (e.code === 'IP_ADDRESS_INVALID') void e
  // @ts-expect-error: without the operation, its codes are not in the type (the table's union)
  if (ApiError.fromJSON(json).code === 'ACCOUNT_LOCKED') void e
})

test("a switch over the operation's codes plus the table's it keeps and UNKNOWN is exhaustive", () => {
  const handle = (error: ReturnType<typeof revive>): string => {
    switch (error.code) {
      case 'ACCOUNT_LOCKED':
      case 'IP_ADDRESS_INVALID':
      case 'MOVED':
      case 'BAD_REQUEST':
      case 'UNAUTHORIZED':
      case 'ACCOUNT_SUSPENDED':
      case 'FORBIDDEN':
      case 'NOT_FOUND':
      case 'METHOD_NOT_ALLOWED':
      case 'REALM_NOT_ROOT':
      case 'EMAIL_ALREADY_REGISTERED':
      case 'CAMERA_ATTACH_FAILED':
      case 'USER_DISABLED':
      case 'DEVICE_UNSUPPORTED':
      case 'RESOURCE_LOCKED':
      case 'ACCOUNT_INACTIVE':
      case 'ACCOUNT_PENDING':
      case 'USER_PENDING':
      case 'DEVICE_UNREACHABLE':
      case 'INTERNAL_ERROR':
      case 'BAD_GATEWAY':
      case 'TAG_MAPS_ERROR':
      case 'GATEWAY_TIMEOUT':
        return error.meaning
      case 'UNKNOWN':
        return 'unknown'
      default:
        return error satisfies never
    }
  }
  const revive = (text: string) => ApiError.fromJSON(text, { operation: login })
  expectTypeOf(handle).returns.toEqualTypeOf<string>()
  const incomplete = (error: ReturnType<typeof revive>): string => {
    switch (error.code) {
      case 'UNKNOWN':
        return 'unknown'
      default:
        // @ts-expect-error: the operation's codes are not handled, so the default is reachable
        return error satisfies never
    }
  }
  void incomplete
})

test('the option takes an operation (or undefined, as findEndpoint gives it), nothing else', () => {
  // @ts-expect-error: an operation's name is no operation
  ApiError.fromJSON(json, { operation: 'login' })
  // @ts-expect-error: nor are its rows
  ApiError.fromJSON(json, { operation: login.rows })
  // @ts-expect-error: fromJSON takes the operation and a byte cap, not the options of fromResponse
  ApiError.fromJSON(json, { operation: login, timeoutMs: 1 })
  // Which call findEndpoint found is known at run time only: any code may come, none is ruled out.
  const found = ApiError.fromJSON(json, { operation: findEndpoint('POST', '/g/aaa/authorize') })
  expectTypeOf(found).toExtend<ApiErrorUnion<Endpoint | undefined>>()
  expectTypeOf(found.code).toBeString()
})
