import { build, type Rolldown } from 'vite';

/**
 * Bundles `entry` and everything it imports, dynamic imports included, into one file's code, with no config file
 * (so none of the pages' plugins or chunk groups apply): for scripts Chrome loads on their own, outside the pages'
 * module graph. `iife` gives a classic script (no import or export), `es` a module with no imports.
 * @throws when the build does not give exactly one chunk.
 */
export async function buildSingleFile(entry: string, format: 'iife' | 'es'): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      target: 'chrome120',
      minify: true,
      sourcemap: false,
      emptyOutDir: false,
      lib: { entry, formats: [format], name: 'keystep', fileName: () => 'bundle.js' },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  });
  const results = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  const chunks = results.flatMap((result) => result.output.filter((item): item is Rolldown.OutputChunk => item.type === 'chunk'));
  const [chunk] = chunks;
  if (chunks.length !== 1 || chunk === undefined) throw new Error(`${entry}: expected one chunk, got ${chunks.length}`);
  return chunk.code;
}
