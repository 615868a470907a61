// Lint for the whole repository. Run from the repository root:
//   eslint -c .ci/eslint.config.js .
// Layer boundaries: keystep/layer-boundaries (./layer-boundaries.js) is the layer table of
// docs/architecture.md for imports between the folders of src/; the no-restricted-imports blocks below
// say which layers may use which packages. test/lint/layer-boundaries.test.ts checks both bite.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { fileURLToPath } from 'node:url';
import { layerBoundaries } from './layer-boundaries.js';

const root = fileURLToPath(new URL('..', import.meta.url));

const browserGlobals = ['window', 'document', 'navigator', 'chrome', 'browser', 'localStorage', 'sessionStorage', 'location', 'fetch'];

const packages = (files, forbidden, extra = {}) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: forbidden }], ...extra },
});

const noPolyfill = { group: ['webextension-polyfill'], message: 'Only src/platform/ imports webextension-polyfill.' };
const noSdk = { group: ['@aws-sdk/*'], message: 'Only src/cognito/aws-cognito-client.ts imports the AWS SDK.' };
const noUi = { group: ['preact', 'preact/*'], message: 'UI belongs to src/ui, src/popup and src/options.' };

export default tseslint.config(
  // amplify-samples: config files as Amplify writes them, read as text by tests (never imported).
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', '.ci/**', 'test/support/amplify-samples/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/**'],
    plugins: { keystep: { rules: { 'layer-boundaries': layerBoundaries(root) } } },
    rules: { 'keystep/layer-boundaries': 'error' },
  },
  packages(['src/core/**'], [noPolyfill, noSdk, noUi], {
    'no-restricted-globals': ['error', ...browserGlobals],
  }),
  packages(['src/cognito/**'], [noPolyfill, noSdk, noUi], {
    'no-restricted-globals': ['error', ...browserGlobals.filter((g) => g !== 'fetch')],
  }),
  packages(['src/cognito/aws-cognito-client.ts'], [noPolyfill, noUi]),
  packages(['src/platform/**'], [noSdk, noUi]),
  packages(['src/services/**', 'src/background.ts', 'src/inject/**', 'src/offscreen/**'], [noPolyfill, noSdk, noUi]),
  packages(['src/ui/**', 'src/popup/**', 'src/options/**'], [noPolyfill, noSdk]),
  {
    // Runs inside web pages (scripting.executeScript): no extension API, storage or network.
    files: ['src/inject/**'],
    rules: { 'no-restricted-globals': ['error', 'chrome', 'browser', 'fetch', 'XMLHttpRequest', 'localStorage', 'sessionStorage', 'indexedDB'] },
  },
  {
    // Every user-facing string comes from _locales through the platform's t() helper.
    files: ['src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'JSXText[value=/[A-Za-z]/]', message: 'UI text goes through t() and _locales/en/messages.json.' },
        {
          selector: 'JSXAttribute[name.name=/^(aria-label|title|placeholder|alt|aria-description)$/] > Literal',
          message: 'UI text goes through t() and _locales/en/messages.json.',
        },
      ],
    },
  },
  {
    // The fill test pages' scripts: plain browser JavaScript that Chromium loads as it is, outside the TS project.
    files: ['test/support/fill-pages/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      sourceType: 'script',
      parserOptions: { projectService: false, program: null, project: false },
      globals: Object.fromEntries(['window', 'document', 'location', 'HTMLInputElement', 'URLSearchParams', 'queueMicrotask'].map((name) => [name, 'readonly'])),
    },
  },
  {
    files: ['test/**', '*.config.ts'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
