import type { CryptoDeps } from '../core/crypto-deps.ts';
import { decryptBackup, type BackupEnvelope } from '../core/backup-file.ts';
import type { ImportEntry } from './import-entry.ts';

export type DecryptedImport =
  | { readonly kind: 'entries'; readonly entries: readonly ImportEntry[] }
  /** `error` is a BackupError (wrong password, damaged contents) or, rarely, a WebCrypto failure. */
  | { readonly kind: 'failed'; readonly error: unknown };

/**
 * Decrypts a Keystep backup (one PBKDF2 run of the file's iteration count) into import entries, each account with
 * the pinned flag, status, Cognito link and sites it had. Nothing is written.
 */
export async function decryptImport(envelope: BackupEnvelope, password: string, deps: Pick<CryptoDeps, 'subtle'> = {}): Promise<DecryptedImport> {
  try {
    const entries = await decryptBackup(envelope, password, deps);
    return {
      kind: 'entries',
      entries: entries.map((entry): ImportEntry => {
        if (!entry.ok) return { ok: false, source: { kind: 'entry', index: entry.index }, error: entry.error };
        const { draft, pinned, status, cognito, sites } = entry;
        return { ok: true, account: { draft, pinned, status, ...(cognito ? { cognito } : {}), ...(sites ? { sites } : {}) } };
      }),
    };
  } catch (error) {
    return { kind: 'failed', error };
  }
}
