import * as OTPAuth from 'otpauth';

/**
 * Codes computed by the `otpauth` library, independently of Keystep's own implementation,
 * for tests to compare with what the extension shows.
 */
export function independentTotp(uri: string, timestampMs: number): string {
  const otp = OTPAuth.URI.parse(uri);
  if (!(otp instanceof OTPAuth.TOTP)) throw new Error('expected a totp URI');
  return otp.generate({ timestamp: timestampMs });
}

export function independentHotp(uri: string, counter: number): string {
  const otp = OTPAuth.URI.parse(uri);
  if (!(otp instanceof OTPAuth.HOTP)) throw new Error('expected an hotp URI');
  return otp.generate({ counter });
}

/** The code inside a copy button's accessible name ("GitHub (alice), code 123 456. Copy"). */
export function codeFromName(name: string): string {
  const match = /, code ([\d ]+)(?:, next [\d ]+)?\. Copy$/.exec(name);
  if (!match?.[1]) throw new Error(`No code in accessible name: ${name}`);
  return match[1].replaceAll(' ', '');
}

/** The next code in a copy button's accessible name, shown in the last seconds of a period; undefined before. */
export function nextCodeFromName(name: string): string | undefined {
  return /, next ([\d ]+)\. Copy$/.exec(name)?.[1]?.replaceAll(' ', '');
}
