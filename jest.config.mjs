import { availableParallelism } from 'node:os';

/** Jest runs the TypeScript sources as native ES modules (NestJS 12 ships ES modules only). */
export default {
  // Jest's default (cores - 1) gives one worker on two cores; the e2e tests wait on PostgreSQL and
  // Chromium much of the time, so two workers use a two-core machine better.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  resolver: '<rootDir>/test/support/jest-resolver.cjs',
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  setupFilesAfterEnv: ['<rootDir>/test/support/esm-bridge.setup.mjs'],
  testRegex: '(src|test)/.*\\.(spec|e2e-spec)\\.ts$',
  testTimeout: 60000,
};
