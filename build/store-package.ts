import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

export interface StorePackage {
  /** The zip written: `<outDir>/keystep-<version>.zip`. */
  readonly path: string;
  /** The paths in the zip, `/`-separated, sorted. */
  readonly files: readonly string[];
  /** The zip's size in bytes. */
  readonly bytes: number;
}

export interface StorePackageOptions {
  /** The production build to package (the repository's dist/). */
  readonly dist: string;
  /** Where the zip goes (the repository root). */
  readonly outDir: string;
  /** package.json's version: the zip's name, and what dist/manifest.json must say. */
  readonly version: string;
}

// Every entry gets this time, so the same build always zips to the same bytes (a zip can be checked against a
// build by its hash). 1980-01-01 is the first moment the zip format's MS-DOS time can hold; fflate reads the
// local date fields, which a date made from local fields keeps whatever the time zone.
const ENTRY_TIME = new Date(1980, 0, 1);
// PNG is deflated already: stored as it is, it is no larger and unzips for free.
const STORED_AS_IS = /\.png$/;
const SOURCE_MAP_COMMENT = /[#@] sourceMappingURL=/;

/**
 * Zips a production build into `keystep-<version>.zip`, the file uploaded to the Chrome Web Store: every file of
 * `dist`, with manifest.json at the zip's root, except dot entries (Vite's `.vite/` build metadata, a stray
 * `.DS_Store`), which are not part of the extension. Source maps are refused, not left out: a build that made
 * them also points its scripts at them (`//# sourceMappingURL=`), so it is not the production build
 * (vite.config.ts has `sourcemap: false`). Refuses a `dist` whose manifest version is not `version` (a build
 * older than package.json's version). Files are deflated at level 9, PNG files stored.
 */
export async function writeStorePackage({ dist, outDir, version }: StorePackageOptions): Promise<StorePackage> {
  const files = (await listFiles(dist)).sort();
  if (!files.includes('manifest.json')) throw new Error(`No manifest.json in ${dist}: build the extension first (npm run zip does)`);
  const builtVersion = (JSON.parse(await readFile(join(dist, 'manifest.json'), 'utf8')) as { version?: unknown }).version;
  if (builtVersion !== version) {
    throw new Error(`${dist} was built as version ${String(builtVersion)}, but package.json says ${version}: build it again (npm run zip does)`);
  }
  const entries: Zippable = {};
  for (const file of files) {
    const data = await readFile(join(dist, file));
    if (file.endsWith('.map') || (/\.(js|css)$/.test(file) && SOURCE_MAP_COMMENT.test(data.toString('utf8')))) {
      throw new Error(`${dist} has source maps (${file}): the store package is made from the production build (npm run zip builds it)`);
    }
    entries[file] = [data, { level: STORED_AS_IS.test(file) ? 0 : 9 }];
  }
  const zip = zipSync(entries, { mtime: ENTRY_TIME });
  const path = join(outDir, `keystep-${version}.zip`);
  await writeFile(path, zip);
  return { path, files, bytes: zip.byteLength };
}

/** The files under `dir`, as `/`-separated paths relative to it, without dot entries or what is under them. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = prefix === '' ? entry.name : posix.join(prefix, entry.name);
    if (entry.isDirectory()) found.push(...(await listFiles(dir, path)));
    else if (entry.isFile()) found.push(path);
  }
  return found;
}
