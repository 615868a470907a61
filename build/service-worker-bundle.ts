import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { buildSingleFile } from './single-file-build.ts';

/** The service worker in dist/, as the built manifest names it. */
export const SERVICE_WORKER_FILE = 'service-worker.js';

/**
 * Builds the service worker (`entry`, relative to the repository root) as one module file of its own and names it
 * in the built manifest as `background.service_worker`. Built with the pages, the worker would count as one more
 * entry that shares their modules, and the pages' one shared chunk would take what only the popup and the worker
 * use (e.g. the SHA-256 and SHA-512 code the options page does not load): in its own build it shares nothing, and
 * starts from one file. Pass crx the manifest without `background` (see vite.config.ts); this plugin runs after
 * crx's manifest is in the bundle and adds it back.
 */
export function serviceWorkerBundle(entry: string): Plugin {
  const path = fileURLToPath(new URL(`../${entry}`, import.meta.url));
  return {
    name: 'keystep:service-worker-bundle',
    apply: 'build',
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        this.emitFile({ type: 'asset', fileName: SERVICE_WORKER_FILE, source: await buildSingleFile(path, 'es') });
        const manifest = bundle['manifest.json'];
        if (manifest?.type !== 'asset') this.error('keystep:service-worker-bundle: crx emitted no manifest.json');
        const json = JSON.parse(String(manifest.source)) as Record<string, unknown>;
        json['background'] = { service_worker: SERVICE_WORKER_FILE, type: 'module' };
        manifest.source = `${JSON.stringify(json, null, 2)}\n`;
      },
    },
  };
}
