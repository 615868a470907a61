import { OTP_DIGITS } from '../core/otp-limits.ts';

/**
 * What the extension passes into the page (the `args` of `chrome.scripting.executeScript`): the one code and
 * how to fill it. Nothing else crosses into the page: no secret, no account name, no other code.
 */
export interface FillRequest {
  /** The code to fill: only ASCII digits, as many as an account may have (6 to 8). */
  readonly code: string;
  /** Submit the form after filling (per-account option, off by default). */
  readonly submit: boolean;
  /**
   * The user pointed at a field (context menu on an editable field): fill the focused field when it can take a
   * code, even without any one-time-code hint. Default false (keyboard command, popup): focus is only a hint.
   */
  readonly useFocusedField?: boolean;
  /**
   * Do not fill after this time (ms since the epoch, the page's clock, which is the computer's). An injection
   * can start late: Chrome holds it while the page shows window.prompt/alert, and the extension has long
   * since copied the code instead and said so; a late fill would then surprise the user with a stale code.
   */
  readonly notAfter?: number;
}

/**
 * The request if `value` is a well-formed FillRequest, else undefined. The request crosses from the extension
 * into a page script, so it is checked here rather than trusted.
 */
export function parseFillRequest(value: unknown): FillRequest | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const code: unknown = Reflect.get(value, 'code');
  const submit: unknown = Reflect.get(value, 'submit');
  const useFocusedField: unknown = Reflect.get(value, 'useFocusedField');
  const notAfter: unknown = Reflect.get(value, 'notAfter');
  if (typeof code !== 'string' || !/^\d+$/.test(code) || !OTP_DIGITS.includes(code.length)) return undefined;
  if (typeof submit !== 'boolean') return undefined;
  if (useFocusedField !== undefined && typeof useFocusedField !== 'boolean') return undefined;
  if (notAfter !== undefined && (typeof notAfter !== 'number' || !Number.isFinite(notAfter))) return undefined;
  return {
    code,
    submit,
    ...(useFocusedField === true ? { useFocusedField } : {}),
    ...(notAfter === undefined ? {} : { notAfter }),
  };
}
