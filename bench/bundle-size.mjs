// Bundle size: what each use costs a browser bundle. esbuild bundles a one-line entry that does
// what a user would write (minified, ESM, platform browser, tree-shaking on), then gzip -9.
// Ours is bundled from the built dist/ through the package's own exports, as a user gets it.
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { evaluateBytes, QUICK, report, resolveUrl } from './lib/harness.mjs'

const ours = fileURLToPath(resolveUrl('een-api-errors'))
// The endpoint catalog's entry point, beside the main one in the same dist/.
const oursEndpoints = ours.replace(/index\.js$/, 'endpoints.js')
// The catalogs of messages in six languages, the third entry point.
const oursMessages = ours.replace(/index\.js$/, 'messages.js')
const resolveDir = fileURLToPath(new URL('.', import.meta.url))

async function size(entry) {
  const out = await build({
    stdin: { contents: entry, resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  })
  const bytes = out.outputFiles[0].contents
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
}

/** The compared uses: what a user writes with us, and with each peer, to do the same thing. */
const USES = [
  {
    use: 'status text',
    entries: {
      'een-api-errors describe': `export { describe } from '${ours}'`,
      statuses: `import statuses from 'statuses'\nexport const describe = (s) => statuses.message[s]`,
      'http-status-codes getReasonPhrase': `export { getReasonPhrase } from 'http-status-codes'`,
      'http-status status[s]': `import { status } from 'http-status'\nexport const describe = (s) => status[s]`,
    },
  },
  {
    use: 'retry advice',
    entries: {
      'een-api-errors isRetryable': `export { isRetryable } from '${ours}'`,
      'statuses.retry': `import statuses from 'statuses'\nexport const isRetryable = (s) => statuses.retry[s] === true`,
    },
  },
  {
    use: 'name constants',
    entries: {
      'een-api-errors Status': `export { Status } from '${ours}'`,
      'http-status-codes StatusCodes': `export { StatusCodes } from 'http-status-codes'`,
      'http-status status': `export { status } from 'http-status'`,
    },
  },
  {
    use: 'make an error',
    entries: {
      'een-api-errors ApiError': `export { ApiError } from '${ours}'`,
      'http-errors createError': `import createError from 'http-errors'\nexport const make = (s) => createError(s)`,
      '@hapi/boom Boom': `import * as Boom from '@hapi/boom'\nexport const make = () => Boom.paymentRequired()`,
    },
  },
  {
    use: 'recognise an error',
    entries: {
      'een-api-errors isApiError': `export { isApiError } from '${ours}'`,
      'http-errors isHttpError': `import createError from 'http-errors'\nexport const is = (e) => createError.isHttpError(e)`,
      '@hapi/boom isBoom': `import { isBoom } from '@hapi/boom'\nexport const is = (e) => isBoom(e)`,
    },
  },
  {
    use: 'endpoint catalog',
    // Ours alone: no other package has the API's per-call tables.
    context: true,
    entries: {
      'een-api-errors/endpoints findEndpoint': `export { findEndpoint } from '${oursEndpoints}'`,
      'een-api-errors/endpoints one call (forgotPassword)': `export { forgotPassword } from '${oursEndpoints}'`,
    },
  },
  {
    use: 'messages in six languages',
    // Ours alone: the peers have no messages for people.
    context: true,
    entries: {
      'een-api-errors/messages one language (nl)': `export { nl } from '${oursMessages}'`,
      'een-api-errors/messages messagesFor (all six)': `export { messagesFor } from '${oursMessages}'`,
    },
  },
  {
    use: 'the whole package',
    // Context, not a contest: the packages do different things, so there is no target here.
    context: true,
    entries: {
      'een-api-errors (everything)': `export * from '${ours}'`,
      statuses: `export { default } from 'statuses'`,
      'http-status-codes': `export * from 'http-status-codes'`,
      'http-status': `export * from 'http-status'`,
      'http-errors': `export { default } from 'http-errors'`,
      '@hapi/boom': `export * from '@hapi/boom'`,
    },
  },
]

const exported = Object.keys(await import(resolveUrl('een-api-errors'))).sort()
const exportedAnywhere = [
  ...exported,
  ...Object.keys(await import(pathToFileURL(oursEndpoints).href)),
  ...Object.keys(await import(pathToFileURL(oursMessages).href)),
]
const rows = []
const notes = []
for (const { use, entries, context } of USES) {
  for (const [library, entry] of Object.entries(entries)) {
    // A use that needs an export the package does not have yet is left out, and said so.
    const needs = entry.match(/export \{ (\w+) \} from '\/.*'$/)?.[1]
    if (library.startsWith('een-api-errors') && needs && !exportedAnywhere.includes(needs)) {
      notes.push(`"${use}": een-api-errors has no ${needs} export yet; the use is left out`)
      break
    }
    rows.push({ use, library, ...(await size(entry)), ...(context ? { context } : {}) })
    if (QUICK) break
  }
}
// Each helper of ours alone.
for (const name of QUICK ? exported.slice(0, 1) : exported) {
  rows.push({ use: `${name} alone`, library: 'een-api-errors', ...(await size(`export { ${name} } from '${ours}'`)) })
}

report({
  id: 'bundle-size',
  title: 'Bundle size (esbuild --minify, platform browser, gzip -9)',
  question: 'How many bytes does each use add to a browser bundle?',
  unit: 'bytes',
  columns: [
    { key: 'use', label: 'use' },
    { key: 'library', label: 'library' },
    { key: 'min', label: 'minified B' },
    { key: 'gzip', label: 'gzip B' },
  ],
  rows,
  targets: evaluateBytes(rows.filter((r) => !r.context)),
  notes,
})
