import { expectTypeOf, test } from 'vitest'
import { ApiError, type ErrorStatus, type UnknownApiError } from '../../src/index.js'

test('a helper generic in the status constrains it with ErrorStatus, which the package exports', () => {
  const fail = <S extends ErrorStatus>(status: S) => new ApiError(status)
  expectTypeOf(fail(402).code).toEqualTypeOf<'ACCOUNT_SUSPENDED'>()
  expectTypeOf(fail(418)).toEqualTypeOf<UnknownApiError<418>>()
  // @ts-expect-error: 200 is no error status
  fail(200)
  // With `number` as the bound, S may be 200: the call is refused, and the message names ErrorStatus.
  // @ts-expect-error: S may be any number
  const wide = <S extends number>(status: S) => new ApiError(status)
  void wide
  // A plain number is checked at run time (a RangeError), and gives the whole union.
  const any = (status: number) => new ApiError(status)
  expectTypeOf(any(402).status).toEqualTypeOf<number>()
})
