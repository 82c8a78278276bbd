// What an application does with an error it caught, type-checked by every TypeScript version of
// the matrix in every module setup (test/matrix/consumers.test.ts copies this file into each
// ts-* fixture as src/main.ts). The annotations fail to compile unless narrowing works.
import {
  ApiError,
  defineMessages,
  defineOperation,
  describe,
  isApiError,
  isRetryable,
  STATUS_CODES,
  userMessage,
} from 'een-api-errors'
import { findEndpoint } from 'een-api-errors/endpoints'
import { messagesFor, nl } from 'een-api-errors/messages'

/** Every code of the table plus UNKNOWN: the compiler proves the switch exhaustive. */
export function explain(e: unknown): string {
  if (!isApiError(e)) return 'not an API error'
  switch (e.code) {
    case 'ACCOUNT_SUSPENDED': {
      // Narrowed to the table's literal status and meaning.
      const status: 402 = e.status
      const meaning: 'Account is suspended' = e.meaning
      return `${status} ${meaning}`
    }
    case 'TOO_MANY_REQUESTS': {
      const status: 429 = e.status
      return `${status} retryable=${e.retryable}`
    }
    case 'MOVED':
    case 'BAD_REQUEST':
    case 'UNAUTHORIZED':
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
    case 'GATEWAY_TIMEOUT': {
      const known: true = e.known
      return `${e.status} ${e.code} known=${known}`
    }
    case 'UNKNOWN': {
      const known: false = e.known
      return `${e.status} UNKNOWN known=${known}`
    }
    default:
      e satisfies never
      return 'unreachable'
  }
}

/** `known` narrows the status to the table's, and a switch on the status narrows the code. */
export function codeOf(e: unknown): string {
  if (!isApiError(e) || !e.known) return 'none'
  switch (e.status) {
    case 463: {
      const code: 'DEVICE_UNREACHABLE' = e.code
      return code
    }
    default:
      return e.code
  }
}

/** Exported, with the values below, so that every compiler writes declarations that name the package's types. */
export const suspended = new ApiError(402)
const code: 'ACCOUNT_SUSPENDED' = suspended.code
const meaning: 'Account is suspended' = describe(402)
export const revived = ApiError.fromJSON(JSON.parse(JSON.stringify(new ApiError(429))))

/** A built-in language spread into a catalog for an operation: it compiles only with the operation's own code. */
export const authorize = defineOperation('authorize', { 429: { code: 'ACCOUNT_LOCKED', retryable: false } } as const)
export const lookedUp = findEndpoint('POST', 'https://login.eagleeyenetworks.com/g/aaa/authorize')
export const dutch = defineMessages<typeof authorize>({ ...nl, ACCOUNT_LOCKED: 'Je account is vergrendeld.' })

console.log(
  JSON.stringify([
    explain(suspended),
    explain(revived),
    explain(new ApiError(418)),
    explain(new Error('boom')),
    codeOf(new ApiError(463)),
    code,
    meaning,
    isRetryable(503),
    STATUS_CODES[463].meaning,
    userMessage(new ApiError(429, { operation: authorize }), dutch),
    userMessage(new ApiError(402), messagesFor(['fr-CA', 'en'])),
  ]),
)
