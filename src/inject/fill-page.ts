import { deepActiveElement } from './deep-active-element.ts';
import { fillCode } from './fill-code.ts';
import type { FillOutcome } from './fill-outcome.ts';
import { parseFillRequest } from './fill-request.ts';
import { findCodeField } from './find-code-field.ts';

export interface FillPageOptions {
  /** Default: the global document (the page or frame the script was injected into). */
  readonly document?: Document;
  /** See FillCodeOptions.settle. */
  readonly settle?: () => Promise<void>;
  /** The clock for the request's notAfter, ms since the epoch. Default Date.now. */
  readonly now?: () => number;
}

/**
 * What the extension runs in a page: checks the request, finds the one-time-code field (findCodeField, with
 * the focused element as a hint, or as the target when the request says the user pointed at it) and fills it
 * (fillCode). Never throws into the page: any exception becomes `{ kind: 'failed' }`, with no detail.
 *
 * @param request a FillRequest ({ code, submit, useFocusedField?, notAfter? }); anything else gives `invalid-request`.
 */
export async function fillPage(request: unknown, options: FillPageOptions = {}): Promise<FillOutcome> {
  try {
    const parsed = parseFillRequest(request);
    if (parsed === undefined) return { kind: 'invalid-request' };
    if (parsed.notAfter !== undefined && (options.now ?? Date.now)() > parsed.notAfter) return { kind: 'expired' };
    const doc = options.document ?? document;
    const field = findCodeField(doc, {
      digits: parsed.code.length,
      focused: deepActiveElement(doc),
      focusedIsTarget: parsed.useFocusedField === true,
    });
    if (field === undefined) return { kind: 'no-field' };
    return await fillCode(field, parsed.code, options.settle === undefined ? { submit: parsed.submit } : { submit: parsed.submit, settle: options.settle });
  } catch {
    return { kind: 'failed' };
  }
}
