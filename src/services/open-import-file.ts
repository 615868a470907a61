import type { BackupError } from '../core/backup-error.ts';
import { isBackupFile, readBackupEnvelope, type BackupEnvelope } from '../core/backup-file.ts';
import { parseUriList } from '../core/parse-uri-list.ts';
import type { ImportEntry } from './import-entry.ts';

/** Larger files are refused unread: a backup of a thousand accounts is about 200 kB. */
export const MAX_IMPORT_FILE_BYTES = 5 * 1024 * 1024;

/** A line that is meant to be an otpauth URI, valid or not (otpauth-migration gets its own per-line reason). */
const OTPAUTH_LIKE = /^otpauth(-migration)?:/i;

export type OpenedImportFile =
  /** Over MAX_IMPORT_FILE_BYTES: not read. */
  | { readonly kind: 'too-large' }
  /** The browser could not read the file. */
  | { readonly kind: 'read-failed'; readonly error: unknown }
  /** A Keystep backup: it needs its password (see decryptImport). */
  | { readonly kind: 'backup'; readonly envelope: BackupEnvelope }
  /** A Keystep backup whose outer part is damaged or of a newer version. */
  | { readonly kind: 'backup-unreadable'; readonly error: BackupError }
  /** Neither a backup nor a list with any otpauth line. */
  | { readonly kind: 'neither' }
  /** A list of otpauth URIs: an entry per non-blank line, ready for previewImport. */
  | { readonly kind: 'entries'; readonly entries: readonly ImportEntry[] };

/**
 * Reads a file chosen for import and tells a Keystep backup from a list of otpauth:// URIs (one per line; the
 * plain export is one). Nothing is written.
 */
export async function openImportFile(file: { readonly size: number; text(): Promise<string> }): Promise<OpenedImportFile> {
  if (file.size > MAX_IMPORT_FILE_BYTES) return { kind: 'too-large' };
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return { kind: 'read-failed', error };
  }
  if (isBackupFile(text)) {
    try {
      return { kind: 'backup', envelope: readBackupEnvelope(text) };
    } catch (error) {
      // readBackupEnvelope throws BackupError and nothing else.
      return { kind: 'backup-unreadable', error: error as BackupError };
    }
  }
  const lines = parseUriList(text);
  if (!lines.some((line) => line.ok || OTPAUTH_LIKE.test(line.text))) return { kind: 'neither' };
  return {
    kind: 'entries',
    entries: lines.map((line): ImportEntry => (line.ok ? { ok: true, account: { draft: line.draft } } : { ok: false, source: { kind: 'line', line: line.line }, error: line.error })),
  };
}
