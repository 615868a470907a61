import { describe, expect, it } from 'vitest';
import { formatOtpauthUri } from '../../src/core/otpauth-uri.ts';
import { TabCaptureError } from '../../src/platform/tab-capture-error.ts';
import { MAX_IMAGE_BYTES, scanImage, scanTab, type QrDecoder } from '../../src/services/scan-for-codes.ts';
import { draft } from '../support/account-fixtures.ts';

const PNG = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });
const decoding = (texts: readonly string[]): QrDecoder & { seen: Blob[] } => {
  const seen: Blob[] = [];
  return { seen, readQrCodes: (image) => (seen.push(image), Promise.resolve(texts.map((text) => ({ text })))) };
};

describe('scanTab', () => {
  it('decodes the captured image and reads each code', async () => {
    const decoder = decoding([formatOtpauthUri(draft()), 'https://example.com/x']);
    const outcome = await scanTab({ capture: () => Promise.resolve(PNG), ...decoder });
    expect(outcome).toEqual({
      kind: 'found',
      codes: [
        { text: formatOtpauthUri(draft()), code: { kind: 'otpauth', draft: draft() } },
        { text: 'https://example.com/x', code: { kind: 'web-link', origin: 'https://example.com' } },
      ],
    });
    expect(decoder.seen).toEqual([PNG]);
  });

  it('a refused capture fails with its error, and nothing is decoded', async () => {
    const error = new TabCaptureError('Cannot access contents of url "chrome://settings/"');
    const decoder = decoding([]);
    expect(await scanTab({ capture: () => Promise.reject(error), ...decoder })).toEqual({ kind: 'failed', error });
    expect(decoder.seen).toEqual([]);
  });

  it('a decoder that fails to load fails the scan', async () => {
    const error = new Error('CompileError: WebAssembly.instantiate()');
    expect(await scanTab({ capture: () => Promise.resolve(PNG), readQrCodes: () => Promise.reject(error) })).toEqual({ kind: 'failed', error });
  });
});

describe('scanTab: the page the codes were shown on', () => {
  const otpauth = formatOtpauthUri(draft());

  it.each<[url: string | undefined, page: object | undefined]>([
    ['https://accounts.example.com:443/settings/2fa', { kind: 'site', site: 'https://accounts.example.com', bindByDefault: true }],
    ['http://127.0.0.1:8080/mfa', { kind: 'site', site: 'http://127.0.0.1:8080', bindByDefault: false }],
    ['http://accounts.example.com/setup', { kind: 'insecure', origin: 'http://accounts.example.com' }],
    ['chrome://settings/', undefined],
    ['file:///tmp/qr.html', undefined],
    [undefined, undefined],
  ])('%s', async (url, page) => {
    const outcome = await scanTab({ capture: () => Promise.resolve(PNG), pageUrl: () => Promise.resolve(url), ...decoding([otpauth]) });
    expect(outcome).toEqual({ kind: 'found', codes: [{ text: otpauth, code: { kind: 'otpauth', draft: draft() } }], ...(page ? { page } : {}) });
  });

  it('reads the URL after the capture and before the decoding', async () => {
    const calls: string[] = [];
    await scanTab({
      capture: () => (calls.push('capture'), Promise.resolve(PNG)),
      pageUrl: () => (calls.push('url'), Promise.resolve('https://accounts.example.com/')),
      readQrCodes: () => (calls.push('decode'), Promise.resolve([])),
    });
    expect(calls).toEqual(['capture', 'url', 'decode']);
  });

  it('a URL that cannot be read only leaves the page out', async () => {
    const outcome = await scanTab({ capture: () => Promise.resolve(PNG), pageUrl: () => Promise.reject(new Error('No tab with id: 7')), ...decoding([otpauth]) });
    expect(outcome).toEqual({ kind: 'found', codes: [{ text: otpauth, code: { kind: 'otpauth', draft: draft() } }] });
  });

  it('a refused capture does not ask for the URL', async () => {
    const asked: string[] = [];
    const error = new TabCaptureError('Cannot access a chrome:// URL');
    const outcome = await scanTab({ capture: () => Promise.reject(error), pageUrl: () => (asked.push('url'), Promise.resolve('https://x.example')), ...decoding([]) });
    expect(outcome).toEqual({ kind: 'failed', error });
    expect(asked).toEqual([]);
  });
});

describe('scanImage', () => {
  it('an image with no code: found nothing', async () => {
    expect(await scanImage(PNG, decoding([]))).toEqual({ kind: 'found', codes: [] });
  });

  it('an image knows no page: no site is offered for its accounts', async () => {
    const outcome = await scanImage(PNG, decoding([formatOtpauthUri(draft())]));
    expect(outcome.kind === 'found' && 'page' in outcome).toBe(false);
  });

  it(`an image over ${MAX_IMAGE_BYTES / 1024 / 1024} MiB is refused unread`, async () => {
    const decoder = decoding([]);
    const big = { size: MAX_IMAGE_BYTES + 1, type: 'image/png' } as Blob;
    expect(await scanImage(big, decoder)).toEqual({ kind: 'too-large', size: MAX_IMAGE_BYTES + 1 });
    expect(decoder.seen).toEqual([]);
  });
});
