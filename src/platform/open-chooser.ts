import browser from 'webextension-polyfill';

/** The chooser's URL: the popup, told which pending fill to ask about (src/popup/main.tsx). */
export const chooserPath = (pendingId: string): string => `src/popup/index.html?chooser=${encodeURIComponent(pendingId)}`;

/**
 * Opens the chooser in a small window of its own, for a fill that must not happen without asking. A window rather
 * than the toolbar popup: action.openPopup() needs a focused browser window of this profile and is not in every
 * Chrome Keystep supports (minimum 120), and a window cannot be closed by a click on the page behind it.
 */
export async function openChooserWindow(pendingId: string): Promise<void> {
  await browser.windows.create({ url: browser.runtime.getURL(chooserPath(pendingId)), type: 'popup', width: 380, height: 560, focused: true });
}
