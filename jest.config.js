/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.check.json' }] },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  globalSetup: '<rootDir>/tests/helpers/global-setup.js',
  setupFiles: ['<rootDir>/tests/helpers/env.js'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  testTimeout: 120000,
};
