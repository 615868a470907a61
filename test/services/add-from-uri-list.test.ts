import { beforeEach, describe, expect, it } from 'vitest';
import { decodeBase32 } from '../../src/core/base32.ts';
import { formatOtpauthUri } from '../../src/core/otpauth-uri.ts';
import { createAccountStore } from '../../src/platform/account-store.ts';
import { createVaultProtection } from '../../src/platform/vault-protection.ts';
import { VaultLockedError } from '../../src/platform/vault-locked-error.ts';
import { addFromUriList } from '../../src/services/add-from-uri-list.ts';
import { account, numberedDraft } from '../support/account-fixtures.ts';
import { migrationPayload, migrationUri, type TestMigrationAccount } from '../support/migration-payload-writer.ts';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser.ts';

const NOW = 1_700_000_000_000;
const uri = (n: number): string => formatOtpauthUri(numberedDraft(n));
const BAD_CHAR = 'otpauth://totp/Broken:x?secret=JBSWY3DPEHPK3PX1&issuer=Broken';
const NOT_OTPAUTH = 'https://example.com/login';

let ids = 0;
const ports = () => ({ store: createAccountStore(), clock: () => NOW, newId: () => `new-${++ids}` });

beforeEach(async () => {
  await resetFakeBrowser();
  ids = 0;
});

describe('addFromUriList', () => {
  it('adds the valid lines, reports every line in order, and returns the refused ones to fix', async () => {
    await createAccountStore().update((vault) => ({ vault: { ...vault, accounts: [account('a1')] }, result: undefined }));
    const result = await addFromUriList([uri(2), `  ${BAD_CHAR}  `, '', uri(1), uri(2), NOT_OTPAUTH, uri(3)].join('\r\n'), ports());
    expect(result).toMatchObject({
      kind: 'done',
      entries: [
        { where: { kind: 'line', line: 1 }, kind: 'added', label: 'Service 2 (user2@example.com)' },
        { where: { kind: 'line', line: 2 }, kind: 'refused', error: { code: 'secret-invalid-char' } },
        { where: { kind: 'line', line: 4 }, kind: 'duplicate', label: 'Service 1 (user1@example.com)' },
        { where: { kind: 'line', line: 5 }, kind: 'duplicate', label: 'Service 2 (user2@example.com)' },
        { where: { kind: 'line', line: 6 }, kind: 'refused', error: { code: 'uri-scheme' } },
        { where: { kind: 'line', line: 7 }, kind: 'added', label: 'Service 3 (user3@example.com)' },
      ],
      added: 2,
      duplicates: 2,
      refused: 2,
      unaccepted: `${BAD_CHAR}\n${NOT_OTPAUTH}`,
    });
    const { accounts } = await createAccountStore().load();
    expect(accounts.map((a) => [a.id, a.issuer, a.createdAt])).toEqual([
      ['a1', 'Service 1', 1001],
      ['new-1', 'Service 2', NOW],
      ['new-2', 'Service 3', NOW],
    ]);
  });

  it('takes Google Authenticator lines: every account of each, a damaged line refused whole, missing QR codes named', async () => {
    const batch = (index: number, accounts: TestMigrationAccount[]) => migrationUri(migrationPayload({ accounts, version: 1, batchSize: 3, batchIndex: index, batchId: 5 }));
    const ga = (n: number, extra: Partial<TestMigrationAccount> = {}): TestMigrationAccount => ({
      secret: decodeBase32(numberedDraft(n).secret),
      name: `user${n}@example.com`,
      issuer: `Service ${n}`,
      algorithm: 1,
      digits: 1,
      type: 2,
      ...extra,
    });
    const damaged = 'otpauth-migration://offline?data=%2B%2B%2B';
    const text = [batch(0, [ga(1), ga(2), ga(3, { algorithm: 4 })]), damaged, uri(4), batch(2, [ga(4), ga(5, { algorithm: 4 })])].join('\n');
    const result = await addFromUriList(text, ports());
    expect(result).toMatchObject({
      kind: 'done',
      entries: [
        { where: { kind: 'line-account', line: 1, account: 1 }, kind: 'added', label: 'Service 1 (user1@example.com)' },
        { where: { kind: 'line-account', line: 1, account: 2 }, kind: 'added', label: 'Service 2 (user2@example.com)' },
        { where: { kind: 'line-account', line: 1, account: 3 }, kind: 'refused', hint: 'Service 3 (user3@example.com)', error: { code: 'algorithm-unknown' } },
        { where: { kind: 'line', line: 2 }, kind: 'refused', error: { code: 'migration-malformed' } },
        { where: { kind: 'line', line: 3 }, kind: 'added', label: 'Service 4 (user4@example.com)' },
        { where: { kind: 'line-account', line: 4, account: 1 }, kind: 'duplicate', label: 'Service 4 (user4@example.com)' },
        { where: { kind: 'line-account', line: 4, account: 2 }, kind: 'refused', error: { code: 'algorithm-unknown' } },
      ],
      added: 3,
      duplicates: 1,
      refused: 3,
      incomplete: [{ batchSize: 3, missing: [1] }],
      // Only the line none of whose accounts could be added stays to be fixed: the others would add nothing new.
      unaccepted: damaged,
    });
    expect((await createAccountStore().load()).accounts.map((a) => a.issuer)).toEqual(['Service 1', 'Service 2', 'Service 4']);
  });

  it.each(['', '  \n\t\n', '\r\n\r\n'])('reports a list of blank lines (%j) as empty and writes nothing', async (text) => {
    expect(await addFromUriList(text, ports())).toEqual({ kind: 'empty' });
    expect(fakeBrowser.storage.local.data.has('vault')).toBe(false);
  });

  it('only refused lines: reports them and writes nothing', async () => {
    const result = await addFromUriList(BAD_CHAR, ports());
    expect(result).toMatchObject({ kind: 'done', added: 0, duplicates: 0, refused: 1, unaccepted: BAD_CHAR });
    expect(fakeBrowser.storage.local.data.has('vault')).toBe(false);
  });

  it('a label-less account is reported with an empty label', async () => {
    const result = await addFromUriList('otpauth://totp/:?secret=JBSWY3DPEHPK3PXP&issuer=Only', ports());
    expect(result).toMatchObject({ kind: 'done', entries: [{ kind: 'added', label: 'Only' }] });
  });

  it('a failed write is a save-failed outcome, and nothing is added', async () => {
    fakeBrowser.storage.local.failNextSets = 1;
    const result = await addFromUriList(uri(1), ports());
    expect(result.kind === 'save-failed' && String(result.error)).toMatch(/quota/i);
    expect(fakeBrowser.storage.local.data.has('vault')).toBe(false);
  });

  it('a locked vault is a save-failed outcome with VaultLockedError', async () => {
    const protection = createVaultProtection({ iterations: 1_000 });
    await protection.setPassword('pw-123456');
    await protection.lock();
    const result = await addFromUriList(uri(1), ports());
    expect(result.kind === 'save-failed' && result.error).toBeInstanceOf(VaultLockedError);
  });
});
