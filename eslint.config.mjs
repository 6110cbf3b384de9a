import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['warn', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'sample-data/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.mjs', '*.{ts,mjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    // Layers (see README, "How it is built"): the engine is plain Node and knows no shell, host or
    // page; the shell and the web host reach it only through engine/client; the page and the contract
    // import only the contract; an engine folder uses another only through that folder's index.ts.
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/testing/**', '**/*Fixture.ts', '**/*.suite.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
      'boundaries/elements': [
        // Whole paths from the project root; the first descriptor that matches a file decides.
        { type: 'engine-client', pattern: 'electron/engine/client', partialMatch: false },
        { type: 'engine-feature', pattern: 'electron/engine/*', capture: ['feature'], partialMatch: false },
        { type: 'engine-root', pattern: 'electron/engine', partialMatch: false },
        { type: 'shell', pattern: 'electron/main', partialMatch: false },
        { type: 'preload', pattern: 'electron/preload', partialMatch: false },
        { type: 'web-host', pattern: 'electron/web', partialMatch: false },
        { type: 'renderer', pattern: 'renderer', partialMatch: false },
        { type: 'contract', pattern: 'shared', partialMatch: false },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            { from: { element: { type: 'contract' } }, allow: { to: { element: { type: 'contract' } } } },
            { from: { element: { type: 'renderer' } }, allow: { to: { element: { types: { anyOf: ['renderer', 'contract'] } } } } },
            { from: { element: { type: 'preload' } }, allow: { to: { element: { types: { anyOf: ['preload', 'contract'] } } } } },
            { from: { element: { types: { anyOf: ['shell', 'web-host'] } } }, allow: { to: { element: { types: { anyOf: ['shell', 'web-host', 'contract'] } } } } },
            { from: { element: { types: { anyOf: ['shell', 'web-host'] } } }, allow: { to: { element: { type: 'engine-client', fileInternalPath: 'index.ts' } } } },
            { from: { element: { types: { anyOf: ['engine-root', 'engine-feature', 'engine-client'] } } }, allow: { to: { element: { types: { anyOf: ['engine-root', 'contract'] } } } } },
            { from: { element: { types: { anyOf: ['engine-root', 'engine-feature', 'engine-client'] } } }, allow: { to: { element: { types: { anyOf: ['engine-feature', 'engine-client'] }, fileInternalPath: 'index.ts' } } } },
          ],
        },
      ],
    },
  },
  {
    // In tests a failed assumption should throw at once; the assertion is the test.
    files: ['**/*.test.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Command-line programs report to the terminal.
    files: ['electron/web/server.ts', 'sample-data/generate.ts', 'bench/**/*.ts', 'scripts/**/*.mjs'],
    rules: { 'no-console': 'off' },
  },
);
