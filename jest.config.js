// Two projects so the engine suite can be run again under a second time zone (see "test" in package.json).
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };
module.exports = {
  projects: [
    { displayName: 'engine', testMatch: ['<rootDir>/test/engine/**/*.test.ts', '<rootDir>/test/config/**/*.test.ts'], transform, testEnvironment: 'node' },
    { displayName: 'app', testMatch: ['<rootDir>/test/**/*.test.ts'], testPathIgnorePatterns: ['<rootDir>/test/engine/', '<rootDir>/test/config/'], transform, testEnvironment: 'node' },
  ],
};
