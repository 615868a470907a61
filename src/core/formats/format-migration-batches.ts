import type { AccountDraft } from '../account.ts';
import { decodeBase32 } from '../base32.ts';
import { bytesToBase64 } from '../base64.ts';
import { defaultRandomBytes, type RandomBytes } from '../random-bytes.ts';
import { MIGRATION_ALGORITHM, MIGRATION_DIGITS, MIGRATION_TYPE, encodeMigrationPayload, type MigrationAccount } from './migration-payload.ts';

/**
 * Accounts per QR code: Google Authenticator's own exports hold at most 10 (and Aegis's export for it, which
 * uses the same number: https://github.com/beemdevelopment/Aegis/pull/964).
 */
export const MAX_MIGRATION_ACCOUNTS_PER_QR = 10;

/**
 * Longest URI one QR code gets, in characters (all ASCII, so bytes). Ten typical accounts (20-byte secrets,
 * labels of ~30 characters) come to ~900. 1,200 bytes fit a QR code of version 25 at error correction L (1,273
 * bytes) or version 30 at M (1,370): 117-137 modules a side, which a phone camera reads off a laptop screen;
 * a code near the format's maximum (version 40, 177 modules, up to 2,953 bytes) is where phones start to fail.
 */
export const MAX_MIGRATION_URI_LENGTH = 1200;

/**
 * Why an account is left out of a Google Authenticator export. Each means Google Authenticator would show
 * wrong codes for it (the UI lists it with the reason, `migrationExportSkip_<reason with underscores>` in the
 * catalogue, so this set is an API: add reasons, never rename or remove them):
 * - `period`: the format has no period field, so Google Authenticator uses 30 seconds.
 * - `digits`: 7 digits cannot be written; 8 can, but the Key Uri Format documents that Google Authenticator
 *   on Android ignores the number of digits (https://github.com/google/google-authenticator/wiki/Key-Uri-Format).
 * - `algorithm`: SHA256 and SHA512 can be written, but Google Authenticator on Android computes SHA1 codes
 *   whatever the algorithm (same page; https://github.com/google/google-authenticator-android/issues/29).
 *   Aegis's export for Google Authenticator leaves out the same accounts (not 6 digits, or not SHA1).
 * - `too-large`: even alone, its QR code would be over MAX_MIGRATION_URI_LENGTH (labels of hundreds of characters).
 */
export const MIGRATION_EXPORT_SKIP_REASONS = ['period', 'digits', 'algorithm', 'too-large'] as const;

export type MigrationExportSkipReason = (typeof MIGRATION_EXPORT_SKIP_REASONS)[number];

/** The QR codes of a Google Authenticator export, and the accounts left out of it. */
export interface MigrationExport {
  /** One otpauth-migration:// URI per QR code, in order (batch k of n is `uris[k - 1]`). They hold the secrets. */
  readonly uris: readonly string[];
  /** For each QR code, the indices (into the input) of its accounts, in order. */
  readonly batches: readonly (readonly number[])[];
  /** Accounts not exported, by index into the input, in input order. */
  readonly left: readonly { readonly index: number; readonly reason: MigrationExportSkipReason }[];
}

/** Google Authenticator's only TOTP period, seconds. */
const MIGRATION_PERIOD_SECONDS = 30;

const SCHEME_AND_HOST = 'otpauth-migration://offline?data=';

/**
 * Writes accounts as the QR codes of a Google Authenticator "Transfer accounts" export, for moving them to a
 * phone. Accounts Google Authenticator would give wrong codes for are left out (see MigrationExportSkipReason);
 * the others go, in order, into QR codes of at most MAX_MIGRATION_ACCOUNTS_PER_QR accounts and
 * MAX_MIGRATION_URI_LENGTH characters, all with the same random batch id. The name is written without the
 * issuer (Google Authenticator shows the issuer field beside it); HOTP accounts keep their counter.
 * parseMigrationUri reads each URI back to the same drafts.
 *
 * @param deps `randomBytes` for the batch id (4 bytes); default `crypto.getRandomValues`.
 * @throws OtpInputError when a secret is not canonical base32 (stored accounts always are).
 */
export function formatMigrationBatches(drafts: readonly AccountDraft[], deps: { readonly randomBytes?: RandomBytes } = {}): MigrationExport {
  const randomBytes = deps.randomBytes ?? defaultRandomBytes;
  // 31 random bits: a non-negative int32, so the id is a short varint (negative int32s take 10 bytes).
  const batchId = new DataView(randomBytes(4).buffer).getUint32(0) >>> 1;
  const left: { index: number; reason: MigrationExportSkipReason }[] = [];
  const accounts = new Map<number, MigrationAccount>();
  drafts.forEach((draft, index) => {
    const reason = skipReason(draft);
    if (reason === undefined) accounts.set(index, toMigrationAccount(draft));
    else left.push({ index, reason });
  });
  const uriOf = (group: readonly number[], batchIndex: number, batchSize: number): string => {
    const members = group.map((index) => accounts.get(index)).filter((account) => account !== undefined);
    const payload = encodeMigrationPayload(members, { version: 1, batchSize, batchIndex, batchId });
    return `${SCHEME_AND_HOST}${encodeURIComponent(bytesToBase64(payload))}`;
  };

  // First pass: fill each QR code in order, measured with a batch size that is at least the final one.
  let groups: number[][] = [];
  for (const index of accounts.keys()) {
    if (uriOf([index], 0, accounts.size).length > MAX_MIGRATION_URI_LENGTH) {
      left.push({ index, reason: 'too-large' });
      continue;
    }
    const current = groups.at(-1);
    if (
      current !== undefined &&
      current.length < MAX_MIGRATION_ACCOUNTS_PER_QR &&
      uriOf([...current, index], groups.length - 1, accounts.size).length <= MAX_MIGRATION_URI_LENGTH
    ) {
      current.push(index);
    } else {
      groups.push([index]);
    }
  }
  // The real batch size changes a few bytes of every code, and Base64 and percent-encoding can turn that into a
  // few more characters; split any code that is now over the limit (or drop an account that alone is) and redo.
  for (;;) {
    const uris = groups.map((group, batchIndex) => uriOf(group, batchIndex, groups.length));
    const over = uris.findIndex((uri) => uri.length > MAX_MIGRATION_URI_LENGTH);
    if (over < 0) {
      left.sort((a, b) => a.index - b.index);
      return { uris, batches: groups, left };
    }
    const group = groups[over] ?? [];
    const [first] = group;
    if (group.length <= 1) {
      if (first !== undefined) left.push({ index: first, reason: 'too-large' });
      groups = groups.filter((_, at) => at !== over);
    } else {
      const half = Math.ceil(group.length / 2);
      groups = [...groups.slice(0, over), group.slice(0, half), group.slice(half), ...groups.slice(over + 1)];
    }
  }
}

function skipReason(draft: AccountDraft): MigrationExportSkipReason | undefined {
  if (draft.type === 'totp' && draft.period !== MIGRATION_PERIOD_SECONDS) return 'period';
  if (draft.digits !== 6) return 'digits';
  if (draft.algorithm !== 'SHA1') return 'algorithm';
  return undefined;
}

function toMigrationAccount(draft: AccountDraft): MigrationAccount {
  return {
    secret: decodeBase32(draft.secret),
    name: draft.name,
    issuer: draft.issuer,
    algorithm: MIGRATION_ALGORITHM.SHA1,
    digits: MIGRATION_DIGITS.six,
    type: draft.type === 'totp' ? MIGRATION_TYPE.totp : MIGRATION_TYPE.hotp,
    counter: BigInt(draft.type === 'hotp' ? draft.counter : 0),
  };
}
