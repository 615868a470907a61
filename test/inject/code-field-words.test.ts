import { describe, expect, it } from 'vitest';
import { classifyFieldText, normalizeFieldText, speaksOfOneTimeCode, speaksOfPayment } from '../../src/inject/code-field-words.ts';

describe('normalizeFieldText', () => {
  it.each([
    ['totpCode', 'totp code'],
    ['TOTPCode', 'totp code'],
    ['otp_code', 'otp code'],
    ['two-factor-auth', 'two factor auth'],
    ['verification.code[0]', 'verification code 0'],
    ['  Código  de   verificación ', 'codigo de verificacion'],
    ['Bestätigungscode', 'bestatigungscode'],
    ['formField:r5:', 'form field r 5'],
    ['otp1', 'otp 1'],
    ['2faCode', '2fa code'],
    ['認証コード', '認証コード'],
    ['인증 코드', '인증 코드'],
  ])('%j -> %j', (raw, normalized) => {
    expect(normalizeFieldText(raw)).toBe(normalized);
  });
});

describe('classifyFieldText', () => {
  it.each([
    // Named outright.
    ['otp', 'strong'],
    ['totpCode', 'strong'],
    ['mfa_code', 'strong'],
    ['2faCode', 'strong'],
    ['Two-factor code', 'strong'],
    ['2-step verification code', 'strong'],
    ['One-time password', 'strong'],
    ['one time passcode', 'strong'],
    ['Verification code', 'strong'],
    ['Enter a code from your authenticator app', 'strong'],
    ['Authentication code', 'strong'],
    ['Security code', 'strong'],
    ['MFA token', 'strong'],
    ['Bestätigungscode', 'strong'],
    ['Einmalpasswort', 'strong'],
    ['Code de vérification', 'strong'],
    ['Código de verificación', 'strong'],
    ['Código de verificação', 'strong'],
    ['Codice di verifica', 'strong'],
    ['Verificatiecode', 'strong'],
    ['認証コード', 'strong'],
    ['验证码', 'strong'],
    ['인증번호', 'strong'],
    // Only "some code".
    ['code', 'weak'],
    ['Enter code', 'weak'],
    ['token', 'weak'],
    // Nothing.
    ['formField:r5:', 'none'],
    ['', 'none'],
    ['first name', 'none'],
    // Never.
    ['Backup code', 'excluded'],
    ['backup_code', 'excluded'],
    ['Recovery code', 'excluded'],
    ['recoveryCode', 'excluded'],
    ['Emergency scratch code', 'excluded'],
    ['Postal code', 'excluded'],
    ['postcode', 'excluded'],
    ['ZIP code', 'excluded'],
    ['zip', 'excluded'],
    ['Postleitzahl', 'excluded'],
    ['Code postal', 'excluded'],
    ['Coupon code', 'excluded'],
    ['promoCode', 'excluded'],
    ['Gift card', 'excluded'],
    ['Voucher', 'excluded'],
    ['Referral code', 'excluded'],
    ['Phone number', 'excluded'],
    ['mobile', 'excluded'],
    ['tel', 'excluded'],
    ['Email address', 'excluded'],
    ['Password', 'excluded'],
    ['current_password', 'excluded'],
    ['Passwort', 'excluded'],
    ['Card number', 'excluded'],
    ['cvc', 'excluded'],
    ['Card security code', 'excluded'],
    ['CVV security code', 'excluded'],
    ['Expiry date', 'excluded'],
    ['セキュリティコード', 'excluded'],
    ['captcha', 'excluded'],
    ['Enter the characters (captcha code)', 'excluded'],
    ['Username', 'excluded'],
    ['Search', 'excluded'],
    ['Country code', 'excluded'],
    ['Area code', 'excluded'],
    ['Sort code', 'excluded'],
    ['Product code', 'excluded'],
  ] as const)('%j is %s', (text, words) => {
    expect(classifyFieldText(text).words).toBe(words);
  });

  it.each([
    ['Code sent to your phone', 'weak', true],
    ['SMS code', 'strong', true],
    ['Verification code we e-mailed you', 'strong', true],
    ['Verification code', 'strong', false],
  ] as const)('a code sent elsewhere is still a code field, marked: %j', (text, words, sentElsewhere) => {
    expect(classifyFieldText(text)).toEqual({ words, sentElsewhere });
  });
});

describe('speaksOfOneTimeCode', () => {
  it.each([
    ['Two-factor authentication\nEnter the code', true],
    ['Sign in with your authenticator app', true],
    ['Sign in\nUsername\nPassword', false],
    ['Redeem your gift', false],
  ])('%j -> %s', (text, expected) => {
    expect(speaksOfOneTimeCode(text)).toBe(expected);
  });
});

describe('speaksOfPayment', () => {
  it.each([
    ['Card number\nExpiry date\nSecurity code', true],
    ['Pay with credit card', true],
    ['CVC', true],
    ['Two-factor authentication\nSecurity code', false],
    ['Sign in', false],
  ])('%j -> %s', (text, expected) => {
    expect(speaksOfPayment(text)).toBe(expected);
  });
});
