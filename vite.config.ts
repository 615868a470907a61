import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import { awsSdkTrim } from './build/aws-sdk-trim.ts';
import manifest from './manifest.json' with { type: 'json' };

export default defineConfig({
  // Icons and the _locales catalogue are copied to dist/ as they are.
  publicDir: 'src/static',
  plugins: [awsSdkTrim(), crx({ manifest })],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    target: 'chrome120',
    sourcemap: false,
    emptyOutDir: true,
    // No preload lists or preload calls around dynamic imports: the lazily loaded views and the vault crypto
    // have no CSS of their own, and extension files load from disk, so preloading saves nothing; measured, it
    // costs ~0.7 kB gzip over all chunks (https://vite.dev/config/build-options#build-modulepreload).
    modulePreload: false,
    rolldownOptions: {
      output: {
        // The UI code both pages load at start, in one chunk, with two helpers of under 100 bytes that would
        // otherwise each be a file of their own (a page loading them paid more in file and import overhead than
        // they weigh). Anything not matched here is split automatically as before.
        codeSplitting: {
          groups: [
            {
              name: 'ui',
              test: /node_modules[\\/]preact[\\/]|[\\/]src[\\/](ui[\\/](use-lazy-component|use-vault|describe-error|submit-with)|platform[\\/](i18n|lazy-vault-protection)|core[\\/](otp|random-bytes))\.tsx?$/,
            },
          ],
        },
      },
    },
  },
});
