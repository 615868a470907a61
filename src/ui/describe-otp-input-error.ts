import { OtpInputError } from '../core/otp-input-error.ts';
import { t, type MessageKey } from '../platform/i18n.ts';
import { describeError } from './describe-error.ts';

/** The localized reason an otpauth:// line or a typed account was refused. */
export function describeOtpInputError(error: unknown): string {
  if (error instanceof OtpInputError) {
    const second = error.position ?? error.conflictsWith ?? '';
    return t(`otpError_${error.code.replaceAll('-', '_')}` as MessageKey, error.detail ?? '', second);
  }
  return describeError(error);
}
