import browser from 'webextension-polyfill';
import { TabCaptureError } from './tab-capture-error.ts';

/**
 * A PNG of what the current window's tab shows, as the user sees it (device pixels). Needs the activeTab grant
 * that a click on Keystep's toolbar button gives the tab
 * (https://developer.chrome.com/docs/extensions/reference/api/tabs#method-captureVisibleTab): no host permission.
 * PNG, not JPEG: a lossless image keeps the modules of a dense QR code sharp.
 * @throws TabCaptureError when the browser refuses.
 */
export async function captureVisibleTab(): Promise<Blob> {
  let dataUrl: string;
  try {
    dataUrl = await browser.tabs.captureVisibleTab(undefined, { format: 'png' });
  } catch (error) {
    throw new TabCaptureError(error instanceof Error ? error.message : String(error));
  }
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: 'image/png' });
}
