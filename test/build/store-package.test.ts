import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeStorePackage } from '../../build/store-package.ts';

let work: string;
let dist: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'keystep-zip-'));
  dist = join(work, 'dist');
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function build(files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dist, path)), { recursive: true });
    await writeFile(join(dist, path), text);
  }
}

const MANIFEST = JSON.stringify({ manifest_version: 3, name: 'Keystep', version: '1.2.3' });

describe('writeStorePackage', () => {
  it('zips every file of the build, sorted, as keystep-<version>.zip, without dot entries', async () => {
    await build({
      'manifest.json': MANIFEST,
      'assets/app.js': 'console.log(1);',
      '_locales/en/messages.json': '{}',
      '.vite/manifest.json': '{}',
      'icons/.DS_Store': 'x',
    });
    const written = await writeStorePackage({ dist, outDir: work, version: '1.2.3' });
    expect(written.path).toBe(join(work, 'keystep-1.2.3.zip'));
    expect(written.files).toEqual(['_locales/en/messages.json', 'assets/app.js', 'manifest.json']);
    const zip = await readFile(written.path);
    expect(written.bytes).toBe(zip.byteLength);
    const unzipped = unzipSync(zip);
    expect(Object.keys(unzipped).sort()).toEqual(written.files);
    expect(strFromU8(unzipped['assets/app.js'] ?? new Uint8Array())).toBe('console.log(1);');
    expect(strFromU8(unzipped['manifest.json'] ?? new Uint8Array())).toBe(MANIFEST);
  });

  it('writes the same bytes for the same build whenever it runs (fixed entry times)', async () => {
    await build({ 'manifest.json': MANIFEST, 'a.js': 'a' });
    const zipAt = async (iso: string): Promise<Buffer> => {
      vi.setSystemTime(new Date(iso));
      return readFile((await writeStorePackage({ dist, outDir: work, version: '1.2.3' })).path);
    };
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const first = await zipAt('2026-01-01T10:00:00Z');
      const second = await zipAt('2031-07-15T23:59:58Z');
      expect(second.equals(first)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([
    ['a source map file', { 'assets/app.js': 'x', 'assets/app.js.map': '{}' }, 'assets/app.js.map'],
    ['a script pointing at a source map', { 'assets/app.js': 'x\n//# sourceMappingURL=app.js.map\n' }, 'assets/app.js'],
    ['a stylesheet pointing at a source map', { 'assets/app.css': 'a{}\n/*# sourceMappingURL=app.css.map */' }, 'assets/app.css'],
  ])('refuses a build with %s, and writes no zip', async (_, files, named) => {
    await build({ 'manifest.json': MANIFEST, ...files });
    await expect(writeStorePackage({ dist, outDir: work, version: '1.2.3' })).rejects.toThrow(`has source maps (${named})`);
    await expect(readFile(join(work, 'keystep-1.2.3.zip'))).rejects.toThrow('ENOENT');
  });

  it('refuses a build of another version than package.json', async () => {
    await build({ 'manifest.json': MANIFEST });
    await expect(writeStorePackage({ dist, outDir: work, version: '1.3.0' })).rejects.toThrow('was built as version 1.2.3, but package.json says 1.3.0');
  });

  it('refuses a folder with no manifest.json', async () => {
    await build({ 'a.js': 'a' });
    await expect(writeStorePackage({ dist, outDir: work, version: '1.2.3' })).rejects.toThrow('No manifest.json in');
  });
});
