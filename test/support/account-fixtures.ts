import { encodeBase32 } from '../../src/core/base32.ts';
import type { AccountDraft } from '../../src/core/account.ts';
import type { Account } from '../../src/core/vault.ts';

// The accounts and drafts tests build, in one place. Every secret is valid base32 of at least 80 bits, so a
// fixture passes the same checks as user input.

/** Google's Key Uri Format example secret (80 bits). */
export const EXAMPLE_SECRET = 'JBSWY3DPEHPK3PXP';

/** A distinct, valid 16-byte secret for each n >= 0 (n written big-endian into the last bytes). */
export function numberedSecret(n: number): string {
  const bytes = new Uint8Array(16).fill(0x5a);
  new DataView(bytes.buffer).setUint32(12, n);
  return encodeBase32(bytes);
}

/** A TOTP draft (SHA1, 6 digits, 30 s) for GitHub / alice@example.com, with `overrides` applied. */
export const draft = (overrides: Partial<AccountDraft> = {}): AccountDraft => ({
  type: 'totp',
  secret: EXAMPLE_SECRET,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  issuer: 'GitHub',
  name: 'alice@example.com',
  ...overrides,
});

/** The n-th of a family of distinct drafts: "Service n" / "usern@example.com" with its own secret. */
export const numberedDraft = (n: number, overrides: Partial<AccountDraft> = {}): AccountDraft =>
  draft({ secret: numberedSecret(n), issuer: `Service ${n}`, name: `user${n}@example.com`, ...overrides });

/**
 * A stored, active, unpinned account with id `id`. A trailing number in the id picks numberedDraft(n), so
 * "a1" and "a2" differ in label and secret; `overrides` win.
 */
export const account = (id: string, overrides: Partial<Account> = {}): Account => {
  const n = Number(/\d+$/.exec(id)?.[0] ?? 0);
  return { ...numberedDraft(n), id, createdAt: 1000 + n, pinned: false, status: 'active', ...overrides };
};

/** The draft part of an account (what a URI or a backup entry carries). */
export const draftOf = ({ type, issuer, name, secret, algorithm, digits, period, counter }: AccountDraft): AccountDraft => ({
  type,
  issuer,
  name,
  secret,
  algorithm,
  digits,
  period,
  counter,
});
