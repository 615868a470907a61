import { createDecipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../src/core/base64.ts';
import type { SealedBox } from '../../src/core/sealed-box.ts';
import { parseSealedBox } from '../../src/core/parse-sealed-box.ts';
import { openBytes, sealBytes } from '../../src/core/sealed-box-codec.ts';
import { VaultCryptoError } from '../../src/core/vault-crypto-error.ts';
import { fixedRandomBytes } from '../support/fixed-random-bytes.ts';
import { rejectionOf } from '../support/rejection-of.ts';
import { thrownBy } from '../support/thrown-by.ts';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const fromHex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const KEY = Uint8Array.from({ length: 32 }, (_, i) => 0xa0 + i);
const AAD = 'keystep/test/v1';
const b64 = (length: number): string => bytesToBase64(new Uint8Array(length).fill(9));

/** The box with byte `index` of iv || ciphertext XORed with `mask`. */
function flipped(box: SealedBox, index: number, mask = 0x01): SealedBox {
  const iv = base64ToBytes(box.iv, 'iv');
  const ciphertext = base64ToBytes(box.ciphertext, 'ciphertext');
  if (index < iv.length) iv[index]! ^= mask;
  else ciphertext[index - iv.length]! ^= mask;
  return { iv: bytesToBase64(iv), ciphertext: bytesToBase64(ciphertext) };
}

describe('sealBytes / openBytes', () => {
  // The GCM specification's test cases 13 and 14 (McGrew and Viega, "The Galois/Counter Mode of Operation",
  // appendix B: https://csrc.nist.gov/CSRC/media/Projects/Block-Cipher-Techniques/documents/BCM/proposed-modes/gcm/gcm-spec.pdf):
  // 256-bit zero key, zero 96-bit IV, no additional data.
  it.each([
    ['test case 13 (empty plaintext)', '', '530f8afbc74536b9a963b4f1c4cb738b'],
    ['test case 14 (one zero block)', '00000000000000000000000000000000', 'cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919'],
  ])('GCM spec %s', async (_case, plaintext, ciphertextAndTag) => {
    const zeros = (length: number): Uint8Array<ArrayBuffer> => new Uint8Array(length);
    const box = await sealBytes(new Uint8Array(32), fromHex(plaintext), '', { randomBytes: zeros });
    expect(box).toEqual({ iv: bytesToBase64(new Uint8Array(12)), ciphertext: bytesToBase64(fromHex(ciphertextAndTag)) });
    expect(hex(await openBytes(new Uint8Array(32), box, ''))).toBe(plaintext);
  });

  it.each([
    ['empty', new Uint8Array(0)],
    ['one byte', Uint8Array.of(0)],
    ['text', utf8('{"accounts":[]} é \u{1F511}')],
    ['4 KiB', Uint8Array.from({ length: 4096 }, (_, i) => (i * 31) % 256)],
  ])('round-trips %s', async (_case, plaintext) => {
    const box = await sealBytes(KEY, plaintext, AAD);
    expect(base64ToBytes(box.iv, 'iv')).toHaveLength(12);
    expect(base64ToBytes(box.ciphertext, 'ciphertext')).toHaveLength(plaintext.length + 16);
    expect(hex(await openBytes(KEY, box, AAD))).toBe(hex(plaintext));
  });

  it('writes what an independent AES-256-GCM (OpenSSL) decrypts, with the AAD as UTF-8', async () => {
    const aad = 'keystep/ü/v1';
    const box = await sealBytes(KEY, utf8('hello, vault'), aad);
    const data = base64ToBytes(box.ciphertext, 'ciphertext');
    const decipher = createDecipheriv('aes-256-gcm', KEY, base64ToBytes(box.iv, 'iv'));
    decipher.setAAD(utf8(aad));
    decipher.setAuthTag(data.subarray(data.length - 16));
    const plaintext = Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]);
    expect(plaintext.toString('utf8')).toBe('hello, vault');
  });

  it('takes the iv from the injected randomBytes, so results are deterministic', async () => {
    const first = fixedRandomBytes(50);
    const a = await sealBytes(KEY, utf8('same'), AAD, { randomBytes: first });
    const b = await sealBytes(KEY, utf8('same'), AAD, { randomBytes: fixedRandomBytes(50) });
    expect(a).toEqual(b);
    expect(first.lengths).toEqual([12]);
    expect(hex(base64ToBytes(a.iv, 'iv'))).toBe(hex(Uint8Array.from({ length: 12 }, (_, i) => 50 + i)));
  });

  it('uses a fresh iv for every seal by default', async () => {
    const a = await sealBytes(KEY, utf8('same'), AAD);
    const b = await sealBytes(KEY, utf8('same'), AAD);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  // 12 iv bytes + 5 plaintext bytes + 16 tag bytes: every single byte is covered by the tag.
  it.each(Array.from({ length: 12 + 5 + 16 }, (_, index) => index))(
    'rejects the box with byte %i of iv || ciphertext || tag flipped',
    async (index) => {
      const box = await sealBytes(KEY, utf8('12345'), AAD, { randomBytes: fixedRandomBytes() });
      const error = await rejectionOf(openBytes(KEY, flipped(box, index, 0x80), AAD), VaultCryptoError);
      expect(error.code).toBe('decrypt-failed');
    },
  );

  it.each<[string, Uint8Array, string]>([
    ['another key', KEY.map((byte, i) => (i === 31 ? byte ^ 1 : byte)), AAD],
    ['another AAD', KEY, 'keystep/test/v2'],
    ['an empty AAD', KEY, ''],
  ])('rejects opening with %s', async (_case, key, aad) => {
    const box = await sealBytes(KEY, utf8('PLAINTEXT-MARKER'), AAD);
    const error = await rejectionOf(openBytes(key, box, aad), VaultCryptoError);
    expect(error.code).toBe('decrypt-failed');
    expect(error.message).toContain(aad);
    expect(error.message).not.toContain('PLAINTEXT-MARKER');
    expect(error.message).not.toContain(bytesToBase64(KEY));
    expect(error.message).not.toContain(hex(KEY));
  });

  it('checks the box before decrypting', async () => {
    const error = await rejectionOf(openBytes(KEY, { iv: b64(11), ciphertext: b64(16) }, AAD), VaultCryptoError);
    expect(error.code).toBe('sealed-box-invalid');
    expect(error.field).toBe('iv');
  });

  it.each([0, 16, 31, 33, 64])('refuses a %i-byte key', async (length) => {
    await expect(sealBytes(new Uint8Array(length), utf8('x'), AAD)).rejects.toThrow(RangeError);
    const box = await sealBytes(KEY, utf8('x'), AAD);
    await expect(openBytes(new Uint8Array(length), box, AAD)).rejects.toThrow(RangeError);
  });

  it('refuses a randomBytes that returns the wrong length', async () => {
    const short = (length: number): Uint8Array<ArrayBuffer> => new Uint8Array(length - 1);
    await expect(sealBytes(KEY, utf8('x'), AAD, { randomBytes: short })).rejects.toThrow(RangeError);
  });
});

describe('parseSealedBox', () => {
  const VALID = { iv: b64(12), ciphertext: b64(16) };

  it.each([
    ['the minimum', VALID],
    ['a long ciphertext', { ...VALID, ciphertext: b64(1000) }],
    ['unpadded Base64', { iv: VALID.iv, ciphertext: b64(17).replace(/=+$/, '') }],
  ])('accepts %s', (_case, raw) => {
    expect(parseSealedBox(raw, 'the box')).toEqual(raw);
  });

  it('returns only iv and ciphertext', () => {
    expect(parseSealedBox({ ...VALID, algorithm: 'AES-256-GCM' }, 'the box')).toEqual(VALID);
  });

  it.each<[string, unknown, string | undefined]>([
    ['null', null, undefined],
    ['a string', 'iv', undefined],
    ['an array', [VALID.iv, VALID.ciphertext], undefined],
    ['no iv', { ciphertext: VALID.ciphertext }, 'iv'],
    ['iv as a number', { ...VALID, iv: 12 }, 'iv'],
    ['iv not Base64', { ...VALID, iv: 'not*base64' }, 'iv'],
    ['empty iv', { ...VALID, iv: '' }, 'iv'],
    ['iv of 11 bytes', { ...VALID, iv: b64(11) }, 'iv'],
    ['iv of 13 bytes', { ...VALID, iv: b64(13) }, 'iv'],
    ['iv of 16 bytes', { ...VALID, iv: b64(16) }, 'iv'],
    ['no ciphertext', { iv: VALID.iv }, 'ciphertext'],
    ['ciphertext null', { ...VALID, ciphertext: null }, 'ciphertext'],
    ['ciphertext not Base64', { ...VALID, ciphertext: 'AAAA AAAA' }, 'ciphertext'],
    ['empty ciphertext', { ...VALID, ciphertext: '' }, 'ciphertext'],
    ['ciphertext of 15 bytes', { ...VALID, ciphertext: b64(15) }, 'ciphertext'],
  ])('rejects %s, naming the input and the field', (_case, raw, field) => {
    const error = thrownBy(() => parseSealedBox(raw, 'THE-PAYLOAD'), VaultCryptoError);
    expect(error.code).toBe('sealed-box-invalid');
    expect(error.field).toBe(field);
    expect(error.message).toContain('THE-PAYLOAD');
    if (field !== undefined) expect(error.message).toContain(field);
  });
});
