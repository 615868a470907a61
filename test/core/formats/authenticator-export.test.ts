import { describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../../src/core/account.ts';
import { decodeBase32, encodeBase32 } from '../../../src/core/base32.ts';
import type { ImportPreview } from '../../../src/core/formats/import-entry.ts';
import { ImportEntryError } from '../../../src/core/formats/import-entry-error.ts';
import { ImportFileError } from '../../../src/core/formats/import-file-error.ts';
import { readAuthenticatorExport } from '../../../src/core/formats/read-authenticator-export.ts';
import { OtpInputError } from '../../../src/core/otp-input-error.ts';
import { draft, numberedDraft } from '../../support/account-fixtures.ts';
import { authenticatorEncryptedExport, authenticatorEntry, authenticatorExport, entryHash } from '../../support/authenticator-export-writer.ts';
import { thrownBy } from '../../support/thrown-by.ts';

const read = (text: string): ImportPreview => readAuthenticatorExport(JSON.parse(text) as Record<string, unknown>);

function single(entry: unknown): ImportPreview['entries'][number] {
  const [first, ...rest] = read(authenticatorExport([entry])).entries;
  expect(rest).toEqual([]);
  if (first === undefined) throw new Error('no entry');
  return first;
}

/** Hex of bytes, for secrets of the hex types. */
const hexOf = (base32: string): string => Buffer.from(decodeBase32(base32)).toString('hex');

describe('Authenticator extension export', () => {
  it("reads every entry in the extension's order (index), pinned kept", () => {
    const entries = [
      authenticatorEntry(numberedDraft(2), 2),
      authenticatorEntry(draft(), 0, { pinned: true }),
      authenticatorEntry(numberedDraft(1, { type: 'hotp', counter: 7 }), 1),
    ];
    expect(read(authenticatorExport(entries))).toEqual({
      format: 'authenticator',
      entries: [
        { ok: true, where: { kind: 'entry', entry: 1 }, account: { draft: draft(), pinned: true } },
        { ok: true, where: { kind: 'entry', entry: 2 }, account: { draft: numberedDraft(1, { type: 'hotp', counter: 7 }), pinned: false } },
        { ok: true, where: { kind: 'entry', entry: 3 }, account: { draft: numberedDraft(2), pinned: false } },
      ],
      skipped: 0,
      migrationBatches: [],
    });
  });

  const SECRET_HEX = hexOf('JBSWY3DPEHPK3PXP');
  it.each<[string, Partial<AccountDraft>, Record<string, unknown>]>([
    ['TOTP with the defaults left out', {}, {}],
    ['TOTP SHA256, 8 digits, 60 s', { algorithm: 'SHA256', digits: 8, period: 60 }, {}],
    ['TOTP SHA512, 7 digits', { algorithm: 'SHA512', digits: 7 }, {}],
    ['HOTP counter 3', { type: 'hotp', counter: 3 }, {}],
    ['HOTP without a counter (the extension counts 0)', { type: 'hotp', counter: 0 }, { counter: undefined }],
    ['no type (TOTP)', {}, { type: undefined }],
    ['a battle entry: TOTP with 8 digits', { digits: 8 }, { type: 'battle' }],
    ['a blz- secret: a battle entry', { digits: 8 }, { secret: 'blz-JBSWY3DPEHPK3PXP' }],
    ['a bliz- secret: a battle entry', { digits: 8 }, { secret: 'bliz-JBSWY3DPEHPK3PXP' }],
    ['a hex entry', {}, { type: 'hex', secret: SECRET_HEX }],
    ['an hhex entry', { type: 'hotp', counter: 4 }, { type: 'hhex', secret: SECRET_HEX, counter: 4 }],
    ['a TOTP secret that is hex and not base32: hex', {}, { secret: SECRET_HEX }],
    ['an HOTP secret that is hex and not base32: hhex', { type: 'hotp', counter: 1 }, { type: 'hotp', secret: SECRET_HEX, counter: 1 }],
    ['a 26-character secret with its 6 padding characters and spaces', { secret: numberedDraft(5).secret }, { secret: `${numberedDraft(5).secret.replace(/(.{4})/g, '$1 ')}======` }],
    ['a lower-case secret', {}, { secret: 'jbswy3dpehpk3pxp' }],
    ['no issuer', { issuer: '' }, { issuer: undefined }],
  ])('reads %s', (_, overrides, fields) => {
    const expected = draft(overrides);
    const entry = single(authenticatorEntry(expected, 0, fields));
    expect(entry).toMatchObject({ ok: true, account: { draft: expected } });
  });

  it.each<[string, string, string]>([
    // 20 characters: 100 bits, 25 hex digits; the last (spare) digit is 1, so the extension keys with 13 bytes.
    ['a 20-character secret with non-zero spare bits: one byte more, as the extension', 'JBSWY3DPEHPK3PXPJBSB', encodeBase32(Uint8Array.of(...decodeBase32('JBSWY3DPEHPK3PXPJBSB'), 0x10))],
    ['a 20-character secret with zero spare bits: as RFC 4648', 'JBSWY3DPEHPK3PXPJBSA', 'JBSWY3DPEHPK3PXPJBSA'],
    ['padding of 4 trims the spare digit', 'JBSWY3DPEHPK3PXPJBSB====', 'JBSWY3DPEHPK3PXPJBSA'],
  ])('keys %s', (_, secret, expected) => {
    expect(single(authenticatorEntry(draft(), 0, { secret }))).toMatchObject({ ok: true, account: { draft: { secret: expected } } });
  });

  it.each<[string, string, string]>([
    ['an odd-length hex secret ending in 0: the 0 dropped', `${SECRET_HEX}0`, 'JBSWY3DPEHPK3PXP'],
    ['an odd-length hex secret ending in 5: a 0 appended', `${SECRET_HEX}5`, encodeBase32(Uint8Array.of(...decodeBase32('JBSWY3DPEHPK3PXP'), 0x50))],
  ])('keys %s', (_, secret, expected) => {
    expect(single(authenticatorEntry(draft(), 0, { type: 'hex', secret }))).toMatchObject({ ok: true, account: { draft: { secret: expected } } });
  });

  it.each<[string, Record<string, unknown>, string, string | undefined]>([
    ['a steam entry', { type: 'steam' }, 'encoder-unsupported', 'steam'],
    ['an stm- secret', { secret: 'stm-JBSWY3DPEHPK3PXP' }, 'encoder-unsupported', 'steam'],
    ['an unknown type', { type: 'yandex' }, 'uri-type', 'yandex'],
    ['a GOST algorithm', { algorithm: 'GOST3411_2012_256' }, 'algorithm-unknown', 'GOST3411_2012_256'],
    ['10 digits', { digits: 10 }, 'digits-out-of-range', '10'],
    ['a period of 0', { period: 0 }, 'period-out-of-range', '0'],
    ['no secret', { secret: undefined }, 'secret-missing', undefined],
    ['a short secret', { secret: 'JBSWY3DP' }, 'secret-too-short', '8'],
    ['a short hex secret', { type: 'hex', secret: '0123456789' }, 'secret-too-short', '8'],
    ['a padding of 2', { secret: 'JBSWY3DPEHPK3PXP==' }, 'secret-invalid-length', undefined],
    ['a secret that is neither base32 nor hex', { secret: 'JBSWY3DPEHPK3PX!' }, 'secret-invalid-char', '!'],
    ['a colon in the account', { account: 'a:b' }, 'label-invalid', 'a:b'],
  ])('refuses %s with the reason', (_, fields, code, detail) => {
    const entry = single(authenticatorEntry(draft(), 0, fields));
    expect(entry).toMatchObject({ ok: false, where: { kind: 'entry', entry: 1 } });
    const { error } = entry as { error: unknown };
    expect(error).toBeInstanceOf(OtpInputError);
    expect(error).toMatchObject({ code, detail });
  });

  it.each<[string, unknown, string]>([
    ['an entry that is a string', 'x', 'hash-0'],
    ['digits as a string', authenticatorEntry(draft(), 0, { digits: '8' }), `${entryHash(0)}.digits`],
    ['a hex entry with a non-hex secret', authenticatorEntry(draft(), 0, { type: 'hex', secret: 'xyz' }), `${entryHash(0)}.secret`],
  ])('refuses %s as a malformed entry', (_, entry, field) => {
    const result = single(entry);
    expect(result).toMatchObject({ ok: false, error: { code: 'entry-malformed', field } });
    expect((result as { error: unknown }).error).toBeInstanceOf(ImportEntryError);
  });

  it('leaves out the settings record of older backups', () => {
    expect(read(authenticatorExport([authenticatorEntry(draft(), 0)], { UserSettings: { theme: 'dark' } })).entries).toHaveLength(1);
  });

  it.each<[string, string]>([
    ['an export with EncOTPStorage entries and a key record', authenticatorEncryptedExport(2)],
    ['an older export with a key field', authenticatorExport([authenticatorEntry(draft(), 0, { encrypted: true, secret: 'U2FsdGVkX1' })], { key: { enc: 'x', hash: 'y' } })],
    ['an export with enc and hash fields', authenticatorExport([authenticatorEntry(draft(), 0)], { enc: 'x', hash: 'y' })],
    ['an entry marked encrypted', authenticatorExport([authenticatorEntry(draft(), 0, { encrypted: true })])],
  ])('refuses %s: it must be exported unencrypted', (_, text) => {
    expect(thrownBy(() => read(text), ImportFileError)).toMatchObject({ code: 'format-encrypted-unsupported', format: 'authenticator' });
  });
});
