import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// One writer per stored record: the storage items of the vault, its session key and the profile list are named
// only where they are declared (src/platform/storage-items.ts, cognito-profiles-item.ts) and in the record's repository.

const SRC = join(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [relative(SRC, path).replaceAll('\\', '/')] : [];
  });
}

const DECLARATIONS = ['platform/storage-items.ts', 'platform/cognito-profiles-item.ts'];

const OWNERS: Readonly<Record<string, string>> = {
  vaultRecordItem: 'platform/vault-repository.ts',
  vaultKeyItem: 'platform/vault-repository.ts',
  vaultEncryptedItem: 'platform/vault-repository.ts',
  cognitoProfilesItem: 'platform/profile-repository.ts',
};

describe('stored records', () => {
  it.each(Object.entries(OWNERS))('%s is used only by %s', (item, owner) => {
    const users = sourceFiles(SRC).filter((file) => !DECLARATIONS.includes(file) && new RegExp(`\\b${item}\\b`).test(readFileSync(join(SRC, file), 'utf8')));
    expect(users).toEqual([owner]);
  });
});
