import { describe, expect, it } from 'vitest';
import { BackupError } from '../../../src/core/backup-error.ts';
import { createBackup } from '../../../src/core/backup-file.ts';
import { formatMigrationBatches } from '../../../src/core/formats/format-migration-batches.ts';
import type { ImportPreview } from '../../../src/core/formats/import-entry.ts';
import { ImportEntryError } from '../../../src/core/formats/import-entry-error.ts';
import { ImportFileError } from '../../../src/core/formats/import-file-error.ts';
import type { LockedImport } from '../../../src/core/formats/locked-import.ts';
import { incompleteMigrationExports } from '../../../src/core/formats/migration-scan.ts';
import { MAX_IMPORT_BYTES, readImportFile, type ImportRead } from '../../../src/core/formats/read-import-file.ts';
import { unlockImport } from '../../../src/core/formats/unlock-import.ts';
import { sealBytes } from '../../../src/core/sealed-box-codec.ts';
import { deriveAesKey, newKdfParams } from '../../../src/core/kdf.ts';
import { BACKUP_AAD } from '../../../src/core/backup-file.ts';
import { OtpInputError } from '../../../src/core/otp-input-error.ts';
import { account, draft, numberedDraft } from '../../support/account-fixtures.ts';
import { aegisEncryptedVault, aegisEntry, aegisPlainVault } from '../../support/aegis-vault-writer.ts';
import { authenticatorEncryptedExport, authenticatorEntry, authenticatorExport } from '../../support/authenticator-export-writer.ts';
import { BITWARDEN_PASSWORD_ENCRYPTED, bitwardenExport, bitwardenLogin } from '../../support/bitwarden-export-writer.ts';
import { fixedRandomBytes } from '../../support/fixed-random-bytes.ts';
import { rejectionOf } from '../../support/rejection-of.ts';
import { thrownBy } from '../../support/thrown-by.ts';
import { twoFasEncryptedBackup, twoFasPlainBackup, twoFasService } from '../../support/two-fas-backup-writer.ts';

const PASSWORD = 'the file password';
const FAST = 1_000;

function ready(read: ImportRead): ImportPreview {
  if (read.status !== 'ready') throw new Error(`expected a preview, got ${read.status}`);
  return read.preview;
}

function locked(read: ImportRead): LockedImport {
  if (read.status !== 'password') throw new Error(`expected a password step, got ${read.status}`);
  return read.locked;
}

const drafts = [draft(), numberedDraft(1, { type: 'hotp', counter: 2 })];
const okDrafts = (preview: ImportPreview): unknown[] => preview.entries.map((entry) => (entry.ok ? entry.account.draft : entry.error.code));

describe('readImportFile: recognising the kind of a file', () => {
  const migration = formatMigrationBatches(drafts, { randomBytes: fixedRandomBytes(5) }).uris.join('\n');
  it.each<[string, string, string]>([
    ['an otpauth list', 'otpauth://totp/GitHub:alice@example.com?secret=JBSWY3DPEHPK3PXP\n\notpauth://hotp/Service%201:user1%40example.com?secret=' + numberedDraft(1).secret + '&counter=2\n', 'otpauth-list'],
    ['Google Authenticator migration lines', migration, 'google-authenticator'],
    ['an Aegis plain vault', aegisPlainVault(drafts.map((d) => aegisEntry(d))), 'aegis'],
    ['a 2FAS plain backup', twoFasPlainBackup(drafts.map((d) => twoFasService(d))), 'two-fas'],
    ['an Authenticator extension export', authenticatorExport(drafts.map((d, i) => authenticatorEntry(d, i))), 'authenticator'],
  ])('reads %s', (_, text, format) => {
    const preview = ready(readImportFile(text));
    expect(preview.format).toBe(format);
    expect(okDrafts(preview)).toEqual(drafts);
  });

  it('reads a Bitwarden export', () => {
    const preview = ready(readImportFile(bitwardenExport([bitwardenLogin('GitHub', 'alice@example.com', 'JBSWY3DPEHPK3PXP')])));
    expect(preview).toMatchObject({ format: 'bitwarden', skipped: 0 });
    expect(okDrafts(preview)).toEqual([draft()]);
  });

  it('reads the same file given as bytes, and ignores a UTF-8 byte order mark', () => {
    const text = aegisPlainVault(drafts.map((d) => aegisEntry(d)));
    expect(okDrafts(ready(readImportFile(new TextEncoder().encode(`\uFEFF${text}`))))).toEqual(drafts);
    expect(okDrafts(ready(readImportFile(`\uFEFF${text}`)))).toEqual(drafts);
  });

  it.each<[string, string, string]>([
    ['a Keystep backup', 'keystep-backup', ''],
    ['an encrypted Aegis vault', 'aegis', aegisEncryptedVault([], PASSWORD)],
    ['an encrypted 2FAS backup', 'two-fas', twoFasEncryptedBackup([], PASSWORD)],
  ])('asks for the password of %s', async (_, format, given) => {
    const text = given || (await createBackup([account('a1')], PASSWORD, { iterations: FAST }));
    expect(locked(readImportFile(text)).format).toBe(format);
  });

  it.each<[string, string | Uint8Array, string, string | undefined]>([
    ['text without an otpauth line', 'hello\nworld\n', 'file-unrecognised', undefined],
    ['an empty file', '', 'file-unrecognised', undefined],
    ['a JSON array', '[1, 2]', 'file-unrecognised', undefined],
    ['an empty JSON object', '{}', 'file-unrecognised', undefined],
    ['a foreign JSON object', '{"name": "x", "entries": [1]}', 'file-unrecognised', undefined],
    ['JSON cut short', aegisPlainVault([aegisEntry(draft())]).slice(0, 60), 'json-invalid', undefined],
    ['JSON after a second BOM', '\uFEFF\uFEFF{}', 'file-unrecognised', undefined],
    ['bytes that are not UTF-8', Uint8Array.of(0x7b, 0xff, 0x7d), 'file-not-text', undefined],
    ['bytes over 5 MiB', new Uint8Array(MAX_IMPORT_BYTES + 1), 'file-too-large', String(MAX_IMPORT_BYTES + 1)],
    ['text over 5 MiB in UTF-8 (2.6 M characters of 2 bytes)', 'é'.repeat(MAX_IMPORT_BYTES / 2 + 1), 'file-too-large', String(MAX_IMPORT_BYTES + 2)],
    ['an encrypted Authenticator export', authenticatorEncryptedExport(2), 'format-encrypted-unsupported', undefined],
    ['an encrypted Bitwarden export', BITWARDEN_PASSWORD_ENCRYPTED, 'format-encrypted-unsupported', undefined],
  ])('refuses %s', (_, input, code, detail) => {
    expect(thrownBy(() => readImportFile(input), ImportFileError)).toMatchObject({ code, detail });
  });

  it('reads text of exactly 5 MiB', () => {
    const line = 'otpauth://totp/GitHub:alice@example.com?secret=JBSWY3DPEHPK3PXP\n';
    const text = `${line}${' '.repeat(MAX_IMPORT_BYTES - line.length)}`;
    expect(ready(readImportFile(text)).entries).toHaveLength(1);
  });

  it("refuses a damaged Keystep backup with the backup's own error", () => {
    expect(thrownBy(() => readImportFile('{"format": "keystep-backup", "version": "1"}'), BackupError).code).toBe('backup-malformed');
  });
});

describe('readImportFile: lines', () => {
  it('reads otpauth and otpauth-migration lines together, each account with its place, refusals with their reason', () => {
    const [uri] = formatMigrationBatches([numberedDraft(3), numberedDraft(4)], { randomBytes: fixedRandomBytes(1) }).uris;
    const text = [
      'otpauth://totp/GitHub:alice@example.com?secret=JBSWY3DPEHPK3PXP',
      '',
      uri,
      'https://example.com',
      'otpauth-migration://offline?data=%%%',
      'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=MD5',
    ].join('\r\n');
    const preview = ready(readImportFile(text));
    expect(preview.format).toBe('otpauth-list');
    expect(preview.entries.map((entry) => [entry.where, entry.ok ? 'ok' : entry.error.code])).toEqual([
      [{ kind: 'line', line: 1 }, 'ok'],
      [{ kind: 'line-account', line: 3, account: 1 }, 'ok'],
      [{ kind: 'line-account', line: 3, account: 2 }, 'ok'],
      [{ kind: 'line', line: 4 }, 'uri-scheme'],
      [{ kind: 'line', line: 5 }, 'migration-malformed'],
      [{ kind: 'line', line: 6 }, 'algorithm-unknown'],
    ]);
    expect(preview.entries[4]).toMatchObject({ ok: false, error: { field: 'data' } });
    expect((preview.entries[4] as { error: unknown }).error).toBeInstanceOf(ImportEntryError);
    expect((preview.entries[5] as { error: unknown }).error).toBeInstanceOf(OtpInputError);
    expect(preview.migrationBatches).toHaveLength(1);
  });

  it('reports which QR codes of a Google Authenticator export are missing', () => {
    const many = Array.from({ length: 25 }, (_, n) => numberedDraft(n));
    const { uris } = formatMigrationBatches(many, { randomBytes: fixedRandomBytes(9) });
    const preview = ready(readImportFile(`${uris[2]}\n${uris[0]}\n`));
    expect(preview.format).toBe('google-authenticator');
    expect(preview.entries).toHaveLength(15);
    expect(incompleteMigrationExports(preview.migrationBatches)).toEqual([{ batchId: preview.migrationBatches[0]?.batchId, batchSize: 3, missing: [1] }]);
    expect(incompleteMigrationExports(ready(readImportFile(uris.join('\n'))).migrationBatches)).toEqual([]);
  });
});

describe('unlockImport', () => {
  it('opens a Keystep backup, keeping pinned, status and the Cognito link', async () => {
    const cognito = { region: 'eu-west-1', userPoolId: 'eu-west-1_A', clientId: 'c', username: 'u' };
    const text = await createBackup([account('a1', { pinned: true }), account('a2', { status: 'pending', cognito })], PASSWORD, { iterations: FAST });
    const preview = await unlockImport(locked(readImportFile(text)), PASSWORD);
    expect(preview).toEqual({
      format: 'keystep-backup',
      entries: [
        { ok: true, where: { kind: 'entry', entry: 1 }, account: { draft: numberedDraft(1), pinned: true, status: 'active' } },
        { ok: true, where: { kind: 'entry', entry: 2 }, account: { draft: numberedDraft(2), pinned: false, status: 'pending', cognito } },
      ],
      skipped: 0,
      migrationBatches: [],
    });
  });

  it('refuses a bad entry of a Keystep backup with its field, and reads the others', async () => {
    const kdf = newKdfParams(fixedRandomBytes(1), FAST);
    const key = await deriveAesKey(PASSWORD, kdf);
    const payload = { accounts: [{ uri: 'otpauth://totp/GitHub:alice@example.com?secret=JBSWY3DPEHPK3PXP' }, { uri: 'otpauth://totp/a?secret=JBSWY3DP' }, { uri: 5 }] };
    const box = await sealBytes(key, new TextEncoder().encode(JSON.stringify(payload)), BACKUP_AAD);
    const text = JSON.stringify({ format: 'keystep-backup', version: 1, createdAt: '2026-01-01T00:00:00.000Z', kdf, cipher: { algorithm: 'AES-256-GCM', ...box } });
    const preview = await unlockImport(locked(readImportFile(text)), PASSWORD);
    expect(preview.entries.map((entry) => (entry.ok ? 'ok' : [entry.error.code, 'field' in entry.error ? entry.error.field : undefined]))).toEqual([
      'ok',
      ['secret-too-short', 'secret'],
      ['entry-malformed', 'accounts[2].uri'],
    ]);
  });

  it('opens an encrypted Aegis vault and an encrypted 2FAS backup', async () => {
    const aegis = await unlockImport(locked(readImportFile(aegisEncryptedVault(drafts.map((d) => aegisEntry(d)), PASSWORD))), PASSWORD);
    const twoFas = await unlockImport(locked(readImportFile(twoFasEncryptedBackup(drafts.map((d) => twoFasService(d)), PASSWORD))), PASSWORD);
    expect([aegis.format, okDrafts(aegis)]).toEqual(['aegis', drafts]);
    expect([twoFas.format, okDrafts(twoFas)]).toEqual(['two-fas', drafts]);
  });

  it('refuses a wrong password for a Keystep backup', async () => {
    const text = await createBackup([account('a1')], PASSWORD, { iterations: FAST });
    expect((await rejectionOf(unlockImport(locked(readImportFile(text)), 'not it'), BackupError)).code).toBe('backup-wrong-password');
  });

  it.each([
    ['an Aegis vault', aegisEncryptedVault([], PASSWORD)],
    ['a 2FAS backup', twoFasEncryptedBackup([], PASSWORD)],
  ])('refuses a wrong password for %s', async (_, text) => {
    expect((await rejectionOf(unlockImport(locked(readImportFile(text)), 'not it'), ImportFileError)).code).toBe('wrong-password');
  });
});
