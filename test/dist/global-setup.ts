import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST } from '../support/launch-extension.ts';
import { STORE_ZIP } from '../support/store-zip.ts';

/** The build checks read dist/ and the store package made from it: fail early and clearly when one is missing. */
export default async function setup(): Promise<void> {
  await access(join(DIST, 'manifest.json')).catch(() => {
    throw new Error(`No built extension at ${DIST}: run \`npm run build\` first (\`npm test\` does).`);
  });
  await access(STORE_ZIP).catch(() => {
    throw new Error(`No store package at ${STORE_ZIP}: run \`npm run zip\` first (\`npm test\` makes it).`);
  });
}
