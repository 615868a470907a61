// `npm run zip` (after `vite build`): writes keystep-<version>.zip at the repository root from dist/.
// `npm run test:e2e` runs it on the build it has just made, so the tests check the very zip a release would upload.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import packageJson from '../package.json' with { type: 'json' };
import { writeStorePackage } from './store-package.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
const written = await writeStorePackage({ dist: fileURLToPath(new URL('../dist', import.meta.url)), outDir: root, version: packageJson.version });
const ms = Math.round(performance.now() - started);
process.stdout.write(`${relative(process.cwd(), written.path)}: ${written.files.length} files, ${written.bytes} bytes, zipped in ${ms} ms\n`);
