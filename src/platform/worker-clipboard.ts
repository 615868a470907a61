import browser from 'webextension-polyfill';

/** The offscreen document that writes the clipboard for the service worker (src/offscreen/clipboard.ts; build/offscreen-page.ts makes the page). */
const DOCUMENT = 'offscreen/clipboard.html';

/** A message only that document answers. */
export interface ClipboardWrite {
  readonly target: 'keystep-offscreen-clipboard';
  readonly text: string;
}

/** chrome.offscreen, which webextension-polyfill passes through but does not type. */
interface OffscreenApi {
  createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}

const offscreen = (): OffscreenApi => (browser as unknown as { offscreen: OffscreenApi }).offscreen;

/** One write at a time: the document is created and closed around each (Chrome allows one per extension). */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Copies text from the service worker, which has no DOM (an empty text clears the clipboard): through an offscreen document made for it and closed
 * after (https://developer.chrome.com/docs/extensions/reference/api/offscreen, reason CLIPBOARD). The text goes
 * in one runtime message to that document only.
 * @throws when the document cannot be made or the write fails (the caller says the code was not copied).
 */
export function copyFromWorker(text: string): Promise<void> {
  const run = queue.then(async () => {
    await offscreen().createDocument({ url: DOCUMENT, reasons: ['CLIPBOARD'], justification: 'Copy a one-time code when no field on the page can take it, and clear the clipboard 30 s after a copy' });
    try {
      const message: ClipboardWrite = { target: 'keystep-offscreen-clipboard', text };
      const done: unknown = await browser.runtime.sendMessage(message);
      if (done !== true) throw new Error('The clipboard write failed');
    } finally {
      await offscreen().closeDocument();
    }
  });
  queue = run.catch(() => undefined);
  return run;
}
