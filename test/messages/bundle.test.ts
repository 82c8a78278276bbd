// Only what is imported is paid for: a bundle of one language holds none of the others, and the
// main entry holds English only.
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { bundle as bundleFrom, gzipped } from '../fixtures/bundle.js'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** A phrase of each catalog that minification keeps. */
const MARKERS = {
  en: 'Contact your administrator',
  nl: 'Neem contact op met je beheerder',
  de: 'Wenden Sie sich an Ihren Administrator',
  fr: 'Contactez votre administrateur',
  es: 'Ponte en contacto con tu administrador',
  ja: '管理者にお問い合わせください',
} as const

/** Bundles `contents`, importing from the sources. */
const bundle = (contents: string) => bundleFrom(contents, root)

/** The languages whose phrase is in `code` (esbuild writes non-ASCII letters as \\u escapes). */
function languagesIn(code: string): string[] {
  const text = code.replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
  return Object.keys(MARKERS).filter((language) => text.includes(MARKERS[language as keyof typeof MARKERS]))
}

it.each(Object.keys(MARKERS))('a bundle of the %s catalog holds no other language', async (language) => {
  const code = await bundle(`export { ${language} } from './src/messages/all.ts'`)
  expect(languagesIn(code)).toEqual([language])
  const size = gzipped(code)
  console.log(`size: the ${language} catalog alone, ${size} B gzipped`)
  // A catalog is about 1 KB of text; the rest is the wait and class helpers (a catalog is a frozen literal, not checked at load).
  expect(size).toBeLessThan(2100)
})

it('a bundle of messagesFor holds every language', async () => {
  const code = await bundle("export { messagesFor } from './src/messages/all.ts'")
  expect(languagesIn(code)).toEqual(Object.keys(MARKERS))
})

it('the main entry holds English only', async () => {
  const code = await bundle("export * from './src/index.ts'")
  expect(languagesIn(code)).toEqual(['en'])
})
