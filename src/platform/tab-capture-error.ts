/**
 * The browser refused to capture the tab: a page no extension may read (chrome:// pages, the Chrome Web Store,
 * other extensions), or no activeTab grant (the popup was not opened by a click on Keystep's button).
 * `message` is the browser's, kept for developers.
 */
export class TabCaptureError extends Error {
  override readonly name = 'TabCaptureError';
}
