import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: {
    // Unit and component tests run the real platform code against an in-memory browser.
    alias: { 'webextension-polyfill': fileURLToPath(new URL('test/support/fake-browser.ts', import.meta.url)) },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/{core,cognito,platform,services,support,lint,build,inject}/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['test/{popup,options}/**/*.test.{ts,tsx}'],
          setupFiles: ['test/support/ui-setup.ts'],
        },
      },
      {
        // Checks of the built extension in dist/: run after `vite build` (npm run test:e2e does both).
        test: {
          name: 'dist',
          environment: 'node',
          include: ['test/dist/**/*.test.ts'],
          globalSetup: ['test/dist/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
