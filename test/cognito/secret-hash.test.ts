import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { secretHash } from '../../src/cognito/secret-hash.ts';

const independent = (clientSecret: string, username: string, clientId: string): string =>
  createHmac('sha256', clientSecret).update(username + clientId).digest('base64');

describe('secretHash', () => {
  it.each([
    ['1example23456789abcdefghijklmnopqrstuvwxyz0123456789ab', 'alice', '1example23456789'],
    ['s3cr3t', 'demo-with-mfa@example.com', '4abcdefghijklmnopqrstuvw'],
    ['s3cr3t', '8c1d2e3f-0000-4000-8000-000000000001', '4abcdefghijklmnopqrstuvw'],
    ['ключ', 'ユーザー', 'client'],
    ['k', '', 'c'],
  ])('HMAC-SHA256(%j, username + clientId) in Base64 (%#)', async (clientSecret, username, clientId) => {
    const hash = await secretHash(clientSecret, username, clientId);
    expect(hash).toBe(independent(clientSecret, username, clientId));
    expect(hash).toHaveLength(44);
  });

  it('depends on the username (USER_ID_FOR_SRP and the typed alias differ)', async () => {
    expect(await secretHash('s', 'alice@example.com', 'c')).not.toBe(await secretHash('s', 'alice-sub', 'c'));
  });

  it('uses the injected SubtleCrypto', async () => {
    const calls: string[] = [];
    const subtle = globalThis.crypto.subtle;
    const spy = {
      importKey: (...args: Parameters<SubtleCrypto['importKey']>) => {
        calls.push('importKey');
        return subtle.importKey(...args);
      },
      sign: (...args: Parameters<SubtleCrypto['sign']>) => {
        calls.push('sign');
        return subtle.sign(...args);
      },
    } as unknown as SubtleCrypto;
    expect(await secretHash('s', 'u', 'c', spy)).toBe(independent('s', 'u', 'c'));
    expect(calls).toEqual(['importKey', 'sign']);
  });
});
