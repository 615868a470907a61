import { readdir, readFile } from 'node:fs/promises';
import { strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import sourceManifest from '../../manifest.json' with { type: 'json' };
import { DIST } from '../support/launch-extension.ts';
import { readStoreZip } from '../support/store-zip.ts';

// The zip for the Chrome Web Store, as build/zip-store-package.ts made it from this run's production build.

let zip: Record<string, Uint8Array>;
let paths: string[];

beforeAll(async () => {
  zip = await readStoreZip();
  paths = Object.keys(zip).sort();
});

describe('store package', () => {
  it('holds exactly the built extension: the files of dist/, manifest.json at the root', async () => {
    const built = (await readdir(DIST, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => `${entry.parentPath}/${entry.name}`.slice(DIST.length + 1))
      .sort();
    expect(paths).toEqual(built);
    expect(paths).toContain('manifest.json');
    expect(paths).toEqual(expect.arrayContaining(['src/popup/index.html', 'src/options/index.html', '_locales/en/messages.json', '_locales/ja/messages.json']));
  });

  it('has no source map, no test file, no source file and nothing hidden', () => {
    expect(paths.filter((path) => path.endsWith('.map'))).toEqual([]);
    expect(paths.filter((path) => /(^|\/)test\//.test(path))).toEqual([]);
    expect(paths.filter((path) => /\.(tsx?|jsx)$/.test(path))).toEqual([]);
    expect(paths.filter((path) => /(^|\/)\./.test(path))).toEqual([]);
    expect(paths.filter((path) => /(^|\/)node_modules\//.test(path))).toEqual([]);
    const pointingAtMaps = paths.filter((path) => /\.(js|css)$/.test(path) && /sourceMappingURL=/.test(strFromU8(zip[path] ?? new Uint8Array())));
    expect(pointingAtMaps).toEqual([]);
  });

  it('carries package.json’s version, which manifest.json leaves out', () => {
    const manifest = JSON.parse(strFromU8(zip['manifest.json'] ?? new Uint8Array())) as { version?: string };
    expect(manifest.version).toBe(packageJson.version);
    expect('version' in sourceManifest).toBe(false);
  });

  it('zips the files as they were built', async () => {
    for (const path of ['manifest.json', 'src/popup/index.html', 'icons/icon-128.png']) {
      expect(Buffer.from(zip[path] ?? new Uint8Array()).equals(await readFile(`${DIST}/${path}`))).toBe(true);
    }
  });
});
