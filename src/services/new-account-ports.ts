import type { AccountStore } from '../platform/account-store.ts';

/** What the use-cases that add accounts need: the vault, a clock and fresh ids. */
export interface NewAccountPorts {
  readonly store: Pick<AccountStore, 'update'>;
  /** ms since the epoch; becomes each new account's createdAt. */
  readonly clock: () => number;
  /** A fresh unique account id per call (crypto.randomUUID at the edge). */
  readonly newId: () => string;
}
