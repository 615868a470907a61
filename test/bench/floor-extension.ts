import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionId } from './extension-id.ts';
import { FIRST_CODE_MARK } from './first-code-mark.ts';

export interface FloorExtension {
  /** The unpacked extension folder, to load next to dist/. */
  readonly dir: string;
  readonly id: string;
  /** chrome-extension://<id>/blank.html */
  readonly pageUrl: string;
  remove(): Promise<void>;
}

/** A fresh 2048-bit RSA public key, DER (SubjectPublicKeyInfo). */
const freshPublicKey = (): Buffer => generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' });

/**
 * Writes, in a temp folder, the smallest MV3 extension with an empty page that sets the
 * first-code mark at its first frame: the floor a popup's start-up cannot go below. Its
 * manifest carries a `key`, so its id is known without asking Chromium. The page's script is
 * an external file because the MV3 extension-page CSP forbids inline scripts:
 * https://developer.chrome.com/docs/extensions/reference/manifest/content-security-policy
 */
export async function createFloorExtension(publicKeyDer: Buffer = freshPublicKey()): Promise<FloorExtension> {
  const dir = await mkdtemp(join(tmpdir(), 'keystep-floor-'));
  const manifest = { manifest_version: 3, name: 'Keystep bench floor', version: '1.0', key: publicKeyDer.toString('base64') };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await writeFile(join(dir, 'blank.html'), '<!doctype html>\n<html lang="en">\n<meta charset="utf-8" />\n<title>floor</title>\n<script src="blank.js"></script>\n</html>\n');
  await writeFile(join(dir, 'blank.js'), `requestAnimationFrame(() => performance.mark(${JSON.stringify(FIRST_CODE_MARK)}));\n`);
  const id = extensionId(publicKeyDer);
  return { dir, id, pageUrl: `chrome-extension://${id}/blank.html`, remove: () => rm(dir, { recursive: true, force: true }) };
}
