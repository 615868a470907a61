// The encrypted backup file: a UTF-8 JSON envelope around an AES-256-GCM box, documented for users in the
// README ("Backup file format") so a backup can be decrypted without Keystep:
//   { "format": "keystep-backup", "version": 1, "createdAt": ISO 8601,
//     "kdf": { "algorithm": "PBKDF2-HMAC-SHA256", "iterations": n, "salt": Base64 },
//     "cipher": { "algorithm": "AES-256-GCM", "iv": Base64 (12 bytes), "ciphertext": Base64 (data + 16-byte tag) } }
// key = PBKDF2-HMAC-SHA256(NFC(password), salt, iterations, 32 bytes), derived as a non-extractable CryptoKey; AAD = UTF-8 "keystep-backup/v1";
// plaintext = UTF-8 JSON { "accounts": [ { uri, pinned, status, cognito?, sites?, submitAfterFill? } ] } in display order.
// Unlike the vault there is no wrapped key: a backup is written once, so the password key encrypts it directly.
import type { AccountDraft } from './account.ts';
import { BackupError } from './backup-error.ts';
import type { CryptoDeps } from './crypto-deps.ts';
import { deriveAesKey, newKdfParams, PBKDF2_ITERATIONS } from './kdf.ts';
import { parseKdfParams } from './parse-kdf-params.ts';
import { parseSealedBox } from './parse-sealed-box.ts';
import type { KdfParams } from './kdf-params.ts';
import { OtpInputError } from './otp-input-error.ts';
import { formatOtpauthUri, parseOtpauthUri } from './otpauth-uri.ts';
import { defaultRandomBytes } from './random-bytes.ts';
import type { SealedBox } from './sealed-box.ts';
import { isSiteOrigin } from './site-origin.ts';
import { openBytes, sealBytes } from './sealed-box-codec.ts';
import type { Account, CognitoLink } from './vault.ts';
import { VaultCryptoError } from './vault-crypto-error.ts';

/** The `format` field of every Keystep backup. */
const BACKUP_FORMAT = 'keystep-backup';

/** The format version this build writes, and the newest it reads. */
const BACKUP_VERSION = 1;

/** AES-GCM additional data (as UTF-8) of a version 1 backup: keeps a backup box apart from vault boxes. */
export const BACKUP_AAD = 'keystep-backup/v1';

/** The outer JSON of a backup file, validated by readBackupEnvelope. Nothing in it is secret. */
export interface BackupEnvelope {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: typeof BACKUP_VERSION;
  /** When the backup was made, ISO 8601 UTC. Informational: not covered by the AES-GCM tag. */
  readonly createdAt: string;
  readonly kdf: KdfParams;
  readonly cipher: { readonly algorithm: 'AES-256-GCM' } & SealedBox;
}

/**
 * One account of a decrypted backup, by its 0-based `index` in the file. A bad entry does not stop the others:
 * the import UI lists it with its error (OtpInputError for a bad `uri`, BackupError `backup-payload-invalid`
 * with `field` for anything else).
 */
export type BackupEntry =
  | {
      readonly ok: true;
      readonly index: number;
      readonly draft: AccountDraft;
      readonly pinned: boolean;
      readonly status: 'active' | 'pending';
      readonly cognito?: CognitoLink;
      /** The account's sites (canonical origins); absent when it had none. */
      readonly sites?: readonly string[];
      /** Present (true) when the account submitted the form after filling; absent for off. */
      readonly submitAfterFill?: true;
    }
  | { readonly ok: false; readonly index: number; readonly error: OtpInputError | BackupError };

/** What createBackup needs besides WebCrypto. */
export interface CreateBackupDeps extends CryptoDeps {
  /** The backup time, ms since the epoch; default Date.now(). */
  readonly now?: number | undefined;
  /** PBKDF2 iterations; default PBKDF2_ITERATIONS (3,000,000). Tests pass KDF_ITERATION_RANGE.min. */
  readonly iterations?: number | undefined;
}

/** One account in the encrypted payload. */
interface BackupPayloadEntry {
  /** The otpauth URI from formatOtpauthUri: carries the secret and every OTP parameter. */
  readonly uri: string;
  readonly pinned: boolean;
  readonly status: 'active' | 'pending';
  readonly cognito?: CognitoLink;
  /** Canonical origins (see Account.sites); absent when the account has none. Version 1 readers that predate it ignore it. */
  readonly sites?: readonly string[];
  /**
   * `true` when the account submits the form after filling (Account.submitAfterFill); absent for off, so backups
   * made before the option existed read as off. Version 1 readers that predate it ignore it.
   */
  readonly submitAfterFill?: true;
}

const COGNITO_FIELDS = ['region', 'userPoolId', 'clientId', 'username'] as const;

/**
 * Encrypts accounts into the text of a backup file: pretty-printed JSON (2 spaces) with a trailing newline.
 * Keeps, in order, each account's OTP parameters, label, pinned flag, status, Cognito link, sites and whether it
 * submits after filling; not its id or
 * creation time (an import gives new ones). Costs one PBKDF2 run of `deps.iterations`.
 * @param password used as given (NFC-normalized by the KDF); whether it is strong enough is the caller's rule.
 * @param deps `subtle`, `randomBytes` (salt and iv), `now` (ms, default Date.now()), `iterations` (default 3,000,000).
 * @throws OtpInputError when an account is not valid (stored accounts always are).
 */
export async function createBackup(
  accounts: readonly Account[],
  password: string,
  deps: CreateBackupDeps = {},
): Promise<string> {
  const randomBytes = deps.randomBytes ?? defaultRandomBytes;
  const createdAt = new Date(deps.now ?? Date.now()).toISOString();
  const entries = accounts.map(
    (account): BackupPayloadEntry => ({
      uri: formatOtpauthUri(account),
      pinned: account.pinned,
      status: account.status,
      ...(account.cognito === undefined ? {} : { cognito: copyCognito(account.cognito) }),
      ...(account.sites === undefined || account.sites.length === 0 ? {} : { sites: [...account.sites] }),
      ...(account.submitAfterFill === true ? { submitAfterFill: true } : {}),
    }),
  );
  const kdf = newKdfParams(randomBytes, deps.iterations ?? PBKDF2_ITERATIONS);
  const key = await deriveAesKey(password, kdf, deps.subtle);
  const plaintext = new TextEncoder().encode(JSON.stringify({ accounts: entries }));
  const box = await sealBytes(key, plaintext, BACKUP_AAD, { subtle: deps.subtle, randomBytes });
  const envelope: BackupEnvelope = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt,
    kdf: { algorithm: kdf.algorithm, iterations: kdf.iterations, salt: kdf.salt },
    cipher: { algorithm: 'AES-256-GCM', iv: box.iv, ciphertext: box.ciphertext },
  };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

/**
 * Parses and validates the outer JSON of a backup file (no password needed, nothing decrypted), so the UI can
 * say what is wrong before asking for the password. A leading UTF-8 BOM is ignored; unknown fields too.
 * @throws BackupError (and nothing else): `backup-not-json`; `backup-not-keystep` (not an object, or field
 *   `format`); `backup-version-newer` (field `version`); `backup-malformed` with `field` (`version`,
 *   `createdAt`, `kdf`, `kdf.iterations`, `kdf.salt`, `cipher`, `cipher.algorithm`, `cipher.iv`, ...).
 */
export function readBackupEnvelope(text: string): BackupEnvelope {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stripBom(text));
  } catch {
    throw new BackupError('backup-not-json', 'The backup file is not JSON');
  }
  if (!isRecord(parsed)) {
    throw new BackupError('backup-not-keystep', 'The backup file is not a JSON object');
  }
  if (parsed.format !== BACKUP_FORMAT) {
    throw new BackupError('backup-not-keystep', `The backup file's format is not "${BACKUP_FORMAT}"`, 'format');
  }
  const { version, createdAt } = parsed;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new BackupError('backup-malformed', "The backup file's version is not a positive integer", 'version');
  }
  if (version > BACKUP_VERSION) {
    throw new BackupError(
      'backup-version-newer',
      `The backup file is version ${version}; this build reads up to ${BACKUP_VERSION}`,
      'version',
    );
  }
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) {
    throw new BackupError('backup-malformed', "The backup file's createdAt is not a date", 'createdAt');
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt,
    kdf: checkKdf(parsed.kdf),
    cipher: { algorithm: 'AES-256-GCM', ...checkCipher(parsed.cipher) },
  };
}

/**
 * Decrypts a backup and reads its accounts, in file order. Costs one PBKDF2 run of `envelope.kdf.iterations`
 * (bounded by KDF_ITERATION_RANGE.max).
 * @param envelope from readBackupEnvelope (checked again here, as the type may have been asserted).
 * @param deps `subtle`, defaulting to WebCrypto.
 * @throws BackupError (and nothing else, barring WebCrypto failures): `backup-wrong-password` when the tag does
 *   not verify; `backup-payload-invalid` when the decrypted data is not `{ "accounts": [...] }` JSON;
 *   `backup-malformed` for an invalid envelope. Problems of single accounts are entries with `ok: false`.
 */
export async function decryptBackup(
  envelope: BackupEnvelope,
  password: string,
  deps: Pick<CryptoDeps, 'subtle'> = {},
): Promise<BackupEntry[]> {
  const kdf = checkKdf(envelope.kdf);
  const box = checkCipher(envelope.cipher);
  const key = await deriveAesKey(password, kdf, deps.subtle);
  let bytes: Uint8Array;
  try {
    bytes = await openBytes(key, box, BACKUP_AAD, deps);
  } catch (error) {
    if (error instanceof VaultCryptoError && error.code === 'decrypt-failed') {
      throw new BackupError('backup-wrong-password', 'The password does not decrypt the backup, or the file was altered');
    }
    throw error;
  }
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    // The SyntaxError is dropped on purpose: V8 quotes the input in it, and the input holds the secrets.
    throw new BackupError('backup-payload-invalid', 'The backup decrypted, but its contents are not UTF-8 JSON');
  }
  if (!isRecord(payload) || !Array.isArray(payload.accounts)) {
    throw new BackupError('backup-payload-invalid', 'The backup decrypted, but has no accounts array', 'accounts');
  }
  return (payload.accounts as unknown[]).map(readEntry);
}

/**
 * A cheap, never-throwing sniff: is this text a JSON object with `format` `keystep-backup` (BOM allowed)?
 * Lets the import UI tell a backup from a list of otpauth URIs; readBackupEnvelope says what is wrong with it.
 */
export function isBackupFile(text: string): boolean {
  const body = stripBom(text);
  // Only JSON's own whitespace (RFC 8259 section 2): trimStart would also drop a second BOM, which JSON.parse rejects.
  if (!/^[ \t\n\r]*\{/.test(body)) return false;
  try {
    const parsed: unknown = JSON.parse(body);
    return isRecord(parsed) && parsed.format === BACKUP_FORMAT;
  } catch {
    return false;
  }
}

/**
 * The plain (unencrypted) export: one canonical otpauth URI per account, in order, each line ending in LF;
 * empty for no accounts. parseUriList reads it back. The text holds every secret in clear: never log it.
 * @throws OtpInputError when an account is not valid (stored accounts always are).
 */
export function formatOtpauthList(accounts: readonly Account[]): string {
  return accounts.map((account) => `${formatOtpauthUri(account)}\n`).join('');
}

function readEntry(raw: unknown, index: number): BackupEntry {
  const at = `accounts[${index}]`;
  try {
    if (!isRecord(raw)) {
      throw new BackupError('backup-payload-invalid', `${at} is not an object`, at);
    }
    if (typeof raw.uri !== 'string') {
      throw new BackupError('backup-payload-invalid', `${at}.uri is not a string`, `${at}.uri`);
    }
    const draft = parseOtpauthUri(raw.uri);
    // pinned and status may be omitted (false, active), so hand-made backups need only the URIs.
    const pinned = raw.pinned === undefined ? false : raw.pinned;
    if (typeof pinned !== 'boolean') {
      throw new BackupError('backup-payload-invalid', `${at}.pinned is not a boolean`, `${at}.pinned`);
    }
    const status = raw.status === undefined ? 'active' : raw.status;
    if (status !== 'active' && status !== 'pending') {
      throw new BackupError('backup-payload-invalid', `${at}.status is not "active" or "pending"`, `${at}.status`);
    }
    const sites = raw.sites === undefined ? undefined : readSites(raw.sites, `${at}.sites`);
    // Absent is off: backups made before the option existed have none.
    const submitAfterFill = raw.submitAfterFill === undefined ? false : raw.submitAfterFill;
    if (typeof submitAfterFill !== 'boolean') {
      throw new BackupError('backup-payload-invalid', `${at}.submitAfterFill is not a boolean`, `${at}.submitAfterFill`);
    }
    return {
      ok: true,
      index,
      draft,
      pinned,
      status,
      ...(raw.cognito === undefined ? {} : { cognito: readCognito(raw.cognito, `${at}.cognito`) }),
      ...(sites === undefined || sites.length === 0 ? {} : { sites }),
      ...(submitAfterFill ? { submitAfterFill } : {}),
    };
  } catch (error) {
    if (error instanceof OtpInputError || error instanceof BackupError) return { ok: false, index, error };
    throw error;
  }
}

function readCognito(raw: unknown, at: string): CognitoLink {
  if (!isRecord(raw)) {
    throw new BackupError('backup-payload-invalid', `${at} is not an object`, at);
  }
  for (const field of COGNITO_FIELDS) {
    const value = raw[field];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new BackupError('backup-payload-invalid', `${at}.${field} is not a non-empty string`, `${at}.${field}`);
    }
  }
  const endpoint = raw['endpoint'];
  if (endpoint !== undefined && (typeof endpoint !== 'string' || endpoint.trim() === '')) {
    throw new BackupError('backup-payload-invalid', `${at}.endpoint is not a non-empty string`, `${at}.endpoint`);
  }
  return copyCognito(raw as unknown as CognitoLink);
}

/** A list of canonical origins (as Keystep writes them), none twice. */
function readSites(raw: unknown, at: string): readonly string[] {
  if (!Array.isArray(raw)) throw new BackupError('backup-payload-invalid', `${at} is not an array`, at);
  raw.forEach((site: unknown, i) => {
    if (!isSiteOrigin(site)) throw new BackupError('backup-payload-invalid', `${at}[${i}] is not a web origin`, `${at}[${i}]`);
  });
  return [...new Set(raw as string[])];
}

/** Only the link fields (the four that name the user, and the endpoint when there is one), whatever else the object carries. */
function copyCognito(link: CognitoLink): CognitoLink {
  return {
    ...(link.endpoint === undefined ? {} : { endpoint: link.endpoint }),
    region: link.region,
    userPoolId: link.userPoolId,
    clientId: link.clientId,
    username: link.username,
  };
}

function checkKdf(raw: unknown): KdfParams {
  try {
    return parseKdfParams(raw, "The backup file's kdf");
  } catch (error) {
    throw toMalformed(error, 'kdf');
  }
}

function checkCipher(raw: unknown): SealedBox {
  if (!isRecord(raw)) {
    throw new BackupError('backup-malformed', "The backup file's cipher is not an object", 'cipher');
  }
  if (raw.algorithm !== 'AES-256-GCM') {
    throw new BackupError('backup-malformed', "The backup file's cipher algorithm is not AES-256-GCM", 'cipher.algorithm');
  }
  try {
    return parseSealedBox(raw, "The backup file's cipher");
  } catch (error) {
    throw toMalformed(error, 'cipher');
  }
}

/** A VaultCryptoError about part `prefix` of the envelope, as the BackupError the UI expects. */
function toMalformed(error: unknown, prefix: string): unknown {
  if (!(error instanceof VaultCryptoError)) return error;
  return new BackupError('backup-malformed', error.message, error.field === undefined ? prefix : `${prefix}.${error.field}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Editors on Windows may save UTF-8 with a byte order mark, which JSON.parse rejects. */
function stripBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
