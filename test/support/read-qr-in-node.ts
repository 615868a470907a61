import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

// zxing-wasm's reader in Node, for tests that read back what Keystep drew (a screenshot of an export QR code):
// the same decoder the extension packages, given its .wasm from node_modules instead of a URL.

let prepared = false;

/** The texts of every QR code in a PNG or JPEG image, in the order zxing finds them. */
export async function readQrTextsInNode(image: Uint8Array): Promise<string[]> {
  if (!prepared) {
    const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
    prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) } });
    prepared = true;
  }
  const results = await readBarcodes(image, { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 255, textMode: 'Plain' });
  return results.filter((result) => result.isValid).map((result) => result.text);
}
