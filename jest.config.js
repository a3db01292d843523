// Projects: the pure engine (run again under a second time zone by "npm test"), the app on the local Forge
// runtime, the Custom UI components (jsdom) and the browser tests (Debian chromium against the sandbox).
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };
/** Property tests with a fixed seed: see test/fast-check-seed.js. */
const setupFiles = ['<rootDir>/test/fast-check-seed.js'];
module.exports = {
  projects: [
    { displayName: 'engine', testMatch: ['<rootDir>/test/engine/**/*.test.ts', '<rootDir>/test/config/**/*.test.ts'], transform, setupFiles, testEnvironment: 'node' },
    { displayName: 'app', testMatch: ['<rootDir>/test/**/*.test.ts'], testPathIgnorePatterns: ['<rootDir>/test/engine/', '<rootDir>/test/config/', '<rootDir>/test/browser/', '<rootDir>/test/ui/'], transform, setupFiles, testEnvironment: 'node' },
    // Component tests of the Custom UI surfaces, with @forge/bridge mocked.
    {
      displayName: 'ui',
      testMatch: ['<rootDir>/test/ui/**/*.test.ts?(x)'],
      transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'static/tsconfig.json' }] },
      setupFiles,
      testEnvironment: 'jsdom',
      moduleNameMapper: { '\\.css$': '<rootDir>/test/ui/style-stub.js' },
    },
    // Browser tests in Debian's chromium against the running sandbox.
    { displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.test.ts'], transform, testEnvironment: 'node' },
  ],
};
