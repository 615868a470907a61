import { describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../../src/core/account.ts';
import type { ImportPreview } from '../../../src/core/formats/import-entry.ts';
import { ImportEntryError } from '../../../src/core/formats/import-entry-error.ts';
import { ImportFileError } from '../../../src/core/formats/import-file-error.ts';
import { readAegisVault, type LockedAegisVault } from '../../../src/core/formats/read-aegis-vault.ts';
import type { Scrypt } from '../../../src/core/formats/scrypt.ts';
import { unlockAegisVault } from '../../../src/core/formats/unlock-aegis-vault.ts';
import { OtpInputError } from '../../../src/core/otp-input-error.ts';
import { aegisEncryptedVault, aegisEntry, aegisPlainVault, BIOMETRIC_SLOT } from '../../support/aegis-vault-writer.ts';
import { draft, numberedDraft } from '../../support/account-fixtures.ts';
import { rejectionOf } from '../../support/rejection-of.ts';
import { thrownBy } from '../../support/thrown-by.ts';

const PASSWORD = 'aegis test password';

const parse = (text: string): Record<string, unknown> => JSON.parse(text) as Record<string, unknown>;

function preview(text: string): ImportPreview {
  const read = readAegisVault(parse(text));
  if ('slots' in read) throw new Error('expected a plain vault');
  return read;
}

function locked(text: string): LockedAegisVault {
  const read = readAegisVault(parse(text));
  if (!('slots' in read)) throw new Error('expected an encrypted vault');
  return read;
}

/** The single entry of a plain vault holding `entry`. */
function single(entry: unknown): ImportPreview['entries'][number] {
  const [first, ...rest] = preview(aegisPlainVault([entry])).entries;
  expect(rest).toEqual([]);
  if (first === undefined) throw new Error('no entry');
  return first;
}

describe('Aegis plain vault', () => {
  it('reads every entry in order, with its place, favorite as pinned', () => {
    const drafts = [draft(), numberedDraft(1, { type: 'hotp', counter: 5 })];
    const result = preview(aegisPlainVault([aegisEntry(drafts[0]!, { favorite: true }), aegisEntry(drafts[1]!)]));
    expect(result).toEqual({
      format: 'aegis',
      entries: [
        { ok: true, where: { kind: 'entry', entry: 1 }, account: { draft: drafts[0], pinned: true } },
        { ok: true, where: { kind: 'entry', entry: 2 }, account: { draft: drafts[1], pinned: false } },
      ],
      skipped: 0,
      migrationBatches: [],
    });
  });

  it.each<[string, Partial<AccountDraft>, Record<string, unknown>]>([
    ['TOTP SHA1, 6 digits, 30 s', {}, {}],
    ['TOTP SHA256, 8 digits, 60 s', { algorithm: 'SHA256', digits: 8, period: 60 }, {}],
    ['TOTP SHA512, 7 digits, 15 s', { algorithm: 'SHA512', digits: 7, period: 15 }, {}],
    ['HOTP counter 0', { type: 'hotp', counter: 0 }, {}],
    ['HOTP counter 2^53 - 1', { type: 'hotp', counter: Number.MAX_SAFE_INTEGER }, {}],
    ['type in upper case', {}, { type: 'TOTP' }],
    ['an icon (ignored)', {}, { icon: 'iVBORw0KGgo=', icon_mime: 'image/png', icon_hash: 'ab'.repeat(32) }],
    ['name and issuer null', { name: '', issuer: 'X' }, { name: null, issuer: 'X' }],
    ['an empty issuer', { issuer: '' }, {}],
    ['a secret in lower case with spaces', {}, { info: { secret: 'jbsw y3dp ehpk 3pxp', algo: 'SHA1', digits: 6, period: 30 } }],
    ['no algo, digits or period (defaults)', {}, { info: { secret: 'JBSWY3DPEHPK3PXP' } }],
  ])('reads %s', (_, overrides, fields) => {
    const expected = draft(overrides);
    expect(single(aegisEntry(expected, fields))).toMatchObject({ ok: true, account: { draft: expected } });
  });

  it.each([1, 2])('reads vault content version %i', (contentVersion) => {
    expect(preview(aegisPlainVault([aegisEntry(draft())], { contentVersion })).entries).toHaveLength(1);
  });

  it.each<[string, Record<string, unknown>, string, string | undefined]>([
    ['a Steam entry', { type: 'steam', info: { secret: 'JBSWY3DPEHPK3PXP', algo: 'SHA1', digits: 5, period: 30 } }, 'encoder-unsupported', 'steam'],
    ['a Yandex entry', { type: 'yandex' }, 'uri-type', 'yandex'],
    ['an MOTP entry', { type: 'motp' }, 'uri-type', 'motp'],
    ['a type that looks like a secret (not repeated)', { type: 'JBSWY3DPEHPK3PXP' }, 'uri-type', undefined],
    ['MD5', { info: { secret: 'JBSWY3DPEHPK3PXP', algo: 'MD5', digits: 6, period: 30 } }, 'algorithm-unknown', 'MD5'],
    ['5 digits', { info: { secret: 'JBSWY3DPEHPK3PXP', algo: 'SHA1', digits: 5, period: 30 } }, 'digits-out-of-range', '5'],
    ['a period of 0', { info: { secret: 'JBSWY3DPEHPK3PXP', algo: 'SHA1', digits: 6, period: 0 } }, 'period-out-of-range', '0'],
    ['no secret', { info: { algo: 'SHA1', digits: 6, period: 30 } }, 'secret-missing', undefined],
    ['a short secret', { info: { secret: 'JBSWY3DP', period: 30 } }, 'secret-too-short', '8'],
    ['HOTP without a counter', { type: 'hotp', info: { secret: 'JBSWY3DPEHPK3PXP' } }, 'counter-missing', undefined],
    ['HOTP counter 2^53', { type: 'hotp', info: { secret: 'JBSWY3DPEHPK3PXP', counter: 2 ** 53 } }, 'counter-invalid', '9007199254740992'],
    ['a colon in the name', { name: 'alice:work' }, 'label-invalid', 'alice:work'],
    ['neither name nor issuer', { name: '', issuer: '' }, 'name-missing', undefined],
  ])('refuses %s with the reason', (_, fields, code, detail) => {
    const entry = single(aegisEntry(draft(), fields));
    expect(entry).toMatchObject({ ok: false, where: { kind: 'entry', entry: 1 } });
    const { error } = entry as { error: unknown };
    expect(error).toBeInstanceOf(OtpInputError);
    expect(error).toMatchObject({ code, detail });
  });

  it('names a refused entry by its issuer and name', () => {
    expect(single(aegisEntry(draft(), { type: 'steam' }))).toMatchObject({ ok: false, hint: 'GitHub (alice@example.com)' });
  });

  it.each<[string, unknown, string]>([
    ['an entry that is not an object', 'totp', 'db.entries[0]'],
    ['a type that is not a string', aegisEntry(draft(), { type: 1 }), 'db.entries[0].type'],
    ['no info', aegisEntry(draft(), { info: undefined }), 'db.entries[0].info'],
    ['digits as a string', aegisEntry(draft(), { info: { secret: 'JBSWY3DPEHPK3PXP', digits: '6' } }), 'db.entries[0].info.digits'],
    ['a secret that is a number', aegisEntry(draft(), { info: { secret: 42 } }), 'db.entries[0].info.secret'],
    ['a name that is an object', aegisEntry(draft(), { name: {} }), 'db.entries[0].name'],
  ])('refuses %s as a malformed entry', (_, entry, field) => {
    const result = single(entry);
    expect(result).toMatchObject({ ok: false, error: { code: 'entry-malformed', field } });
    expect((result as { error: unknown }).error).toBeInstanceOf(ImportEntryError);
  });

  it('reads the other entries around a refused one', () => {
    const entries = [aegisEntry(numberedDraft(1)), aegisEntry(draft(), { type: 'steam' }), aegisEntry(numberedDraft(2))];
    expect(preview(aegisPlainVault(entries)).entries.map((entry) => entry.ok)).toEqual([true, false, true]);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a newer vault version', { version: 2 }, 'format-version-unsupported', 'version'],
    ['a version that is a string', { version: '1' }, 'format-malformed', 'version'],
    ['no db', { db: undefined }, 'format-malformed', 'db'],
    ['a db that is a number', { db: 3 }, 'format-malformed', 'db'],
    ['newer vault content', { db: { version: 4, entries: [] } }, 'format-version-unsupported', 'db.version'],
    ['content without a version', { db: { entries: [] } }, 'format-malformed', 'db.version'],
    ['content without entries', { db: { version: 3 } }, 'format-malformed', 'db.entries'],
  ])('refuses %s', (_, fields, code, field) => {
    const vault = { ...parse(aegisPlainVault([])), ...fields };
    const error = thrownBy(() => readAegisVault(vault), ImportFileError);
    expect(error).toMatchObject({ code, format: 'aegis', field });
  });
});

describe('Aegis encrypted vault', () => {
  const entries = [aegisEntry(draft()), aegisEntry(numberedDraft(1, { type: 'hotp', counter: 3 }), { favorite: true })];
  const text = aegisEncryptedVault(entries, PASSWORD);

  it('decrypts with the password and reads the entries', async () => {
    const result = await unlockAegisVault(locked(text), PASSWORD);
    expect(result.entries.map((entry) => entry.ok && entry.account)).toEqual([
      { draft: draft(), pinned: false },
      { draft: numberedDraft(1, { type: 'hotp', counter: 3 }), pinned: true },
    ]);
  });

  it("decrypts a vault with Aegis's own scrypt parameters (N = 2^15, r = 8, p = 1)", async () => {
    const real = aegisEncryptedVault(entries, PASSWORD, { n: 32768, r: 8, p: 1 });
    expect((await unlockAegisVault(locked(real), PASSWORD)).entries).toHaveLength(2);
  });

  it('derives the slot key with the slot parameters and the password as UTF-8, one scrypt run per slot tried', async () => {
    const calls: { password: string; salt: number; params: unknown }[] = [];
    const { scryptAsync } = await import('@noble/hashes/scrypt.js');
    const scrypt: Scrypt = (password, salt, params) => {
      calls.push({ password: new TextDecoder().decode(password), salt: salt.length, params });
      return scryptAsync(password, salt, params);
    };
    const vault = aegisEncryptedVault(entries, 'pässword', { secondPassword: 'other', r: 4, p: 2, otherSlots: [BIOMETRIC_SLOT] });
    await unlockAegisVault(locked(vault), 'pässword', { scrypt });
    expect(calls).toEqual([
      { password: 'pässword', salt: 32, params: { N: 1024, r: 4, p: 2, dkLen: 32 } },
      { password: 'pässword', salt: 32, params: { N: 1024, r: 4, p: 2, dkLen: 32 } },
    ]);
  });

  it('opens with any password slot', async () => {
    const vault = aegisEncryptedVault(entries, PASSWORD, { secondPassword: 'second' });
    expect((await unlockAegisVault(locked(vault), 'second')).entries).toHaveLength(2);
    expect((await unlockAegisVault(locked(vault), PASSWORD)).entries).toHaveLength(2);
  });

  it.each([
    ['a wrong password', 'wrong'],
    ['the password in another Unicode form (Aegis does not normalize)', 'pa\u0301ss'],
    ['an empty password', ''],
  ])('refuses %s', async (_, password) => {
    const vault = aegisEncryptedVault(entries, 'p\u00e1ss');
    const error = await rejectionOf(unlockAegisVault(locked(vault), password), ImportFileError);
    expect(error).toMatchObject({ code: 'wrong-password', format: 'aegis' });
    expect(error.message).not.toContain('p\u00e1ss');
  });

  it('refuses content that was altered', async () => {
    const vault = parse(text);
    const db = Buffer.from(vault.db as string, 'base64');
    db[3]! ^= 1;
    const error = await rejectionOf(unlockAegisVault(locked(JSON.stringify({ ...vault, db: db.toString('base64') })), PASSWORD), ImportFileError);
    expect(error.code).toBe('wrong-password');
  });

  it.each<[string, unknown, string, string]>([
    ['bytes that are not UTF-8', Uint8Array.of(0xff, 0xfe), 'format-malformed', 'db'],
    ['text that is not JSON', new TextEncoder().encode('{"version": 3,'), 'format-malformed', 'db'],
    ['newer content', { version: 7, entries: [] }, 'format-version-unsupported', 'db.version'],
    ['content that is an array', [], 'format-malformed', 'db'],
  ])('refuses a vault that decrypts to %s', async (_, content, code, field) => {
    const vault = aegisEncryptedVault([], PASSWORD, { content });
    const error = await rejectionOf(unlockAegisVault(locked(vault), PASSWORD), ImportFileError);
    expect(error).toMatchObject({ code, field });
  });

  const slotPath = (vault: Record<string, unknown>): Record<string, unknown> =>
    ((vault.header as Record<string, unknown>).slots as Record<string, unknown>[])[0]!;
  it.each<[string, (vault: Record<string, unknown>) => void, string, string]>([
    ['no header', (v) => delete v.header, 'format-malformed', 'header'],
    ['slots null', (v) => ((v.header as Record<string, unknown>).slots = null), 'format-malformed', 'header.slots'],
    ['only a biometric slot', (v) => ((v.header as Record<string, unknown>).slots = [BIOMETRIC_SLOT]), 'format-malformed', 'header.slots'],
    ['no params', (v) => ((v.header as Record<string, unknown>).params = null), 'format-malformed', 'header.params'],
    ['a short content nonce', (v) => ((v.header as { params: Record<string, unknown> }).params.nonce = '00'), 'format-malformed', 'header.params.nonce'],
    ['a content tag that is not hex', (v) => ((v.header as { params: Record<string, unknown> }).params.tag = 'zz'.repeat(16)), 'format-malformed', 'header.params.tag'],
    ['a db that is not Base64', (v) => (v.db = 'not base64!'), 'format-malformed', 'db'],
    ['a slot key of 31 bytes', (v) => (slotPath(v).key = 'ab'.repeat(31)), 'format-malformed', 'header.slots[0].key'],
    ['a slot without key_params', (v) => delete slotPath(v).key_params, 'format-malformed', 'header.slots[0].key_params'],
    ['a slot nonce of odd length', (v) => ((slotPath(v).key_params as Record<string, unknown>).nonce = 'abc'), 'format-malformed', 'header.slots[0].key_params.nonce'],
    ['a slot without salt', (v) => delete slotPath(v).salt, 'format-malformed', 'header.slots[0].salt'],
    ['n as a string', (v) => (slotPath(v).n = '1024'), 'format-malformed', 'header.slots[0].n'],
    ['n not a power of two', (v) => (slotPath(v).n = 1000), 'kdf-unsupported', 'header.slots[0].n'],
    ['n = 1', (v) => (slotPath(v).n = 1), 'kdf-unsupported', 'header.slots[0].n'],
    ['n = 2^21 (512 MiB)', (v) => (slotPath(v).n = 2 ** 21), 'kdf-unsupported', 'header.slots[0].n'],
    ['p = 1,000', (v) => (slotPath(v).p = 1000), 'kdf-unsupported', 'header.slots[0].n'],
    ['r = 0', (v) => (slotPath(v).r = 0), 'kdf-unsupported', 'header.slots[0].n'],
  ])('refuses a vault with %s before asking for the password', (_, change, code, field) => {
    const vault = parse(text);
    change(vault);
    expect(thrownBy(() => readAegisVault(vault), ImportFileError)).toMatchObject({ code, format: 'aegis', field });
  });
});
