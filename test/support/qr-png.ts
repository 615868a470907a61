import { crc32, deflateSync } from 'node:zlib';
import { encode } from 'uqr';

// PNG images of QR codes for the image import's tests, as a user's screenshot would be: drawn with uqr (the encoder
// Keystep's own exports and test/support/qr-pages.ts use) and written as an 8-bit greyscale PNG
// (https://www.w3.org/TR/png-3/: signature, IHDR, one IDAT of filter-0 scanlines, IEND) with node:zlib.

const SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A greyscale PNG of `width` x `height` pixels; `dark(x, y)` says which pixels are black (the rest white). */
export function greyscalePng(width: number, height: number, dark: (x: number, y: number) => boolean): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // bit depth 8, colour type 0 (greyscale), deflate, filter method 0, no interlace
  const rows = Buffer.alloc((width + 1) * height, 0xff);
  for (let y = 0; y < height; y++) {
    rows[y * (width + 1)] = 0; // filter type None
    for (let x = 0; x < width; x++) if (dark(x, y)) rows[y * (width + 1) + 1 + x] = 0;
  }
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', new Uint8Array())]);
}

/** A PNG of the QR code of `text` (error correction M, a quiet zone of 4 modules), `moduleSize` pixels a module. */
export function qrPng(text: string, moduleSize = 4): Uint8Array {
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  return greyscalePng(size * moduleSize, size * moduleSize, (x, y) => data[Math.floor(y / moduleSize)]?.[Math.floor(x / moduleSize)] === true);
}

/** A PNG with no QR code in it: white, with a black frame, `side` pixels square. */
export function pngWithoutQr(side = 120): Uint8Array {
  return greyscalePng(side, side, (x, y) => x < 4 || y < 4 || x >= side - 4 || y >= side - 4);
}
