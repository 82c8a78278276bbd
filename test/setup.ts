// In CI, property tests run on a fixed seed so that a run is repeatable; elsewhere each run draws
// new cases (set FC_SEED to replay one).
import fc from 'fast-check'

const seed = process.env.FC_SEED ?? (process.env.CI ? '20261125' : undefined)
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) })
