import { describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../../src/core/account.ts';
import type { ImportPreview } from '../../../src/core/formats/import-entry.ts';
import { ImportEntryError } from '../../../src/core/formats/import-entry-error.ts';
import { ImportFileError } from '../../../src/core/formats/import-file-error.ts';
import { readTwoFasBackup, type LockedTwoFasBackup } from '../../../src/core/formats/read-two-fas-backup.ts';
import { unlockTwoFasBackup } from '../../../src/core/formats/unlock-two-fas-backup.ts';
import { OtpInputError } from '../../../src/core/otp-input-error.ts';
import { draft, numberedDraft } from '../../support/account-fixtures.ts';
import { rejectionOf } from '../../support/rejection-of.ts';
import { thrownBy } from '../../support/thrown-by.ts';
import { twoFasEncryptedBackup, twoFasPlainBackup, twoFasService } from '../../support/two-fas-backup-writer.ts';

const PASSWORD = 'example.com';

const parse = (text: string): Record<string, unknown> => JSON.parse(text) as Record<string, unknown>;

function preview(text: string): ImportPreview {
  const read = readTwoFasBackup(parse(text));
  if ('ciphertext' in read) throw new Error('expected a plain backup');
  return read;
}

function locked(text: string): LockedTwoFasBackup {
  const read = readTwoFasBackup(parse(text));
  if (!('ciphertext' in read)) throw new Error('expected an encrypted backup');
  return read;
}

function single(service: unknown): ImportPreview['entries'][number] {
  const [first, ...rest] = preview(twoFasPlainBackup([service])).entries;
  expect(rest).toEqual([]);
  if (first === undefined) throw new Error('no entry');
  return first;
}

describe('2FAS plain backup', () => {
  it('reads every service in order, with its place', () => {
    const drafts = [draft(), numberedDraft(1, { type: 'hotp', counter: 9 })];
    expect(preview(twoFasPlainBackup(drafts.map((d) => twoFasService(d))))).toEqual({
      format: 'two-fas',
      entries: drafts.map((d, index) => ({ ok: true, where: { kind: 'entry', entry: index + 1 }, account: { draft: d } })),
      skipped: 0,
      migrationBatches: [],
    });
  });

  it.each<[string, Partial<AccountDraft>, Record<string, unknown>, Record<string, unknown>]>([
    ['TOTP SHA1, 6 digits, 30 s', {}, {}, {}],
    ['TOTP SHA256, 8 digits, 60 s', { algorithm: 'SHA256', digits: 8, period: 60 }, {}, {}],
    ['TOTP SHA512, 7 digits', { algorithm: 'SHA512', digits: 7 }, {}, {}],
    ['HOTP counter 12', { type: 'hotp', counter: 12 }, {}, {}],
    ['no tokenType (TOTP)', {}, {}, { tokenType: undefined }],
    ['tokenType in lower case', {}, {}, { tokenType: 'totp' }],
    ['the service name as issuer over otp.issuer', { issuer: 'My GitHub' }, { name: 'My GitHub' }, { issuer: 'GitHub' }],
    ['otp.issuer when the name is empty', {}, { name: '' }, {}],
    ['no name and no otp.issuer', { issuer: '' }, { name: undefined }, { issuer: undefined }],
    ['no account', { name: '' }, {}, { account: undefined }],
    ['no digits, period or algorithm (defaults)', {}, {}, { digits: undefined, period: undefined, algorithm: undefined }],
    ['a secret with spaces in lower case', {}, { secret: 'jbsw y3dp ehpk 3pxp' }, {}],
  ])('reads %s', (_, overrides, service, otp) => {
    const expected = draft(overrides);
    expect(single(twoFasService(expected, service, otp))).toMatchObject({ ok: true, account: { draft: expected } });
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>, string, string | undefined]>([
    ['a STEAM service', {}, { tokenType: 'STEAM', digits: 5 }, 'encoder-unsupported', 'steam'],
    ['an unknown token type', {}, { tokenType: 'YANDEX' }, 'uri-type', 'YANDEX'],
    ['MD5', {}, { algorithm: 'MD5' }, 'algorithm-unknown', 'MD5'],
    ['SHA224', {}, { algorithm: 'SHA224' }, 'algorithm-unknown', 'SHA224'],
    ['10 digits', {}, { digits: 10 }, 'digits-out-of-range', '10'],
    ['a period of 3601 s', {}, { period: 3601 }, 'period-out-of-range', '3601'],
    ['HOTP without a counter', {}, { tokenType: 'HOTP' }, 'counter-missing', undefined],
    ['HOTP with a negative counter', {}, { tokenType: 'HOTP', counter: -1 }, 'counter-invalid', '-1'],
    ['no secret', { secret: undefined }, {}, 'secret-missing', undefined],
    ['a secret that is not base32', { secret: 'JBSWY3DPEHPK3PX1' }, {}, 'secret-invalid-char', '1'],
    ['a colon in the account', {}, { account: 'alice:work' }, 'label-invalid', 'alice:work'],
  ])('refuses %s with the reason', (_, service, otp, code, detail) => {
    const entry = single(twoFasService(draft(), service, otp));
    expect(entry).toMatchObject({ ok: false, hint: expect.stringMatching(/^GitHub \(alice/) as unknown });
    const { error } = entry as { error: unknown };
    expect(error).toBeInstanceOf(OtpInputError);
    expect(error).toMatchObject({ code, detail });
  });

  it.each<[string, unknown, string]>([
    ['a service that is not an object', [], 'services[0]'],
    ['no otp', twoFasService(draft(), { otp: undefined }), 'services[0].otp'],
    ['digits as a string', twoFasService(draft(), {}, { digits: '6' }), 'services[0].otp.digits'],
    ['a secret that is a number', twoFasService(draft(), { secret: 7 }), 'services[0].secret'],
    ['a tokenType that is a number', twoFasService(draft(), {}, { tokenType: 1 }), 'services[0].otp.tokenType'],
  ])('refuses %s as a malformed entry', (_, service, field) => {
    const entry = single(service);
    expect(entry).toMatchObject({ ok: false, error: { code: 'entry-malformed', field } });
    expect((entry as { error: unknown }).error).toBeInstanceOf(ImportEntryError);
  });

  it.each([1, 2, 3, 4])('reads schema version %i', (schemaVersion) => {
    expect(preview(twoFasPlainBackup([twoFasService(draft())], { schemaVersion })).entries).toHaveLength(1);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['schema version 5', { schemaVersion: 5 }, 'format-version-unsupported', 'schemaVersion'],
    ['no schema version', { schemaVersion: undefined }, 'format-malformed', 'schemaVersion'],
    ['services that are not an array', { services: {} }, 'format-malformed', 'services'],
  ])('refuses %s', (_, fields, code, field) => {
    const backup = { ...parse(twoFasPlainBackup([])), ...fields };
    expect(thrownBy(() => readTwoFasBackup(backup), ImportFileError)).toMatchObject({ code, format: 'two-fas', field });
  });
});

describe('2FAS encrypted backup', () => {
  const services = [twoFasService(draft()), twoFasService(numberedDraft(2, { type: 'hotp', counter: 4 })), twoFasService(draft(), {}, { tokenType: 'STEAM' })];
  const text = twoFasEncryptedBackup(services, PASSWORD);

  it('decrypts with the password and reads the services', async () => {
    const result = await unlockTwoFasBackup(locked(text), PASSWORD);
    expect(result.format).toBe('two-fas');
    expect(result.entries.map((entry) => (entry.ok ? entry.account.draft : entry.error.code))).toEqual([
      draft(),
      numberedDraft(2, { type: 'hotp', counter: 4 }),
      'encoder-unsupported',
    ]);
  });

  it('reads a non-ASCII password as UTF-8', async () => {
    const backup = twoFasEncryptedBackup(services, 'hasło ✓');
    expect((await unlockTwoFasBackup(locked(backup), 'hasło ✓')).entries).toHaveLength(3);
  });

  it.each(['wrong', '', `${PASSWORD} `])('refuses the password %j', async (password) => {
    const error = await rejectionOf(unlockTwoFasBackup(locked(text), password), ImportFileError);
    expect(error).toMatchObject({ code: 'wrong-password', format: 'two-fas' });
  });

  it('refuses data that was altered', async () => {
    const backup = parse(text);
    const [data = '', salt, iv] = (backup.servicesEncrypted as string).split(':');
    const bytes = Buffer.from(data, 'base64');
    bytes[0]! ^= 0x80;
    const altered = { ...backup, servicesEncrypted: `${bytes.toString('base64')}:${salt}:${iv}` };
    const error = await rejectionOf(unlockTwoFasBackup(locked(JSON.stringify(altered)), PASSWORD), ImportFileError);
    expect(error.code).toBe('wrong-password');
  });

  it.each<[string, Uint8Array]>([
    ['bytes that are not UTF-8', Uint8Array.of(0xc3, 0x28)],
    ['JSON that is not an array', new TextEncoder().encode('{"services": []}')],
    ['text that is not JSON', new TextEncoder().encode('[{"name"')],
  ])('refuses a backup that decrypts to %s', async (_, plaintext) => {
    const backup = twoFasEncryptedBackup([], PASSWORD, { plaintext });
    const error = await rejectionOf(unlockTwoFasBackup(locked(backup), PASSWORD), ImportFileError);
    expect(error).toMatchObject({ code: 'format-malformed', field: 'servicesEncrypted' });
  });

  it.each<[string, (parts: string[]) => string]>([
    ['two parts', (parts) => parts.slice(0, 2).join(':')],
    ['a part that is not Base64', (parts) => [parts[0], '***', parts[2]].join(':')],
    ['an 8-byte iv', (parts) => [parts[0], parts[1], Buffer.alloc(8).toString('base64')].join(':')],
    ['an empty salt', (parts) => [parts[0], '', parts[2]].join(':')],
    ['data shorter than a tag', (parts) => [Buffer.alloc(15).toString('base64'), parts[1], parts[2]].join(':')],
  ])('refuses servicesEncrypted with %s before asking for the password', (_, change) => {
    const backup = parse(text);
    backup.servicesEncrypted = change((backup.servicesEncrypted as string).split(':'));
    expect(thrownBy(() => readTwoFasBackup(backup), ImportFileError)).toMatchObject({ code: 'format-malformed', format: 'two-fas', field: 'servicesEncrypted' });
  });
});
