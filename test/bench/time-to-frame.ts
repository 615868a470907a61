/**
 * The source of an expression to evaluate in a page (Playwright's page.evaluate, or CDP Runtime.evaluate with
 * awaitPromise): it runs `act` (statements, e.g. a click), then checks `done` (an expression) at every frame, and
 * resolves with the ms from just before `act` to the start of the first frame at which `done` is true: the frame
 * that shows the result, timed the way first-code-frame.ts times the popup's first code. Timed inside the page, so
 * the driver's round trips do not count. A string, not a function: the page must get this code as written, not as
 * tsx transforms it (tsx wraps named functions in a __name helper the page does not have).
 * https://html.spec.whatwg.org/multipage/imagebitmap-and-animations.html#run-the-animation-frame-callbacks
 */
export function timeToFrameSource(act: string, done: string, timeoutMs = 30_000): string {
  return `new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(${JSON.stringify(`Not done within ${timeoutMs} ms: ${done}`)} + ': ' + (document.querySelector('[role=dialog]') ?? document.body).innerText.slice(0, 500))), ${timeoutMs});
    const start = performance.now();
    const check = () => {
      let shown = false;
      try {
        shown = Boolean(${done});
      } catch (error) {
        clearTimeout(timer);
        reject(error);
        return;
      }
      if (!shown) {
        requestAnimationFrame(check);
        return;
      }
      clearTimeout(timer);
      resolve(performance.now() - start);
    };
    try {
      ${act};
    } catch (error) {
      clearTimeout(timer);
      reject(error);
      return;
    }
    requestAnimationFrame(check);
  })`;
}

/**
 * An expression that is the list whose accessible name is `name` by aria-labelledby (as the import preview names
 * its list), or null: in-page code cannot query the accessibility tree, so it follows the same attribute.
 */
export function listNamedSource(name: string): string {
  return `[...document.querySelectorAll('ul[aria-labelledby], ol[aria-labelledby]')].find((list) => document.getElementById(list.getAttribute('aria-labelledby'))?.textContent === ${JSON.stringify(name)})`;
}
