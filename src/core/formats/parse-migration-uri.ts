import type { AccountDraft } from '../account.ts';
import { base64ToBytes } from '../base64.ts';
import type { OtpInputError } from '../otp-input-error.ts';
import { entryHint } from './entry-hint.ts';
import type { MigrationBatchInfo } from './import-entry.ts';
import { ImportEntryError } from './import-entry-error.ts';
import { ImportFileError } from './import-file-error.ts';
import { migrationAccountDraft } from './migration-account-draft.ts';
import { decodeMigrationPayload, type MigrationPayload } from './migration-payload.ts';
import { ProtobufError } from './protobuf-fields.ts';
import { readEntry } from './read-entry.ts';

/** One account of a Google Authenticator QR code: its draft, or why it cannot be imported. */
export type MigrationBatchAccount =
  | { readonly ok: true; readonly draft: AccountDraft }
  | { readonly ok: false; readonly hint: string | undefined; readonly error: OtpInputError | ImportEntryError };

/** One Google Authenticator QR code: where it sits in its export, and its accounts in order. */
export interface MigrationBatch extends MigrationBatchInfo {
  readonly accounts: readonly MigrationBatchAccount[];
}

const SCHEME = /^otpauth-migration:/i;

/**
 * Most QR codes an export may have: 10,000 accounts at Google Authenticator's 10 a code. A larger batch size is
 * damage (and would have the UI list millions of missing codes).
 */
const MAX_BATCH_SIZE = 1000;

/** A cheap test, for telling such a line or QR code from an otpauth:// one: does the text start with this scheme? */
export function isMigrationUri(text: string): boolean {
  return SCHEME.test(text.trim());
}

/**
 * Reads an `otpauth-migration://offline?data=...` URI (a Google Authenticator export QR code). The data is
 * percent-decoded, then read as Base64: spaces count as `+` (a form decoder on the way turned them into spaces),
 * base64url characters are accepted, padding is optional. The host and other parameters are ignored, and so is
 * the payload's version (1 in every export seen so far: no other version is known to differ).
 *
 * A payload without batch fields is batch 1 of 1. Each account is read with migrationAccountDraft's rules; a
 * damaged account message is an `ok: false` account (ImportEntryError `migration-malformed`), not a failure of
 * the whole code.
 *
 * @throws ImportFileError (and nothing else) with format `google-authenticator`: `format-malformed` with field
 *   `uri` (not this scheme), `data` (missing, not percent-encoding or Base64, not a payload), or the payload
 *   field (`batch_size`, `batch_index`, ...).
 */
export function parseMigrationUri(uri: string): MigrationBatch {
  const text = uri.trim();
  if (!SCHEME.test(text)) throw malformed('The text is not an otpauth-migration: URI', 'uri');
  const payload = decodePayload(dataParameter(text));
  const batchSize = payload.batchSize === 0 ? 1 : payload.batchSize;
  if (batchSize < 0 || batchSize > MAX_BATCH_SIZE) throw malformed(`The batch size is not 1 to ${MAX_BATCH_SIZE}`, 'batch_size');
  if (payload.batchIndex < 0 || payload.batchIndex >= batchSize) throw malformed('The batch index is outside the batch', 'batch_index');
  const accounts = payload.accounts.map((account, index): MigrationBatchAccount => {
    if (account instanceof ProtobufError) {
      const field = account.field ?? `otp_parameters[${index}]`;
      return { ok: false, hint: undefined, error: new ImportEntryError('migration-malformed', account.message, field) };
    }
    const read = readEntry(() => migrationAccountDraft(account));
    return read.ok ? { ok: true, draft: read.value } : { ok: false, hint: entryHint(account.issuer, account.name), error: read.error };
  });
  return { batchId: payload.batchId, batchSize, batchIndex: payload.batchIndex, accounts };
}

/** The `data` parameter's bytes. */
function dataParameter(uri: string): Uint8Array {
  const query = uri.indexOf('?');
  const fragment = uri.indexOf('#');
  const end = fragment >= 0 ? fragment : uri.length;
  const pairs = query >= 0 && query < end ? uri.slice(query + 1, end).split('&') : [];
  const raw = pairs.find((pair) => pair.slice(0, pair.indexOf('=') + 1).toLowerCase() === 'data=');
  if (raw === undefined) throw malformed('The URI has no data parameter', 'data');
  let value: string;
  try {
    value = decodeURIComponent(raw.slice(raw.indexOf('=') + 1));
  } catch {
    throw malformed('The data parameter has bad percent-encoding', 'data');
  }
  const base64 = value.replaceAll(' ', '+').replaceAll('-', '+').replaceAll('_', '/');
  if (base64 === '') throw malformed('The data parameter is empty', 'data');
  try {
    return base64ToBytes(base64, 'The data parameter');
  } catch {
    throw malformed('The data parameter is not Base64', 'data');
  }
}

function decodePayload(bytes: Uint8Array): MigrationPayload {
  try {
    return decodeMigrationPayload(bytes);
  } catch (error) {
    if (error instanceof ProtobufError) throw malformed(`The data is not a migration payload: ${error.message}`, error.field ?? 'data');
    throw error;
  }
}

function malformed(message: string, field: string): ImportFileError {
  return new ImportFileError('format-malformed', message, { format: 'google-authenticator', field });
}
