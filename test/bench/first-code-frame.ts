import type { Page } from 'playwright-core';

/**
 * A code as the popup shows it, grouped for reading: "123 456", "123 4567" or "1234 5678" (see formatCode).
 * The floor page's text, "123 456", is one too.
 */
export const SHOWN_CODE = /\d{3,4} \d{3,4}/;

/** Where the watcher leaves its result on the page's global object. */
const RESULT = '__keystepFirstCodeFrame';

/**
 * Watches, from the page's first moment, for the first frame whose text shows a code, and records that frame's
 * time. A requestAnimationFrame callback runs at every frame, checks document.body.textContent (which needs no
 * layout) against SHOWN_CODE and, at the first match, stores performance.now(): the moment that frame's
 * rendering starts, in ms since the document's time origin (navigation start). Not the callback's timestamp
 * argument: that is when the frame was scheduled, which after a long task can be well before the text
 * existed. It is the same check for
 * every page, whatever the page is made of: the page needs no script of its own, and the watcher is the same
 * few lines for each (Playwright adds them with Page.addScriptToEvaluateOnNewDocument, before the page's own
 * code). Call before navigating; read with firstCodeFrame.
 * https://html.spec.whatwg.org/multipage/imagebitmap-and-animations.html#run-the-animation-frame-callbacks
 */
export async function watchFirstCodeFrame(page: Page): Promise<void> {
  // A string, not a function: the page must get this code as written, not as tsx transforms it (tsx wraps
  // named functions in a __name helper the page does not have).
  await page.addInitScript({
    content: `(() => {
      const shown = new RegExp(${JSON.stringify(SHOWN_CODE.source)});
      let found;
      globalThis[${JSON.stringify(RESULT)}] = new Promise((resolve) => { found = resolve; });
      const check = () => {
        if (shown.test(document.body ? document.body.textContent : '')) found(performance.now());
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    })();`,
  });
}

/**
 * The frame time watchFirstCodeFrame records, once there is one (up to `timeoutMs`). One evaluate that waits
 * on the page's promise: nothing polls the page while it starts.
 */
export async function firstCodeFrame(page: Page, timeoutMs = 30_000): Promise<number> {
  return page.evaluate(
    ({ result, timeoutMs }): Promise<number> =>
      Promise.race([
        (globalThis as unknown as Record<string, Promise<number>>)[result] ?? Promise.reject(new Error("The first-code watcher is not installed")),
        new Promise<number>((_, reject) => setTimeout(() => reject(new Error(`No code shown within ${timeoutMs} ms: ${document.body.innerText.slice(0, 300)}`)), timeoutMs)),
      ]),
    { result: RESULT, timeoutMs },
  );
}
