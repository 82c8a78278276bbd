import { expectTypeOf, test } from 'vitest'
import {
  ApiError,
  type ApiErrorClass,
  type ApiErrorInit,
  type ApiErrorUnion,
  defineOperation,
  type ErrorOf,
} from '../../src/index.js'

declare const res: Response
declare const thrown: unknown

class SdkError extends ApiError {
  readonly sdk = 'een'
  readonly extra?: string
  constructor(status: number, init?: ApiErrorInit & { readonly extra?: string }) {
    super(status, init)
    if (init?.extra !== undefined) this.extra = init.extra
  }
}
class PlainSdkError extends ApiError {}

test('a subclass is no typeof ApiError: its constructor does not narrow to the literal status', () => {
  interface Options {
    readonly ErrorClass: typeof ApiError
  }
  // @ts-expect-error: `new SdkError(402)` is an SdkError, not the ACCOUNT_SUSPENDED member
  const options: Options = { ErrorClass: SdkError }
  void options
})

test('ApiErrorClass takes ApiError and any subclass constructed as (status, init)', () => {
  interface Options {
    readonly ErrorClass?: ApiErrorClass
  }
  const options: Options[] = [{ ErrorClass: ApiError }, { ErrorClass: SdkError }, { ErrorClass: PlainSdkError }, {}]
  void options
  const sdk: ApiErrorClass<SdkError> = SdkError
  void sdk
  // @ts-expect-error: a plain ApiError is no SdkError
  const wrong: ApiErrorClass<SdkError> = ApiError
  void wrong
  class Tagged extends ApiError {
    constructor(
      status: number,
      readonly tag: string,
    ) {
      super(status)
    }
  }
  // @ts-expect-error: the statics construct the class as (status, init): a tag is no init
  const tagged: ApiErrorClass = Tagged
  void tagged
})

test('through ApiErrorClass, the statics give errors that narrow, instanceof narrows to the class', async () => {
  const make = async <E extends ApiError>(ErrorClass: ApiErrorClass<E>) => {
    const error = await ErrorClass.fromResponse(res)
    // Generic: an E to the compiler (expectTypeOf cannot compare a type that waits for E).
    const asE: E = error
    return asE && error
  }
  const error = await make(SdkError)
  expectTypeOf(error).toEqualTypeOf<SdkError & ApiErrorUnion>()
  expectTypeOf(error.extra).toEqualTypeOf<string | undefined>()
  if (error.code === 'ACCOUNT_SUSPENDED') expectTypeOf(error.status).toEqualTypeOf<402>()
  const ErrorClass: ApiErrorClass = SdkError
  expectTypeOf(ErrorClass.from(thrown)).toEqualTypeOf<(ApiError & ApiErrorUnion) | undefined>()
  expectTypeOf(ErrorClass.fromJSON({})).toEqualTypeOf<ApiError & ApiErrorUnion>()
  expectTypeOf(new ErrorClass(402)).toEqualTypeOf<ApiError>()
  const sdk: ApiErrorClass<SdkError> = SdkError
  if (thrown instanceof sdk) expectTypeOf(thrown).toEqualTypeOf<SdkError>()
  expectTypeOf(new sdk(404)).toEqualTypeOf<SdkError>()
})

test('the type of what a static gives is named by ErrorOf, as the README says (ReturnType takes O at its bound)', async () => {
  expectTypeOf<ErrorOf<typeof ApiError>>().toEqualTypeOf<ApiErrorUnion>()
  expectTypeOf<ErrorOf<typeof SdkError>>().toEqualTypeOf<SdkError & ApiErrorUnion>()
  const locked = defineOperation('locked', { 429: { code: 'ACCOUNT_LOCKED' } })
  expectTypeOf(await SdkError.fromResponse(res, { operation: locked })).toEqualTypeOf<
    ErrorOf<typeof SdkError, typeof locked>
  >()
  // ReturnType reads the function for any operation, whose codes are any string: it does not narrow.
  type Returned = Awaited<ReturnType<typeof ApiError.fromResponse>>
  expectTypeOf<Returned['code']>().toEqualTypeOf<string>()
})
