/**
 * The fast tier (`npm run test:unit`, `npm run test:watch`): pure logic and services on in-memory
 * repositories. No database is migrated or opened, so the whole tier runs in seconds.
 */
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test/unit'],
  globalSetup: undefined,
  globalTeardown: undefined,
};
