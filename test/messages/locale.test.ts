// messagesFor: the best built-in catalog for a locale, from what browsers and servers really send.
import { expect, describe as group, it, vi } from 'vitest'
import { de, en, es, fr, ja, messagesFor, nl } from '../../src/messages/all.js'

group('messagesFor', () => {
  it.each([
    ['nl-NL,nl;q=0.9,en;q=0.8', nl],
    ['de-CH', de],
    ['ja', ja],
    ['fr-CA,fr;q=0.9', fr],
    ['es-419', es],
    ['en-US,en;q=0.9', en],
    ['da, en-GB;q=0.8, en;q=0.7', en],
  ])('picks the catalog for the Accept-Language value %j', (header, catalog) => {
    expect(messagesFor(header)).toBe(catalog)
  })

  it('tries each tag in the order of its weight, not of its place', () => {
    expect(messagesFor('en;q=0.5, de;q=0.9, fr;q=0.7')).toBe(de)
    expect(messagesFor('ja;q=0.2,nl')).toBe(nl)
    // Equal weights keep the order they were given in.
    expect(messagesFor('fr;q=0.5,es;q=0.5')).toBe(fr)
  })

  it('takes the base language of a tag before moving on to the next tag', () => {
    expect(messagesFor('nl-BE')).toBe(nl)
    expect(messagesFor('nl-BE, fr')).toBe(nl)
    expect(messagesFor('zh-Hant-TW, ja-JP')).toBe(ja)
  })

  it('gives English when no tag has a catalog', () => {
    expect(messagesFor('pt-BR')).toBe(en)
    expect(messagesFor('pt-BR,pt;q=0.9')).toBe(en)
    expect(messagesFor('*')).toBe(en)
  })

  it('skips a tag that is refused (q=0) or whose weight is no number', () => {
    expect(messagesFor('nl;q=0, de')).toBe(de)
    expect(messagesFor('nl;q=abc, fr;q=0.1')).toBe(fr)
    expect(messagesFor('nl;q=, es;q=0.1')).toBe(es)
    // JavaScript reads these as numbers; HTTP does not: no weight, so the tag is dropped.
    expect(messagesFor('nl;q=0x1, de;q=0.9')).toBe(de)
    expect(messagesFor('nl;q=Infinity, de;q=0.9')).toBe(de)
    expect(messagesFor('nl;q=1e-3, de;q=0.001')).toBe(de)
    expect(messagesFor('nl;q=.5, de;q=0.4')).toBe(nl)
    expect(messagesFor('nl;q=.55, de;q=0.5')).toBe(nl)
    // A whole number is a weight too, more than one digit of it (above 1 it counts as 1).
    expect(messagesFor('nl;q=0.5, ja;q=1')).toBe(ja)
    expect(messagesFor('nl;q=0.5, ja;q=10')).toBe(ja)
    // A weight of digits that ends in no digit is read once, not split every way (quadratic).
    const start = performance.now()
    expect(messagesFor(Array(100).fill(`nl;q=${'1'.repeat(4080)}x`))).toBe(en)
    expect(performance.now() - start).toBeLessThan(500)
  })

  it('takes * (any language) as the default, English, where it stands among the tags', () => {
    expect(messagesFor('*,nl;q=0.5')).toBe(en)
    expect(messagesFor('nl,*;q=0.5')).toBe(nl)
    expect(messagesFor('pt-BR,*;q=0.5,de;q=0.1')).toBe(en)
  })

  it('counts a weight above 1 as 1: it does not jump the tags before it', () => {
    expect(messagesFor('nl,ja;q=1.5')).toBe(nl)
    expect(messagesFor('nl;q=0.9,ja;q=1.5')).toBe(ja)
  })

  it('reads only the first 100 tags and 4,096 characters of each string: junk costs no more', () => {
    expect(messagesFor(`${'x,'.repeat(99)}nl`)).toBe(nl)
    expect(messagesFor(`${'x,'.repeat(100)}nl`)).toBe(en)
    expect(messagesFor(`${' '.repeat(4094)}nl`)).toBe(nl)
    expect(messagesFor(`${' '.repeat(4095)}nl`)).toBe(en)
    expect(messagesFor([...Array(99).fill('x'), 'de'])).toBe(de)
    expect(messagesFor([...Array(100).fill('x'), 'de'])).toBe(en)
    const started = performance.now()
    expect(messagesFor(','.repeat(5_000_000))).toBe(en)
    expect(performance.now() - started).toBeLessThan(500)
  })

  it('does not read a tag that the 4,096-character limit cuts in two as the shorter tag it leaves', () => {
    // `jav` (Javanese) cut to `ja` is not Japanese; `fr;q=0` (refused) cut to `fr;q` is not French.
    expect(messagesFor(`${' '.repeat(4094)}jav`)).toBe(en)
    expect(messagesFor(`de;q=0.5,${' '.repeat(4083)}fr;q=0`)).toBe(de)
    expect(messagesFor([`pt,${' '.repeat(4091)}esu`])).toBe(en)
    // A tag that ends at the limit, with its comma just past it, is whole.
    expect(messagesFor(`${' '.repeat(4094)}nl,${'x'.repeat(5000)}`)).toBe(nl)
  })

  it('reads tags however they are written', () => {
    expect(messagesFor('  DE-at ; Q = 0.8 ')).toBe(de)
    expect(messagesFor('nl_BE')).toBe(nl)
    expect(messagesFor('fr;level=1;q=0.5')).toBe(fr)
  })

  it('reads a list of tags, as navigator.languages gives them', () => {
    expect(messagesFor(['pt-BR', 'es-MX', 'en'])).toBe(es)
    expect(messagesFor(['ja-JP'])).toBe(ja)
    expect(messagesFor([])).toBe(en)
    expect(messagesFor([5, null, 'de'] as never)).toBe(de)
  })

  it('never throws on junk, and gives English', () => {
    const revoked = Proxy.revocable([], {})
    revoked.revoke()
    const throwing = new Proxy([], {
      get() {
        throw new Error('no')
      },
    })
    for (const junk of [
      '',
      '*',
      'x',
      ',;,;q=',
      ';q=1',
      null,
      undefined,
      42,
      Number.NaN,
      {},
      () => 'nl',
      revoked.proxy,
      throwing,
    ]) {
      expect(messagesFor(junk as never)).toBe(en)
    }
    expect(messagesFor('__proto__')).toBe(en)
    expect(messagesFor('constructor, toString')).toBe(en)
  })
})

group('messagesFor: q-weights as RFC 9110 writes them', () => {
  it('q=0 means not acceptable: the tag is never taken', () => {
    expect(messagesFor('nl;q=0')).toBe(en)
    expect(messagesFor('de;q=0, fr;q=0.1')).toBe(fr)
  })

  it('reads a weight with spaces around it, and no parameter but q as one', () => {
    expect(messagesFor('nl; q=0, de')).toBe(de)
    expect(messagesFor('nl;q =0.1, de;q=0.5')).toBe(de)
    expect(messagesFor('nl;xq=0')).toBe(nl)
  })

  it('reads the whole weight: a line break around it is a blank, anything else after it makes it no number', () => {
    expect(messagesFor('fr;q=0.5\n, de;q=0.9')).toBe(de)
    expect(messagesFor('fr;q=\n0.95, de;q=0.9')).toBe(fr)
    expect(messagesFor('fr;q=0.9\nx, de;q=0.1')).toBe(de)
  })
})

it('finds every catalog with the module loaded inside the test (its catalogs are gathered at load)', async () => {
  vi.resetModules()
  const fresh = await import('../../src/messages/all.js')
  for (const [tag, catalog] of [
    ['en', fresh.en],
    ['nl', fresh.nl],
    ['de', fresh.de],
    ['fr', fresh.fr],
    ['es', fresh.es],
    ['ja', fresh.ja],
  ] as const) {
    expect(fresh.messagesFor(tag)).toBe(catalog)
  }
})
