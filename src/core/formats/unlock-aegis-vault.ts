import type { ImportPreview } from './import-entry.ts';
import type { ImportCryptoDeps } from './import-crypto-deps.ts';
import { ImportFileError } from './import-file-error.ts';
import { openAesGcm } from './open-aes-gcm.ts';
import { readAegisContent } from './read-aegis-content.ts';
import type { LockedAegisVault } from './read-aegis-vault.ts';
import { defaultScrypt } from './scrypt.ts';

/**
 * Decrypts an Aegis vault (from readAegisVault) and reads its accounts. Each password slot is tried in order:
 * scrypt(UTF-8 of the password as typed, as Aegis encodes it, salt, N, r, p, 32 bytes) unwraps the master key
 * with AES-256-GCM, which then opens the content. Costs one scrypt run per password slot tried (Aegis's
 * parameters: ~0.1-0.3 s in a browser).
 * @param deps `subtle` (AES-GCM) default WebCrypto; `scrypt` default defaultScrypt.
 * @throws ImportFileError (format `aegis`): `wrong-password` when no slot opens, or the content does not
 *   authenticate; `format-malformed` (field `db`) when it decrypts to something that is not UTF-8 JSON, and
 *   readAegisContent's errors.
 */
export async function unlockAegisVault(locked: LockedAegisVault, password: string, deps: ImportCryptoDeps = {}): Promise<ImportPreview> {
  const scrypt = deps.scrypt ?? defaultScrypt;
  const passwordBytes = new TextEncoder().encode(password);
  let masterKey: Uint8Array | undefined;
  for (const slot of locked.slots) {
    const slotKey = await scrypt(passwordBytes, slot.salt, { N: slot.n, r: slot.r, p: slot.p, dkLen: 32 });
    masterKey = await openAesGcm(slotKey, slot.nonce, concat(slot.key, slot.tag), deps.subtle);
    if (masterKey !== undefined) break;
  }
  if (masterKey === undefined) {
    throw new ImportFileError('wrong-password', 'The password opens no slot of the vault', { format: 'aegis' });
  }
  const plaintext = await openAesGcm(masterKey, locked.nonce, concat(locked.db, locked.tag), deps.subtle);
  if (plaintext === undefined) {
    throw new ImportFileError('wrong-password', 'The vault content does not authenticate under its key: it was altered', { format: 'aegis' });
  }
  let content: unknown;
  try {
    content = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext));
  } catch {
    // The SyntaxError is dropped on purpose: V8 quotes the input in it, and the input holds the secrets.
    throw new ImportFileError('format-malformed', 'The vault decrypted, but its content is not UTF-8 JSON', { format: 'aegis', field: 'db' });
  }
  return readAegisContent(content, 'db');
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
