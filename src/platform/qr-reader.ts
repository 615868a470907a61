import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
// The reader's WebAssembly, packaged in the extension as an asset (Vite's explicit URL import,
// https://vite.dev/guide/assets#explicit-url-imports): it is fetched from the extension itself, never from a CDN.
import readerWasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { QrImageError } from './qr-image-error.ts';

/** One QR code found in an image. */
export interface FoundQrCode {
  /** Its content as text. It may be an account link and hold a secret: never log it. */
  readonly text: string;
  /** Where its top-left corner is, in image pixels (for reading the codes in page order). */
  readonly x: number;
  readonly y: number;
}

/**
 * Larger images are scaled down before decoding: 16.7 million pixels (4096 x 4096) is a 4K screenshot four times
 * over, and keeps the decoder's copy of the image (one byte per pixel) within 17 MB.
 */
const MAX_PIXELS = 4096 * 4096;

/**
 * zxing-cpp's reader (https://github.com/zxing-cpp/zxing-cpp) as WebAssembly: it reads dense codes such as
 * Google Authenticator exports of ten accounts. QR codes only; every code in the image (up to 255); it tries
 * harder, rotated and inverted codes (the library's defaults).
 */
const OPTIONS: ReaderOptions = { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 255, textMode: 'Plain' };

let prepared = false;

/**
 * Points zxing-wasm at the packaged .wasm. The library's own default is a CDN URL: an extension must not load
 * code from elsewhere, so every read goes through here first.
 */
function prepare(): void {
  if (prepared) return;
  prepareZXingModule({ overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? readerWasmUrl : prefix + path) } });
  prepared = true;
}

/** The image's pixels, scaled down to MAX_PIXELS when larger. @throws QrImageError when the browser cannot decode it. */
async function pixelsOf(image: Blob): Promise<ImageData> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(image);
  } catch {
    throw new QrImageError(`The ${image.type || 'file'} of ${image.size} bytes is not an image the browser can decode`);
  }
  const scale = Math.min(1, Math.sqrt(MAX_PIXELS / (bitmap.width * bitmap.height)));
  const width = Math.max(1, Math.floor(bitmap.width * scale));
  const height = Math.max(1, Math.floor(bitmap.height * scale));
  const context = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
  if (context === null) throw new Error('No 2D canvas to read the image with');
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return context.getImageData(0, 0, width, height);
}

/**
 * Every QR code in an image (a PNG, JPEG, WebP, GIF or BMP: what the browser decodes), in reading order: top to
 * bottom, then left to right. Codes zxing finds but cannot read (damaged) are left out. Loads the decoder's
 * WebAssembly (about 0.9 MB) on the first call.
 * @throws QrImageError when the image cannot be decoded.
 */
export async function readQrCodes(image: Blob): Promise<FoundQrCode[]> {
  prepare();
  const pixels = await pixelsOf(image);
  const results = await readBarcodes(pixels, OPTIONS);
  const rowHeight = Math.max(8, Math.round(pixels.height / 100));
  return results
    .filter((result) => result.isValid && result.text !== '')
    .map((result) => ({ text: result.text, x: result.position.topLeft.x, y: result.position.topLeft.y }))
    .sort((a, b) => Math.round(a.y / rowHeight) - Math.round(b.y / rowHeight) || a.x - b.x);
}
