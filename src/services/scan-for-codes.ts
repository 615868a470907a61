import { readScannedCode } from '../core/formats/read-scanned-code.ts';
import { scanSiteOffer, type ScanSiteOffer } from '../core/scan-site-offer.ts';
import type { FoundCode } from './qr-scan-session.ts';

/** Larger image files are refused unread: a 4K screenshot is 2-8 MB as PNG, a phone photo 3-10 MB as JPEG. */
export const MAX_IMAGE_BYTES = 25 * 1024 * 1024;

/** What decoding needs: the QR reader (platform/qr-reader.ts, loaded when first used). */
export interface QrDecoder {
  readonly readQrCodes: (image: Blob) => Promise<readonly { readonly text: string }[]>;
}

export type ScanOutcome =
  /**
   * The QR codes found, in reading order (none: `codes` is empty). `page`: for a tab scan, what the page it showed
   * offers the accounts (core/scan-site-offer.ts); absent for an image, whose origin nobody knows, and for a tab
   * that is not a site.
   */
  | { readonly kind: 'found'; readonly codes: readonly FoundCode[]; readonly page?: ScanSiteOffer }
  /** An image file over MAX_IMAGE_BYTES: not read (`size` in bytes). */
  | { readonly kind: 'too-large'; readonly size: number }
  /**
   * No image to look at, or no decoder: `error` is a TabCaptureError (the browser refused to capture the tab), a
   * QrImageError (not an image it can decode), or whatever failed loading the decoder.
   */
  | { readonly kind: 'failed'; readonly error: unknown };

const found = async (image: Blob, decoder: QrDecoder): Promise<ScanOutcome> => {
  const codes = await decoder.readQrCodes(image);
  return { kind: 'found', codes: codes.map(({ text }) => ({ text, code: readScannedCode(text) })) };
};

/**
 * Captures what the current tab shows and reads every QR code in it: account links, Google Authenticator export
 * codes, and what the others are; and what the page offers as the accounts' site, from its URL read right after
 * the capture, before the decoding (a tab that went to another origin meanwhile has lost the activeTab grant, so
 * its URL is hidden and nothing is offered). Nothing is written.
 * @param ports `capture` the visible tab as an image (platform/capture-visible-tab.ts: the activeTab grant);
 *   `pageUrl` the URL of that tab (platform/tab-url.ts), default none. A failing `pageUrl` only leaves the site out.
 */
export async function scanTab(ports: QrDecoder & { readonly capture: () => Promise<Blob>; readonly pageUrl?: () => Promise<string | undefined> }): Promise<ScanOutcome> {
  try {
    const image = await ports.capture();
    const page = ports.pageUrl === undefined ? undefined : scanSiteOffer(await ports.pageUrl().catch(() => undefined));
    const outcome = await found(image, ports);
    return page === undefined || outcome.kind !== 'found' ? outcome : { ...outcome, page };
  } catch (error) {
    return { kind: 'failed', error };
  }
}

/** Reads every QR code of an image the user chose, dropped or pasted. Nothing is written. */
export async function scanImage(image: Blob, decoder: QrDecoder): Promise<ScanOutcome> {
  if (image.size > MAX_IMAGE_BYTES) return { kind: 'too-large', size: image.size };
  try {
    return await found(image, decoder);
  } catch (error) {
    return { kind: 'failed', error };
  }
}
