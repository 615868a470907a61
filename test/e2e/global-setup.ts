import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { CHROMIUM, DIST } from '../support/launch-extension.ts';

/** The e2e tests drive the built extension: fail early and clearly when a piece is missing. */
export default async function setup(): Promise<void> {
  await access(join(DIST, 'manifest.json')).catch(() => {
    throw new Error(`No built extension at ${DIST}: run \`npm run build\` first (\`npm test\` does).`);
  });
  await access(CHROMIUM).catch(() => {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium), or set CHROMIUM_PATH.`);
  });
}
