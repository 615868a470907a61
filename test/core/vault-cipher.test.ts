import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../src/core/base64.ts';
import { deriveAesKey, newKdfParams } from '../../src/core/kdf.ts';
import type { KdfParams } from '../../src/core/kdf-params.ts';
import type { SealedBox } from '../../src/core/sealed-box.ts';
import { openBytes, sealBytes } from '../../src/core/sealed-box-codec.ts';
import type { Account, Vault } from '../../src/core/vault.ts';
import {
  newVaultKey,
  openVault,
  sealVault,
  unwrapVaultKey,
  VAULT_KEY_AAD,
  VAULT_PAYLOAD_AAD,
  wrapVaultKey,
} from '../../src/core/vault-cipher.ts';
import { VaultCryptoError } from '../../src/core/vault-crypto-error.ts';
import { fixedRandomBytes } from '../support/fixed-random-bytes.ts';
import { recordingSubtle } from '../support/recording-subtle.ts';
import { rejectionOf } from '../support/rejection-of.ts';

const PASSWORD = 'Tr0ub4dor&3-sekret';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const FAST = 1_000;
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const ACCOUNT: Account = {
  id: 'acc-1',
  createdAt: 1_700_000_000_000,
  pinned: true,
  status: 'pending',
  type: 'totp',
  issuer: 'cognito-demo',
  name: 'alice@example.com',
  secret: SECRET,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  cognito: { region: 'eu-west-1', userPoolId: 'eu-west-1_Pool', clientId: 'client', username: 'alice' },
};
const VAULT: Vault = { accounts: [ACCOUNT, { ...ACCOUNT, id: 'acc-2', pinned: false, status: 'active' }] };

/** The box with byte `index` of iv || ciphertext || tag flipped. */
function flipped(box: SealedBox, index: number): SealedBox {
  const iv = base64ToBytes(box.iv, 'iv');
  const ciphertext = base64ToBytes(box.ciphertext, 'ciphertext');
  if (index < iv.length) iv[index]! ^= 0x01;
  else ciphertext[index - iv.length]! ^= 0x01;
  return { iv: bytesToBase64(iv), ciphertext: bytesToBase64(ciphertext) };
}

async function wrapped(): Promise<{ vaultKey: Uint8Array<ArrayBuffer>; kdf: KdfParams; box: SealedBox }> {
  const vaultKey = newVaultKey();
  const kdf = newKdfParams(undefined, FAST);
  return { vaultKey, kdf, box: await wrapVaultKey(vaultKey, PASSWORD, kdf) };
}

/** Every message must be free of the password, the keys and the secret. */
function expectNoSecrets(error: Error, vaultKey?: Uint8Array): void {
  for (const secret of [PASSWORD, SECRET, SECRET.toLowerCase()]) expect(error.message).not.toContain(secret);
  if (vaultKey !== undefined) {
    expect(error.message).not.toContain(bytesToBase64(vaultKey));
    expect(error.message).not.toContain(hex(vaultKey));
  }
}

describe('newVaultKey', () => {
  it('is 32 bytes from randomBytes', () => {
    const randomBytes = fixedRandomBytes(7);
    expect(hex(newVaultKey(randomBytes))).toBe(hex(Uint8Array.from({ length: 32 }, (_, i) => 7 + i)));
    expect(randomBytes.lengths).toEqual([32]);
  });

  it('defaults to crypto.getRandomValues: two keys differ', () => {
    expect(hex(newVaultKey())).not.toBe(hex(newVaultKey()));
  });
});

describe('wrapVaultKey / unwrapVaultKey', () => {
  it('round-trips the vault key with the password', async () => {
    const { vaultKey, kdf, box } = await wrapped();
    expect(hex(await unwrapVaultKey(box, PASSWORD, kdf))).toBe(hex(vaultKey));
  });

  it('round-trips with the default 3,000,000 iterations', async () => {
    const vaultKey = newVaultKey();
    const kdf = newKdfParams();
    expect(kdf.iterations).toBe(3_000_000);
    const box = await wrapVaultKey(vaultKey, PASSWORD, kdf);
    expect(hex(await unwrapVaultKey(box, PASSWORD, kdf))).toBe(hex(vaultKey));
  });

  it('is deterministic with injected randomness', async () => {
    const run = async (): Promise<SealedBox> => {
      const randomBytes = fixedRandomBytes(3);
      const kdf = newKdfParams(randomBytes, FAST);
      return wrapVaultKey(newVaultKey(randomBytes), PASSWORD, kdf, { randomBytes });
    };
    expect(await run()).toEqual(await run());
  });

  it.each([
    ['another password', `${PASSWORD}!`],
    ['the password in another case', PASSWORD.toUpperCase()],
    ['an empty password', ''],
  ])('rejects %s with wrong-password and no secret in the message', async (_case, password) => {
    const { vaultKey, kdf, box } = await wrapped();
    const error = await rejectionOf(unwrapVaultKey(box, password, kdf), VaultCryptoError);
    expect(error.code).toBe('wrong-password');
    expectNoSecrets(error, vaultKey);
    if (password !== '') expect(error.message).not.toContain(password);
  });

  it.each([
    ['another salt', (kdf: KdfParams): KdfParams => ({ ...kdf, salt: bytesToBase64(new Uint8Array(16)) })],
    ['another iteration count', (kdf: KdfParams): KdfParams => ({ ...kdf, iterations: kdf.iterations + 1 })],
  ])('rejects the right password with %s as wrong-password', async (_case, change) => {
    const { kdf, box } = await wrapped();
    const error = await rejectionOf(unwrapVaultKey(box, PASSWORD, change(kdf)), VaultCryptoError);
    expect(error.code).toBe('wrong-password');
  });

  it.each([0, 5, 11, 12, 20, 43, 44, 59])('rejects the wrapped key with byte %i flipped', async (index) => {
    const { vaultKey, kdf, box } = await wrapped();
    expect(base64ToBytes(box.ciphertext, 'c')).toHaveLength(48);
    const error = await rejectionOf(unwrapVaultKey(flipped(box, index), PASSWORD, kdf), VaultCryptoError);
    expect(error.code).toBe('wrong-password');
    expectNoSecrets(error, vaultKey);
  });

  it.each<[string, (kdf: KdfParams) => unknown, string]>([
    ['iterations over the maximum', (kdf) => ({ ...kdf, iterations: 10_000_001 }), 'iterations'],
    ['a short salt', (kdf) => ({ ...kdf, salt: bytesToBase64(new Uint8Array(8)) }), 'salt'],
  ])('rejects stored kdf params with %s before deriving', async (_case, change, field) => {
    const { box } = await wrapped();
    const kdf = change(newKdfParams(undefined, FAST)) as KdfParams;
    const error = await rejectionOf(unwrapVaultKey(box, PASSWORD, kdf), VaultCryptoError);
    expect(error.code).toBe('kdf-params-invalid');
    expect(error.field).toBe(field);
    expect(error.message).toContain('vault kdf');
  });

  it('rejects a malformed wrapped key', async () => {
    const { kdf, box } = await wrapped();
    const error = await rejectionOf(unwrapVaultKey({ ...box, iv: 'AAAA' }, PASSWORD, kdf), VaultCryptoError);
    expect(error.code).toBe('sealed-box-invalid');
    expect(error.message).toContain('wrapped vault key');
  });

  it('rejects a wrapped key that does not decrypt to 32 bytes', async () => {
    const kdf = newKdfParams(undefined, FAST);
    const box = await sealBytes(await deriveAesKey(PASSWORD, kdf), new Uint8Array(16), VAULT_KEY_AAD);
    const error = await rejectionOf(unwrapVaultKey(box, PASSWORD, kdf), VaultCryptoError);
    expect(error.code).toBe('decrypt-failed');
  });

  it('refuses a vault key that is not 32 bytes', async () => {
    await expect(wrapVaultKey(new Uint8Array(16), PASSWORD, newKdfParams(undefined, FAST))).rejects.toThrow(RangeError);
  });
});

describe('the password-derived key', () => {
  it.each([
    ['wrapping', async (subtle: SubtleCrypto, kdf: KdfParams) => wrapVaultKey(newVaultKey(), PASSWORD, kdf, { subtle })],
    ['unwrapping', async (subtle: SubtleCrypto, kdf: KdfParams) => unwrapVaultKey(await wrapVaultKey(newVaultKey(), PASSWORD, kdf), PASSWORD, kdf, { subtle })],
  ])('%s never has it as bytes: derived with deriveKey, non-extractable, used as it is', async (_case, run) => {
    const { subtle, calls } = recordingSubtle();
    await run(subtle, newKdfParams(undefined, FAST));
    expect(calls).not.toContain('deriveBits PBKDF2');
    expect(calls.slice(0, 2)).toEqual(['importKey', 'deriveKey PBKDF2']);
    expect(calls.filter((call) => call.startsWith('encrypt') || call.startsWith('decrypt'))).toEqual([expect.stringMatching(/^(en|de)crypt AES-GCM$/)]);
  });
});

describe('sealVault / openVault', () => {
  it('round-trips the vault with every field, including unknown ones', async () => {
    const vaultKey = newVaultKey();
    const vault = { ...VAULT, futureField: { nested: [1, 'two'] } } as Vault;
    expect(await openVault(await sealVault(vault, vaultKey), vaultKey)).toEqual(vault);
  });

  it('uses a fresh iv for every seal', async () => {
    const vaultKey = newVaultKey();
    const a = await sealVault(VAULT, vaultKey);
    const b = await sealVault(VAULT, vaultKey);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('is deterministic with injected randomness', async () => {
    const vaultKey = newVaultKey(fixedRandomBytes(9));
    const a = await sealVault(VAULT, vaultKey, { randomBytes: fixedRandomBytes(1) });
    const b = await sealVault(VAULT, vaultKey, { randomBytes: fixedRandomBytes(1) });
    expect(a).toEqual(b);
  });

  it('does not leak the secret into the stored box', async () => {
    const box = await sealVault(VAULT, newVaultKey());
    expect(JSON.stringify(box)).not.toContain(SECRET);
    expect(Buffer.from(base64ToBytes(box.ciphertext, 'c')).toString('latin1')).not.toContain(SECRET);
  });

  it('rejects another vault key', async () => {
    const vaultKey = newVaultKey();
    const box = await sealVault(VAULT, vaultKey);
    const error = await rejectionOf(openVault(box, newVaultKey()), VaultCryptoError);
    expect(error.code).toBe('decrypt-failed');
    expectNoSecrets(error, vaultKey);
  });

  it.each([0, 11, 12, 13, 100, -16, -1])('rejects the payload with byte %i flipped (negative: from the end)', async (at) => {
    const vaultKey = newVaultKey();
    const box = await sealVault(VAULT, vaultKey);
    const total = 12 + base64ToBytes(box.ciphertext, 'c').length;
    const error = await rejectionOf(openVault(flipped(box, at < 0 ? total + at : at), vaultKey), VaultCryptoError);
    expect(error.code).toBe('decrypt-failed');
    expectNoSecrets(error, vaultKey);
  });

  it.each<[string, Uint8Array]>([
    ['not UTF-8', Uint8Array.of(0xff, 0xfe, 0x7b)],
    ['not JSON', utf8(`{"accounts": [${SECRET}`)],
    ['JSON null', utf8('null')],
    ['a JSON array', utf8(`["${SECRET}"]`)],
    ['an object without accounts', utf8('{"account": []}')],
    ['accounts not an array', utf8(`{"accounts": {"secret": "${SECRET}"}}`)],
  ])('rejects a payload that authenticates but is %s, without quoting it', async (_case, plaintext) => {
    const vaultKey = newVaultKey();
    const box = await sealBytes(vaultKey, plaintext, VAULT_PAYLOAD_AAD);
    const error = await rejectionOf(openVault(box, vaultKey), VaultCryptoError);
    expect(error.code).toBe('decrypt-failed');
    expect(error.message).toMatch(/decrypted, but/);
    expectNoSecrets(error, vaultKey);
  });

  it('rejects a malformed payload', async () => {
    const error = await rejectionOf(openVault({ iv: '', ciphertext: '' }, newVaultKey()), VaultCryptoError);
    expect(error.code).toBe('sealed-box-invalid');
    expect(error.message).toContain('vault payload');
  });
});

describe('domain separation (AAD)', () => {
  it('the two labels differ', () => {
    expect(VAULT_KEY_AAD).toBe('keystep/vault-key/v1');
    expect(VAULT_PAYLOAD_AAD).toBe('keystep/vault/v1');
  });

  it('a wrapped key presented as a payload fails authentication, though the key is right', async () => {
    const { kdf, box } = await wrapped();
    const wrappingKey = await deriveAesKey(PASSWORD, kdf);
    // Same key, right label: opens. Same key, payload label: the tag does not verify.
    expect(await openBytes(wrappingKey, box, VAULT_KEY_AAD)).toHaveLength(32);
    const error = await rejectionOf(openBytes(wrappingKey, box, VAULT_PAYLOAD_AAD), VaultCryptoError);
    expect(error.code).toBe('decrypt-failed');
    expect(error.message).toMatch(/authentication failed/);
  });

  it('a payload presented as a wrapped key fails, though the key is right', async () => {
    const kdf = newKdfParams(undefined, FAST);
    const wrappingKey = await deriveAesKey(PASSWORD, kdf);
    // A 32-byte payload, so only the AAD tells it from a wrapped key.
    const payload = await sealBytes(wrappingKey, new Uint8Array(32), VAULT_PAYLOAD_AAD);
    expect(await openBytes(wrappingKey, payload, VAULT_PAYLOAD_AAD)).toHaveLength(32);
    const error = await rejectionOf(unwrapVaultKey(payload, PASSWORD, kdf), VaultCryptoError);
    expect(error.code).toBe('wrong-password');
  });
});
