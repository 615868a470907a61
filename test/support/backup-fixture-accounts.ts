import type { Account } from '../../src/core/vault.ts';

// Three accounts that exercise every field a backup carries: a pinned TOTP, an HOTP with a counter and another
// algorithm, and a pending Cognito account with its link. Shared by the backup format and backup UI tests.

export const GITHUB: Account = {
  id: 'a1', createdAt: 1, pinned: true, status: 'active',
  type: 'totp', issuer: 'GitHub', name: 'octocat', secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1', digits: 6, period: 30, counter: 0,
};
export const BANK: Account = {
  id: 'a2', createdAt: 2, pinned: false, status: 'active',
  type: 'hotp', issuer: 'Bank', name: 'alice', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY',
  algorithm: 'SHA256', digits: 8, period: 30, counter: 42,
};
export const COGNITO: Account = {
  id: 'a3', createdAt: 3, pinned: false, status: 'pending',
  type: 'totp', issuer: 'cognito-demo', name: 'demo@example.com', secret: 'AAAQEAYEAUDAOCAJBIFQYDIOB4IBCEQTCQKRMFYYDENBWHA5DYPQ',
  algorithm: 'SHA1', digits: 6, period: 30, counter: 0,
  cognito: { region: 'eu-west-1', userPoolId: 'eu-west-1_AbCdEfGhI', clientId: '1example23456789', username: 'demo@example.com' },
};
export const ACCOUNTS: Account[] = [GITHUB, BANK, COGNITO];
