import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseSync } from 'vite';

export interface PageFiles {
  /** The page's JS and CSS loaded with it: its HTML's script and stylesheet tags, and their static imports. */
  readonly atStart: readonly string[];
  /** atStart and every chunk a dynamic import can load later, transitively: all the code the page can run. */
  readonly reachable: readonly string[];
}

interface ChunkImports {
  readonly staticImports: readonly string[];
  readonly dynamicImports: readonly string[];
}

/** The specifiers a built ES module imports, from the parser's module record (not by a pattern on the text). */
function importsOf(file: string, code: string): ChunkImports {
  const { module } = parseSync(file, code);
  const staticImports = [
    ...module.staticImports.map((entry) => entry.moduleRequest.value),
    ...module.staticExports.flatMap((statement) => statement.entries.flatMap((entry) => (entry.moduleRequest ? [entry.moduleRequest.value] : []))),
  ];
  const dynamicImports = module.dynamicImports.map(({ moduleRequest }) => {
    const literal = /^(["'`])([^"'`$\\]*)\1$/.exec(code.slice(moduleRequest.start, moduleRequest.end));
    if (!literal?.[2]) throw new Error(`${file}: a dynamic import with a computed specifier, cannot tell which chunk it loads`);
    return literal[2];
  });
  return { staticImports, dynamicImports };
}

/**
 * The built files (paths relative to `dist`) that the extension page `htmlPath` loads, found by following its
 * HTML and the import statements of the chunks, the way the browser does.
 */
export async function builtPageFiles(dist: string, htmlPath: string): Promise<PageFiles> {
  const html = await readFile(join(dist, htmlPath), 'utf8');
  const fromHtml = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+\.(?:js|css))"/g)].map((match) => match[1] ?? '');
  if (fromHtml.length === 0) throw new Error(`${htmlPath} names no script or stylesheet`);
  const page = (url: string, from: string): string => relative(dist, url.startsWith('/') ? join(dist, url) : resolve(dirname(join(dist, from)), url));
  const entries = fromHtml.map((url) => page(url, htmlPath));

  const imports = new Map<string, ChunkImports>();
  const importsOfFile = async (file: string): Promise<ChunkImports> => {
    const known = imports.get(file);
    if (known) return known;
    const found = file.endsWith('.js') ? importsOf(file, await readFile(join(dist, file), 'utf8')) : { staticImports: [], dynamicImports: [] };
    imports.set(file, found);
    return found;
  };
  const closure = async (roots: readonly string[], followDynamic: boolean): Promise<string[]> => {
    const seen = new Set<string>();
    const queue = [...roots];
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      if (seen.has(file)) continue;
      seen.add(file);
      const { staticImports, dynamicImports } = await importsOfFile(file);
      for (const specifier of [...staticImports, ...(followDynamic ? dynamicImports : [])]) queue.push(page(specifier, file));
    }
    return [...seen].sort();
  };
  return { atStart: await closure(entries, false), reachable: await closure(entries, true) };
}
