// An in-memory EnrollmentStore for flow tests: upserts pending accounts by ref, can be told to fail.
import type { AccountDraft } from '../../src/core/account.ts';
import type { CognitoAccountRef, EnrollmentStore } from '../../src/cognito/enrollment-store.ts';

export interface StoredAccount {
  readonly id: string;
  draft: AccountDraft;
  readonly ref: CognitoAccountRef;
  status: 'pending' | 'active';
}

const sameRef = (a: CognitoAccountRef, b: CognitoAccountRef): boolean =>
  a.region === b.region && a.userPoolId === b.userPoolId && a.clientId === b.clientId && a.username === b.username;

export class MemoryEnrollmentStore implements EnrollmentStore {
  readonly accounts: StoredAccount[] = [];
  readonly log: string[];
  readonly #failures: ('savePending' | 'markActive')[] = [];
  #next = 0;

  /** @param log where to record calls; pass the fake pool's events to see the order of both. */
  constructor(log: string[] = []) {
    this.log = log;
  }

  /** The next call of `method` throws. */
  failNext(method: 'savePending' | 'markActive'): this {
    this.#failures.push(method);
    return this;
  }

  #maybeFail(method: 'savePending' | 'markActive'): void {
    const index = this.#failures.indexOf(method);
    if (index !== -1) {
      this.#failures.splice(index, 1);
      throw new Error('disk full');
    }
  }

  /** An account that was activated earlier (for SOFTWARE_TOKEN_MFA from a stored secret). */
  addActive(ref: CognitoAccountRef, secret: string): void {
    this.#next += 1;
    this.accounts.push({
      id: `acct-${this.#next}`,
      ref,
      status: 'active',
      draft: { type: 'totp', secret, algorithm: 'SHA1', digits: 6, period: 30, counter: 0, issuer: 'old', name: ref.username },
    });
  }

  savePending(draft: AccountDraft, ref: CognitoAccountRef): Promise<string> {
    this.log.push('savePending');
    this.#maybeFail('savePending');
    const existing = this.accounts.find((a) => a.status === 'pending' && sameRef(a.ref, ref));
    if (existing !== undefined) {
      existing.draft = draft;
      return Promise.resolve(existing.id);
    }
    this.#next += 1;
    const id = `acct-${this.#next}`;
    this.accounts.push({ id, draft, ref, status: 'pending' });
    return Promise.resolve(id);
  }

  markActive(id: string): Promise<void> {
    this.log.push('markActive');
    this.#maybeFail('markActive');
    const account = this.accounts.find((a) => a.id === id);
    if (account === undefined) return Promise.reject(new Error(`no account ${id}`));
    account.status = 'active';
    return Promise.resolve();
  }

  findSecret(ref: CognitoAccountRef): Promise<string | undefined> {
    this.log.push('findSecret');
    return Promise.resolve(this.accounts.find((a) => a.status === 'active' && sameRef(a.ref, ref))?.draft.secret);
  }
}
