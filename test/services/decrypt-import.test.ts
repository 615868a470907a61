import { describe, expect, it } from 'vitest';
import { createBackup, readBackupEnvelope } from '../../src/core/backup-file.ts';
import { readImportFile } from '../../src/core/formats/read-import-file.ts';
import type { LockedImport } from '../../src/core/formats/locked-import.ts';
import { decryptImport } from '../../src/services/decrypt-import.ts';
import { aegisEncryptedVault, aegisEntry } from '../support/aegis-vault-writer.ts';
import { ACCOUNTS, BANK, COGNITO, GITHUB } from '../support/backup-fixture-accounts.ts';
import { draft, draftOf, numberedDraft } from '../support/account-fixtures.ts';
import { twoFasEncryptedBackup, twoFasService } from '../support/two-fas-backup-writer.ts';

const PASSWORD = 'correct horse battery staple';

const locked = (text: string): LockedImport => {
  const read = readImportFile(text);
  if (read.status !== 'password') throw new Error('expected an encrypted file');
  return read.locked;
};

describe('decryptImport', () => {
  it('a Keystep backup: each account with its pinned flag, status and Cognito link', async () => {
    const envelope = readBackupEnvelope(await createBackup(ACCOUNTS, PASSWORD, { iterations: 1_000 }));
    expect(await decryptImport({ format: 'keystep-backup', envelope }, PASSWORD)).toEqual({
      kind: 'preview',
      preview: {
        format: 'keystep-backup',
        entries: [
          { ok: true, where: { kind: 'entry', entry: 1 }, account: { draft: draftOf(GITHUB), pinned: true, status: 'active' } },
          { ok: true, where: { kind: 'entry', entry: 2 }, account: { draft: draftOf(BANK), pinned: false, status: 'active' } },
          { ok: true, where: { kind: 'entry', entry: 3 }, account: { draft: draftOf(COGNITO), pinned: false, status: 'pending', cognito: COGNITO.cognito } },
        ],
        skipped: 0,
        migrationBatches: [],
      },
    });
  });

  it('a Keystep backup: an account keeps its sites and submitting after filling; the others read as off', async () => {
    const sites = ['https://github.com'];
    const envelope = readBackupEnvelope(await createBackup([{ ...GITHUB, sites, submitAfterFill: true }, BANK], PASSWORD, { iterations: 1_000 }));
    const result = await decryptImport({ format: 'keystep-backup', envelope }, PASSWORD);
    const accounts = result.kind === 'preview' ? result.preview.entries.map((entry) => (entry.ok ? entry.account : undefined)) : [];
    expect(accounts).toEqual([
      { draft: draftOf(GITHUB), pinned: true, status: 'active', sites, submitAfterFill: true },
      { draft: draftOf(BANK), pinned: false, status: 'active' },
    ]);
  });

  it('an Aegis vault and a 2FAS backup open with their passwords', async () => {
    expect(await decryptImport(locked(aegisEncryptedVault([aegisEntry(draft())], PASSWORD)), PASSWORD)).toMatchObject({
      kind: 'preview',
      preview: { format: 'aegis', entries: [{ ok: true, account: { draft: draft() } }] },
    });
    expect(await decryptImport(locked(twoFasEncryptedBackup([twoFasService(numberedDraft(4))], PASSWORD)), PASSWORD)).toMatchObject({
      kind: 'preview',
      preview: { format: 'two-fas', entries: [{ ok: true, account: { draft: numberedDraft(4) } }] },
    });
  });

  it.each<[string, () => Promise<LockedImport>, string]>([
    ['a Keystep backup', async () => ({ format: 'keystep-backup', envelope: readBackupEnvelope(await createBackup(ACCOUNTS, PASSWORD, { iterations: 1_000 })) }), 'backup-wrong-password'],
    ['an Aegis vault', () => Promise.resolve(locked(aegisEncryptedVault([aegisEntry(draft())], PASSWORD))), 'wrong-password'],
    ['a 2FAS backup', () => Promise.resolve(locked(twoFasEncryptedBackup([twoFasService(draft())], PASSWORD))), 'wrong-password'],
  ])('%s: a wrong password fails with its code, and never echoes the password', async (_, file, code) => {
    const result = await decryptImport(await file(), 'wrong password');
    expect(result).toMatchObject({ kind: 'failed', error: { code } });
    expect(JSON.stringify(result) + String(result.kind === 'failed' && (result.error as Error).message)).not.toContain('wrong password');
  });
});
