import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

export default defineConfig({
  // Icons and the _locales catalogue are copied to dist/ as they are.
  publicDir: 'src/static',
  plugins: [crx({ manifest })],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    target: 'chrome120',
    sourcemap: false,
    emptyOutDir: true,
  },
  server: { strictPort: true, port: 5173, hmr: { port: 5173 } },
});
