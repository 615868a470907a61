import { describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../../src/core/account.ts';
import type { ImportPreview } from '../../../src/core/formats/import-entry.ts';
import { ImportFileError } from '../../../src/core/formats/import-file-error.ts';
import { readBitwardenExport } from '../../../src/core/formats/read-bitwarden-export.ts';
import { OtpInputError } from '../../../src/core/otp-input-error.ts';
import { draft } from '../../support/account-fixtures.ts';
import { BITWARDEN_ACCOUNT_ENCRYPTED, BITWARDEN_NOTE, BITWARDEN_PASSWORD_ENCRYPTED, bitwardenExport, bitwardenLogin } from '../../support/bitwarden-export-writer.ts';
import { thrownBy } from '../../support/thrown-by.ts';

const read = (text: string): ImportPreview => readBitwardenExport(JSON.parse(text) as Record<string, unknown>);

function single(item: unknown): ImportPreview['entries'][number] {
  const [first, ...rest] = read(bitwardenExport([item])).entries;
  expect(rest).toEqual([]);
  if (first === undefined) throw new Error('no entry');
  return first;
}

describe('Bitwarden export', () => {
  it('reads the items with a TOTP key, numbered among all items, and counts the others as skipped', () => {
    const items = [
      bitwardenLogin('Mail', 'alice', null),
      bitwardenLogin('GitHub', 'alice@example.com', 'JBSWY3DPEHPK3PXP'),
      BITWARDEN_NOTE,
      bitwardenLogin('Bank', 'bob', 'otpauth://hotp/Bank:bob?secret=JBSWY3DPEHPK3PXP&counter=3'),
      bitwardenLogin('Blank', 'x', '   '),
    ];
    expect(read(bitwardenExport(items))).toEqual({
      format: 'bitwarden',
      entries: [
        { ok: true, where: { kind: 'entry', entry: 2 }, account: { draft: draft() } },
        { ok: true, where: { kind: 'entry', entry: 4 }, account: { draft: draft({ type: 'hotp', counter: 3, issuer: 'Bank', name: 'bob' }) } },
      ],
      skipped: 3,
      migrationBatches: [],
    });
  });

  it.each<[string, string, string | null, string, Partial<AccountDraft>]>([
    ['a bare secret: TOTP, SHA1, 6 digits, 30 s, item name and username', 'GitHub', 'alice@example.com', 'JBSWY3DPEHPK3PXP', {}],
    ['a bare secret with spaces, in lower case', 'GitHub', 'alice@example.com', 'jbsw y3dp ehpk 3pxp', {}],
    ['a bare secret without a username', 'GitHub', null, 'JBSWY3DPEHPK3PXP', { name: '' }],
    ['an otpauth URI: its own label and parameters', 'Anything', 'someone', 'otpauth://totp/GitLab:bob?secret=JBSWY3DPEHPK3PXP&issuer=GitLab&algorithm=SHA256&digits=8&period=60', { issuer: 'GitLab', name: 'bob', algorithm: 'SHA256', digits: 8, period: 60 }],
    ['an otpauth URI with spaces around', 'X', 'y', '  otpauth://totp/GitHub:alice@example.com?secret=JBSWY3DPEHPK3PXP  ', {}],
    ['an OTPAUTH URI in upper case', 'X', 'y', 'OTPAUTH://TOTP/GitHub:alice@example.com?SECRET=JBSWY3DPEHPK3PXP', {}],
  ])('reads %s', (_, name, username, totp, expected) => {
    expect(single(bitwardenLogin(name, username, totp))).toMatchObject({ ok: true, account: { draft: draft(expected) } });
  });

  it.each<[string, string, string, string | undefined]>([
    ['a steam:// key', 'steam://JBSWY3DPEHPK3PXP', 'encoder-unsupported', 'steam'],
    ['a STEAM:// key', 'STEAM://JBSWY3DPEHPK3PXP', 'encoder-unsupported', 'steam'],
    ['an otpauth URI with encoder=steam', 'otpauth://totp/Steam:alice?secret=JBSWY3DPEHPK3PXP&encoder=steam', 'encoder-unsupported', 'steam'],
    ['an otpauth URI with MD5', 'otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&algorithm=MD5', 'algorithm-unknown', 'MD5'],
    ['an https URL', 'https://example.com/totp', 'uri-scheme', 'https'],
    ['a short bare secret', 'JBSWY3DP', 'secret-too-short', '8'],
    ['a bare secret with a character base32 has not', 'JBSWY3DPEHPK3PX8', 'secret-invalid-char', '8'],
  ])('refuses %s with the reason', (_, totp, code, detail) => {
    const entry = single(bitwardenLogin('GitHub', 'alice@example.com', totp));
    expect(entry).toMatchObject({ ok: false, hint: 'GitHub (alice@example.com)' });
    const { error } = entry as { error: unknown };
    expect(error).toBeInstanceOf(OtpInputError);
    expect(error).toMatchObject({ code, detail });
  });

  it('refuses a bare secret whose item name has a colon (it would not export as a URI)', () => {
    expect(single(bitwardenLogin('Work: mail', 'alice', 'JBSWY3DPEHPK3PXP'))).toMatchObject({ ok: false, error: { code: 'label-invalid', field: 'issuer' } });
  });

  it.each<[string, unknown, string]>([
    ['a TOTP key that is a number', bitwardenLogin('A', 'b', null, {}, { totp: 123 }), 'items[0].login.totp'],
    ['a username that is a number', bitwardenLogin('A', null, 'JBSWY3DPEHPK3PXP', {}, { username: 5 }), 'items[0].login.username'],
    ['a name that is an object', bitwardenLogin('A', 'b', 'JBSWY3DPEHPK3PXP', { name: {} }), 'items[0].name'],
  ])('refuses %s as a malformed entry', (_, item, field) => {
    expect(single(item)).toMatchObject({ ok: false, error: { code: 'entry-malformed', field } });
  });

  it.each([
    ['an account-restricted encrypted export', BITWARDEN_ACCOUNT_ENCRYPTED],
    ['a password-protected encrypted export', BITWARDEN_PASSWORD_ENCRYPTED],
  ])('refuses %s: it must be exported as plain JSON', (_, text) => {
    expect(thrownBy(() => read(text), ImportFileError)).toMatchObject({ code: 'format-encrypted-unsupported', format: 'bitwarden' });
  });

  it('refuses an export without items', () => {
    expect(thrownBy(() => read('{"encrypted": false, "items": {}}'), ImportFileError)).toMatchObject({ code: 'format-malformed', field: 'items' });
  });
});
