import { fillPage } from './fill-page.ts';
import type { FillOutcome } from './fill-outcome.ts';
import { probePage, type CodeFieldProbe } from './probe-page.ts';

/**
 * The global name under which the injected file leaves its functions, in the extension's isolated world of the
 * page (https://developer.chrome.com/docs/extensions/develop/concepts/content-scripts#isolated_world): page
 * scripts cannot see it. run-installed-fill.ts and run-installed-probe.ts repeat the literal, because functions
 * passed to executeScript are sent as source text and cannot import it (a test keeps them equal).
 */
export const INSTALLED_FILL_GLOBAL = '__keystepFill';

/** What the injected file installs. */
export interface InstalledFill {
  readonly fill: (request: unknown) => Promise<FillOutcome>;
  readonly probe: (request: unknown) => CodeFieldProbe;
}

/**
 * Installs `{ fill, probe }` on `target` (the isolated world's global object); the bundle entry
 * (fill-entry.ts) calls it. Injecting the file again replaces the functions with the same ones.
 */
export function installFill(target: object = globalThis): void {
  const installed: InstalledFill = Object.freeze({ fill: (request: unknown) => fillPage(request), probe: (request: unknown) => probePage(request) });
  Object.defineProperty(target, INSTALLED_FILL_GLOBAL, { value: installed, configurable: true, enumerable: false, writable: false });
}
