import { OtpInputError } from '../../src/core/otp-input-error.ts';

/** The OtpInputError that `run` throws; fails the test if it returns or throws anything else. */
export function otpInputErrorOf(run: () => unknown): OtpInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof OtpInputError) return error;
    throw error;
  }
  throw new Error('expected an OtpInputError, but nothing was thrown');
}
