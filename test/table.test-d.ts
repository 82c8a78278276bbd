import { expectTypeOf, test } from 'vitest'
import {
  type CodeOf,
  type ErrorCode,
  type KnownStatus,
  type MeaningOf,
  STATUS_CODES,
  Status,
  type StatusName,
  type StatusOf,
} from '../src/index.js'

type DocumentedStatus =
  | 200
  | 201
  | 202
  | 204
  | 301
  | 400
  | 401
  | 402
  | 403
  | 404
  | 405
  | 406
  | 409
  | 410
  | 412
  | 415
  | 423
  | 429
  | 460
  | 461
  | 462
  | 463
  | 500
  | 502
  | 503
  | 504

test('KnownStatus is the union of the 26 documented statuses', () => {
  expectTypeOf<KnownStatus>().toEqualTypeOf<DocumentedStatus>()
})

test('ErrorCode holds the error codes and not the success codes', () => {
  expectTypeOf<'ACCOUNT_SUSPENDED'>().toExtend<ErrorCode>()
  expectTypeOf<'MOVED'>().toExtend<ErrorCode>()
  expectTypeOf<'OK'>().not.toExtend<ErrorCode>()
  expectTypeOf<'LOGGED_OUT'>().not.toExtend<ErrorCode>()
  expectTypeOf<'OK'>().toExtend<StatusName>()
  // @ts-expect-error: 'TEAPOT' is not a code of the API
  const code: ErrorCode = 'TEAPOT'
  void code
})

test('rows carry literal codes and meanings', () => {
  expectTypeOf(STATUS_CODES[402].code).toEqualTypeOf<'ACCOUNT_SUSPENDED'>()
  expectTypeOf(STATUS_CODES[402].meaning).toEqualTypeOf<'Account is suspended'>()
  expectTypeOf(
    STATUS_CODES[429].meaning,
  ).toEqualTypeOf<'Too many requests.  Client has exceeded the maximum requests per second, please slow down.'>()
  expectTypeOf<MeaningOf<463>>().toEqualTypeOf<'Unable to communicate with the camera or bridge, contact support'>()
  expectTypeOf<CodeOf<503>>().toEqualTypeOf<'TAG_MAPS_ERROR'>()
  expectTypeOf<StatusOf<'GATEWAY_TIMEOUT'>>().toEqualTypeOf<504>()
  // @ts-expect-error: 418 is not a row of the table
  void STATUS_CODES[418]
})

test('the table and the constants are read-only', () => {
  // @ts-expect-error: rows are read-only
  STATUS_CODES[402].meaning = 'changed'
  // @ts-expect-error: constants are read-only
  Status.OK = 201
})

test('Status maps names to literal numbers', () => {
  expectTypeOf(Status.DEVICE_UNREACHABLE).toEqualTypeOf<463>()
  expectTypeOf(Status.OK).toEqualTypeOf<200>()
  // @ts-expect-error: no such name
  void Status.TEAPOT
})
