import { expect, describe as group, it } from 'vitest'
import { ApiError, defineMessages, defineOperation, englishMessages, userMessage } from '../src/index.js'
import { documentedRows } from './fixtures/api-doc.js'

const errorRows = documentedRows.filter((row) => row.status >= 300)

group('the English catalog', () => {
  it('has a message for every error code of the table', () => {
    expect(Object.keys(englishMessages).sort()).toEqual(errorRows.map((row) => row.code).sort())
  })

  it('speaks to end users: no status numbers, no codes, no jargon', () => {
    for (const row of errorRows) {
      const text = userMessage(new ApiError(row.status))
      expect(text).toBe(englishMessages[row.code as keyof typeof englishMessages])
      expect(text, row.code).not.toMatch(/\d{3}|HTTP|[A-Z]{2,}_[A-Z]|GUID|realm|gateway|webhook|status code/i)
      expect(text, row.code).toMatch(/^[A-Z].*\.$/)
    }
    expect(userMessage(new ApiError(402))).toBe('Your account is suspended. Contact your administrator.')
  })
})

group('userMessage', () => {
  it('gives a safe generic message by class for anything the catalog does not cover', () => {
    expect(userMessage(new ApiError(418))).toBe('We could not complete this request. Check it and try again.')
    expect(userMessage(new ApiError(501))).toBe('Something went wrong on our side. Try again later.')
    expect(userMessage(new ApiError(599))).toBe('Something went wrong. Wait a moment, then try again.')
    expect(userMessage(new ApiError(302))).toBe('Something went wrong. Please try again.')
    for (const value of [new Error('secret stack'), null, undefined, 'x', { code: 'ACCOUNT_SUSPENDED' }]) {
      expect(userMessage(value)).toBe('Something went wrong. Please try again.')
    }
  })

  it("never shows the server's text unless the catalog asks for it", () => {
    const error = new ApiError(402, { serverMessage: 'internal detail 42', reason: 'Why' })
    expect(userMessage(error)).not.toContain('internal detail')
    const catalog = defineMessages({ ...englishMessages, ACCOUNT_SUSPENDED: (e) => `Suspended: ${e.serverMessage}` })
    expect(userMessage(error, catalog)).toBe('Suspended: internal detail 42')
  })

  it('calls a function entry with the error, and falls back when it throws or returns no text', () => {
    const catalog = defineMessages({
      ...englishMessages,
      TOO_MANY_REQUESTS: (e) => `Wait ${Math.ceil((e.retryAfterMs ?? 1000) / 1000)} seconds.`,
      NOT_FOUND: () => {
        throw new Error('broken catalog')
      },
      FORBIDDEN: () => '' as string,
      UNKNOWN: (e) => `Unexpected problem (${e.meaning}).`,
    })
    expect(userMessage(new ApiError(429, { retryAfterMs: 2500 }), catalog)).toBe('Wait 3 seconds.')
    expect(userMessage(new ApiError(404), catalog)).toBe('We could not complete this request. Check it and try again.')
    expect(userMessage(new ApiError(403), catalog)).toBe('We could not complete this request. Check it and try again.')
    expect(userMessage(new ApiError(418), catalog)).toBe('Unexpected problem (Unexpected client error (HTTP 418)).')
  })

  it("renders an operation's codes from a catalog made for the operation", () => {
    const authorize = defineOperation('authorize', {
      429: { code: 'ACCOUNT_LOCKED', retryable: false },
      465: { code: 'IP_ADDRESS_INVALID' },
      404: { meaning: 'No such user' },
    })
    const { TOO_MANY_REQUESTS: _replaced, ...rest } = englishMessages
    const catalog = defineMessages(
      { ...rest, ACCOUNT_LOCKED: 'Your account is locked.', IP_ADDRESS_INVALID: 'You cannot sign in from here.' },
      authorize,
    )
    expect(userMessage(new ApiError(429, { operation: authorize }), catalog)).toBe('Your account is locked.')
    expect(userMessage(new ApiError(465, { operation: authorize }), catalog)).toBe('You cannot sign in from here.')
    expect(() => defineMessages(englishMessages as never, authorize)).toThrow(/ACCOUNT_LOCKED/)
  })
})

group('defineMessages', () => {
  it('returns the catalog frozen', () => {
    const catalog = defineMessages({ ...englishMessages })
    expect(Object.isFrozen(catalog)).toBe(true)
    expect(catalog).toEqual(englishMessages)
  })

  it('throws a TypeError for a missing or malformed entry', () => {
    const { NOT_FOUND: _missing, ...rest } = englishMessages
    expect(() => defineMessages(rest as never)).toThrow(/NOT_FOUND/)
    expect(() => defineMessages({ ...englishMessages, FORBIDDEN: 5 } as never)).toThrow(/FORBIDDEN/)
    expect(() => defineMessages(null as never)).toThrow(TypeError)
  })
})
