import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionId } from './extension-id.ts';

export interface FloorExtension {
  /** The unpacked extension folder, to load next to dist/. */
  readonly dir: string;
  readonly id: string;
  /** chrome-extension://<id>/floor.html */
  readonly pageUrl: string;
  remove(): Promise<void>;
}

/** A fresh 2048-bit RSA public key, DER (SubjectPublicKeyInfo). */
const freshPublicKey = (): Buffer => generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' });

/**
 * Writes, in a temp folder, the smallest MV3 extension with a page of static text that shows a code, "123 456",
 * and runs no script: the floor a popup's start-up cannot go below (an extension page opened in a tab, parsed
 * and painted with its text). Its manifest carries a `key`, so its id is known without asking Chromium.
 */
export async function createFloorExtension(publicKeyDer: Buffer = freshPublicKey()): Promise<FloorExtension> {
  const dir = await mkdtemp(join(tmpdir(), 'keystep-floor-'));
  const manifest = { manifest_version: 3, name: 'Keystep bench floor', version: '1.0', key: publicKeyDer.toString('base64') };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await writeFile(join(dir, 'floor.html'), '<!doctype html>\n<html lang="en">\n<meta charset="utf-8" />\n<title>floor</title>\n<p>123 456</p>\n</html>\n');
  const id = extensionId(publicKeyDer);
  return { dir, id, pageUrl: `chrome-extension://${id}/floor.html`, remove: () => rm(dir, { recursive: true, force: true }) };
}
