// userMessage: the catalog's entry for the error's code, an operation's own codes included, and a
// safe generic message for everything else; it never throws and never shows the server's text
// unless the catalog asks for it.
import { expect, describe as group, it } from 'vitest'
import { ApiError, defineMessages, defineOperation, englishMessages, userMessage } from '../../src/index.js'
import { de, ja, nl } from '../../src/messages/all.js'

const CLIENT_ERROR = 'We could not complete this request. Check it and try again.'
const SOMETHING_WENT_WRONG = 'Something went wrong. Please try again.'

group('the default catalog', () => {
  it('is the English one', () => {
    expect(userMessage(new ApiError(402))).toBe('Your account is suspended. Contact your administrator.')
    expect(userMessage(new ApiError(463))).toBe(
      'We cannot reach the camera or bridge right now. Check that it is online, or contact support.',
    )
  })

  it('gives a safe generic message by class for a status the table does not hold', () => {
    expect(userMessage(new ApiError(418))).toBe(CLIENT_ERROR)
    expect(userMessage(new ApiError(501))).toBe('Something went wrong on our side. Try again later.')
    expect(userMessage(new ApiError(599))).toBe('Something went wrong. Wait a moment, then try again.')
    expect(userMessage(new ApiError(302))).toBe(SOMETHING_WENT_WRONG)
  })
})

group('userMessage', () => {
  it('gives the generic message for anything that is not an ApiError, in the catalog’s language', () => {
    for (const value of [new Error('secret stack'), null, undefined, 'x', 5, { code: 'ACCOUNT_SUSPENDED' }]) {
      expect(userMessage(value)).toBe(SOMETHING_WENT_WRONG)
      expect(userMessage(value, nl)).toBe('Er ging iets mis. Probeer het opnieuw.')
      expect(userMessage(value, ja)).toBe('問題が発生しました。もう一度お試しください。')
    }
  })

  it('falls back by class in English for a catalog without built-in messages by class, or one it cannot read', () => {
    const { UNKNOWN: _builtIn, ...withoutUnknown } = nl
    expect(userMessage(new ApiError(418), withoutUnknown)).toBe(CLIENT_ERROR)
    expect(userMessage(null, { ...nl, UNKNOWN: () => 'Mine.' })).toBe(SOMETHING_WENT_WRONG)
    // Only the catalog's own entry counts, as for every code.
    expect(userMessage(null, Object.create(nl))).toBe(SOMETHING_WENT_WRONG)
    const unreadable = new Proxy(nl, {
      getOwnPropertyDescriptor() {
        throw new Error('no')
      },
    })
    expect(userMessage(new ApiError(402), unreadable)).toBe(CLIENT_ERROR)
    expect(userMessage(new ApiError(402), null as never)).toBe(CLIENT_ERROR)
  })

  it('gives the catalog’s UNKNOWN text, when it is a string, for everything the catalog does not cover', () => {
    const catalog = defineMessages({
      ...nl,
      NOT_FOUND: () => {
        throw new Error('broken catalog')
      },
      UNKNOWN: 'Er ging iets mis.',
    })
    for (const value of [new Error('x'), null, new ApiError(418), new ApiError(404)]) {
      expect(userMessage(value, catalog)).toBe('Er ging iets mis.')
    }
    expect(userMessage(new ApiError(402), catalog)).toBe(nl.ACCOUNT_SUSPENDED)
    // An empty text is no text: the messages by class stand in.
    expect(userMessage(null, { ...nl, UNKNOWN: '' })).toBe(SOMETHING_WENT_WRONG)
  })

  it("never shows the server's text unless the catalog asks for it", () => {
    const error = new ApiError(402, { serverMessage: 'internal detail 42', reason: 'Why' })
    for (const catalog of [englishMessages, nl]) expect(userMessage(error, catalog)).not.toContain('internal detail')
    const catalog = defineMessages({ ...englishMessages, ACCOUNT_SUSPENDED: (e) => `Suspended: ${e.serverMessage}` })
    expect(userMessage(error, catalog)).toBe('Suspended: internal detail 42')
  })

  it('calls a function entry with the error, and falls back by class when it throws or gives no text', () => {
    const catalog = defineMessages({
      ...englishMessages,
      TOO_MANY_REQUESTS: (e) => `Wait ${Math.ceil((e.retryAfterMs ?? 1000) / 1000)} seconds.`,
      NOT_FOUND: () => {
        throw new Error('broken catalog')
      },
      FORBIDDEN: () => '' as string,
      BAD_GATEWAY: () => 5 as unknown as string,
      UNKNOWN: (e) => `Unexpected problem (${e.meaning}).`,
    })
    expect(userMessage(new ApiError(429, { retryAfterMs: 2500 }), catalog)).toBe('Wait 3 seconds.')
    expect(userMessage(new ApiError(404), catalog)).toBe(CLIENT_ERROR)
    expect(userMessage(new ApiError(403), catalog)).toBe(CLIENT_ERROR)
    expect(userMessage(new ApiError(502), catalog)).toBe('Something went wrong. Wait a moment, then try again.')
    expect(userMessage(new ApiError(418), catalog)).toBe('Unexpected problem (Unexpected client error (HTTP 418)).')
  })

  it('never throws for messages by class that throw (made by forging their mark): the English ones stand in', () => {
    const forged = Object.assign(
      () => {
        throw new Error('forged')
      },
      { [Symbol.for('een-api-errors.byClass')]: true },
    )
    const catalog = { ...englishMessages, UNKNOWN: forged }
    expect(userMessage(42, catalog)).toBe(SOMETHING_WENT_WRONG)
    expect(userMessage(new ApiError(418), catalog)).toBe(SOMETHING_WENT_WRONG)
  })

  it('reads only entries the catalog has of its own, by a string code', () => {
    // A code named like an Object.prototype member is not in the catalog.
    const op = defineOperation('op', { 465: { code: 'toString' } })
    expect(userMessage(new ApiError(465, { operation: op }))).toBe(CLIENT_ERROR)
    const odd = new ApiError(402)
    ;(odd as { code: unknown }).code = 5
    expect(userMessage(odd, { 5: 'five' } as never)).toBe(CLIENT_ERROR)
  })
})

group("an operation's own codes", () => {
  const authorize = defineOperation('authorize', {
    429: { code: 'ACCOUNT_LOCKED', meaning: 'The account is locked', retryable: false },
    465: { code: 'IP_ADDRESS_INVALID', meaning: 'IP Address Invalid' },
    404: { meaning: 'No such user' },
  } as const)

  it('take the entries of a catalog made for the operation, in any language', () => {
    const english = defineMessages<typeof authorize>({
      ...englishMessages,
      ACCOUNT_LOCKED: 'Your account is locked. Reset your password to unlock it.',
      IP_ADDRESS_INVALID: 'You cannot sign in from this network.',
    })
    const dutch = defineMessages<typeof authorize>({
      ...nl,
      ACCOUNT_LOCKED: 'Je account is vergrendeld. Stel je wachtwoord opnieuw in om het te ontgrendelen.',
      IP_ADDRESS_INVALID: 'Je kunt niet inloggen vanaf dit netwerk.',
    })
    const locked = new ApiError(429, { operation: authorize })
    expect(userMessage(locked, english)).toBe('Your account is locked. Reset your password to unlock it.')
    expect(userMessage(locked, dutch)).toBe(
      'Je account is vergrendeld. Stel je wachtwoord opnieuw in om het te ontgrendelen.',
    )
    expect(userMessage(new ApiError(465, { operation: authorize }), dutch)).toBe(
      'Je kunt niet inloggen vanaf dit netwerk.',
    )
    // A status the operation only gives its own words keeps the table's code, and its message.
    expect(userMessage(new ApiError(404, { operation: authorize }), dutch)).toBe(nl.NOT_FOUND)
    expect(userMessage(new ApiError(402, { operation: authorize }), dutch)).toBe(nl.ACCOUNT_SUSPENDED)
  })

  it('get the generic message by class, in the catalog’s language, from a catalog that does not name them', () => {
    const locked = new ApiError(429, { operation: authorize })
    expect(userMessage(locked, englishMessages)).toBe(CLIENT_ERROR)
    expect(userMessage(locked, nl)).toBe('We konden dit verzoek niet uitvoeren. Controleer het en probeer het opnieuw.')
    // Also from a catalog spread from a built-in one, and for an entry that throws.
    const broken = defineMessages({
      ...de,
      NOT_FOUND: () => {
        throw new Error('broken catalog')
      },
    })
    expect(userMessage(new ApiError(404), broken)).toBe(
      'Diese Anfrage konnte nicht ausgeführt werden. Prüfen Sie sie und versuchen Sie es erneut.',
    )
    expect(userMessage(new ApiError(504), broken)).toBe(de.GATEWAY_TIMEOUT)
  })
})
