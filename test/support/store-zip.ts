import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import packageJson from '../../package.json' with { type: 'json' };

/** The store package `npm run zip` writes, and `npm run test:e2e` after its build (build/zip-store-package.ts). */
export const STORE_ZIP = resolve(import.meta.dirname, `../../keystep-${packageJson.version}.zip`);

/** The store package's files by path, read from STORE_ZIP. */
export async function readStoreZip(): Promise<Record<string, Uint8Array>> {
  return unzipSync(await readFile(STORE_ZIP));
}

/** Unzips the store package into `dir`, as a user or the store would, for Chromium to load from there. */
export async function unzipStorePackage(dir: string): Promise<void> {
  for (const [path, data] of Object.entries(await readStoreZip())) {
    if (path.endsWith('/')) continue;
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), data);
  }
}
