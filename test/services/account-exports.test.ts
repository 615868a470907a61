import { beforeEach, describe, expect, it } from 'vitest';
import { decryptBackup, readBackupEnvelope } from '../../src/core/backup-file.ts';
import { parseUriList } from '../../src/core/parse-uri-list.ts';
import type { Account } from '../../src/core/vault.ts';
import { createAccountStore } from '../../src/platform/account-store.ts';
import { createVaultProtection } from '../../src/platform/vault-protection.ts';
import { VaultLockedError } from '../../src/platform/vault-locked-error.ts';
import { createAccountExports, type AccountExports, type ExportOutcome } from '../../src/services/account-exports.ts';
import { account } from '../support/account-fixtures.ts';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser.ts';

// Exports hand every secret out: with a master password set, each asks for it again, with the wait of unlock.

const MASTER = 'master password 1';
const BACKUP = 'backup password 1';
const NOW = 1_800_000_000_000;
let clock = NOW;
const protection = () => createVaultProtection({ iterations: 1_000, now: () => clock });
const exports = (): AccountExports => createAccountExports({ store: createAccountStore(), protection: protection(), clock: () => clock, iterations: 1_000 });
const seed = (accounts: readonly Account[]) => createAccountStore().update((vault) => ({ vault: { ...vault, accounts }, result: undefined }));
const ACCOUNTS = [account('a1'), account('a2')];

type Run = [string, (e: AccountExports, masterPassword: string) => Promise<ExportOutcome>];
const BOTH: Run[] = [
  ['the encrypted backup', (e, masterPassword) => e.encryptedBackup({ backupPassword: BACKUP, masterPassword })],
  ['the plain list', (e, masterPassword) => e.plainList({ masterPassword })],
];

beforeEach(async () => {
  await resetFakeBrowser();
  clock = NOW;
});

describe('without a master password', () => {
  it('the encrypted backup: every account, under the backup password', async () => {
    await seed(ACCOUNTS);
    const outcome = await exports().encryptedBackup({ backupPassword: BACKUP, masterPassword: '' });
    if (outcome.kind !== 'ready') throw new Error(`not ready: ${outcome.kind}`);
    expect([outcome.count, outcome.at]).toEqual([2, NOW]);
    const entries = await decryptBackup(readBackupEnvelope(outcome.text), BACKUP);
    expect(entries.map((e) => e.ok && e.draft.issuer)).toEqual(['Service 1', 'Service 2']);
  });

  it('the plain list: one otpauth URI per account', async () => {
    await seed(ACCOUNTS);
    const outcome = await exports().plainList({ masterPassword: '' });
    if (outcome.kind !== 'ready') throw new Error(`not ready: ${outcome.kind}`);
    expect(parseUriList(outcome.text).map((line) => line.ok && line.draft.secret)).toEqual(ACCOUNTS.map((a) => a.secret));
  });

  it.each(BOTH)('%s of an empty vault: empty', async (_, run) => {
    expect(await run(exports(), '')).toEqual({ kind: 'empty' });
  });
});

describe('with a master password', () => {
  beforeEach(async () => {
    await seed(ACCOUNTS);
    await protection().setPassword(MASTER);
  });

  it.each(BOTH)('%s: ready with the right master password', async (_, run) => {
    expect(await run(exports(), MASTER)).toMatchObject({ kind: 'ready', count: 2 });
  });

  it.each(BOTH)('%s: asks for it when none is given, without counting a wrong password', async (_, run) => {
    expect(await run(exports(), '')).toEqual({ kind: 'password-needed' });
    expect(fakeBrowser.storage.local.data.get('unlockAttempts')).toBeUndefined();
  });

  it.each(BOTH)('%s: a wrong one is refused and counted with the unlock attempts; after three, the wait of unlock', async (_, run) => {
    const outcomes = [await run(exports(), 'wrong 1'), await run(exports(), 'wrong 2'), await run(exports(), 'wrong 3')];
    expect(outcomes.map((o) => o.kind === 'refused' && [o.error.code, o.error.retryAfterMs])).toEqual([
      ['wrong-password', 0],
      ['wrong-password', 0],
      ['wrong-password', 1000],
    ]);
    // The right password waits too, and so does an unlock: one counter for both.
    const throttled = await run(exports(), MASTER);
    expect(throttled.kind === 'refused' && [throttled.error.code, throttled.error.retryAfterMs]).toEqual(['unlock-throttled', 1000]);
    await protection().lock();
    await expect(protection().unlock(MASTER)).rejects.toMatchObject({ code: 'unlock-throttled' });
    await protection().unlock(MASTER).catch(() => undefined);
    clock += 1000;
    await protection().unlock(MASTER);
    expect(await run(exports(), MASTER)).toMatchObject({ kind: 'ready' });
  });

  it('wrong current passwords typed to change the password count here too', async () => {
    for (const wrong of ['w1', 'w2']) await protection().changePassword(wrong, 'next password').catch(() => undefined);
    const outcome = await exports().plainList({ masterPassword: 'w3' });
    expect(outcome.kind === 'refused' && [outcome.error.code, outcome.error.retryAfterMs]).toEqual(['wrong-password', 1000]);
  });

  it.each(BOTH)('%s while locked: failed, nothing read', async (_, run) => {
    await protection().lock();
    const outcome = await run(exports(), MASTER);
    expect(outcome.kind === 'failed' && outcome.error).toBeInstanceOf(VaultLockedError);
  });
});
