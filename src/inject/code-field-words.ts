// The words that tell a one-time-code field from other short fields. Matched against normalizeFieldText's
// output: lower case, Latin accents dropped, camelCase and separators split into single spaces.

/**
 * Lower case, Latin diacritics removed ("código" -> "codigo"), camelCase, letters before digits and `_-.:/[]`
 * split into words, so "totpCode", "totp_code" and "TOTP-Code" all read "totp code", "otp1" reads "otp 1"
 * (digits before letters stay together: "2fa"). Non-Latin scripts are kept as they are (only
 * the combining marks U+0300-U+036F are dropped, so Japanese kana keep their voicing marks).
 */
export function normalizeFieldText(raw: string): string {
  // NFD then NFC: only Latin marks go, and Hangul and kana come back composed to match the patterns below.
  return raw
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s_\-.:/[\]()*#]+/g, ' ')
    .trim();
}

/**
 * Phrases that contain a word of EXCLUDED but name a one-time code ("one-time password"); they are taken out
 * before the exclusion check.
 */
const ONE_TIME_PASSWORD =
  /\b(one ?time|single ?use) (pass ?word|pass ?code|pin)\b|\beinmal ?(pass ?wort|kennwort)\b|\bmot de passe (a usage unique|unique)\b|\bcontrasena de un solo uso\b|\bsenha (unica|de uso unico)\b/g;

/**
 * Fields that are never filled, whatever else they say: backup and recovery codes, postal codes, coupons and
 * gift codes, passwords, payment cards, captchas, and other identifiers.
 */
const EXCLUDED = new RegExp(
  [
    // Backup and recovery codes are one-time codes too, but not the ones an authenticator makes.
    String.raw`\b(backup|recovery|rescue|scratch|emergency|reserve|wiederherstellung\w*|sicherung\w*|secours|recuperacion|recuperacao|recupero|herstel\w*)\b`,
    String.raw`\b(postal|post ?code|zip|zip ?code|plz|postleitzahl|code postal|codigo postal|cep|cap|postcode)\b`,
    String.raw`\b(coupon|promo|promotion\w*|voucher|discount|gift|referral|refer|invite|invitation|redeem|reward|gutschein|rabatt|cupon|cupom|sconto)\b`,
    String.raw`\b(pass ?word|passwd|pwd|pass ?phrase|kennwort|passwort|mot de passe|contrasena|senha)\b`,
    String.raw`\b(card|cc|cvv|cvc|csc|cvn|cid|credit|debit|expir\w*|iban|bic|swift|routing|sort ?code|kreditkarte|carte|tarjeta|cartao)\b`,
    String.raw`\b(captcha|recaptcha|hcaptcha)\b`,
    String.raw`\b(user ?name|login ?name|search|query|country|area code|dial code|product|sku|tax|vat|amount|quantity|qty)\b`,
    // Card "security code" in Japanese (セキュリティコード) is the CVV.
    'セキュリティコード',
  ].join('|'),
);

/**
 * Phone numbers and e-mail addresses; such a field is excluded unless the same text also speaks of a code
 * ("the code sent to your phone" is a code field, though not an authenticator's).
 */
const ELSEWHERE = /\b(phone|mobile|telephone|tel|cell|msisdn|telefon\w*|telefono|handy|portable|sms|text message|e ?mail(ed)?|courriel|correo)\b/;

/** Words that name a one-time code outright. */
const STRONG = new RegExp(
  [
    String.raw`\b(one ?time|single ?use) (pass ?code|pass ?word|code|pin|token|key)\b`,
    String.raw`\b(otp|totp|hotp|mfa|2fa|tfa|2 ?fa|two ?fa|onetime)\b`,
    String.raw`\b(two|2|multi) ?(factor|step)\b`,
    String.raw`\bverif(y|ication|ier) ?(code|number|token)?\b`,
    String.raw`\bauthenticat(or|ion) ?(app )?(code|token|number)?\b`,
    String.raw`\b(auth|security|login|sign ?in|sms|app) ?code\b`,
    String.raw`\b(pass ?code|software token|mfa token)\b`,
    // German, French, Spanish, Portuguese, Italian, Dutch (accents already removed).
    String.raw`\b(bestatigungs ?code|bestaetigungs ?code|sicherheits ?code|verifizierungs ?code|authentifizierungs ?code|anmelde ?code|einmal ?code|einmal ?passwort)\b`,
    String.raw`\bcode (de verification|de securite|a usage unique|d authentification|de confirmation)\b`,
    String.raw`\bcodigo (de verificacion|de seguridad|de un solo uso|de autenticacion|de verificacao|de seguranca|de autenticacao|de confirmacao|de confirmacion)\b`,
    String.raw`\bcodice (di verifica|di sicurezza|monouso|di autenticazione|otp)\b`,
    String.raw`\b(verificatie ?code|beveiligings ?code|eenmalige code|authenticatie ?code)\b`,
    // Japanese, Chinese, Korean.
    '認証コード|確認コード|ワンタイム|验证码|驗證碼|动态码|動態碼|动态密码|인증 ?코드|인증번호|보안 ?코드|일회용',
  ].join('|'),
);

/** Words that say "some code" without saying which. */
const WEAK = /\b(code|token|codigo|codice|kod|kode|koodi)\b|コード|代码|코드/;

/** How a field's own text speaks of it. */
export interface FieldWords {
  readonly words: 'excluded' | 'strong' | 'weak' | 'none';
  /** It speaks of a phone, SMS or e-mail: a code sent there, which an authenticator's code is not. */
  readonly sentElsewhere: boolean;
}

/** Classifies a field's own text (name, id, labels, placeholder, aria-label, title), normalized or not. */
export function classifyFieldText(raw: string): FieldWords {
  const text = normalizeFieldText(raw);
  const withoutOtp = text.replace(ONE_TIME_PASSWORD, ' ');
  const sentElsewhere = ELSEWHERE.test(withoutOtp);
  if (EXCLUDED.test(withoutOtp)) return { words: 'excluded', sentElsewhere };
  const strong = STRONG.test(text);
  const weak = WEAK.test(text);
  if (strong) return { words: 'strong', sentElsewhere };
  if (weak) return { words: 'weak', sentElsewhere };
  return { words: sentElsewhere ? 'excluded' : 'none', sentElsewhere };
}

/** True if surrounding text (a form's, a dialog's) names a one-time code; a hint for fields that only say "code". */
export function speaksOfOneTimeCode(raw: string): boolean {
  return STRONG.test(normalizeFieldText(raw));
}

/** Card payment words: a checkout form, where "Security code" is the card's CVV. */
const PAYMENT = /\b(card ?number|credit card|debit card|expir\w*|cvv|cvc|csc|cardholder|name on card|billing address|kartennummer|numero de (carte|tarjeta|cartao))\b/;

/** True if surrounding text (a form's, a dialog's) is a card payment form. */
export function speaksOfPayment(raw: string): boolean {
  return PAYMENT.test(normalizeFieldText(raw));
}
