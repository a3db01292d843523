import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Where code may reach: the boundaries of the layout, as rules rather than convention.
const platformSdks = ['@forge/*', 'fs', 'node:*', 'http', 'https'];
const offlinePlatform = { group: ['**/offline/**', '**/test/**'], message: 'The product never imports the offline platform or the tests.' };
const outsideEngine = { regex: '^\\.\\./', message: 'The engine is pure: it imports nothing outside src/engine.' };
const outsideCore = { regex: '^\\.\\./(?!engine/)', message: 'Validation uses the engine and nothing else of the product.' };

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'static/*/dist/', 'coverage/', 'src/views/report/fonts.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `{ omitted: _x, ...rest }` and `_unused` parameters are deliberate.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['**/*.mjs'], languageOptions: { globals: globals.node } },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [offlinePlatform] }] },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [], patterns: [offlinePlatform, outsideEngine, { group: platformSdks, message: 'The engine is pure: no platform SDKs, no I/O.' }] }] },
  },
  {
    files: ['src/config/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [offlinePlatform, outsideCore, { group: platformSdks, message: 'Validation is pure: no platform SDKs, no I/O.' }] }] },
  },
  {
    files: ['static/**/*.ts', 'static/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [offlinePlatform] }] },
  },
);
