import browser from 'webextension-polyfill';
import type { FillOutcome } from '../inject/fill-outcome.ts';
import type { FillRequest } from '../inject/fill-request.ts';
import { INJECT_FILE } from '../inject/inject-file.ts';
import type { CodeFieldProbe } from '../inject/probe-page.ts';
import { runInstalledFill, type NotInstalled } from '../inject/run-installed-fill.ts';
import { runInstalledProbe } from '../inject/run-installed-probe.ts';

/** A tab, and one of its frames (0 is the top one). */
export interface FillTarget {
  readonly tabId: number;
  readonly frameId: number;
}

/**
 * What one frame answered to a fill: the page side's outcome, `not-installed` (the page navigated between the two
 * calls), or `refused` when Chrome would not script it (no activeTab grant for its origin, a chrome:// or Web Store
 * page, a closed tab). `refused` carries no detail: the message names the page's URL at best, never a reason to show.
 */
export type FrameFill = FillOutcome | NotInstalled | { readonly kind: 'refused' };

/** One frame's answer to a probe. */
export interface FrameProbe {
  readonly frameId: number;
  readonly probe: CodeFieldProbe | NotInstalled;
}

/** Filling a page through chrome.scripting: the port services/fill-code.ts runs on. */
export interface PageFill {
  /**
   * Injects the fill script into the frame, then runs runInstalledFill there with `request`: two executeScript
   * calls, the code only in the second, only to this frame, only in the extension's isolated world.
   */
  fill(target: FillTarget, request: FillRequest): Promise<FrameFill>;
  /**
   * Injects the fill script into every frame Chrome lets Keystep script (frames of other origins than the granted
   * one are skipped, not failed) and asks each whether it has a code field; no code is sent. [] when refused.
   */
  probe(tabId: number, digits: number): Promise<readonly FrameProbe[]>;
}

/** chrome.scripting (https://developer.chrome.com/docs/extensions/reference/api/scripting), needing activeTab's grant. */
export function createPageFill(): PageFill {
  return {
    async fill(target, request) {
      const frame = { tabId: target.tabId, frameIds: [target.frameId] };
      try {
        await browser.scripting.executeScript({ target: frame, files: [INJECT_FILE] });
        const [result] = await browser.scripting.executeScript({ target: frame, func: runInstalledFill, args: [request] });
        return (result?.result as FillOutcome | NotInstalled | undefined) ?? { kind: 'refused' };
      } catch {
        return { kind: 'refused' };
      }
    },
    async probe(tabId, digits) {
      const frames = { tabId, allFrames: true };
      try {
        await browser.scripting.executeScript({ target: frames, files: [INJECT_FILE] });
        const results = await browser.scripting.executeScript({ target: frames, func: runInstalledProbe, args: [{ digits }] });
        return results.flatMap((r) => (r.result === undefined ? [] : [{ frameId: r.frameId, probe: r.result as CodeFieldProbe | NotInstalled }]));
      } catch {
        return [];
      }
    },
  };
}
