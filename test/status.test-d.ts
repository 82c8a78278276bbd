import { expectTypeOf, test } from 'vitest'
import {
  type ClientErrorStatus,
  describe,
  isClientError,
  isInformational,
  isKnownStatus,
  isRedirect,
  isRetryable,
  isServerError,
  isSuccess,
  type KnownStatus,
  type MeaningOf,
} from '../src/index.js'

type Known4xx = 400 | 401 | 402 | 403 | 404 | 405 | 406 | 409 | 410 | 412 | 415 | 423 | 429 | 460 | 461 | 462 | 463
type Known5xx = 500 | 502 | 503 | 504
type Known2xx = 200 | 201 | 202 | 204

declare const known: KnownStatus
declare const n: number
declare const u: unknown

test('describe has the literal meaning for a literal status and string otherwise', () => {
  expectTypeOf(describe(402)).toEqualTypeOf<'Account is suspended'>()
  expectTypeOf(describe(418)).toEqualTypeOf<string>()
  expectTypeOf(describe(n)).toEqualTypeOf<string>()
  // An `any` (untyped JSON, a client's error) is a number the compiler does not know: string, not any.
  expectTypeOf(describe(JSON.parse('404').status)).toEqualTypeOf<string>()
  // A union of statuses gives the union of their meanings.
  expectTypeOf(describe(known)).toEqualTypeOf<MeaningOf<KnownStatus>>()
  expectTypeOf(describe(402 as 402 | 404)).toEqualTypeOf<
    'Account is suspended' | 'Element not found (section specific)'
  >()
  // @ts-expect-error: describe takes a number
  describe('404')
  // @ts-expect-error: the meaning of 402 is not that of 404
  const wrong: 'Element not found (section specific)' = describe(402)
  void wrong
})

test('isClientError narrows a union to its 4xx members, and the rest to the false branch', () => {
  if (isClientError(known)) {
    expectTypeOf(known).toEqualTypeOf<Known4xx>()
  } else {
    expectTypeOf(known).toEqualTypeOf<Exclude<KnownStatus, Known4xx>>()
    // @ts-expect-error: no 4xx member is left in the false branch
    const four: Known4xx = known
    void four
  }
})

test('isServerError and isSuccess narrow a union to their members', () => {
  if (isServerError(known)) expectTypeOf(known).toEqualTypeOf<Known5xx>()
  else expectTypeOf(known).toEqualTypeOf<Exclude<KnownStatus, Known5xx>>()
  if (isSuccess(known)) expectTypeOf(known).toEqualTypeOf<Known2xx>()
  else expectTypeOf(known).toEqualTypeOf<Exclude<KnownStatus, Known2xx>>()
  if (isRedirect(known)) expectTypeOf(known).toEqualTypeOf<301>()
  if (isInformational(known)) expectTypeOf(known).toEqualTypeOf<never>()
})

test('on a plain number neither branch is never, and the false branch stays number', () => {
  if (isClientError(n)) {
    expectTypeOf(n).toEqualTypeOf<ClientErrorStatus>()
    expectTypeOf(n).not.toBeNever()
  } else {
    expectTypeOf(n).toEqualTypeOf<number>()
  }
  for (const guard of [isInformational, isSuccess, isRedirect, isServerError, isKnownStatus]) {
    if (!guard(n)) expectTypeOf(n).toEqualTypeOf<number>()
  }
  if (!isKnownStatus(n)) {
    // @ts-expect-error: a number that is not known is not a KnownStatus
    const k: KnownStatus = n
    void k
  }
})

test('guards accept unknown input and narrow it', () => {
  if (isKnownStatus(u)) expectTypeOf(u).toEqualTypeOf<KnownStatus>()
  if (isClientError(u)) expectTypeOf(u).toEqualTypeOf<ClientErrorStatus>()
  expectTypeOf(isRetryable).parameter(0).toEqualTypeOf<unknown>()
  expectTypeOf(isRetryable(u)).toEqualTypeOf<boolean>()
})

test('ClientErrorStatus is exactly the integers 400–499', () => {
  expectTypeOf<400>().toExtend<ClientErrorStatus>()
  expectTypeOf<499>().toExtend<ClientErrorStatus>()
  expectTypeOf<418>().toExtend<ClientErrorStatus>()
  expectTypeOf<399>().not.toExtend<ClientErrorStatus>()
  expectTypeOf<500>().not.toExtend<ClientErrorStatus>()
  // @ts-expect-error: 500 is not a client error
  const s: ClientErrorStatus = 500
  void s
})
