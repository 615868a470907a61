// Lint for the whole repository. Run from the repository root:
//   eslint -c .ci/eslint.config.js .
// It enforces the layer boundaries of DEVELOPERS.md: core -> cognito -> platform -> entry points,
// each folder importing only from the ones before it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const browserGlobals = ['window', 'document', 'navigator', 'chrome', 'browser', 'localStorage', 'sessionStorage', 'location', 'fetch'];

const layer = (files, forbiddenImports, extra = {}) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: forbiddenImports }],
    ...extra,
  },
});

const noPolyfill = { group: ['webextension-polyfill'], message: 'Only src/platform/ imports webextension-polyfill.' };
const noSdk = { group: ['@aws-sdk/*'], message: 'Only src/cognito/aws-cognito-client.ts imports the AWS SDK.' };
const noUi = { group: ['preact', 'preact/*'], message: 'UI belongs to src/popup and src/options.' };
const up = (names) => ({ group: names.flatMap((n) => [`**/${n}/*`, `**/${n}`]), message: `This layer may not import ${names.join(', ')}.` });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', '.ci/**'] },
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
  layer(['src/core/**'], [up(['cognito', 'platform', 'popup', 'options', 'background']), noPolyfill, noSdk, noUi], {
    'no-restricted-globals': ['error', ...browserGlobals],
  }),
  layer(['src/cognito/**'], [up(['platform', 'popup', 'options', 'background']), noPolyfill, noUi], {
    'no-restricted-globals': ['error', ...browserGlobals.filter((g) => g !== 'fetch')],
  }),
  {
    files: ['src/cognito/aws-cognito-client.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [up(['platform', 'popup', 'options', 'background']), noPolyfill, noUi] }] },
  },
  layer(['src/platform/**'], [up(['popup', 'options', 'background']), noSdk, noUi]),
  layer(['src/ui/**'], [up(['popup', 'options', 'background']), noPolyfill, noSdk]),
  layer(['src/popup/**', 'src/options/**', 'src/background.ts'], [noPolyfill, noSdk]),
  // Runs inside web pages (scripting.executeScript): core only, bundled in; no extension API, storage or network.
  layer(['src/inject/**'], [up(['cognito', 'platform', 'services', 'ui', 'popup', 'options', 'offscreen', 'background']), noPolyfill, noSdk, noUi], {
    'no-restricted-globals': ['error', 'chrome', 'browser', 'fetch', 'XMLHttpRequest', 'localStorage', 'sessionStorage', 'indexedDB'],
  }),
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
