/** Jest runs the TypeScript sources as native ES modules (NestJS 12 ships ES modules only). */
export default {
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
