/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.check.json' }] },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  globalSetup: '<rootDir>/tests/helpers/global-setup.js',
  globalTeardown: '<rootDir>/tests/helpers/global-teardown.js',
  setupFiles: ['<rootDir>/tests/helpers/env.js'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  // The browser tests need the built admin panel: `npm run test:browser` builds and runs them.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/browser/'],
  // A test file boots Strapi in its beforeAll (~10 s alone); on a loaded two-core machine it can take
  // minutes, and a hook timeout would fail a whole file that is correct.
  testTimeout: 300000,
  // Each API test file boots its own Strapi on its own SQLite file; two workers use both cores.
  maxWorkers: 2,
};
