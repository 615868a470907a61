import type { QrDecoder } from '../services/scan-for-codes.ts';

/**
 * The QR reader (platform/qr-reader.ts with zxing-wasm's reader and its WebAssembly), loaded on the first scan:
 * never with a page, so neither the popup's start-up nor the options page's carries it.
 */
export const lazyQrDecoder: QrDecoder = {
  readQrCodes: async (image) => (await import('../platform/qr-reader.ts')).readQrCodes(image),
};
