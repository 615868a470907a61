import { fileURLToPath } from 'node:url';
import { build, type Plugin, type Rolldown } from 'vite';
import { INJECT_FILE } from '../src/inject/inject-file.ts';

const ENTRY = fileURLToPath(new URL('../src/inject/fill-entry.ts', import.meta.url));

/**
 * Builds the code Keystep injects into a page (src/inject/fill-entry.ts, with the core modules it imports) as one
 * self-contained classic script and emits it at INJECT_FILE (dist/inject/fill.js). scripting.executeScript({ files }) runs a
 * file as a classic script, so it must have no import or export; it is not listed in web_accessible_resources
 * (executeScript does not need that), so no website can fetch it to detect Keystep. docs/fill-design.md
 * section 8 compares this with crxjs's `?script&iife` import, which would list it for every site.
 *
 * The build runs in generateBundle of the extension's build, as a library build of its own (no config file, so
 * none of the pages' plugins or chunk groups apply); it fails if the result is not one IIFE chunk.
 */
export function injectBundle(): Plugin {
  return {
    name: 'keystep:inject-bundle',
    apply: 'build',
    async generateBundle() {
      const output = await build({
        configFile: false,
        logLevel: 'silent',
        build: {
          write: false,
          target: 'chrome120',
          minify: true,
          sourcemap: false,
          emptyOutDir: false,
          lib: { entry: ENTRY, formats: ['iife'], name: 'keystepFill', fileName: () => INJECT_FILE },
        },
      });
      const results = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
      const chunks = results.flatMap((result) => result.output.filter((item): item is Rolldown.OutputChunk => item.type === 'chunk'));
      const [chunk] = chunks;
      if (chunks.length !== 1 || chunk === undefined) this.error(`keystep:inject-bundle: expected one chunk for ${INJECT_FILE}, got ${chunks.length}`);
      this.emitFile({ type: 'asset', fileName: INJECT_FILE, source: chunk.code });
    },
  };
}
