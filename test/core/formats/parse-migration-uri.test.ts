import { describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../../src/core/account.ts';
import { decodeBase32 } from '../../../src/core/base32.ts';
import { ImportEntryError } from '../../../src/core/formats/import-entry-error.ts';
import { ImportFileError } from '../../../src/core/formats/import-file-error.ts';
import { isMigrationUri, parseMigrationUri } from '../../../src/core/formats/parse-migration-uri.ts';
import { OtpInputError } from '../../../src/core/otp-input-error.ts';
import { draft, EXAMPLE_SECRET, numberedSecret } from '../../support/account-fixtures.ts';
import { migrationPayload, migrationUri, protobufMessage, type DataEncoding, type TestMigrationAccount } from '../../support/migration-payload-writer.ts';
import { thrownBy } from '../../support/thrown-by.ts';

const SECRET = decodeBase32(EXAMPLE_SECRET);
const LONG = numberedSecret(7);
const LONG_BYTES = decodeBase32(LONG);
const HOTP = 1;
const TOTP = 2;

/** The only draft of a one-account QR code; fails the test if that account was refused. */
function onlyDraft(account: TestMigrationAccount, encoding?: DataEncoding): AccountDraft {
  const batch = parseMigrationUri(migrationUri(migrationPayload({ accounts: [account], batchSize: 1 }), encoding));
  expect(batch.accounts).toHaveLength(1);
  const [first] = batch.accounts;
  if (!first?.ok) throw new Error(`refused: ${first?.error.message ?? 'no account'}`);
  return first.draft;
}

/** The error of the only account of a one-account QR code; fails the test if it was imported. */
function onlyError(account: TestMigrationAccount | Uint8Array): { error: OtpInputError | ImportEntryError; hint: string | undefined } {
  const [first] = parseMigrationUri(migrationUri(migrationPayload({ accounts: [account] }))).accounts;
  if (first === undefined || first.ok) throw new Error('expected the account to be refused');
  return { error: first.error, hint: first.hint };
}

const base: TestMigrationAccount = { secret: SECRET, name: 'alice@example.com', issuer: 'GitHub', algorithm: 1, digits: 1, type: TOTP };

describe('parseMigrationUri: accounts', () => {
  it('reads the example of dim13/otpauth (README), a QR code made by Google Authenticator', () => {
    // https://github.com/dim13/otpauth: "Hello!" + DE AD BE EF is the Key Uri Format's example secret.
    const batch = parseMigrationUri('otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC');
    expect(batch).toEqual({
      batchId: 0,
      batchSize: 1,
      batchIndex: 0,
      accounts: [{ ok: true, draft: draft({ issuer: 'Example', name: 'alice@google.com' }) }],
    });
  });

  it.each<[string, TestMigrationAccount, Partial<AccountDraft>]>([
    ['TOTP, SHA1, 6 digits', {}, {}],
    ['TOTP, SHA256', { algorithm: 2 }, { algorithm: 'SHA256' }],
    ['TOTP, SHA512', { algorithm: 3 }, { algorithm: 'SHA512' }],
    ['TOTP, 8 digits', { digits: 2 }, { digits: 8 }],
    ['HOTP, counter 0', { type: HOTP, counter: 0 }, { type: 'hotp', counter: 0 }],
    ['HOTP, no counter field (0)', { type: HOTP }, { type: 'hotp', counter: 0 }],
    ['HOTP, counter 42, SHA256, 8 digits', { type: HOTP, counter: 42, algorithm: 2, digits: 2 }, { type: 'hotp', counter: 42, algorithm: 'SHA256', digits: 8 }],
    ['HOTP, counter 2^53 - 1', { type: HOTP, counter: BigInt(Number.MAX_SAFE_INTEGER) }, { type: 'hotp', counter: Number.MAX_SAFE_INTEGER }],
    ['TOTP with a counter field: ignored', { counter: 2n ** 63n - 1n }, {}],
    ['unspecified algorithm, digits and type: SHA1, 6, TOTP', { algorithm: 0, digits: 0, type: 0 }, {}],
    ['enum fields absent: SHA1, 6, TOTP', { algorithm: undefined, digits: undefined, type: undefined }, {}],
    ['a 16-byte secret', { secret: LONG_BYTES }, { secret: LONG }],
    ['name "Issuer:account" with the same issuer field', { name: 'GitHub:alice@example.com' }, {}],
    ['name "Issuer:account", issuer field in another case', { name: 'github: alice@example.com ', issuer: 'GitHub' }, {}],
    ['name "Issuer:account" without an issuer field', { name: 'GitHub:alice@example.com', issuer: undefined }, {}],
    ['name "Issuer:account" with an empty issuer field', { name: 'GitHub:alice@example.com', issuer: '' }, {}],
    ['name without issuer, issuer field', { name: 'alice@example.com' }, {}],
    ['only an issuer', { name: '' }, { name: '' }],
    ['only a name', { issuer: undefined }, { issuer: '' }],
    ['non-ASCII labels', { name: 'Zoë', issuer: 'Bánk' }, { name: 'Zoë', issuer: 'Bánk' }],
    ['unknown fields of every wire type in the account', { extra: [{ field: 8, bytes: 'unique-id' }, { field: 9, varint: 5 }, { field: 10, fixed32: 7 }, { field: 11, fixed64: 9n }, { field: 536870911, varint: 1 }] }, {}],
  ])('%s', (_, fields, expected) => {
    expect(onlyDraft({ ...base, ...fields })).toEqual(draft(expected));
  });

  it.each<[string, TestMigrationAccount, string, string | undefined]>([
    ['MD5', { algorithm: 4 }, 'algorithm-unknown', 'MD5'],
    ['an unknown algorithm', { algorithm: 9 }, 'algorithm-unknown', '9'],
    ['an unknown digits value', { digits: 3 }, 'digits-out-of-range', '3'],
    ['digits enum 7 (not read as 7 digits)', { digits: 7 }, 'digits-out-of-range', '7'],
    ['an unknown type', { type: 3 }, 'uri-type', '3'],
    ['no secret', { secret: undefined }, 'secret-missing', undefined],
    ['an empty secret', { secret: new Uint8Array(0) }, 'secret-missing', undefined],
    ['a 9-byte secret', { secret: SECRET.slice(0, 9) }, 'secret-too-short', '15'],
    ['HOTP counter 2^53', { type: HOTP, counter: 2n ** 53n }, 'counter-invalid', '9007199254740992'],
    ['HOTP counter 2^63 - 1', { type: HOTP, counter: 2n ** 63n - 1n }, 'counter-invalid', '9223372036854775807'],
    ['HOTP counter -1', { type: HOTP, counter: -1n }, 'counter-invalid', '-1'],
    ['a conflicting issuer prefix', { name: 'GitLab:alice', issuer: 'GitHub' }, 'issuer-conflict', 'GitLab'],
    ['a second colon in the name', { name: 'GitHub:alice:work' }, 'label-invalid', 'alice:work'],
    ['a control character in the name', { name: 'ali\u0007ce' }, 'label-invalid', 'ali\u0007ce'],
    ['neither name nor issuer', { name: '', issuer: '' }, 'name-missing', undefined],
  ])('refuses %s', (_, fields, code, detail) => {
    const { error } = onlyError({ ...base, ...fields });
    expect(error).toBeInstanceOf(OtpInputError);
    expect(error).toMatchObject({ code, detail });
  });

  it('names a refused account by its issuer and name', () => {
    expect(onlyError({ ...base, algorithm: 4 }).hint).toBe('GitHub (alice@example.com)');
  });

  it('reports a damaged account message and still reads the others', () => {
    const damaged = protobufMessage([{ field: 1, bytes: SECRET }, { field: 4, bytes: 'not a varint' }]);
    const batch = parseMigrationUri(migrationUri(migrationPayload({ accounts: [base, damaged, { ...base, name: 'bob' }] })));
    expect(batch.accounts.map((account) => account.ok)).toEqual([true, false, true]);
    const [, second] = batch.accounts;
    expect(second).toMatchObject({ ok: false, hint: undefined, error: { code: 'migration-malformed', field: 'otp_parameters[1].algorithm' } });
    expect((second as { error: unknown }).error).toBeInstanceOf(ImportEntryError);
  });

  it.each<[string, Uint8Array, string]>([
    ['a name that is not UTF-8', protobufMessage([{ field: 1, bytes: SECRET }, { field: 2, bytes: Uint8Array.of(0xc3, 0x28) }]), 'otp_parameters[0].name'],
    ['a secret that is a varint', protobufMessage([{ field: 1, varint: 5 }]), 'otp_parameters[0].secret'],
    ['a counter that is length-delimited', protobufMessage([{ field: 1, bytes: SECRET }, { field: 7, bytes: 'x' }]), 'otp_parameters[0].counter'],
    ['a truncated account message', Uint8Array.of(0x0a, 0x10, 1, 2, 3), 'otp_parameters[0]'],
  ])('refuses %s as a damaged account', (_, message, field) => {
    const { error } = onlyError(message);
    expect(error).toBeInstanceOf(ImportEntryError);
    expect(error).toMatchObject({ code: 'migration-malformed', field });
  });
});

describe('parseMigrationUri: the QR code', () => {
  const accounts = Array.from({ length: 12 }, (_, n): TestMigrationAccount => ({ ...base, secret: decodeBase32(numberedSecret(n)), name: `user${n}` }));

  it('reads every account of a code, in order, with its place in the export', () => {
    const batch = parseMigrationUri(migrationUri(migrationPayload({ accounts, version: 1, batchSize: 3, batchIndex: 1, batchId: 123456 })));
    expect(batch).toMatchObject({ batchId: 123456, batchSize: 3, batchIndex: 1 });
    expect(batch.accounts.map((account) => (account.ok ? account.draft.name : 'refused'))).toEqual(accounts.map((a) => a.name));
  });

  it.each([-1, -2147483648, 2147483647])('reads batch id %i (int32, negative ones as 10-byte varints)', (batchId) => {
    expect(parseMigrationUri(migrationUri(migrationPayload({ accounts: [base], batchSize: 2, batchIndex: 1, batchId }))).batchId).toBe(batchId);
  });

  it('reads a code without batch fields as batch 1 of 1', () => {
    expect(parseMigrationUri(migrationUri(migrationPayload({ accounts: [base] })))).toMatchObject({ batchId: 0, batchSize: 1, batchIndex: 0 });
  });

  it('skips unknown payload fields and reads the fields in any order', () => {
    const payload = protobufMessage([
      { field: 5, varint: 77 },
      { field: 6, bytes: 'future' },
      { field: 3, varint: 2 },
      { field: 1, bytes: protobufMessage([{ field: 1, bytes: SECRET }, { field: 3, bytes: 'GitHub' }, { field: 2, bytes: 'alice@example.com' }]) },
      { field: 15, fixed64: 1n },
      { field: 4, varint: 1 },
      { field: 2, varint: 1 },
    ]);
    const batch = parseMigrationUri(migrationUri(payload));
    expect(batch).toEqual({ batchId: 77, batchSize: 2, batchIndex: 1, accounts: [{ ok: true, draft: draft() }] });
  });

  it('reads an empty code (no accounts)', () => {
    expect(parseMigrationUri(migrationUri(migrationPayload({ accounts: [], batchSize: 1 }))).accounts).toEqual([]);
  });

  it.each<DataEncoding>(['percent', 'raw', 'spaces', 'url-safe'])('decodes data written %s', (encoding) => {
    // 0xfb 0xff bytes in the name make + and / in the Base64.
    const name = 'ûÿ~~~>>>?';
    expect(migrationUri(migrationPayload({ accounts: [{ ...base, name }] }), 'raw')).toMatch(/\+.*\/|\/.*\+/);
    expect(onlyDraft({ ...base, name }, encoding).name).toBe(name);
  });

  it.each([
    ['upper-case scheme and other parameters', (uri: string) => uri.replace('otpauth-migration://offline?', 'OTPAUTH-MIGRATION://offline?x=1&') + '&y=2'],
    ['surrounding whitespace and a fragment', (uri: string) => `  ${uri}#top \n`],
    ['the parameter name in upper case', (uri: string) => uri.replace('data=', 'DATA=')],
  ])('accepts %s', (_, change) => {
    const uri = change(migrationUri(migrationPayload({ accounts: [base] })));
    expect(parseMigrationUri(uri).accounts).toEqual([{ ok: true, draft: draft() }]);
  });

  it.each([
    ['an otpauth:// URI', 'otpauth://totp/a?secret=JBSWY3DPEHPK3PXP', 'uri'],
    ['text', 'hello', 'uri'],
    ['no data parameter', 'otpauth-migration://offline?other=1', 'data'],
    ['no query', 'otpauth-migration://offline', 'data'],
    ['an empty data parameter', 'otpauth-migration://offline?data=', 'data'],
    ['bad percent-encoding', 'otpauth-migration://offline?data=%E0%A4%A', 'data'],
    ['data that is not Base64', 'otpauth-migration://offline?data=ab*cd', 'data'],
    ['data of impossible Base64 length', 'otpauth-migration://offline?data=abcde', 'data'],
    ['a truncated payload', migrationUri(migrationPayload({ accounts: [base] }).slice(0, 20)), 'data'],
    ['a group field (wire type 3)', migrationUri(Uint8Array.of(0x0b)), 'data'],
    ['field number 0', migrationUri(Uint8Array.of(0x00, 0x01)), 'data'],
    ['a varint over 64 bits', migrationUri(Uint8Array.of(0x10, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02)), 'data'],
    ['a batch size that is length-delimited', migrationUri(protobufMessage([{ field: 3, bytes: 'x' }])), 'batch_size'],
    ['accounts that are a varint', migrationUri(protobufMessage([{ field: 1, varint: 3 }])), 'otp_parameters'],
    ['a negative batch size', migrationUri(migrationPayload({ accounts: [base], batchSize: -2 })), 'batch_size'],
    ['a batch size of 1,001', migrationUri(migrationPayload({ accounts: [base], batchSize: 1001 })), 'batch_size'],
    ['a batch size of 2^31 - 1', migrationUri(migrationPayload({ accounts: [base], batchSize: 2147483647, batchIndex: 5 })), 'batch_size'],
    ['a batch index past the size', migrationUri(migrationPayload({ accounts: [base], batchSize: 2, batchIndex: 2 })), 'batch_index'],
    ['a negative batch index', migrationUri(migrationPayload({ accounts: [base], batchSize: 2, batchIndex: -1 })), 'batch_index'],
  ])('refuses %s', (_, uri, field) => {
    const error = thrownBy(() => parseMigrationUri(uri), ImportFileError);
    expect(error).toMatchObject({ code: 'format-malformed', format: 'google-authenticator', field });
  });

  it('never puts a secret in an error message', () => {
    const uri = migrationUri(migrationPayload({ accounts: [{ ...base, algorithm: 4 }] }));
    const [account] = parseMigrationUri(uri).accounts;
    expect(JSON.stringify(account && !account.ok ? [account.error.message, account.error] : [])).not.toContain(EXAMPLE_SECRET);
  });
});

describe('isMigrationUri', () => {
  it.each([
    ['otpauth-migration://offline?data=x', true],
    [' OTPAUTH-MIGRATION:x', true],
    ['otpauth://totp/a', false],
    ['', false],
  ])('%j -> %j', (text, expected) => {
    expect(isMigrationUri(text)).toBe(expected);
  });
});
