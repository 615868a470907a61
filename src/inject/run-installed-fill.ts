import type { FillOutcome } from './fill-outcome.ts';
import type { FillRequest } from './fill-request.ts';

/** The file was not injected into this document (e.g. the page navigated between the two calls). */
export interface NotInstalled {
  readonly kind: 'not-installed';
}

/**
 * The function the extension passes as `func` to chrome.scripting.executeScript, with the request as its one
 * `args` entry, after injecting fill-entry's bundle into the same frame. It is sent as source text, so it
 * uses nothing from outside its own body (a test runs it from its source).
 */
export async function runInstalledFill(request: FillRequest): Promise<FillOutcome | NotInstalled> {
  const installed: unknown = Reflect.get(globalThis, '__keystepFill');
  const fill: unknown = typeof installed === 'object' && installed !== null ? Reflect.get(installed, 'fill') : undefined;
  if (typeof fill !== 'function') return { kind: 'not-installed' };
  return (await (fill as (request: FillRequest) => Promise<FillOutcome>)(request));
}
