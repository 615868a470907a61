import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { INJECT_FILE } from '../src/inject/inject-file.ts';
import { buildSingleFile } from './single-file-build.ts';

const ENTRY = fileURLToPath(new URL('../src/inject/fill-entry.ts', import.meta.url));

/**
 * Builds the code Keystep injects into a page (src/inject/fill-entry.ts, with the core modules it imports) as one
 * self-contained classic script and emits it at INJECT_FILE (dist/inject/fill.js). scripting.executeScript({ files })
 * runs a file as a classic script, so it must have no import or export; it is not listed in
 * web_accessible_resources (executeScript does not need that), so no website can fetch it to detect Keystep.
 * docs/fill-design.md section 8 compares this with crxjs's `?script&iife` import, which would list it for every site.
 */
export function injectBundle(): Plugin {
  return {
    name: 'keystep:inject-bundle',
    apply: 'build',
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: INJECT_FILE, source: await buildSingleFile(ENTRY, 'iife') });
    },
  };
}
