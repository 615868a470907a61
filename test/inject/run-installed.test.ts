// @vitest-environment jsdom
import { runInThisContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { INSTALLED_FILL_GLOBAL, installFill } from '../../src/inject/installed-fill.ts';
import { runInstalledFill } from '../../src/inject/run-installed-fill.ts';
import { runInstalledProbe } from '../../src/inject/run-installed-probe.ts';

/**
 * The function rebuilt from its source text, as chrome.scripting.executeScript does with `func`: anything it
 * used from outside its own body (an import, a module constant) would be a ReferenceError here.
 */
function fromSource<T extends (...args: never[]) => unknown>(fn: T): T {
  return runInThisContext(`(${fn.toString()})`) as T;
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, INSTALLED_FILL_GLOBAL);
  document.body.innerHTML = '';
});

describe('the injected entry and the functions passed to executeScript', () => {
  it('runInstalledFill, from its source, says not-installed before the file was injected', async () => {
    document.body.innerHTML = '<input id="otp" autocomplete="one-time-code">';
    expect(await fromSource(runInstalledFill)({ code: '123456', submit: false })).toEqual({ kind: 'not-installed' });
  });

  it('runInstalledFill, from its source, fills through what installFill left on the global object', async () => {
    document.body.innerHTML = '<input id="otp" autocomplete="one-time-code">';
    installFill();
    const outcome = await fromSource(runInstalledFill)({ code: '123456', submit: false });
    expect(outcome).toEqual({ kind: 'filled', field: 'single', focus: 'field', submitted: false, valueMatches: true });
    expect(document.querySelector('input')?.value).toBe('123456');
    // What executeScript sends back must survive structured cloning: plain data only.
    expect(structuredClone(outcome)).toEqual(outcome);
  });

  it('runInstalledProbe, from its source, probes without the code', () => {
    document.body.innerHTML = '<input id="otp" autocomplete="one-time-code">';
    expect(fromSource(runInstalledProbe)({ digits: 6 })).toEqual({ kind: 'not-installed' });
    installFill();
    expect(fromSource(runInstalledProbe)({ digits: 6 })).toEqual({ kind: 'single', score: 160 });
    expect(document.querySelector('input')?.value).toBe('');
  });

  it('both functions spell the global name the installer uses', () => {
    const literal = new RegExp(`["']${INSTALLED_FILL_GLOBAL}["']`);
    expect(runInstalledFill.toString()).toMatch(literal);
    expect(runInstalledProbe.toString()).toMatch(literal);
  });

  it('installs a frozen, non-enumerable object, and can be injected again', () => {
    installFill();
    installFill();
    const installed: unknown = Reflect.get(globalThis, INSTALLED_FILL_GLOBAL);
    expect(Object.isFrozen(installed)).toBe(true);
    expect(Object.keys(globalThis)).not.toContain(INSTALLED_FILL_GLOBAL);
  });

  it('the bundle entry (fill-entry.ts) installs on import', async () => {
    expect(Reflect.has(globalThis, INSTALLED_FILL_GLOBAL)).toBe(false);
    await import('../../src/inject/fill-entry.ts');
    expect(typeof Reflect.get(Reflect.get(globalThis, INSTALLED_FILL_GLOBAL) as object, 'fill')).toBe('function');
  });
});
