/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }] },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 30000,
  // Two cores here: two workers keep the machine busy without thrashing PGlite's WASM start-up.
  maxWorkers: process.env.JEST_WORKERS ?? 2,
  // A worker that has run many database test files holds gigabytes (each file's PGlite WASM memory and
  // module registry linger until a GC collects them; 1.2-4 GB RSS per worker was seen). Node then took
  // over jest's 500 ms to exit, so jest force-killed it and warned of a leak, though no handle was left
  // open. A worker whose heap passes this after a file is replaced: the run ends with small workers,
  // and is faster for the lighter heaps (277 against 317-337 s on Node 20, 289 against 381-430 s on 24).
  workerIdleMemoryLimit: '500MB',
};
