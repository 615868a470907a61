// The services of a 2FAS backup, as 2FAS for Android serializes them (BackupService in
// https://github.com/twofas/2fas-android, data/services/.../domain/BackupService.kt):
//   { "name", "secret" (base32), "updatedAt", "otp": { "label", "account", "issuer", "digits", "period",
//     "algorithm", "counter", "tokenType" ("TOTP" | "HOTP" | "STEAM"), "source", "link" }, "order", "icon", ... }
import { OtpInputError, redactSecretLike } from '../otp-input-error.ts';
import { validateAccountDraft } from '../validate-account-draft.ts';
import type { ImportedAccount } from '../vault-edits.ts';
import { optionalNumberText, optionalString } from './entry-fields.ts';
import { entryHint } from './entry-hint.ts';
import type { ImportEntry, ImportPreview } from './import-entry.ts';
import { ImportEntryError } from './import-entry-error.ts';
import { isJsonRecord } from './json-record.ts';
import { readEntry } from './read-entry.ts';

/**
 * The accounts of a 2FAS backup's services, in file order. The issuer is the service's `name` (what 2FAS
 * shows), else `otp.issuer`; the account name is `otp.account`. TOTP (also when `tokenType` is absent) and HOTP
 * become drafts with validateAccountDraft's rules; STEAM is refused as `encoder-unsupported` (detail `steam`),
 * any other token type as `uri-type`.
 * @param at the services' path for error fields: `services`, or `servicesEncrypted` once decrypted.
 */
export function readTwoFasServices(services: readonly unknown[], at: string): ImportPreview {
  return {
    format: 'two-fas',
    entries: services.map((service, index): ImportEntry => {
      const where = { kind: 'entry', entry: index + 1 } as const;
      const read = readEntry(() => readService(service, `${at}[${index}]`));
      if (read.ok) return { ok: true, where, account: read.value };
      const otp = isJsonRecord(service) ? service.otp : undefined;
      const issuer = isJsonRecord(service) && typeof service.name === 'string' && service.name !== '' ? service.name : isJsonRecord(otp) ? otp.issuer : undefined;
      return { ok: false, where, hint: entryHint(issuer, isJsonRecord(otp) ? otp.account : undefined), error: read.error };
    }),
    skipped: 0,
    migrationBatches: [],
  };
}

function readService(service: unknown, at: string): ImportedAccount {
  if (!isJsonRecord(service)) throw new ImportEntryError('entry-malformed', `${at} is not an object`, at);
  const { otp } = service;
  if (!isJsonRecord(otp)) throw new ImportEntryError('entry-malformed', `${at}.otp is not an object`, `${at}.otp`);
  const tokenType = optionalString(otp.tokenType, `${at}.otp.tokenType`) ?? 'TOTP';
  const type = tokenType.toUpperCase();
  if (type === 'STEAM') {
    throw new OtpInputError('encoder-unsupported', 'Steam Guard services give codes that are not digits', { field: 'type', detail: 'steam' });
  }
  if (type !== 'TOTP' && type !== 'HOTP') {
    throw new OtpInputError('uri-type', 'The token type is neither TOTP nor HOTP', { field: 'type', detail: redactSecretLike(tokenType) });
  }
  const name = optionalString(service.name, `${at}.name`) ?? '';
  const draft = validateAccountDraft({
    type: type.toLowerCase(),
    issuer: name.trim() !== '' ? name : (optionalString(otp.issuer, `${at}.otp.issuer`) ?? ''),
    name: optionalString(otp.account, `${at}.otp.account`) ?? '',
    secret: optionalString(service.secret, `${at}.secret`) ?? '',
    algorithm: optionalString(otp.algorithm, `${at}.otp.algorithm`),
    digits: optionalNumberText(otp.digits, `${at}.otp.digits`),
    period: optionalNumberText(otp.period, `${at}.otp.period`),
    counter: optionalNumberText(otp.counter, `${at}.otp.counter`),
  });
  return { draft };
}
