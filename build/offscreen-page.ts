import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { buildSingleFile } from './single-file-build.ts';

const ENTRY = fileURLToPath(new URL('../src/offscreen/clipboard.ts', import.meta.url));

/** The offscreen document's page and script in dist/ (src/platform/worker-clipboard.ts opens the page). */
export const OFFSCREEN_PAGE = 'offscreen/clipboard.html';
const OFFSCREEN_SCRIPT = 'offscreen/clipboard.js';

/**
 * The offscreen document the service worker copies through: a page with one classic script of its own
 * (src/offscreen/clipboard.ts, built alone), so that it loads none of the pages' chunks.
 */
export function offscreenPage(): Plugin {
  return {
    name: 'keystep:offscreen-page',
    apply: 'build',
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: OFFSCREEN_SCRIPT, source: await buildSingleFile(ENTRY, 'iife') });
      this.emitFile({
        type: 'asset',
        fileName: OFFSCREEN_PAGE,
        source: `<!doctype html>\n<meta charset="utf-8">\n<title>Keystep</title>\n<script src="/${OFFSCREEN_SCRIPT}"></script>\n`,
      });
    },
  };
}
