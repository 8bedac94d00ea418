/** @type {import('jest').Config} */
// The browser tests drive the built admin panel (`strapi build` first: see `npm run test:browser`)
// in the machine's Chromium. They share the main suite's env and lock, but do not recompile dist/.
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tests/browser/tsconfig.json' }] },
  testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
  globalSetup: '<rootDir>/tests/helpers/browser-setup.js',
  globalTeardown: '<rootDir>/tests/helpers/global-teardown.js',
  setupFiles: ['<rootDir>/tests/helpers/env.js'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  testTimeout: 180000,
  maxWorkers: 1,
};
