import { describe, expect, it } from 'vitest';
import { createBackup, readBackupEnvelope } from '../../src/core/backup-file.ts';
import { decryptImport } from '../../src/services/decrypt-import.ts';
import { ACCOUNTS, BANK, COGNITO, GITHUB } from '../support/backup-fixture-accounts.ts';
import { draftOf } from '../support/account-fixtures.ts';

const PASSWORD = 'correct horse battery staple';

describe('decryptImport', () => {
  it('gives each account with its pinned flag, status and Cognito link', async () => {
    const envelope = readBackupEnvelope(await createBackup(ACCOUNTS, PASSWORD, { iterations: 1_000 }));
    expect(await decryptImport(envelope, PASSWORD)).toEqual({
      kind: 'entries',
      entries: [
        { ok: true, account: { draft: draftOf(GITHUB), pinned: true, status: 'active' } },
        { ok: true, account: { draft: draftOf(BANK), pinned: false, status: 'active' } },
        { ok: true, account: { draft: draftOf(COGNITO), pinned: false, status: 'pending', cognito: COGNITO.cognito } },
      ],
    });
  });

  it('a wrong password fails with the BackupError code, and does not echo the password', async () => {
    const envelope = readBackupEnvelope(await createBackup(ACCOUNTS, PASSWORD, { iterations: 1_000 }));
    const result = await decryptImport(envelope, 'wrong password');
    expect(result).toMatchObject({ kind: 'failed', error: { code: 'backup-wrong-password' } });
    expect(JSON.stringify(result) + String(result.kind === 'failed' && (result.error as Error).message)).not.toContain('wrong password');
  });
});
