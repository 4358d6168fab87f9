/** Two projects: plain unit tests of the domain modules, and integration tests that boot a real Strapi. */
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
  ],
};
