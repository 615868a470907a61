import { crx } from '@crxjs/vite-plugin';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { awsSdkTrim } from './build/aws-sdk-trim.ts';
import { injectBundle } from './build/inject-bundle.ts';
import { offscreenPage } from './build/offscreen-page.ts';
import { serviceWorkerBundle } from './build/service-worker-bundle.ts';
import { zxingNoCdn } from './build/zxing-no-cdn.ts';
import { manifest } from './build/manifest.ts';

// The service worker is built on its own (build/service-worker-bundle.ts), so crx gets the manifest without it.
const { background, ...pagesManifest } = manifest;

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  // Icons and the _locales catalogue are copied to dist/ as they are.
  publicDir: 'src/static',
  plugins: [awsSdkTrim(), zxingNoCdn(), crx({ manifest: pagesManifest }), injectBundle(), offscreenPage(), serviceWorkerBundle(background.service_worker)],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    target: 'chrome120',
    sourcemap: false,
    emptyOutDir: true,
    // The pages' HTML names every chunk they import at start (<link rel="modulepreload">), so the browser
    // fetches them together instead of one import level after another. No preload lists around dynamic
    // imports: the lazily loaded views and the vault crypto have no CSS of their own and load from disk, so
    // preloading them saves nothing and the lists cost ~0.7 kB gzip (https://vite.dev/config/build-options#build-modulepreload).
    modulePreload: { polyfill: false, resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []) },
    rolldownOptions: {
      plugins: [
        {
          // The popup's first script (src/platform/early-vault-read.ts), built on its own under a fixed name for
          // index.html to name before the modules: a classic script, which runs while the page is parsed.
          name: 'keystep:early-vault-read',
          buildStart() {
            this.emitFile({ type: 'chunk', id: here('src/platform/early-vault-read.ts'), fileName: 'early-vault-read.js' });
          },
          generateBundle(_options, bundle) {
            const chunk = bundle['early-vault-read.js'];
            if (chunk?.type !== 'chunk' || chunk.imports.length > 0 || chunk.dynamicImports.length > 0 || chunk.exports.length > 0) {
              this.error('keystep:early-vault-read: early-vault-read.js must be a script with no imports or exports');
            }
          },
        },
        {
          // Each dynamic import stays a plain import(): Vite wraps every one in its preload helper
          // (`__vitePreload(() => import(...), deps)`) even with modulePreload off, to load the CSS of the chunk
          // imported. Keystep's lazily loaded views and crypto have no CSS, so `deps` is always empty and the helper
          // (about 0.6 kB gzip on each page, and a try/catch around every lazy import) does nothing. The build fails
          // if a lazily loaded chunk ever imports CSS, which a plain import() would not load.
          name: 'keystep:direct-dynamic-imports',
          resolveId: { order: 'pre', handler: (id) => (id === '\0vite/preload-helper.js' ? id : null) },
          load: { order: 'pre', handler: (id) => (id === '\0vite/preload-helper.js' ? 'export const __vitePreload = (load) => load();' : null) },
          generateBundle(_options, bundle) {
            for (const chunk of Object.values(bundle)) {
              if (chunk.type === 'chunk' && !chunk.isEntry && (chunk.viteMetadata?.importedCss.size ?? 0) > 0) {
                this.error(`keystep:direct-dynamic-imports: ${chunk.fileName} imports CSS, which a plain import() would not load`);
              }
            }
          },
        },
      ],
      output: {
        // One shared chunk, by folder: whatever both pages load at start from outside their own folders (the
        // layers below the pages: src/core, src/platform, src/ui, and the libraries, preact among them). Page
        // code, the Cognito code (options only) and lazily loaded views and crypto are split automatically.
        codeSplitting: {
          // @noble/hashes' SHA-2 is left out: the popup loads it at start (SHA256/SHA512 codes), the options page only
          // with the scrypt of an Aegis import, so in `shared` it would load with the options page for nothing.
          groups: [
            {
              name: 'shared',
              test: (id: string) => !/[\\/]src[\\/](popup|options|cognito)[\\/]|[\\/]@noble[\\/]hashes[\\/]sha2\.js$/.test(id),
              minShareCount: 2,
              tags: ['$initial'],
            },
          ],
        },
      },
    },
  },
});
