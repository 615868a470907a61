import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../src/core/base64.ts';
import { deriveAesKey, newKdfParams } from '../../src/core/kdf.ts';
import { legacyEncryptedRecord } from '../support/legacy-vault-record.ts';
import type { KdfParams } from '../../src/core/kdf-params.ts';
import type { SealedBox } from '../../src/core/sealed-box.ts';
import { openBytes, sealBytes } from '../../src/core/sealed-box-codec.ts';
import type { Account, Vault } from '../../src/core/vault.ts';
import {
  deriveWrappingKey,
  newKeyId,
  newVaultKey,
  openVault,
  payloadAad,
  sealVault,
  unwrapVaultKey,
  VAULT_KEY_AAD_V1,
  VAULT_PAYLOAD_AAD_V1,
  wrapVaultKey,
  wrappedKeyAad,
  type PayloadBinding,
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

const KEY_ID = bytesToBase64(new Uint8Array(16).fill(0x4b));
/** The payload binding of revision 7 of a schema 2 record with KEY_ID. */
const BINDING: PayloadBinding & { keyId: string } = { schema: 2, revision: 7, keyId: KEY_ID };

async function wrapped(): Promise<{ vaultKey: Uint8Array<ArrayBuffer>; kdf: KdfParams; box: SealedBox }> {
  const vaultKey = newVaultKey();
  const kdf = newKdfParams(undefined, FAST);
  return { vaultKey, kdf, box: await wrapVaultKey(vaultKey, await deriveWrappingKey(PASSWORD, kdf), { kdf, keyId: KEY_ID }) };
}

/** unwrapVaultKey with the key derived from `password`, bound to `kdf` and `keyId` (null: none, as for a schema 1 record). */
async function unwrapWith(box: SealedBox, password: string, kdf: KdfParams, keyId: string | null = KEY_ID): Promise<Uint8Array<ArrayBuffer>> {
  return unwrapVaultKey(box, await deriveWrappingKey(password, kdf), { kdf, keyId: keyId ?? undefined });
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

describe('newKeyId', () => {
  it('is Base64 of 16 bytes from randomBytes', () => {
    const randomBytes = fixedRandomBytes(1);
    expect(newKeyId(randomBytes)).toBe(bytesToBase64(Uint8Array.from({ length: 16 }, (_, i) => 1 + i)));
    expect(randomBytes.lengths).toEqual([16]);
  });

  it('defaults to crypto.getRandomValues: two ids differ', () => {
    expect(newKeyId()).not.toBe(newKeyId());
  });
});

describe('the additional data (AAD) of each box', () => {
  const KDF: KdfParams = { algorithm: 'PBKDF2-HMAC-SHA256', iterations: 3_000_000, salt: 'AAECAwQFBgcICQoLDA0ODw==' };

  it.each<[string, string, string]>([
    ['wrapped key, schema 2', wrappedKeyAad({ kdf: KDF, keyId: KEY_ID }), `["keystep/vault-key/v2","PBKDF2-HMAC-SHA256",3000000,"AAECAwQFBgcICQoLDA0ODw==","${KEY_ID}"]`],
    ['wrapped key, schema 1 (no key id)', wrappedKeyAad({ kdf: KDF, keyId: undefined }), 'keystep/vault-key/v1'],
    ['payload, schema 2', payloadAad({ schema: 2, revision: 17, keyId: KEY_ID }), `["keystep/vault/v2",2,17,"${KEY_ID}"]`],
    ['payload, schema 1 (no key id)', payloadAad({ schema: 2, revision: 17, keyId: undefined }), 'keystep/vault/v1'],
  ])('%s', (_case, aad, expected) => {
    expect(aad).toBe(expected);
  });

  it('the schema 1 labels are those older builds used', () => {
    expect(VAULT_KEY_AAD_V1).toBe('keystep/vault-key/v1');
    expect(VAULT_PAYLOAD_AAD_V1).toBe('keystep/vault/v1');
  });
});

describe('wrapVaultKey / unwrapVaultKey', () => {
  it('round-trips the vault key with the password', async () => {
    const { vaultKey, kdf, box } = await wrapped();
    expect(hex(await unwrapWith(box, PASSWORD, kdf))).toBe(hex(vaultKey));
  });

  it('round-trips with the default 3,000,000 iterations', async () => {
    const vaultKey = newVaultKey();
    const kdf = newKdfParams();
    expect(kdf.iterations).toBe(3_000_000);
    const box = await wrapVaultKey(vaultKey, await deriveWrappingKey(PASSWORD, kdf), { kdf, keyId: KEY_ID });
    expect(hex(await unwrapWith(box, PASSWORD, kdf))).toBe(hex(vaultKey));
  });

  it('is deterministic with injected randomness', async () => {
    const run = async (): Promise<SealedBox> => {
      const randomBytes = fixedRandomBytes(3);
      const kdf = newKdfParams(randomBytes, FAST);
      return wrapVaultKey(newVaultKey(randomBytes), await deriveWrappingKey(PASSWORD, kdf), { kdf, keyId: KEY_ID }, { randomBytes });
    };
    expect(await run()).toEqual(await run());
  });

  it('opens the wrapped key of a schema 1 record (made with OpenSSL) without a key id', async () => {
    const { record, vaultKey } = legacyEncryptedRecord(VAULT, PASSWORD);
    const kdf = record['kdf'] as KdfParams;
    expect(hex(await unwrapWith(record['wrappedKey'] as SealedBox, PASSWORD, kdf, null))).toBe(hex(vaultKey));
  });

  it.each([
    ['another password', `${PASSWORD}!`],
    ['the password in another case', PASSWORD.toUpperCase()],
    ['an empty password', ''],
  ])('rejects %s with wrong-password and no secret in the message', async (_case, password) => {
    const { vaultKey, kdf, box } = await wrapped();
    const error = await rejectionOf(unwrapWith(box, password, kdf), VaultCryptoError);
    expect(error.code).toBe('wrong-password');
    expectNoSecrets(error, vaultKey);
    if (password !== '') expect(error.message).not.toContain(password);
  });

  it.each([
    ['another salt', (kdf: KdfParams): KdfParams => ({ ...kdf, salt: bytesToBase64(new Uint8Array(16)) })],
    ['another iteration count', (kdf: KdfParams): KdfParams => ({ ...kdf, iterations: kdf.iterations + 1 })],
  ])('rejects the right password with %s as wrong-password', async (_case, change) => {
    const { kdf, box } = await wrapped();
    const error = await rejectionOf(unwrapWith(box, PASSWORD, change(kdf)), VaultCryptoError);
    expect(error.code).toBe('wrong-password');
  });

  it('binds the kdf even under the right key: another iteration count in the header fails', async () => {
    const { kdf, box } = await wrapped();
    const wrappingKey = await deriveWrappingKey(PASSWORD, kdf);
    const error = await rejectionOf(unwrapVaultKey(box, wrappingKey, { kdf: { ...kdf, iterations: kdf.iterations + 1 }, keyId: KEY_ID }), VaultCryptoError);
    expect(error.code).toBe('wrong-password');
  });

  it.each<[string, string | null]>([
    ['another key id', bytesToBase64(new Uint8Array(16).fill(1))],
    ['no key id (read as a schema 1 record)', null],
  ])('binds the key id: the right password with %s fails', async (_case, keyId) => {
    const { kdf, box } = await wrapped();
    const error = await rejectionOf(unwrapWith(box, PASSWORD, kdf, keyId), VaultCryptoError);
    expect(error.code).toBe('wrong-password');
  });

  it('a schema 1 wrapped key given a key id (a header edited to look newer) fails', async () => {
    const { record } = legacyEncryptedRecord(VAULT, PASSWORD);
    const error = await rejectionOf(unwrapWith(record['wrappedKey'] as SealedBox, PASSWORD, record['kdf'] as KdfParams, KEY_ID), VaultCryptoError);
    expect(error.code).toBe('wrong-password');
  });

  it.each([0, 5, 11, 12, 20, 43, 44, 59])('rejects the wrapped key with byte %i flipped', async (index) => {
    const { vaultKey, kdf, box } = await wrapped();
    expect(base64ToBytes(box.ciphertext, 'c')).toHaveLength(48);
    const error = await rejectionOf(unwrapWith(flipped(box, index), PASSWORD, kdf), VaultCryptoError);
    expect(error.code).toBe('wrong-password');
    expectNoSecrets(error, vaultKey);
  });

  it.each<[string, (kdf: KdfParams) => unknown, string]>([
    ['iterations over the maximum', (kdf) => ({ ...kdf, iterations: 10_000_001 }), 'iterations'],
    ['a short salt', (kdf) => ({ ...kdf, salt: bytesToBase64(new Uint8Array(8)) }), 'salt'],
  ])('rejects stored kdf params with %s before deriving', async (_case, change, field) => {
    const kdf = change(newKdfParams(undefined, FAST)) as KdfParams;
    const error = await rejectionOf(deriveWrappingKey(PASSWORD, kdf), VaultCryptoError);
    expect(error.code).toBe('kdf-params-invalid');
    expect(error.field).toBe(field);
    expect(error.message).toContain('vault kdf');
  });

  it('rejects a malformed wrapped key', async () => {
    const { kdf, box } = await wrapped();
    const error = await rejectionOf(unwrapWith({ ...box, iv: 'AAAA' }, PASSWORD, kdf), VaultCryptoError);
    expect(error.code).toBe('sealed-box-invalid');
    expect(error.message).toContain('wrapped vault key');
  });

  it('rejects a wrapped key that does not decrypt to 32 bytes', async () => {
    const kdf = newKdfParams(undefined, FAST);
    const box = await sealBytes(await deriveAesKey(PASSWORD, kdf), new Uint8Array(16), wrappedKeyAad({ kdf, keyId: KEY_ID }));
    const error = await rejectionOf(unwrapWith(box, PASSWORD, kdf), VaultCryptoError);
    expect(error.code).toBe('decrypt-failed');
  });

  it('refuses a vault key that is not 32 bytes', async () => {
    const kdf = newKdfParams(undefined, FAST);
    await expect(wrapVaultKey(new Uint8Array(16), await deriveWrappingKey(PASSWORD, kdf), { kdf, keyId: KEY_ID })).rejects.toThrow(RangeError);
  });
});

describe('the password-derived key', () => {
  it.each([
    ['wrapping', async (subtle: SubtleCrypto, kdf: KdfParams) => wrapVaultKey(newVaultKey(), await deriveWrappingKey(PASSWORD, kdf, { subtle }), { kdf, keyId: KEY_ID }, { subtle })],
    [
      'unwrapping',
      async (subtle: SubtleCrypto, kdf: KdfParams) => {
        const box = await wrapVaultKey(newVaultKey(), await deriveWrappingKey(PASSWORD, kdf), { kdf, keyId: KEY_ID });
        return unwrapVaultKey(box, await deriveWrappingKey(PASSWORD, kdf, { subtle }), { kdf, keyId: KEY_ID }, { subtle });
      },
    ],
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
    expect(await openVault(await sealVault(vault, vaultKey, BINDING), vaultKey, BINDING)).toEqual(vault);
  });

  it('opens the payload of a schema 1 record (made with OpenSSL) without a key id', async () => {
    const { record, vaultKey } = legacyEncryptedRecord(VAULT, PASSWORD);
    expect(await openVault(record['payload'] as SealedBox, vaultKey, { schema: 2, revision: 5, keyId: undefined })).toEqual(VAULT);
  });

  it.each<[string, PayloadBinding]>([
    ['an older revision (a payload of an earlier write put back)', { ...BINDING, revision: 6 }],
    ['a newer revision', { ...BINDING, revision: 8 }],
    ['another schema', { ...BINDING, schema: 1 }],
    ['another key id (a payload of another record)', { ...BINDING, keyId: bytesToBase64(new Uint8Array(16).fill(2)) }],
    ['no key id (the record read as schema 1)', { ...BINDING, keyId: undefined }],
  ])('binds the header: the right key with %s fails', async (_case, other) => {
    const vaultKey = newVaultKey();
    const box = await sealVault(VAULT, vaultKey, BINDING);
    const error = await rejectionOf(openVault(box, vaultKey, other), VaultCryptoError);
    expect(error.code).toBe('decrypt-failed');
    expectNoSecrets(error, vaultKey);
  });

  it('a schema 1 payload read with a key id (a header edited to look newer) fails', async () => {
    const { record, vaultKey } = legacyEncryptedRecord(VAULT, PASSWORD);
    const error = await rejectionOf(openVault(record['payload'] as SealedBox, vaultKey, { schema: 2, revision: 5, keyId: KEY_ID }), VaultCryptoError);
    expect(error.code).toBe('decrypt-failed');
  });

  it('uses a fresh iv for every seal', async () => {
    const vaultKey = newVaultKey();
    const a = await sealVault(VAULT, vaultKey, BINDING);
    const b = await sealVault(VAULT, vaultKey, BINDING);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('is deterministic with injected randomness', async () => {
    const vaultKey = newVaultKey(fixedRandomBytes(9));
    const a = await sealVault(VAULT, vaultKey, BINDING, { randomBytes: fixedRandomBytes(1) });
    const b = await sealVault(VAULT, vaultKey, BINDING, { randomBytes: fixedRandomBytes(1) });
    expect(a).toEqual(b);
  });

  it('does not leak the secret into the stored box', async () => {
    const box = await sealVault(VAULT, newVaultKey(), BINDING);
    expect(JSON.stringify(box)).not.toContain(SECRET);
    expect(Buffer.from(base64ToBytes(box.ciphertext, 'c')).toString('latin1')).not.toContain(SECRET);
  });

  it('rejects another vault key', async () => {
    const vaultKey = newVaultKey();
    const box = await sealVault(VAULT, vaultKey, BINDING);
    const error = await rejectionOf(openVault(box, newVaultKey(), BINDING), VaultCryptoError);
    expect(error.code).toBe('decrypt-failed');
    expectNoSecrets(error, vaultKey);
  });

  it.each([0, 11, 12, 13, 100, -16, -1])('rejects the payload with byte %i flipped (negative: from the end)', async (at) => {
    const vaultKey = newVaultKey();
    const box = await sealVault(VAULT, vaultKey, BINDING);
    const total = 12 + base64ToBytes(box.ciphertext, 'c').length;
    const error = await rejectionOf(openVault(flipped(box, at < 0 ? total + at : at), vaultKey, BINDING), VaultCryptoError);
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
    const box = await sealBytes(vaultKey, plaintext, payloadAad(BINDING));
    const error = await rejectionOf(openVault(box, vaultKey, BINDING), VaultCryptoError);
    expect(error.code).toBe('decrypt-failed');
    expect(error.message).toMatch(/decrypted, but/);
    expectNoSecrets(error, vaultKey);
  });

  it('rejects a malformed payload', async () => {
    const error = await rejectionOf(openVault({ iv: '', ciphertext: '' }, newVaultKey(), BINDING), VaultCryptoError);
    expect(error.code).toBe('sealed-box-invalid');
    expect(error.message).toContain('vault payload');
  });
});

describe('domain separation (AAD)', () => {
  it('a wrapped key presented as a payload fails authentication, though the key is right', async () => {
    const { kdf, box } = await wrapped();
    const wrappingKey = await deriveAesKey(PASSWORD, kdf);
    // Same key, right label: opens. Same key, payload label: the tag does not verify.
    expect(await openBytes(wrappingKey, box, wrappedKeyAad({ kdf, keyId: KEY_ID }))).toHaveLength(32);
    const error = await rejectionOf(openBytes(wrappingKey, box, payloadAad(BINDING)), VaultCryptoError);
    expect(error.code).toBe('decrypt-failed');
    expect(error.message).toMatch(/authentication failed/);
  });

  it('a payload presented as a wrapped key fails, though the key is right', async () => {
    const kdf = newKdfParams(undefined, FAST);
    const wrappingKey = await deriveAesKey(PASSWORD, kdf);
    // A 32-byte payload, so only the AAD tells it from a wrapped key.
    const payload = await sealBytes(wrappingKey, new Uint8Array(32), payloadAad(BINDING));
    expect(await openBytes(wrappingKey, payload, payloadAad(BINDING))).toHaveLength(32);
    const error = await rejectionOf(unwrapWith(payload, PASSWORD, kdf), VaultCryptoError);
    expect(error.code).toBe('wrong-password');
  });
});
