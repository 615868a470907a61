import { describe, expect, it } from 'vitest';
import { pngWithoutQr, qrPng } from './qr-png.ts';
import { readQrTextsInNode } from './read-qr-in-node.ts';

describe('qrPng', () => {
  it('writes a PNG whose QR code reads back as the text', async () => {
    const text = 'otpauth://totp/GitHub:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
    const png = qrPng(text);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(await readQrTextsInNode(png)).toEqual([text]);
  });

  it('writes a PNG without a QR code that the reader finds nothing in', async () => {
    expect(await readQrTextsInNode(pngWithoutQr())).toEqual([]);
  });
});
