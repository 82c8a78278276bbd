// The built files as users load them: in the ES module and the CommonJS build of every entry point,
// each exported function and the class carry the name they are exported under, as loggers
// (err.constructor.name) and stack traces show them.
import { createRequire } from 'node:module'
import { expect, it } from 'vitest'

const require = createRequire(import.meta.url)
const dist = new URL('../dist/', import.meta.url)

for (const entry of ['index', 'endpoints', 'messages']) {
  it(`${entry}: every exported function keeps its name in both builds`, async () => {
    const builds = {
      esm: (await import(new URL(`${entry}.js`, dist).href)) as Record<string, unknown>,
      cjs: require(new URL(`${entry}.cjs`, dist).pathname) as Record<string, unknown>,
    }
    for (const [format, exports] of Object.entries(builds)) {
      const functions = Object.entries(exports).filter(([, value]) => typeof value === 'function')
      expect(functions.length, format).toBeGreaterThan(0)
      for (const [name, value] of functions) expect((value as () => void).name, `${format} ${name}`).toBe(name)
    }
  })
}

it('an error of the CommonJS build names its class ApiError', () => {
  const { ApiError } = require(new URL('index.cjs', dist).pathname)
  const error = new ApiError(402)
  expect([error.name, error.constructor.name, String(error).split(':')[0]]).toEqual([
    'ApiError',
    'ApiError',
    'ApiError',
  ])
})

for (const file of ['index.js', 'index.cjs']) {
  it(`${file}: with source maps on, a thrown error's stack names the line in src/ that threw it`, async () => {
    const { execFileSync } = await import('node:child_process')
    // In a Node of its own: vitest transforms what a test imports, and with it the positions.
    const load = file.endsWith('.cjs')
      ? `Promise.resolve(require(${JSON.stringify(new URL(file, dist).pathname)}))`
      : `import(${JSON.stringify(new URL(file, dist).href)})`
    const script = `${load}.then(({ ApiError }) => { try { new ApiError(200) } catch (e) { console.log(e.stack) } })`
    const stack = execFileSync(process.execPath, ['--enable-source-maps', '-e', script], { encoding: 'utf8' })
    const [, source, line] = stack.match(/at new ApiError \((.*):(\d+):\d+\)/) ?? []
    const { readFileSync } = await import('node:fs')
    const text = source ? readFileSync(source, 'utf8').split('\n')[Number(line) - 1]?.trim() : undefined
    expect([source?.replace(/^.*\/src\//, 'src/'), text]).toEqual([
      'src/error/api-error.ts',
      expect.stringMatching(/^throw new RangeError\(`ApiError: status must be an integer 300–599/),
    ])
  })
}
