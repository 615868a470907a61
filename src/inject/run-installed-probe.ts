import type { CodeFieldProbe } from './probe-page.ts';
import type { NotInstalled } from './run-installed-fill.ts';

/**
 * The `func` for the probe call (see probe-page.ts), with `{ digits }` as its one `args` entry. Like
 * runInstalledFill, it is sent as source text and uses nothing from outside its own body.
 */
export function runInstalledProbe(request: { readonly digits: number }): CodeFieldProbe | NotInstalled {
  const installed: unknown = Reflect.get(globalThis, '__keystepFill');
  const probe: unknown = typeof installed === 'object' && installed !== null ? Reflect.get(installed, 'probe') : undefined;
  if (typeof probe !== 'function') return { kind: 'not-installed' };
  return (probe as (request: { readonly digits: number }) => CodeFieldProbe)(request);
}
