import browser from 'webextension-polyfill';
import { TabCaptureError } from './tab-capture-error.ts';

/**
 * Chrome allows two captures a second per extension (tabs.MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND) and refuses
 * the third with an error naming that quota: a quick "Scan again" meets it. Such a refusal is waited out and tried
 * again; any other is the browser saying no.
 */
const QUOTA_ERROR = /MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/;
/** ms between tries after a quota refusal: past the one-second window the quota counts in. */
const QUOTA_WAIT_MS = 600;
const QUOTA_TRIES = 4;

export interface CaptureDeps {
  /** The browser's capture of the current window's visible tab, as a data: URL; default tabs.captureVisibleTab. */
  readonly capture?: () => Promise<string>;
  /** Waits `ms` milliseconds; default setTimeout. */
  readonly sleep?: (ms: number) => Promise<void>;
}

const browserCapture = (): Promise<string> => browser.tabs.captureVisibleTab(undefined, { format: 'png' });
const timeout = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A PNG of what the current window's tab shows, as the user sees it (device pixels). Needs the activeTab grant
 * that a click on Keystep's toolbar button gives the tab
 * (https://developer.chrome.com/docs/extensions/reference/api/tabs#method-captureVisibleTab): no host permission.
 * PNG, not JPEG: a lossless image keeps the modules of a dense QR code sharp. A refusal for the per-second quota
 * is tried again up to 3 times, 600 ms apart.
 * @throws TabCaptureError when the browser refuses.
 */
export async function captureVisibleTab({ capture = browserCapture, sleep = timeout }: CaptureDeps = {}): Promise<Blob> {
  let dataUrl: string | undefined;
  for (let tries = 1; dataUrl === undefined; tries++) {
    try {
      dataUrl = await capture();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!QUOTA_ERROR.test(message) || tries >= QUOTA_TRIES) throw new TabCaptureError(message);
      await sleep(QUOTA_WAIT_MS);
    }
  }
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: 'image/png' });
}
