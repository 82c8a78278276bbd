// The six built-in catalogs: complete, translated, short, finished sentences, the usual form of
// address in each language, and wait messages that name the seconds as the language writes them.
import { expect, describe as group, it } from 'vitest'
import { ApiError, englishMessages, type LanguageCatalog, STATUS_CODES, userMessage } from '../../src/index.js'
import { de, en, es, fr, ja, nl } from '../../src/messages/all.js'

const CATALOGS: Record<string, LanguageCatalog> = { en, nl, de, fr, es, ja }
const TRANSLATIONS = Object.entries(CATALOGS).filter(([language]) => language !== 'en')

/** Every error status of the table. */
const ERROR_STATUSES = Object.values(STATUS_CODES)
  .filter((row) => row.status >= 300)
  .map((row) => row.status)

/** One error of each kind a catalog renders differently: every code, a wait, and unknown statuses by class. */
const SAMPLES: readonly (readonly [string, ApiError])[] = [
  ...ERROR_STATUSES.map((status) => [String(status), new ApiError(status as number)] as const),
  ['429 with a wait', new ApiError(429, { retryAfterMs: 3000 })],
  ['418 (unknown client error)', new ApiError(418)],
  ['501 (unknown server error)', new ApiError(501)],
  ['599 (unknown, retryable)', new ApiError(599)],
  ['302 (unknown redirect)', new ApiError(302)],
]

/** What a person sees in each language for each sample. */
const seen = (catalog: LanguageCatalog) =>
  SAMPLES.map(([label, error]) => [label, userMessage(error, catalog)] as const)

group('every catalog', () => {
  it('is the main entry’s English catalog for English', () => {
    expect(en).toBe(englishMessages)
  })

  it.each(Object.entries(CATALOGS))('%s has a message for every error code of the table, and UNKNOWN', (_, catalog) => {
    const codes = ERROR_STATUSES.map((status) => STATUS_CODES[status].code)
    expect(Object.keys(catalog).sort()).toEqual([...codes, 'UNKNOWN'].sort())
    for (const code of codes)
      expect(['string', 'function'], code).toContain(typeof catalog[code as keyof LanguageCatalog])
    expect(Object.isFrozen(catalog)).toBe(true)
  })

  it.each(TRANSLATIONS)('%s translates every message (none is the English text)', (_, catalog) => {
    const english = new Map(seen(en))
    for (const [label, text] of seen(catalog)) expect(text, label).not.toBe(english.get(label))
  })

  it.each(TRANSLATIONS)('%s says something different for each kind of error, as English does', (_, catalog) => {
    const distinct = (texts: readonly (readonly [string, string])[]) => new Set(texts.map(([, t]) => t)).size
    expect(distinct(seen(catalog))).toBe(distinct(seen(en)))
  })

  it.each(Object.entries(CATALOGS))(
    '%s: every message fits in 160 characters and is a finished sentence',
    (language, catalog) => {
      const end = language === 'ja' ? /。$/ : /\.$/
      for (const [label, text] of seen(catalog)) {
        expect(text.length, label).toBeLessThanOrEqual(160)
        expect(text, label).toMatch(end)
        // No status numbers, codes or protocol words: these are for the people using the app.
        expect(text, label).not.toMatch(/\d{3}|HTTP|[A-Z]{2,}_[A-Z]|GUID|status code/i)
      }
    },
  )
})

group('the form of address', () => {
  const texts = (catalog: LanguageCatalog) => seen(catalog).map(([, text]) => text)

  it('Dutch says "je", never "u"', () => {
    const all = texts(nl).join(' ')
    expect(all).toMatch(/\bje\b/i)
    expect(all).not.toMatch(/\b(u|uw)\b/i)
  })

  it('German says "Sie", never "du"', () => {
    const all = texts(de).join(' ')
    expect(all).toMatch(/\bSie\b/)
    expect(all).not.toMatch(/\b(du|dich|dir|dein\w*)\b/i)
  })

  it('French says "vous", never "tu"', () => {
    const all = texts(fr).join(' ')
    expect(all).toMatch(/\b(vous|votre|vos)\b/i)
    expect(all).not.toMatch(/\b(tu|toi|ton|ta|tes)\b/i)
  })

  it('Spanish says "tú", never "usted"', () => {
    const all = texts(es).join(' ')
    expect(all).toMatch(/\b(tu|tienes|inténtalo)\b/i)
    expect(all).not.toMatch(/\busted(es)?\b/i)
  })

  it('Japanese ends every sentence in the polite form', () => {
    for (const text of texts(ja)) {
      for (const sentence of text.split('。').slice(0, -1)) {
        expect(sentence, text).toMatch(/(です|ます|ません|ました|でした|ください)$/)
      }
    }
  })
})

group('wait messages', () => {
  const wait = (retryAfterMs?: number) =>
    new ApiError(429, retryAfterMs === undefined ? {} : { retryAfterMs }) as ApiError
  /** 1 s exactly, 2.001 s rounded up to 3, and the default cap of 60 s. */
  const WAITS = [1000, 2001, 60_000]

  it.each([
    [
      'en',
      'You are going a little fast. Wait 1 second, then try again.',
      'You are going a little fast. Wait 3 seconds, then try again.',
      'You are going a little fast. Wait 60 seconds, then try again.',
    ],
    [
      'nl',
      'Je gaat iets te snel. Wacht 1 seconde en probeer het dan opnieuw.',
      'Je gaat iets te snel. Wacht 3 seconden en probeer het dan opnieuw.',
      'Je gaat iets te snel. Wacht 60 seconden en probeer het dan opnieuw.',
    ],
    [
      'de',
      'Das ging etwas zu schnell. Warten Sie 1 Sekunde und versuchen Sie es dann erneut.',
      'Das ging etwas zu schnell. Warten Sie 3 Sekunden und versuchen Sie es dann erneut.',
      'Das ging etwas zu schnell. Warten Sie 60 Sekunden und versuchen Sie es dann erneut.',
    ],
    [
      'fr',
      'Vous allez un peu vite. Attendez 1 seconde, puis réessayez.',
      'Vous allez un peu vite. Attendez 3 secondes, puis réessayez.',
      'Vous allez un peu vite. Attendez 60 secondes, puis réessayez.',
    ],
    [
      'es',
      'Vas un poco rápido. Espera 1 segundo e inténtalo de nuevo.',
      'Vas un poco rápido. Espera 3 segundos e inténtalo de nuevo.',
      'Vas un poco rápido. Espera 60 segundos e inténtalo de nuevo.',
    ],
    [
      'ja',
      '操作が速すぎます。1秒待ってから、もう一度お試しください。',
      '操作が速すぎます。3秒待ってから、もう一度お試しください。',
      '操作が速すぎます。60秒待ってから、もう一度お試しください。',
    ],
  ])('%s names 1 s, 3 s and 60 s', (language, ...expected) => {
    const catalog = CATALOGS[language]!
    expect(WAITS.map((ms) => userMessage(wait(ms), catalog))).toEqual(expected)
  })

  it.each([
    ['en', 'Wait 1,500 seconds'],
    ['nl', 'Wacht 1.500 seconden'],
    ['de', 'Warten Sie 1.500 Sekunden'],
    // French groups thousands with a narrow no-break space; Spanish does not group four digits.
    ['fr', 'Attendez 1\u202f500 secondes'],
    ['es', 'Espera 1500 segundos'],
    ['ja', '1,500秒待って'],
  ])('%s writes a long wait the way the language writes numbers', (language, part) => {
    expect(userMessage(wait(1_500_000), CATALOGS[language]!)).toContain(part)
  })

  it.each([
    ['en', 'You are going a little fast. Wait a moment, then try again.'],
    ['nl', 'Je gaat iets te snel. Wacht even en probeer het dan opnieuw.'],
    ['de', 'Das ging etwas zu schnell. Warten Sie einen Moment und versuchen Sie es dann erneut.'],
    ['fr', 'Vous allez un peu vite. Attendez un instant, puis réessayez.'],
    ['es', 'Vas un poco rápido. Espera un momento e inténtalo de nuevo.'],
    ['ja', '操作が速すぎます。少し待ってから、もう一度お試しください。'],
  ])('%s asks for a moment when there is no wait to name', (language, expected) => {
    const catalog = CATALOGS[language]!
    // No Retry-After, and one whose date had passed (0 ms).
    expect(userMessage(wait(), catalog)).toBe(expected)
    expect(userMessage(wait(0), catalog)).toBe(expected)
  })

  it('rounds any part of a second up', () => {
    expect(userMessage(wait(1), en)).toBe('You are going a little fast. Wait 1 second, then try again.')
    expect(userMessage(wait(1001), en)).toBe('You are going a little fast. Wait 2 seconds, then try again.')
  })
})
