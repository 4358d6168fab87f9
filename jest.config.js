/**
 * Three projects: plain unit tests of the domain modules, integration tests that boot a real
 * Strapi, and end-to-end tests in a real browser (run separately by scripts/test.js).
 */
const transform = {
  '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json'}],
};

module.exports = {
  // Integration tests boot Strapi and drive whole scenarios.
  testTimeout: 120000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/unit'],
      setupFiles: ['<rootDir>/tests/helpers/env.js'],
      testMatch: ['**/*.test.ts'],
      transform,
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/integration'],
      testMatch: ['**/*.test.ts'],
      transform,
      globalSetup: '<rootDir>/tests/helpers/global-setup.js',
      setupFiles: ['<rootDir>/tests/helpers/env.js'],
      slowTestThreshold: 60,
    },
    {
      // A real browser against the app started as the README says (see tests/e2e/server.js).
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/e2e'],
      testMatch: ['**/*.e2e.ts'],
      transform,
      globalSetup: '<rootDir>/tests/e2e/global-setup.js',
      globalTeardown: '<rootDir>/tests/e2e/global-teardown.js',
      slowTestThreshold: 120,
    },
  ],
};
