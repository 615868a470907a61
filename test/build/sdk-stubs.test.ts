import { describe, expect, it } from 'vitest';
import { AwsSdkSigV4Signer, resolveAwsSdkSigV4Config } from '../../build/sdk-stubs/http-auth-schemes.ts';
import { Sha256 } from '../../build/sdk-stubs/sha256.ts';

// The stubs awsSdkTrim (build/aws-sdk-trim.ts) puts in place of SDK code Keystep never runs: harmless where the
// SDK only wires them up, loud the moment anything would actually sign or hash a request.
describe('SDK stubs', () => {
  it('resolveAwsSdkSigV4Config passes the client config through unchanged', () => {
    const config = { region: 'eu-west-1', maxAttempts: 1 };
    expect(resolveAwsSdkSigV4Config(config)).toBe(config);
    expect(config).toEqual({ region: 'eu-west-1', maxAttempts: 1 });
  });

  it('AwsSdkSigV4Signer can be constructed (the client registers one) but never signs', async () => {
    await expect(new AwsSdkSigV4Signer().sign()).rejects.toThrow('Keystep bundles no AWS SigV4 signer');
  });

  it('Sha256 refuses to hash', async () => {
    const hash = new Sha256();
    expect(() => hash.update()).toThrow('Keystep bundles no SHA-256');
    await expect(hash.digest()).rejects.toThrow('Keystep bundles no SHA-256');
  });
});
