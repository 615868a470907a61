import { describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../src/core/account.ts';
import {
  AccountNotFoundError,
  addDrafts,
  addImported,
  advanceCounter,
  markActive,
  moveAccount,
  removeAccount,
  renameAccount,
  setClientSecret,
  setPinned,
  setSubmitAfterFill,
  type AddOptions,
  type ImportedAccount,
} from '../../src/core/vault-edits.ts';
import type { Account, CognitoLink, Vault } from '../../src/core/vault.ts';
import { OtpInputError, type OtpInputErrorCode } from '../../src/core/otp-input-error.ts';
import { addSite, setSites } from '../../src/core/site-edits.ts';
import { SiteOriginError } from '../../src/core/site-origin-error.ts';
import { account, draft, numberedSecret } from '../support/account-fixtures.ts';
import { thrownBy } from '../support/thrown-by.ts';

/** Freezes a value and everything inside it, so an edit that mutates its input throws (ES modules are strict). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const vaultOf = (...accounts: Account[]): Vault => deepFreeze({ accounts });

/** Ids in order, pinned ones marked with a `*`. */
const order = (vault: Vault): string[] => vault.accounts.map((a) => (a.pinned ? `*${a.id}` : a.id));

/** Runs `edit` on a frozen vault and checks the input is still what it was. */
function unchangedInput<R>(vault: Vault, edit: (v: Vault) => R): R {
  const before = structuredClone(vault);
  const result = edit(vault);
  expect(vault).toEqual(before);
  return result;
}

const sequentialIds = (): (() => string) => {
  let n = 0;
  return () => `new-${++n}`;
};

const COGNITO: CognitoLink = { region: 'eu-west-1', userPoolId: 'eu-west-1_abc', clientId: 'client1', username: 'alice' };

/** An HOTP draft carrying a field that is not a draft field, and the fields an account added from it has. */
const HOTP_WITH_EXTRA = { ...draft({ type: 'hotp', counter: 7, algorithm: 'SHA512', digits: 8 }), label: 'not a draft field' };
const HOTP_ADDED = {
  type: 'hotp',
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA512',
  digits: 8,
  period: 30,
  counter: 7,
  issuer: 'GitHub',
  name: 'alice@example.com',
  id: 'fresh',
  createdAt: 1_700_000_000_000,
} as const;

describe('addDrafts', () => {
  const existing = account('a1', { issuer: 'GitHub', name: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP' });

  it.each<[title: string, accounts: Account[], drafts: AccountDraft[], outcomes: string[], ids: string[]]>([
    ['a new account to an empty vault', [], [draft()], ['added:new-1'], ['new-1']],
    ['the same account again', [existing], [draft()], ['duplicate:a1'], ['a1']],
    ['issuer in another case', [existing], [draft({ issuer: 'GITHUB' })], ['duplicate:a1'], ['a1']],
    ['name in another case with spaces around', [existing], [draft({ name: '  Alice@Example.COM ' })], ['duplicate:a1'], ['a1']],
    ['issuer with decomposed accents', [account('a1', { issuer: 'Caf\u00e9', name: 'x', secret: 'JBSWY3DPEHPK3PXP' })], [draft({ issuer: 'Cafe\u0301', name: 'x' })], ['duplicate:a1'], ['a1']],
    ['type, digits and period are not part of the identity', [existing], [draft({ type: 'hotp', digits: 8, period: 60, counter: 3 })], ['duplicate:a1'], ['a1']],
    ['another secret', [existing], [draft({ secret: 'GEZDGNBVGY3TQOJQ' })], ['added:new-1'], ['a1', 'new-1']],
    ['another issuer', [existing], [draft({ issuer: 'GitLab' })], ['added:new-1'], ['a1', 'new-1']],
    ['another name', [existing], [draft({ name: 'bob@example.com' })], ['added:new-1'], ['a1', 'new-1']],
    ['issuer and name swapped', [existing], [draft({ issuer: 'alice@example.com', name: 'GitHub' })], ['added:new-1'], ['a1', 'new-1']],
    ['a duplicate inside the same batch', [], [draft(), draft({ issuer: 'github', name: 'ALICE@example.com' })], ['added:new-1', 'duplicate:new-1'], ['new-1']],
    [
      'a batch mixing new accounts and duplicates, in order',
      [existing],
      [draft({ secret: 'GEZDGNBVGY3TQOJQ' }), draft(), draft({ secret: 'KRSXG5CTMVRXEZLU' }), draft({ secret: 'GEZDGNBVGY3TQOJQ' })],
      ['added:new-1', 'duplicate:a1', 'added:new-2', 'duplicate:new-1'],
      ['a1', 'new-1', 'new-2'],
    ],
    ['an empty batch', [existing], [], [], ['a1']],
  ])('%s', (_, accounts, drafts, outcomes, ids) => {
    const vault = vaultOf(...accounts);
    const { vault: next, results } = unchangedInput(vault, (v) => addDrafts(v, deepFreeze(drafts), { newId: sequentialIds(), now: 5000 }));
    expect(results.map((r) => `${r.outcome}:${r.account.id}`)).toEqual(outcomes);
    expect(next.accounts.map((a) => a.id)).toEqual(ids);
  });

  it('gives an added account its id, creation time, no pin, active status and only the draft fields', () => {
    const { results } = addDrafts(vaultOf(), [HOTP_WITH_EXTRA], { newId: () => 'fresh', now: 1_700_000_000_000 });
    expect(results[0]?.account).toStrictEqual({ ...HOTP_ADDED, pinned: false, status: 'active' });
  });

  it.each<[title: string, options: Partial<AddOptions>, expected: Partial<Account>]>([
    ['default status is active, no cognito link', {}, { status: 'active' }],
    ['status pending', { status: 'pending' }, { status: 'pending' }],
    ['a cognito link', { cognito: COGNITO }, { status: 'active', cognito: COGNITO }],
    ['pending with a cognito link', { status: 'pending', cognito: COGNITO }, { status: 'pending', cognito: COGNITO }],
  ])('options: %s', (_, options, expected) => {
    const { results } = addDrafts(vaultOf(), [draft()], { newId: () => 'x', now: 1, ...options });
    const added = results[0]?.account;
    expect(added?.status).toBe(expected.status);
    expect(added?.cognito).toEqual(expected.cognito);
    expect(added !== undefined && 'cognito' in added).toBe(expected.cognito !== undefined);
  });

  it('asks for one id per added account only', () => {
    let calls = 0;
    addDrafts(vaultOf(account('a1', { ...draft() })), [draft(), draft({ secret: 'GEZDGNBVGY3TQOJQ' })], { newId: () => `id-${++calls}`, now: 1 });
    expect(calls).toBe(1);
  });
});

describe('renameAccount', () => {
  const vault = vaultOf(account('a1', { issuer: 'GitHub', name: 'alice' }), account('a2'));

  it.each<[title: string, label: { issuer: string; name: string }, expected: { issuer: string; name: string }]>([
    ['new issuer and name', { issuer: 'GitHub Enterprise', name: 'alice.smith' }, { issuer: 'GitHub Enterprise', name: 'alice.smith' }],
    ['trims both', { issuer: '  GitHub  ', name: '\talice \n' }, { issuer: 'GitHub', name: 'alice' }],
    ['issuer only', { issuer: 'GitHub', name: '   ' }, { issuer: 'GitHub', name: '' }],
    ['name only', { issuer: '', name: 'alice' }, { issuer: '', name: 'alice' }],
  ])('%s', (_, label, expected) => {
    const next = unchangedInput(vault, (v) => renameAccount(v, 'a1', label));
    const renamed = next.accounts[0];
    expect({ issuer: renamed?.issuer, name: renamed?.name }).toEqual(expected);
    // The secret (so the codes), the id and the place stay.
    expect({ ...renamed, issuer: 'GitHub', name: 'alice' }).toEqual(vault.accounts[0]);
    expect(next.accounts[1]).toBe(vault.accounts[1]);
  });

  it.each<[string, { issuer: string; name: string }, OtpInputErrorCode]>([
    ['both empty', { issuer: '', name: '' }, 'name-missing'],
    ['both only whitespace', { issuer: '  ', name: '\t\n' }, 'name-missing'],
    // A colon could not be exported: the otpauth label is "issuer:name".
    ['a colon in the issuer', { issuer: 'Acme: prod', name: 'alice' }, 'label-invalid'],
    ['a colon in the name', { issuer: 'Acme', name: 'alice:admin' }, 'label-invalid'],
    ['a control character', { issuer: 'Acme', name: 'ali\u0007ce' }, 'label-invalid'],
  ])('rejects %s', (_, label, code) => {
    const error = thrownBy(() => unchangedInput(vault, (v) => renameAccount(v, 'a1', label)), OtpInputError);
    expect(error.code).toBe(code);
  });

  it('rejects an unknown id', () => {
    expect(() => renameAccount(vault, 'gone', { issuer: 'x', name: '' })).toThrow(AccountNotFoundError);
  });
});

describe('setPinned', () => {
  // *p1 and *p2 are pinned.
  const vault = vaultOf(account('p1', { pinned: true }), account('p2', { pinned: true }), account('a1'), account('a2'), account('a3'));

  it.each<[title: string, input: Vault, id: string, pinned: boolean, expected: string[]]>([
    ['pinning goes to the end of the pinned group', vault, 'a2', true, ['*p1', '*p2', '*a2', 'a1', 'a3']],
    ['pinning the last account', vault, 'a3', true, ['*p1', '*p2', '*a3', 'a1', 'a2']],
    ['pinning when nothing is pinned goes to the top', vaultOf(account('a1'), account('a2'), account('a3')), 'a3', true, ['*a3', 'a1', 'a2']],
    ['unpinning goes to the top of the others', vault, 'p1', false, ['*p2', 'p1', 'a1', 'a2', 'a3']],
    ['unpinning the last pinned account', vault, 'p2', false, ['*p1', 'p2', 'a1', 'a2', 'a3']],
    ['unpinning the only pinned account', vaultOf(account('p1', { pinned: true }), account('a1')), 'p1', false, ['p1', 'a1']],
    ['pinning a pinned account changes nothing', vault, 'p2', true, ['*p1', '*p2', 'a1', 'a2', 'a3']],
    ['unpinning an unpinned account changes nothing', vault, 'a2', false, ['*p1', '*p2', 'a1', 'a2', 'a3']],
  ])('%s', (_, input, id, pinned, expected) => {
    expect(order(unchangedInput(input, (v) => setPinned(v, id, pinned)))).toEqual(expected);
  });

  it('keeps the account otherwise as it was', () => {
    const next = setPinned(vault, 'a2', true);
    expect(next.accounts.find((a) => a.id === 'a2')).toEqual({ ...vault.accounts[3], pinned: true });
  });

  it('rejects an unknown id', () => {
    expect(() => setPinned(vault, 'gone', true)).toThrow(AccountNotFoundError);
  });
});

describe('moveAccount', () => {
  const vault = vaultOf(account('p1', { pinned: true }), account('p2', { pinned: true }), account('a1'), account('a2'), account('a3'));

  it.each<[title: string, input: Vault, id: string, delta: -1 | 1, expected: string[]]>([
    ['up within the others', vault, 'a2', -1, ['*p1', '*p2', 'a2', 'a1', 'a3']],
    ['down within the others', vault, 'a1', 1, ['*p1', '*p2', 'a2', 'a1', 'a3']],
    ['up within the pinned', vault, 'p2', -1, ['*p2', '*p1', 'a1', 'a2', 'a3']],
    ['down within the pinned', vault, 'p1', 1, ['*p2', '*p1', 'a1', 'a2', 'a3']],
    ['the first account up stays', vault, 'p1', -1, ['*p1', '*p2', 'a1', 'a2', 'a3']],
    ['the last account down stays', vault, 'a3', 1, ['*p1', '*p2', 'a1', 'a2', 'a3']],
    ['the last pinned down does not cross into the others', vault, 'p2', 1, ['*p1', '*p2', 'a1', 'a2', 'a3']],
    ['the first of the others up does not cross into the pinned', vault, 'a1', -1, ['*p1', '*p2', 'a1', 'a2', 'a3']],
    ['a vault stored out of order is shown pinned first, then moved', vaultOf(account('a1'), account('p1', { pinned: true }), account('a2')), 'a2', -1, ['*p1', 'a2', 'a1']],
  ])('%s', (_, input, id, delta, expected) => {
    expect(order(unchangedInput(input, (v) => moveAccount(v, id, delta)))).toEqual(expected);
  });

  it('rejects an unknown id', () => {
    expect(() => moveAccount(vault, 'gone', 1)).toThrow(AccountNotFoundError);
  });
});

describe('removeAccount', () => {
  const vault = vaultOf(account('a1'), account('a2'), account('a3'));

  it.each([
    ['the first', 'a1', ['a2', 'a3']],
    ['one in the middle', 'a2', ['a1', 'a3']],
    ['the last', 'a3', ['a1', 'a2']],
  ])('removes %s', (_, id, expected) => {
    expect(order(unchangedInput(vault, (v) => removeAccount(v, id)))).toEqual(expected);
  });

  it('removes the only account', () => {
    expect(removeAccount(vaultOf(account('a1')), 'a1').accounts).toEqual([]);
  });

  it('rejects an unknown id', () => {
    expect(() => removeAccount(vault, 'gone')).toThrow(AccountNotFoundError);
  });
});

describe('advanceCounter', () => {
  const vault = vaultOf(account('t1'), account('h1', { type: 'hotp', counter: 5 }), account('h2', { type: 'hotp', counter: 0 }));

  it.each([
    ['from 5', 'h1', 6],
    ['from 0', 'h2', 1],
  ])('advances an HOTP counter %s', (_, id, expected) => {
    const { vault: next, account: advanced } = unchangedInput(vault, (v) => advanceCounter(v, id));
    expect(advanced.counter).toBe(expected);
    expect(next.accounts.find((a) => a.id === id)).toEqual(advanced);
    expect(advanced).toEqual({ ...vault.accounts.find((a) => a.id === id), counter: expected });
    expect(order(next)).toEqual(['t1', 'h1', 'h2']);
  });

  it.each([
    ['a TOTP account', 't1', TypeError, /t1 is totp, not hotp/],
    ['an unknown id', 'gone', AccountNotFoundError, /gone/],
  ])('rejects %s', (_, id, type, message) => {
    expect(() => unchangedInput(vault, (v) => advanceCounter(v, id))).toThrow(type);
    expect(() => advanceCounter(vault, id)).toThrow(message);
  });
});

describe('markActive', () => {
  const vault = vaultOf(account('a1', { status: 'pending', cognito: COGNITO }), account('a2'));

  it.each([
    ['a pending account', 'a1'],
    ['an account already active', 'a2'],
  ])('marks %s active, changing nothing else', (_, id) => {
    const next = unchangedInput(vault, (v) => markActive(v, id));
    const index = vault.accounts.findIndex((a) => a.id === id);
    expect(next.accounts[index]).toEqual({ ...vault.accounts[index], status: 'active' });
    expect(order(next)).toEqual(['a1', 'a2']);
  });

  it('rejects an unknown id', () => {
    expect(() => markActive(vault, 'gone')).toThrow(AccountNotFoundError);
  });
});

describe('AccountNotFoundError', () => {
  const vault = vaultOf(account('a1'));

  it.each<[string, (v: Vault) => unknown]>([
    ['renameAccount', (v) => renameAccount(v, 'missing-42', { issuer: 'x', name: 'y' })],
    ['setPinned', (v) => setPinned(v, 'missing-42', true)],
    ['moveAccount', (v) => moveAccount(v, 'missing-42', -1)],
    ['removeAccount', (v) => removeAccount(v, 'missing-42')],
    ['advanceCounter', (v) => advanceCounter(v, 'missing-42')],
    ['markActive', (v) => markActive(v, 'missing-42')],
  ])('%s names the missing id', (_, edit) => {
    let caught: unknown;
    try {
      edit(vault);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AccountNotFoundError);
    const error = caught as AccountNotFoundError;
    expect(error.code).toBe('account-not-found');
    expect(error.accountId).toBe('missing-42');
    expect(error.name).toBe('AccountNotFoundError');
    expect(error.message).toContain('missing-42');
  });
});

describe('addImported', () => {
  // *p1 and *p2 are pinned; every stored account has its own secret (see `account`).
  const stored = [account('p1', { pinned: true }), account('p2', { pinned: true }), account('a3'), account('a4')];
  /** An entry with the secret numberedSecret(n) and a label of its own, so it is new unless the test says otherwise. */
  const entry = (n: number, extra: Omit<ImportedAccount, 'draft'> = {}, overrides: Partial<AccountDraft> = {}): ImportedAccount => ({
    draft: draft({ secret: numberedSecret(n), issuer: `Imported ${n}`, name: `i${n}@example.com`, ...overrides }),
    ...extra,
  });
  /** The draft of a stored account, as a backup of it would carry it. */
  const copyOf = (a: Account, extra: Omit<ImportedAccount, 'draft'> = {}): ImportedAccount => ({ draft: draft({ secret: a.secret, issuer: a.issuer, name: a.name }), ...extra });

  it.each<[title: string, accounts: Account[], entries: ImportedAccount[], outcomes: string[], order: string[]]>([
    ['unpinned accounts go to the end', stored, [entry(4), entry(5)], ['added:new-1', 'added:new-2'], ['*p1', '*p2', 'a3', 'a4', 'new-1', 'new-2']],
    ['a pinned account goes to the end of the pinned group', stored, [entry(4, { pinned: true })], ['added:new-1'], ['*p1', '*p2', '*new-1', 'a3', 'a4']],
    [
      'pinned and unpinned mixed keep their batch order within each group',
      stored,
      [entry(4), entry(5, { pinned: true }), entry(0, {}, { issuer: 'Other' }), entry(1, { pinned: true }, { issuer: 'Other' })],
      ['added:new-1', 'added:new-2', 'added:new-3', 'added:new-4'],
      ['*p1', '*p2', '*new-2', '*new-4', 'a3', 'a4', 'new-1', 'new-3'],
    ],
    ['pinned accounts into a vault with none pinned go to the top', [account('a1'), account('a2')], [entry(4, { pinned: true })], ['added:new-1'], ['*new-1', 'a1', 'a2']],
    ['pinned accounts into an empty vault', [], [entry(4), entry(5, { pinned: true })], ['added:new-1', 'added:new-2'], ['*new-2', 'new-1']],
    [
      'a pinned account into a vault stored out of order goes after the last pinned one',
      [account('a1'), account('p2', { pinned: true }), account('a3')],
      [entry(4, { pinned: true })],
      ['added:new-1'],
      ['a1', '*p2', '*new-1', 'a3'],
    ],
    ['a copy of a stored account is a duplicate, even when its pin differs', stored, [copyOf(stored[2]!, { pinned: true }), copyOf(stored[0]!)], ['duplicate:a3', 'duplicate:p1'], ['*p1', '*p2', 'a3', 'a4']],
    ['the label compares folded', stored, [copyOf({ ...stored[3]!, issuer: '  SERVICE 4 ', name: 'USER4@EXAMPLE.COM' })], ['duplicate:a4'], ['*p1', '*p2', 'a3', 'a4']],
    [
      'a duplicate inside the batch points at the first one',
      [],
      [entry(4, { pinned: true }), entry(4, {}, { issuer: 'imported 4' }), entry(5)],
      ['added:new-1', 'duplicate:new-1', 'added:new-2'],
      ['*new-1', 'new-2'],
    ],
    ['an empty batch', stored, [], [], ['*p1', '*p2', 'a3', 'a4']],
  ])('%s', (_, accounts, entries, outcomes, expected) => {
    const vault = vaultOf(...accounts);
    const { vault: next, results } = unchangedInput(vault, (v) => addImported(v, deepFreeze(entries), { newId: sequentialIds(), now: 5000 }));
    expect(results.map((r) => `${r.outcome}:${r.account.id}`)).toEqual(outcomes);
    expect(order(next)).toEqual(expected);
    // Accounts already stored are the same objects: nothing overwritten.
    for (const old of accounts) expect(next.accounts.find((a) => a.id === old.id)).toBe(old);
  });

  it.each<[title: string, extra: Omit<ImportedAccount, 'draft'>, expected: Pick<Account, 'pinned' | 'status'> & { cognito?: CognitoLink }]>([
    ['defaults: not pinned, active, no cognito link', {}, { pinned: false, status: 'active' }],
    ['pinned', { pinned: true }, { pinned: true, status: 'active' }],
    ['explicitly not pinned and active', { pinned: false, status: 'active' }, { pinned: false, status: 'active' }],
    ['pending with a cognito link', { status: 'pending', cognito: COGNITO }, { pinned: false, status: 'pending', cognito: COGNITO }],
    ['pinned, active, with a cognito link', { pinned: true, status: 'active', cognito: COGNITO }, { pinned: true, status: 'active', cognito: COGNITO }],
  ])('keeps each entry\'s state: %s', (_, extra, expected) => {
    const { results } = addImported(vaultOf(), [{ draft: HOTP_WITH_EXTRA, ...extra }], { newId: () => 'fresh', now: 1_700_000_000_000 });
    expect(results[0]?.account).toStrictEqual({ ...HOTP_ADDED, ...expected });
  });

  it.each<[title: string, entries: ImportedAccount[]]>([
    ['only duplicates', [copyOf(stored[1]!), copyOf(stored[3]!, { pinned: true })]],
    ['an empty batch', []],
  ])('returns the same vault object when nothing is added: %s', (_, entries) => {
    const vault = vaultOf(...stored);
    let calls = 0;
    const { vault: next } = addImported(vault, entries, { newId: () => `id-${++calls}`, now: 1 });
    expect(next).toBe(vault);
    expect(calls).toBe(0);
  });

  it('adds exactly what addDrafts adds for the same drafts and options', () => {
    const vault = vaultOf(...stored);
    const drafts = [entry(4).draft, copyOf(stored[2]!).draft, entry(5).draft, entry(4).draft];
    const viaDrafts = addDrafts(vault, drafts, { newId: sequentialIds(), now: 9, status: 'pending', cognito: COGNITO });
    const viaImported = addImported(vault, drafts.map((d) => ({ draft: d, status: 'pending' as const, cognito: COGNITO })), { newId: sequentialIds(), now: 9 });
    expect(viaImported).toEqual(viaDrafts);
  });
});

describe('remembered client secrets', () => {
  const withSecrets = (): Vault => deepFreeze({ accounts: [account('a1'), account('a2')], clientSecrets: { p1: 'secret-one' } });

  it.each([
    ['remembers a new one', 'p2', 'secret-two', { p1: 'secret-one', p2: 'secret-two' }],
    ['replaces one', 'p1', 'secret-new', { p1: 'secret-new' }],
    ['forgets one (undefined)', 'p1', undefined, {}],
    ['forgets one (empty)', 'p1', '', {}],
  ] as const)('%s', (_, id, secret, expected) => {
    const next = unchangedInput(withSecrets(), (v) => setClientSecret(v, id, secret));
    expect(next.clientSecrets).toEqual(expected);
    expect(next.accounts).toEqual(withSecrets().accounts);
  });

  it.each([
    ['the same secret again', 'p1', 'secret-one'],
    ['forgetting one that is not there', 'p9', undefined],
  ] as const)('returns the same vault for %s', (_, id, secret) => {
    const vault = withSecrets();
    expect(setClientSecret(vault, id, secret)).toBe(vault);
  });

  it.each<[string, (v: Vault) => Vault]>([
    ['addDrafts', (v) => addDrafts(v, [draft({ secret: numberedSecret(5) })], { newId: () => 'n1', now: 1 }).vault],
    ['renameAccount', (v) => renameAccount(v, 'a1', { issuer: 'New', name: 'name' })],
    ['setPinned', (v) => setPinned(v, 'a2', true)],
    ['moveAccount', (v) => moveAccount(v, 'a2', -1)],
    ['removeAccount', (v) => removeAccount(v, 'a1')],
    ['markActive', (v) => markActive(v, 'a1')],
  ])('%s keeps the remembered secrets', (_, edit) => {
    const next = unchangedInput(withSecrets(), edit);
    expect(next).not.toBe(withSecrets());
    expect(next.clientSecrets).toEqual({ p1: 'secret-one' });
  });
});

describe('setSites and addSite', () => {
  const vault = (): Vault => deepFreeze({ accounts: [account('a1'), account('a2', { sites: ['https://github.com'] })] });
  const sitesOf = (v: Vault, id: string): readonly string[] | undefined => v.accounts.find((a) => a.id === id)?.sites;

  it.each<[string, string, readonly string[], readonly string[] | undefined]>([
    ['sets the sites of an account without any', 'a1', ['https://login.example.com'], ['https://login.example.com']],
    ['stores each site as its origin', 'a1', ['GitHub.com/login', 'http://127.0.0.1:8080/x'], ['https://github.com', 'http://127.0.0.1:8080']],
    ['drops repeats, keeping the first place', 'a1', ['https://b.example', 'https://a.example', 'b.example'], ['https://b.example', 'https://a.example']],
    ['replaces the sites', 'a2', ['https://gitlab.com'], ['https://gitlab.com']],
    ['removes the field for an empty list', 'a2', [], undefined],
  ])('%s', (_, id, sites, expected) => {
    const next = unchangedInput(vault(), (v) => setSites(v, id, sites));
    expect(sitesOf(next, id)).toEqual(expected);
    if (expected === undefined) expect('sites' in (next.accounts.find((a) => a.id === id) ?? {})).toBe(false);
    expect(next.accounts.map((a) => a.id)).toEqual(['a1', 'a2']);
  });

  it.each<[string, string, readonly string[]]>([
    ['the same sites', 'a2', ['https://github.com']],
    ['the same site as typed differently', 'a2', ['github.com/']],
    ['no sites for an account without any', 'a1', []],
  ])('returns the same vault for %s', (_, id, sites) => {
    const v = vault();
    expect(setSites(v, id, sites)).toBe(v);
  });

  it('refuses a site siteOrigin refuses, changing nothing', () => {
    const error = thrownBy(() => setSites(vault(), 'a1', ['https://ok.example', 'http://plain.example.com']), SiteOriginError);
    expect(error.code).toBe('site-insecure');
  });

  it('names an account that is not there', () => {
    expect(() => setSites(vault(), 'zz', [])).toThrow(AccountNotFoundError);
    expect(() => addSite(vault(), 'zz', 'https://github.com')).toThrow(AccountNotFoundError);
  });

  it.each<[string, string, string, readonly string[]]>([
    ['adds a first site', 'a1', 'https://login.example.com/x', ['https://login.example.com']],
    ['adds at the end', 'a2', 'gitlab.com', ['https://github.com', 'https://gitlab.com']],
  ])('addSite %s', (_, id, site, expected) => {
    expect(sitesOf(unchangedInput(vault(), (v) => addSite(v, id, site)), id)).toEqual(expected);
  });

  it('addSite returns the same vault for a site the account has', () => {
    const v = vault();
    expect(addSite(v, 'a2', 'https://github.com/')).toBe(v);
  });

  it('addImported keeps the sites of an imported account, once each', () => {
    const { vault: next } = addImported({ accounts: [] }, [{ draft: draft(), sites: ['https://github.com', 'https://github.com'] }], { newId: () => 'n1', now: 1 });
    expect(next.accounts[0]?.sites).toEqual(['https://github.com']);
  });
});

describe('setSubmitAfterFill', () => {
  const vault = (): Vault => deepFreeze({ accounts: [account('a1'), account('a2', { submitAfterFill: true })] });
  const flagOf = (v: Vault, id: string): Partial<Account> => {
    const found = v.accounts.find((a) => a.id === id);
    return found !== undefined && 'submitAfterFill' in found ? { submitAfterFill: found.submitAfterFill } : {};
  };

  it.each<[string, string, boolean, Partial<Account>]>([
    ['turns it on for an account without it', 'a1', true, { submitAfterFill: true }],
    ['turns it off by removing the field', 'a2', false, {}],
  ])('%s', (_, id, on, expected) => {
    const next = unchangedInput(vault(), (v) => setSubmitAfterFill(v, id, on));
    expect(flagOf(next, id)).toEqual(expected);
    expect(next.accounts.map((a) => a.id)).toEqual(['a1', 'a2']);
  });

  it.each<[string, Vault, string, boolean]>([
    ['off for an account without it', vaultOf(account('a1')), 'a1', false],
    ['on for an account with it', vaultOf(account('a1', { submitAfterFill: true })), 'a1', true],
    // Written by hand: off all the same, so turning it off changes nothing.
    ['off for an account with an explicit false', vaultOf(account('a1', { submitAfterFill: false })), 'a1', false],
  ])('returns the same vault for %s', (_, v, id, on) => {
    expect(setSubmitAfterFill(v, id, on)).toBe(v);
  });

  it('names an account that is not there', () => {
    expect(() => setSubmitAfterFill(vault(), 'zz', true)).toThrow(AccountNotFoundError);
  });

  it.each<[string, ImportedAccount, Partial<Account>]>([
    ['keeps it on for an imported account that had it', { draft: draft(), submitAfterFill: true }, { submitAfterFill: true }],
    ['leaves it out for one that had it off', { draft: draft(), submitAfterFill: false }, {}],
    ['leaves it out for one that never had it', { draft: draft() }, {}],
  ])('addImported %s', (_, entry, expected) => {
    const { vault: next } = addImported({ accounts: [] }, [entry], { newId: () => 'n1', now: 1 });
    expect(flagOf(next, 'n1')).toEqual(expected);
  });
});
