import { assessSegmented, assessSingle } from './assess-code-field.ts';
import { deepActiveElement } from './deep-active-element.ts';
import { findCodeField } from './find-code-field.ts';
import { OTP_DIGITS } from '../core/otp-limits.ts';

/** Whether a page (or frame) has a code field, without being given the code: for choosing the frame to fill. */
export type CodeFieldProbe = { readonly kind: 'none' } | { readonly kind: 'single' | 'segmented'; readonly score: number };

/**
 * Looks for a one-time-code field for a code of `request.digits` digits and says what it found and how sure
 * the finder is (the field's score, at least ACCEPT_SCORE). Touches nothing. The extension probes every
 * frame it may script, then sends the code to the one frame that answered best (see docs/fill-design.md).
 * Never throws: a malformed request or an exception gives `none`.
 */
export function probePage(request: unknown, doc: Document = document): CodeFieldProbe {
  try {
    const digits: unknown = typeof request === 'object' && request !== null ? Reflect.get(request, 'digits') : undefined;
    if (typeof digits !== 'number' || !OTP_DIGITS.includes(digits)) return { kind: 'none' };
    const options = { digits, focused: deepActiveElement(doc) };
    const field = findCodeField(doc, options);
    if (field === undefined) return { kind: 'none' };
    const assessment = field.kind === 'single' ? assessSingle(field.input, options) : assessSegmented(field.inputs, options);
    return { kind: field.kind, score: assessment.score };
  } catch {
    return { kind: 'none' };
  }
}
