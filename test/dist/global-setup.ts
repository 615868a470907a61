import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST } from '../support/launch-extension.ts';

/** The build checks read dist/: fail early and clearly when it is missing. */
export default async function setup(): Promise<void> {
  await access(join(DIST, 'manifest.json')).catch(() => {
    throw new Error(`No built extension at ${DIST}: run \`npm run build\` first (\`npm test\` does).`);
  });
}
