import { expectTypeOf, test } from 'vitest'
import {
  ApiError,
  type ApiErrorInit,
  type ApiErrorUnion,
  type ClientErrorStatus,
  defineOperation,
  type ErrorCode,
  isApiError,
  type KnownErrorStatus,
  type UnknownApiError,
} from '../../src/index.js'

declare const e: unknown
declare const n: number
declare const res: Response

test('isApiError narrows to a union: switch (e.code) narrows status and meaning to literals', () => {
  if (!isApiError(e)) return
  switch (e.code) {
    case 'ACCOUNT_SUSPENDED':
      expectTypeOf(e.status).toEqualTypeOf<402>()
      expectTypeOf(e.meaning).toEqualTypeOf<'Account is suspended'>()
      expectTypeOf(e.known).toEqualTypeOf<true>()
      break
    case 'TAG_MAPS_ERROR':
      expectTypeOf(e.status).toEqualTypeOf<503>()
      break
    case 'UNKNOWN':
      expectTypeOf(e.status).toEqualTypeOf<number>()
      expectTypeOf(e.known).toEqualTypeOf<false>()
      expectTypeOf(e.meaning).toEqualTypeOf<string>()
      break
  }
})

test('a switch over every code plus UNKNOWN is exhaustive', () => {
  const handle = (error: ApiErrorUnion): string => {
    switch (error.code) {
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
      case 'TOO_MANY_REQUESTS':
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
  expectTypeOf(handle).returns.toEqualTypeOf<string>()
  const incomplete = (error: ApiErrorUnion): string => {
    switch (error.code) {
      case 'UNKNOWN':
        return 'unknown'
      default:
        // @ts-expect-error: the codes of the table are not handled, so the default is reachable
        return error satisfies never
    }
  }
  void incomplete
})

test('code is ErrorCode or UNKNOWN', () => {
  if (isApiError(e)) expectTypeOf(e.code).toEqualTypeOf<ErrorCode | 'UNKNOWN'>()
})

test('if (e.known) narrows status to the error statuses of the table, and switch (e.status) narrows code', () => {
  if (!isApiError(e)) return
  if (e.known) {
    expectTypeOf(e.status).toEqualTypeOf<KnownErrorStatus>()
    switch (e.status) {
      case 463:
        expectTypeOf(e.code).toEqualTypeOf<'DEVICE_UNREACHABLE'>()
        break
      case 429:
        expectTypeOf(e.code).toEqualTypeOf<'TOO_MANY_REQUESTS'>()
        break
    }
  } else {
    expectTypeOf(e.code).toEqualTypeOf<'UNKNOWN'>()
  }
  // @ts-expect-error: without `known`, an unknown error may have any status, so status is number
  const s: KnownErrorStatus = e.status
  void s
})

test('instanceof ApiError narrows exactly as isApiError does', () => {
  if (e instanceof ApiError) {
    expectTypeOf(e).toEqualTypeOf<ApiErrorUnion>()
    if (e.code === 'USER_PENDING') expectTypeOf(e.status).toEqualTypeOf<462>()
  }
})

test('new ApiError(402) is the ACCOUNT_SUSPENDED member; new ApiError(n) is the union', () => {
  const e402 = new ApiError(402)
  expectTypeOf(e402.code).toEqualTypeOf<'ACCOUNT_SUSPENDED'>()
  expectTypeOf(e402.status).toEqualTypeOf<402>()
  expectTypeOf(new ApiError(n)).toEqualTypeOf<ApiErrorUnion>()
  expectTypeOf(new ApiError(418)).toEqualTypeOf<UnknownApiError<418>>()
  // A status generic in a helper of one's own, constrained to error statuses, needs no cast.
  const make = <S extends KnownErrorStatus>(status: S) => new ApiError(status)
  expectTypeOf(make(402).code).toEqualTypeOf<'ACCOUNT_SUSPENDED'>()
  const anyClientError = <S extends ClientErrorStatus>(status: S) => new ApiError(status)
  expectTypeOf(anyClientError(418)).toEqualTypeOf<UnknownApiError<418>>()
  // @ts-expect-error: 200 is no error status, in a helper too
  new ApiError(200 as 200 | 404)
  // @ts-expect-error: 402 is not 404
  const wrong: 'NOT_FOUND' = e402.code
  void wrong
})

test('subclasses: extends type-checks, instanceof narrows to the subclass, statics return it', async () => {
  class SdkError extends ApiError {
    readonly sdk = 'een'
  }
  const x: unknown = new SdkError(404)
  if (x instanceof SdkError) expectTypeOf(x).toEqualTypeOf<SdkError>()
  const fromRes = await SdkError.fromResponse(res)
  expectTypeOf(fromRes).toEqualTypeOf<SdkError & ApiErrorUnion>()
  if (fromRes.code === 'NOT_FOUND') expectTypeOf(fromRes.status).toEqualTypeOf<404>()
  expectTypeOf(SdkError.from(e)).toEqualTypeOf<(SdkError & ApiErrorUnion) | undefined>()
  expectTypeOf(SdkError.fromJSON({})).toEqualTypeOf<SdkError & ApiErrorUnion>()
  const revived = SdkError.fromJSON({})
  if (revived.code === 'NOT_FOUND') expectTypeOf(revived.status).toEqualTypeOf<404>()
  expectTypeOf(await ApiError.fromResponse(res)).toEqualTypeOf<ApiErrorUnion>()
  expectTypeOf(ApiError.from(e)).toEqualTypeOf<ApiErrorUnion | undefined>()
  expectTypeOf(ApiError.fromJSON({})).toEqualTypeOf<ApiErrorUnion>()
  expectTypeOf(ApiError.fromJSON({}, { maxBodyBytes: 1e6 })).toEqualTypeOf<ApiErrorUnion>()
  // @ts-expect-error fromJSON takes a byte cap, not the options of fromResponse
  ApiError.fromJSON({}, { timeoutMs: 1 })
  expectTypeOf(new ApiError(402)).toExtend<ApiError>()
  // The statics call the class as `new C(status, init)`: a constructor that takes other arguments is refused.
  class Tagged extends ApiError {
    constructor(
      status: number,
      readonly tag: string,
    ) {
      super(status)
    }
  }
  // @ts-expect-error: Tagged's second argument is not an init
  Tagged.from(e)
  // @ts-expect-error: nor here
  void Tagged.fromResponse(res)
  // @ts-expect-error: nor here
  Tagged.fromJSON({})
  class Initialised extends ApiError {
    constructor(status: number, init?: ApiErrorInit) {
      super(status, init)
    }
  }
  expectTypeOf(Initialised.from(e)).toEqualTypeOf<(Initialised & ApiErrorUnion) | undefined>()
})

test('a subclass instance is an ApiError: assignable, and accepted where an ApiError is', () => {
  class SdkError extends ApiError {
    readonly sdk = 'een'
  }
  const asBase: ApiError = new SdkError(402)
  const takesBase = (error: ApiError): number => error.status
  expectTypeOf(takesBase(new SdkError(n))).toEqualTypeOf<number>()
  expectTypeOf(asBase.code).toEqualTypeOf<string>()
  const fromRes: Promise<ApiError> = SdkError.fromResponse(res)
  void fromRes
  const narrowed: ApiError = new ApiError(402)
  void narrowed
  // @ts-expect-error: the class type does not narrow; the union does
  const wide: ApiErrorUnion = new SdkError(402)
  void wide
})

test('literal statuses outside 300–599 are compile errors; any number is accepted', () => {
  // @ts-expect-error: 200 is no error status
  void new ApiError(200)
  // @ts-expect-error: 101 is no error status
  void new ApiError(101)
  // @ts-expect-error: 600 is no HTTP status
  void new ApiError(600)
  // @ts-expect-error: 4.5 is no integer
  void new ApiError(4.5)
  // @ts-expect-error: a string is no status
  void new ApiError('404')
  expectTypeOf(new ApiError(n)).toEqualTypeOf<ApiErrorUnion>()
  expectTypeOf(new ApiError(301).code).toEqualTypeOf<'MOVED'>()
  expectTypeOf(new ApiError(599).code).toEqualTypeOf<'UNKNOWN'>()
  const op = defineOperation('sso', { 101: { code: 'SWITCHING' } })
  expectTypeOf(new ApiError(101, { operation: op }).code).toEqualTypeOf<'SWITCHING'>()
})

test('fields are read-only and typed', () => {
  const error = new ApiError(429)
  expectTypeOf(error.retryAfterMs).toEqualTypeOf<number | undefined>()
  expectTypeOf(error.requestId).toEqualTypeOf<string | undefined>()
  expectTypeOf(error.body).toEqualTypeOf<unknown>()
  expectTypeOf(error.retryable).toEqualTypeOf<boolean>()
  // @ts-expect-error: read-only
  error.status = 500
})

const authorize = defineOperation('authorize', {
  429: { code: 'ACCOUNT_LOCKED', meaning: 'Account is locked', retryable: false },
  465: { code: 'IP_ADDRESS_INVALID', meaning: 'IP address is not allowed' },
  404: { meaning: 'No such user' },
})

test('an operation applies its rows to the union', async () => {
  const error = await ApiError.fromResponse(res, { operation: authorize })
  switch (error.code) {
    case 'ACCOUNT_LOCKED':
      expectTypeOf(error.status).toEqualTypeOf<429>()
      expectTypeOf(error.meaning).toEqualTypeOf<'Account is locked'>()
      break
    case 'IP_ADDRESS_INVALID':
      expectTypeOf(error.status).toEqualTypeOf<465>()
      expectTypeOf(error.known).toEqualTypeOf<true>()
      break
    case 'NOT_FOUND':
      expectTypeOf(error.meaning).toEqualTypeOf<'No such user'>()
      break
    case 'ACCOUNT_SUSPENDED':
      expectTypeOf(error.meaning).toEqualTypeOf<'Account is suspended'>()
      break
    // @ts-expect-error: the operation replaced TOO_MANY_REQUESTS with ACCOUNT_LOCKED
    case 'TOO_MANY_REQUESTS':
      break
  }
  const made = new ApiError(465, { operation: authorize })
  expectTypeOf(made.code).toEqualTypeOf<'IP_ADDRESS_INVALID'>()
  if (isApiError(e, authorize) && e.code === 'ACCOUNT_LOCKED') expectTypeOf(e.status).toEqualTypeOf<429>()
})

test("where isApiError(e, operation) is false, e keeps every member it had: the table's among them", () => {
  const handle = (thrown: unknown): string => {
    if (!isApiError(thrown)) return 'not ours'
    if (isApiError(thrown, authorize)) {
      expectTypeOf(thrown.operation).toEqualTypeOf<'authorize'>()
      return 'login'
    }
    // An error of the table (402 here) or of another operation: every member is still there.
    expectTypeOf(thrown).toEqualTypeOf<ApiErrorUnion>()
    if (thrown.code === 'ACCOUNT_SUSPENDED') expectTypeOf(thrown.status).toEqualTypeOf<402>()
    return thrown.code
  }
  expectTypeOf(handle).returns.toEqualTypeOf<string>()
})

test('from(value, { operation }) may return value itself, made without the operation: typed with the table too', () => {
  const given = ApiError.from(e, { operation: authorize })
  if (given?.code === 'TOO_MANY_REQUESTS') expectTypeOf(given.status).toEqualTypeOf<429>()
  if (given?.code === 'ACCOUNT_LOCKED') expectTypeOf(given.status).toEqualTypeOf<429>()
})

test('defineOperation rejects invalid rows at compile time', () => {
  // @ts-expect-error: a status outside the table needs a code
  defineOperation('a', { 465: { meaning: 'x' } })
  // @ts-expect-error: NOT_FOUND is the table's code of 404
  defineOperation('b', { 465: { code: 'NOT_FOUND' } })
  // @ts-expect-error: TOO_MANY_REQUESTS is the code of 429, not 404
  defineOperation('c', { 404: { code: 'TOO_MANY_REQUESTS' } })
  // @ts-expect-error: 700 is not an HTTP status
  defineOperation('d', { 700: { code: 'X' } })
  // @ts-expect-error: UNKNOWN is reserved
  defineOperation('e', { 465: { code: 'UNKNOWN' } })
  // @ts-expect-error: a status outside the table needs a code, and undefined is none (it throws)
  defineOperation('g', { 465: { code: undefined } })
  defineOperation('f', { 404: { code: 'NOT_FOUND', meaning: 'fine' } })
})

test('the statics work unbound, as the README says: they then make ApiErrors', async () => {
  const { from, fromResponse, fromJSON } = ApiError
  expectTypeOf(from(e)).toEqualTypeOf<ApiErrorUnion | undefined>()
  expectTypeOf(await fromResponse(res)).toEqualTypeOf<ApiErrorUnion>()
  expectTypeOf(fromJSON({})).toEqualTypeOf<ApiErrorUnion>()
  // A subclass's statics, unbound, make plain ApiErrors too (they have no class to read).
  class SdkError extends ApiError {}
  const sdkFrom = SdkError.from
  expectTypeOf(sdkFrom(e)).toEqualTypeOf<ApiErrorUnion | undefined>()
  // As a callback the class is not inferred: the error still narrows like the union.
  const caught = await Promise.reject(new Error('x')).catch(ApiError.from)
  expectTypeOf(caught).toExtend<ApiErrorUnion | undefined>()
  if (caught?.code === 'NOT_FOUND') expectTypeOf(caught.status).toEqualTypeOf<404>()
})
