// Type-check cost: what a typical consumer of each library costs the compiler. Each consumer is
// a small project of its own (strict, nodenext, skipLibCheck as most projects set it) that
// reaches each package through node_modules, as a user's project does; ours resolves through
// the package's exports to the built dist/types/index.d.ts. `tsc --extendedDiagnostics` counts the
// types and instantiations (exact, the same on every run) and times the check (noisy: median).
import { execFileSync } from 'node:child_process'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { genPath, median, PACKAGE, QUICK, report, resolveUrl } from './lib/harness.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const require = createRequire(import.meta.url)
const tsc = require.resolve('typescript/bin/tsc')
const tsVersion = require('typescript/package.json').version
const RUNS = QUICK ? 1 : 5

const api = await import(resolveUrl('een-api-errors'))
const errorCodes = Object.values(api.STATUS_CODES)
  .filter((row) => row.status >= 300)
  .map((row) => row.code)

/** A consumer: its source, and the exports of ours it needs (left out, and said so, until they exist). */
const CONSUMERS = [
  { name: 'empty consumer (baseline)', source: 'export {}\n' },
  {
    name: 'een-api-errors: describe + guards',
    needs: ['describe', 'isClientError', 'isRetryable'],
    source: `import { describe, isClientError, isRetryable, type KnownStatus, STATUS_CODES } from 'een-api-errors'

export function explain(status: KnownStatus): string {
  if (isClientError(status)) return \`\${STATUS_CODES[status].code}: \${describe(status)}\`
  return isRetryable(status) ? 'try again' : describe(status)
}
`,
  },
  {
    name: 'een-api-errors: exhaustive switch on e.code',
    needs: ['isApiError'],
    source: `import { isApiError } from 'een-api-errors'

export function handle(e: unknown): string {
  if (!isApiError(e)) return 'not an API error'
  switch (e.code) {
${errorCodes.map((code) => `    case '${code}':\n      return e.meaning`).join('\n')}
    case 'UNKNOWN':
      return \`HTTP \${e.status}\`
    default:
      return e satisfies never
  }
}
`,
  },
  {
    name: 'een-api-errors: message catalog',
    needs: ['defineMessages', 'userMessage'],
    source: `import { defineMessages, userMessage } from 'een-api-errors'

const messages = defineMessages({
${errorCodes
  .map((code) =>
    code === 'TOO_MANY_REQUESTS'
      ? `  ${code}: (e) => \`Please wait \${Math.ceil((e.retryAfterMs ?? 1000) / 1000)} s.\`,`
      : `  ${code}: '${code.toLowerCase().replaceAll('_', ' ')}',`,
  )
  .join('\n')}
})

export const render = (e: unknown): string => userMessage(e, messages)
`,
  },
  {
    name: 'statuses: message + retry',
    source: `import statuses from 'statuses'

export function explain(status: number): string {
  return statuses.retry[status] ? 'try again' : (statuses.message[status] ?? 'unknown')
}
`,
  },
  {
    name: 'http-errors: createError + isHttpError',
    source: `import createError from 'http-errors'

export function handle(e: unknown): string {
  if (createError.isHttpError(e)) return \`\${e.status}: \${e.message}\`
  throw createError(402)
}
`,
  },
  {
    name: '@hapi/boom: paymentRequired + isBoom',
    source: `import { isBoom, paymentRequired } from '@hapi/boom'

export function handle(e: unknown): string {
  if (isBoom(e)) return \`\${e.output.statusCode}: \${e.message}\`
  throw paymentRequired()
}
`,
  },
]

/** A consumer project: package.json, tsconfig.json, index.ts and node_modules with symlinks. */
function project(i, source) {
  const dir = dirname(genPath(`type-check/${i}/index.ts`))
  writeFileSync(join(dir, 'index.ts'), source)
  writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n')
  const compilerOptions = {
    target: 'es2022',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
    lib: ['es2022', 'dom'],
  }
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['index.ts'] }))
  mkdirSync(join(dir, 'node_modules/@hapi'), { recursive: true })
  mkdirSync(join(dir, 'node_modules/@types'), { recursive: true })
  symlinkSync(PACKAGE, join(dir, 'node_modules/een-api-errors'))
  for (const name of ['statuses', 'http-errors', '@hapi/boom', '@hapi/hoek', '@types/statuses', '@types/http-errors']) {
    symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name))
  }
  return dir
}

function diagnostics(dir) {
  let out
  try {
    out = execFileSync(process.execPath, [tsc, '-p', dir, '--extendedDiagnostics'], { encoding: 'utf8' })
  } catch (error) {
    throw new Error(`the consumer in ${dir} does not type-check:\n${error.stdout}`)
  }
  const read = (label) => Number(out.match(new RegExp(`^${label}:\\s+([\\d.]+)`, 'm'))?.[1])
  return { types: read('Types'), instantiations: read('Instantiations'), checkMs: read('Check time') * 1000 }
}

const exported = Object.keys(api)
const rows = []
const notes = [`TypeScript ${tsVersion}; check time is the median of ${RUNS} runs, counts are exact`]
for (const [i, c] of CONSUMERS.entries()) {
  const missing = (c.needs ?? []).filter((name) => !exported.includes(name))
  if (missing.length > 0) {
    notes.push(`"${c.name}" left out: een-api-errors has no ${missing.join(', ')} export yet`)
    continue
  }
  if (QUICK && i > 1 && !c.name.includes('switch')) continue
  const dir = project(i, c.source)
  const runs = Array.from({ length: RUNS }, () => diagnostics(dir))
  rows.push({ name: c.name, ...runs[0], checkMs: median(runs.map((r) => r.checkMs)) })
}
const base = rows[0]
for (const r of rows) {
  r.typesAdded = r.types - base.types
  r.instantiationsAdded = r.instantiations - base.instantiations
  r.checkMsAdded = Math.round((r.checkMs - base.checkMs) * 10) / 10
}

report({
  id: 'type-check',
  title: `Type-check cost (tsc ${tsVersion} --extendedDiagnostics, strict, skipLibCheck)`,
  question: 'What does a typical consumer cost the compiler, beyond an empty project?',
  unit: 'count',
  columns: [
    { key: 'name', label: 'consumer' },
    { key: 'typesAdded', label: '+types' },
    { key: 'instantiationsAdded', label: '+instantiations' },
    { key: 'checkMsAdded', label: '+check ms' },
  ],
  rows,
  notes,
})
