// The services of a 2FAS backup, as 2FAS for Android serializes them (BackupService in
// https://github.com/twofas/2fas-android, data/services/.../domain/BackupService.kt):
//   { "name", "secret" (base32), "updatedAt", "otp": { "label", "account", "issuer", "digits", "period",
//     "algorithm", "counter", "tokenType" ("TOTP" | "HOTP" | "STEAM"), "source", "link" }, "order", "icon", ... }
import { OtpInputError } from '../otp-input-error.ts';
import { validateAccountDraft } from '../validate-account-draft.ts';
import type { ImportedAccount } from '../vault-edits.ts';
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
  const tokenType = optionalText(otp.tokenType, `${at}.otp.tokenType`) ?? 'TOTP';
  const type = tokenType.toUpperCase();
  if (type === 'STEAM') {
    throw new OtpInputError('encoder-unsupported', 'Steam Guard services give codes that are not digits', { field: 'type', detail: 'steam' });
  }
  if (type !== 'TOTP' && type !== 'HOTP') {
    throw new OtpInputError('uri-type', 'The token type is neither TOTP nor HOTP', { field: 'type', detail: tokenType });
  }
  const name = optionalText(service.name, `${at}.name`) ?? '';
  const draft = validateAccountDraft({
    type: type.toLowerCase(),
    issuer: name.trim() !== '' ? name : (optionalText(otp.issuer, `${at}.otp.issuer`) ?? ''),
    name: optionalText(otp.account, `${at}.otp.account`) ?? '',
    secret: optionalText(service.secret, `${at}.secret`) ?? '',
    algorithm: optionalText(otp.algorithm, `${at}.otp.algorithm`),
    digits: optionalNumber(otp.digits, `${at}.otp.digits`),
    period: optionalNumber(otp.period, `${at}.otp.period`),
    counter: optionalNumber(otp.counter, `${at}.otp.counter`),
  });
  return { draft };
}

function optionalText(value: unknown, at: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ImportEntryError('entry-malformed', `${at} is not a string`, at);
  return value;
}

/** A number field as the decimal text validateAccountDraft reads. */
function optionalNumber(value: unknown, at: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number') throw new ImportEntryError('entry-malformed', `${at} is not a number`, at);
  return String(value);
}
