import { describe, expect, it } from 'vitest';
import { cognitoAccountDraft } from '../../src/cognito/cognito-account-draft.ts';

describe('cognitoAccountDraft', () => {
  it.each([
    ['JBSWY3DPEHPK3PXP', 'JBSWY3DPEHPK3PXP'],
    ['jbswy3dpehpk3pxp', 'JBSWY3DPEHPK3PXP'],
    ['JBSW Y3DP EHPK 3PXP', 'JBSWY3DPEHPK3PXP'],
    ['JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSA====', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSA'],
  ])('%j -> TOTP SHA1/6/30 with secret %s', (secretCode, secret) => {
    expect(cognitoAccountDraft(secretCode, 'cognito-demo', 'demo@example.com')).toEqual({
      type: 'totp',
      secret,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
      issuer: 'cognito-demo',
      name: 'demo@example.com',
    });
  });

  // 17 characters: no byte string has a base32 form of that length, so codes could never be made from it.
  it.each(['', 'JBSWY3DP', 'JBSWY3DPEHPK3PX1', 'JBSWY3DPEHPK3PX!AAAA', 'JBSWY3DPEHPK3PXPA'])('rejects %j without echoing it', (secretCode) => {
    expect(() => cognitoAccountDraft(secretCode, 'i', 'n')).toThrow(/SecretCode from AssociateSoftwareToken is not base32/);
  });
});
