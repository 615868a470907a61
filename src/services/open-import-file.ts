import { BackupError } from '../core/backup-error.ts';
import type { ImportPreview } from '../core/formats/import-entry.ts';
import { ImportFileError } from '../core/formats/import-file-error.ts';
import type { LockedImport } from '../core/formats/locked-import.ts';
import { MAX_IMPORT_BYTES, readImportFile } from '../core/formats/read-import-file.ts';

export type OpenedImportFile =
  /** The browser could not read the file. */
  | { readonly kind: 'read-failed'; readonly error: unknown }
  /** Not imported, and why: too large, not text, not a format Keystep reads, or a known format that is damaged. */
  | { readonly kind: 'unreadable'; readonly error: ImportFileError | BackupError }
  /** An encrypted file (a Keystep backup, an Aegis vault, a 2FAS backup): it needs its password (decryptImport). */
  | { readonly kind: 'password'; readonly locked: LockedImport }
  /** What the file holds, an entry per account, ready for previewImport. */
  | { readonly kind: 'preview'; readonly preview: ImportPreview };

/**
 * Reads a file chosen for import and recognises its kind (core's readImportFile: Keystep backups, otpauth and
 * otpauth-migration lists, Aegis, 2FAS, the Authenticator extension, Bitwarden). A file over MAX_IMPORT_BYTES
 * (5 MiB) is refused before it is read. Nothing is written.
 */
export async function openImportFile(file: { readonly size: number; arrayBuffer(): Promise<ArrayBuffer> }): Promise<OpenedImportFile> {
  if (file.size > MAX_IMPORT_BYTES) {
    return { kind: 'unreadable', error: new ImportFileError('file-too-large', `The file is ${file.size} bytes; at most ${MAX_IMPORT_BYTES} are read`, { detail: String(file.size) }) };
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    return { kind: 'read-failed', error };
  }
  try {
    const read = readImportFile(bytes);
    return read.status === 'ready' ? { kind: 'preview', preview: read.preview } : { kind: 'password', locked: read.locked };
  } catch (error) {
    // readImportFile throws these two and nothing else; anything else is a bug and goes up.
    if (error instanceof ImportFileError || error instanceof BackupError) return { kind: 'unreadable', error };
    throw error;
  }
}
