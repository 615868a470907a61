/** An image the browser cannot decode (not an image, a format it does not read, damaged): no QR code can be looked for. */
export class QrImageError extends Error {
  override readonly name = 'QrImageError';
}
