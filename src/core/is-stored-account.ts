import type { OtpAlgorithm } from './account.ts';
import { MAX_PERIOD_SECONDS, MIN_PERIOD_SECONDS, OTP_DIGITS } from './otp-limits.ts';
import type { Account } from './vault.ts';

const ALGORITHMS: readonly unknown[] = ['SHA1', 'SHA256', 'SHA512'] satisfies OtpAlgorithm[];

const isText = (value: unknown): value is string => typeof value === 'string';
const isNonEmptyText = (value: unknown): value is string => isText(value) && value !== '';

/** Unpadded base32 lengths (RFC 4648 section 6): a length whose remainder mod 8 is 1, 3 or 6 is not one. */
const BASE32_LENGTHS_MOD_8: readonly number[] = [0, 2, 4, 5, 7];

/** A canonical base32 secret (A-Z2-7, no padding) of at least one byte, as the editors store it. */
function isSecret(value: unknown): boolean {
  return isNonEmptyText(value) && /^[A-Z2-7]{2,}$/.test(value) && BASE32_LENGTHS_MOD_8.includes(value.length % 8);
}

function isCognitoLink(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const link = value as Record<string, unknown>;
  return (
    (link['endpoint'] === undefined || isNonEmptyText(link['endpoint'])) &&
    isNonEmptyText(link['region']) &&
    isNonEmptyText(link['userPoolId']) &&
    isNonEmptyText(link['clientId']) &&
    isNonEmptyText(link['username'])
  );
}

/**
 * The shape of an origin as siteOrigin writes it (lower-case ASCII host or an IPv6 literal, an optional port), none
 * twice. A shape check, not siteOrigin itself: every page loads this module, and a site that is not canonical
 * would only never match a page.
 */
const ORIGIN = /^https?:\/\/(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;
function isSiteList(value: unknown): boolean {
  return Array.isArray(value) && value.every((site) => typeof site === 'string' && ORIGIN.test(site)) && new Set(value).size === value.length;
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
    (a['cognito'] === undefined || isCognitoLink(a['cognito'])) &&
    (a['sites'] === undefined || isSiteList(a['sites'])) &&
    (a['submitAfterFill'] === undefined || typeof a['submitAfterFill'] === 'boolean')
  );
}
