import { describe, expect, it } from 'vitest';
import { createBackup, formatOtpauthList } from '../../src/core/backup-file.ts';
import { MAX_IMPORT_BYTES } from '../../src/core/formats/read-import-file.ts';
import { openImportFile } from '../../src/services/open-import-file.ts';
import { aegisEncryptedVault, aegisEntry, aegisPlainVault } from '../support/aegis-vault-writer.ts';
import { authenticatorEncryptedExport } from '../support/authenticator-export-writer.ts';
import { bitwardenExport, bitwardenLogin, BITWARDEN_NOTE } from '../support/bitwarden-export-writer.ts';
import { ACCOUNTS } from '../support/backup-fixture-accounts.ts';
import { draft, numberedDraft } from '../support/account-fixtures.ts';
import { twoFasEncryptedBackup, twoFasService } from '../support/two-fas-backup-writer.ts';

const encoder = new TextEncoder();
const file = (content: string | Uint8Array, size?: number) => {
  const bytes = typeof content === 'string' ? encoder.encode(content) : content;
  return { size: size ?? bytes.length, arrayBuffer: () => Promise.resolve(bytes.slice().buffer) };
};
const BAD_CHAR_URI = 'otpauth://totp/Broken:x?secret=JBSWY3DPEHPK3PX1&issuer=Broken';

describe('openImportFile', () => {
  it('a Keystep backup: the locked file, for the password step', async () => {
    const text = await createBackup(ACCOUNTS, 'correct horse', { now: Date.UTC(2026, 0, 2), iterations: 1_000 });
    expect(await openImportFile(file(text))).toMatchObject({ kind: 'password', locked: { format: 'keystep-backup', envelope: { createdAt: '2026-01-02T00:00:00.000Z' } } });
  });

  it.each<[string, () => string, string]>([
    ['an encrypted Aegis vault', () => aegisEncryptedVault([aegisEntry(draft())], 'pw'), 'aegis'],
    ['an encrypted 2FAS backup', () => twoFasEncryptedBackup([twoFasService(draft())], 'pw'), 'two-fas'],
  ])('%s: the locked file, naming its format', async (_, text, format) => {
    expect(await openImportFile(file(text()))).toMatchObject({ kind: 'password', locked: { format } });
  });

  it('a list of otpauth URIs: one entry per non-blank line, the refused ones with their line number', async () => {
    const text = `${formatOtpauthList(ACCOUNTS.slice(0, 2))}\n${BAD_CHAR_URI}\nnot a link\n`;
    expect(await openImportFile(file(text))).toMatchObject({
      kind: 'preview',
      preview: {
        format: 'otpauth-list',
        entries: [
          { ok: true, where: { kind: 'line', line: 1 }, account: { draft: { issuer: 'GitHub', name: 'octocat' } } },
          { ok: true, where: { kind: 'line', line: 2 }, account: { draft: { issuer: 'Bank', counter: 42 } } },
          { ok: false, where: { kind: 'line', line: 4 }, error: { code: 'secret-invalid-char' } },
          { ok: false, where: { kind: 'line', line: 5 }, error: { code: 'uri-malformed' } },
        ],
      },
    });
  });

  it('a plain Aegis vault and a Bitwarden export: previews of their format', async () => {
    expect(await openImportFile(file(aegisPlainVault([aegisEntry(numberedDraft(1))])))).toMatchObject({ kind: 'preview', preview: { format: 'aegis', entries: [{ ok: true }] } });
    const bitwarden = bitwardenExport([bitwardenLogin('Site', 'alice', `otpauth://totp/Site:alice?secret=${numberedDraft(2).secret}`), BITWARDEN_NOTE]);
    expect(await openImportFile(file(bitwarden))).toMatchObject({ kind: 'preview', preview: { format: 'bitwarden', entries: [{ ok: true }], skipped: 1 } });
  });

  it.each<[string, string | Uint8Array, Record<string, unknown>]>([
    ['text with no otpauth line', 'hello\nworld', { code: 'file-unrecognised' }],
    ['an empty file', '', { code: 'file-unrecognised' }],
    ['JSON of another program', '{"format":"other"}', { code: 'file-unrecognised' }],
    ['JSON cut short', '{"header": {"slots": null', { code: 'json-invalid' }],
    ['bytes that are not UTF-8', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe]), { code: 'file-not-text' }],
    ['an encrypted Authenticator extension export', authenticatorEncryptedExport(2), { code: 'format-encrypted-unsupported', format: 'authenticator' }],
    ['a backup with a damaged envelope', JSON.stringify({ format: 'keystep-backup', version: 1, createdAt: 'not a date' }), { code: 'backup-malformed', field: 'createdAt' }],
  ])('%s: unreadable, with the reason', async (_, content, error) => {
    expect(await openImportFile(file(content))).toMatchObject({ kind: 'unreadable', error });
  });

  it('an otpauth-migration line gets its own reason when damaged', async () => {
    expect(await openImportFile(file('otpauth-migration://offline?data=abc'))).toMatchObject({
      kind: 'preview',
      preview: { format: 'google-authenticator', entries: [{ ok: false, where: { kind: 'line', line: 1 }, error: { code: 'migration-malformed' } }] },
    });
  });

  it('a file over 5 MiB is refused with its size, and not read', async () => {
    let read = false;
    const big = { size: MAX_IMPORT_BYTES + 1, arrayBuffer: () => ((read = true), Promise.resolve(new ArrayBuffer(0))) };
    expect(await openImportFile(big)).toMatchObject({ kind: 'unreadable', error: { code: 'file-too-large', detail: String(MAX_IMPORT_BYTES + 1) } });
    expect(read).toBe(false);
  });

  it('a file the browser cannot read', async () => {
    const error = new Error('NotReadableError');
    expect(await openImportFile({ size: 10, arrayBuffer: () => Promise.reject(error) })).toEqual({ kind: 'read-failed', error });
  });
});
