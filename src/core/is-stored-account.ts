import type { OtpAlgorithm } from './account.ts';
import { decodeBase32 } from './base32.ts';
import { MAX_PERIOD_SECONDS, MIN_PERIOD_SECONDS, OTP_DIGITS } from './validate-account-draft.ts';
import type { Account } from './vault.ts';

const ALGORITHMS: readonly unknown[] = ['SHA1', 'SHA256', 'SHA512'] satisfies OtpAlgorithm[];

const isText = (value: unknown): value is string => typeof value === 'string';
const isNonEmptyText = (value: unknown): value is string => isText(value) && value !== '';

/** A canonical base32 secret (A-Z2-7, no padding) of at least one byte. */
function isSecret(value: unknown): boolean {
  if (!isNonEmptyText(value)) return false;
  try {
    return decodeBase32(value).length > 0;
  } catch {
    return false;
  }
}

function isCognitoLink(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const link = value as Record<string, unknown>;
  return isNonEmptyText(link['region']) && isNonEmptyText(link['userPoolId']) && isNonEmptyText(link['clientId']) && isNonEmptyText(link['username']);
}

/**
 * Whether a value read from the stored vault is an account this build can show and compute codes for: every
 * field of Account present with its type and range (the same ranges the editors enforce). Storage can hold
 * anything (a damaged profile, a hand-edited record, a newer build's entry); one such entry must not keep the
 * others from showing, and it must not be dropped either: the store keeps it as it is.
 */
export function isStoredAccount(value: unknown): value is Account {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const a = value as Record<string, unknown>;
  const period = a['period'];
  const counter = a['counter'];
  return (
    isNonEmptyText(a['id']) &&
    typeof a['createdAt'] === 'number' &&
    typeof a['pinned'] === 'boolean' &&
    (a['status'] === 'active' || a['status'] === 'pending') &&
    (a['type'] === 'totp' || a['type'] === 'hotp') &&
    isSecret(a['secret']) &&
    ALGORITHMS.includes(a['algorithm']) &&
    OTP_DIGITS.includes(a['digits'] as number) &&
    typeof period === 'number' &&
    Number.isInteger(period) &&
    period >= MIN_PERIOD_SECONDS &&
    period <= MAX_PERIOD_SECONDS &&
    typeof counter === 'number' &&
    Number.isSafeInteger(counter) &&
    counter >= 0 &&
    isText(a['issuer']) &&
    isText(a['name']) &&
    (a['cognito'] === undefined || isCognitoLink(a['cognito']))
  );
}
