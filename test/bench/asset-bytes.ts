import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface AssetFile {
  /** Path inside the extension folder, e.g. assets/index.html-BqmR1Gjl.js. */
  readonly path: string;
  readonly raw: number;
  readonly gzip: number;
}

export interface KindBytes {
  readonly files: readonly AssetFile[];
  readonly raw: number;
  readonly gzip: number;
}

export interface AssetBytes {
  readonly js: KindBytes;
  readonly css: KindBytes;
  readonly total: KindBytes;
}

const sum = (files: readonly AssetFile[]): KindBytes => ({
  files,
  raw: files.reduce((n, f) => n + f.raw, 0),
  gzip: files.reduce((n, f) => n + f.gzip, 0),
});

/**
 * Sizes of the files behind chrome-extension:// URLs, read from the unpacked extension folder:
 * raw bytes, and gzip level 9 of each file on its own (what a store download or a review tool
 * would see per file), summed per kind.
 */
export async function assetBytes(urls: Iterable<string>, extensionDir: string): Promise<AssetBytes> {
  const files: (AssetFile & { kind: 'js' | 'css' })[] = [];
  for (const url of new Set(urls)) {
    const path = decodeURIComponent(new URL(url).pathname).replace(/^\//, '');
    const content = await readFile(join(extensionDir, path));
    files.push({ path, kind: path.endsWith('.css') ? 'css' : 'js', raw: content.length, gzip: gzipSync(content, { level: 9 }).length });
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  const strip = ({ path, raw, gzip }: AssetFile): AssetFile => ({ path, raw, gzip });
  return {
    js: sum(files.filter((f) => f.kind === 'js').map(strip)),
    css: sum(files.filter((f) => f.kind === 'css').map(strip)),
    total: sum(files.map(strip)),
  };
}
