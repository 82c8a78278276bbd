// Tests that kill the mutants Stryker found surviving in src/cli.ts (MUTATION.md lists the
// equivalent ones): where an argument is cut in a message, what counts as an option, and the bin
// entry's colour on a terminal.
import { afterEach, expect, it, vi } from 'vitest'
import { type CliIO, run } from '../src/cli.js'

function call(args: readonly string[]): { code: number; stderr: string } {
  let stderr = ''
  const io: CliIO = {
    stdout: () => {},
    stderr: (text) => {
      stderr += text
    },
    isTTY: false,
    env: {},
    version: '0',
  }
  return { code: run(args, io), stderr }
}

it('quotes an argument of exactly 40 characters whole, and cuts a longer one', () => {
  const forty = `--${'x'.repeat(38)}`
  expect(call([forty]).stderr).toContain(`unknown option "${forty}"\n`)
  expect(call([`${forty}y`]).stderr).toContain(`unknown option "${forty}…"\n`)
})

it('takes an argument as a negative number only when a digit follows its first dash', () => {
  expect(call(['--1']).stderr).toContain('unknown option "--1"')
  expect(call(['-1']).stderr).toContain('"-1" is neither a status nor a code')
})

afterEach(() => {
  vi.unstubAllGlobals()
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

it('the bin entry colours its output exactly when stdout is a terminal', async () => {
  const saved = { argv: process.argv, exitCode: process.exitCode, isTTY: process.stdout.isTTY }
  const listeners = process.stdout.listeners('error')
  const out: string[] = []
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0)
  vi.stubGlobal('__EEN_CLI_VERSION__', '9.8.7')
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'TERM']) vi.stubEnv(name, undefined as never)
  try {
    const entry = async (isTTY: boolean | undefined) => {
      Object.defineProperty(process.stdout, 'isTTY', { value: isTTY, configurable: true, writable: true })
      process.argv = [process.execPath, '/usr/local/bin/een-api-errors', '463']
      out.length = 0
      vi.resetModules()
      await import('../src/cli.js')
      return out.join('')
    }
    expect(await entry(true)).toContain('\u001b[')
    expect(await entry(false)).not.toContain('\u001b[')
    expect(await entry(undefined)).not.toContain('\u001b[')
  } finally {
    Object.defineProperty(process.stdout, 'isTTY', { value: saved.isTTY, configurable: true, writable: true })
    process.argv = saved.argv
    process.exitCode = saved.exitCode
    for (const listener of process.stdout.listeners('error')) {
      if (!listeners.includes(listener)) process.stdout.removeListener('error', listener as (e: Error) => void)
    }
  }
})
