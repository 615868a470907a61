import { describe, expect, it } from 'vitest';
import { SrpChallengeError } from '../../src/cognito/srp-challenge-error.ts';
import { createSrpSession, poolNameOf } from '../../src/cognito/srp-client.ts';
import { SRP_N } from '../../src/cognito/srp-group.ts';
import { referenceSrp } from './identity-js-reference.ts';
import { seededRandomBytes } from './seeded-random.ts';
import { srpServer } from './srp-server.ts';

const NOW = Date.parse('2026-11-03T07:05:09Z');
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const fixedBytes = (bytes: Uint8Array): ((n: number) => Uint8Array<ArrayBuffer>) => () => Uint8Array.from(bytes);
const fill = (length: number, byte: number): Uint8Array => new Uint8Array(length).fill(byte);
const nHex = SRP_N.toString(16);

interface Row {
  readonly name: string;
  readonly poolId: string;
  readonly a: Uint8Array;
  readonly userIdForSrp: string;
  readonly password: string;
  readonly saltHex: string;
  readonly srpBHex: string;
  readonly secretBlock: Uint8Array;
}

const fixedRows: readonly Row[] = [
  {
    name: 'small a, small B, short salt',
    poolId: 'us-east-1_AbCdEf123',
    a: fill(128, 0x01),
    userIdForSrp: 'alice',
    password: 'Aaaa1111',
    saltHex: '0a',
    srpBHex: '02',
    secretBlock: fill(16, 0x42),
  },
  {
    name: 'a with the top bit set, B = N - 1, salt with the top bit set (00 padding)',
    poolId: 'ap-northeast-1_XXXX',
    a: fill(128, 0xff),
    userIdForSrp: '8c1d2e3f-0000-4000-8000-000000000001',
    password: 'pässwörd ✓',
    saltHex: '80' + 'ab'.repeat(15),
    srpBHex: (SRP_N - 1n).toString(16),
    secretBlock: fill(64, 0x00),
  },
  {
    name: 'a with leading zero bytes, B larger than N, salt and B with leading zeros',
    poolId: 'eu-west-1_z9',
    a: Uint8Array.from([0, 0, 0, ...fill(125, 0x80)]),
    userIdForSrp: 'demo-with-mfa@example.com',
    password: '',
    saltHex: '0000' + '7f'.repeat(16),
    srpBHex: '000' + (SRP_N + 12345n).toString(16),
    secretBlock: Uint8Array.from({ length: 300 }, (_, i) => i % 256),
  },
];

function randomRow(seed: number): Row {
  const random = seededRandomBytes(seed);
  const B = BigInt(`0x${hex(random(384))}`) % SRP_N;
  return {
    name: `random seed ${seed}`,
    poolId: `us-west-2_${hex(random(5))}`,
    a: random(128),
    userIdForSrp: `user-${hex(random(6))}`,
    password: hex(random(1 + (seed % 20))),
    saltHex: hex(random(16)),
    srpBHex: (B === 0n ? 1n : B).toString(16),
    secretBlock: random(32 + seed),
  };
}
const rows: readonly Row[] = [...fixedRows, ...[1, 2, 3, 4, 5, 6, 7, 8].map(randomRow)];

describe('createSrpSession matches amazon-cognito-identity-js byte for byte', () => {
  it.each(rows)('$name', async (row) => {
    const session = createSrpSession({ poolId: row.poolId, randomBytes: fixedBytes(row.a), now: () => NOW });
    const reference = referenceSrp(poolNameOf(row.poolId), hex(row.a));
    expect(session.srpA).toBe(reference.srpA);

    const secretBlockB64 = Buffer.from(row.secretBlock).toString('base64');
    const answer = await session.respondToChallenge({
      userIdForSrp: row.userIdForSrp,
      password: row.password,
      saltHex: row.saltHex,
      srpBHex: row.srpBHex,
      secretBlockB64,
    });
    expect(answer.TIMESTAMP).toBe('Tue Nov 3 07:05:09 UTC 2026');
    expect(answer.PASSWORD_CLAIM_SECRET_BLOCK).toBe(secretBlockB64);
    const expected = await reference.signature({
      userIdForSrp: row.userIdForSrp,
      password: row.password,
      saltHex: row.saltHex,
      srpBHex: row.srpBHex,
      secretBlockB64,
      timestamp: answer.TIMESTAMP,
    });
    expect(answer.PASSWORD_CLAIM_SIGNATURE).toBe(expected);
  });
});

describe('createSrpSession against an independent SRP-6a server', () => {
  it.each([11, 12, 13])('server with the verifier accepts the signature (seed %i)', async (seed) => {
    const random = seededRandomBytes(seed);
    const saltHex = hex(random(16));
    const server = srpServer('Pool1', 'bob', 'correct horse', saltHex, random(32));
    const session = createSrpSession({ poolId: 'eu-central-1_Pool1', randomBytes: seededRandomBytes(seed + 100), now: () => NOW });
    const secretBlock = Buffer.from(random(48));
    const answer = await session.respondToChallenge({
      userIdForSrp: 'bob',
      password: 'correct horse',
      saltHex,
      srpBHex: server.B.toString(16),
      secretBlockB64: secretBlock.toString('base64'),
    });
    expect(answer.PASSWORD_CLAIM_SIGNATURE).toBe(server.expectedSignature(session.srpA, secretBlock, answer.TIMESTAMP));

    const wrong = createSrpSession({ poolId: 'eu-central-1_Pool1', randomBytes: seededRandomBytes(seed + 100), now: () => NOW });
    const wrongAnswer = await wrong.respondToChallenge({
      userIdForSrp: 'bob',
      password: 'wrong horse',
      saltHex,
      srpBHex: server.B.toString(16),
      secretBlockB64: secretBlock.toString('base64'),
    });
    expect(wrongAnswer.PASSWORD_CLAIM_SIGNATURE).not.toBe(server.expectedSignature(wrong.srpA, secretBlock, wrongAnswer.TIMESTAMP));
  });
});

describe('createSrpSession rejects bad input', () => {
  const base = { userIdForSrp: 'u', password: 'p', saltHex: '01', srpBHex: '02', secretBlockB64: 'AAAA' };

  it.each([
    ['0', 'B = 0'],
    [nHex, 'B = N'],
    [(2n * SRP_N).toString(16), 'B = 2N'],
    ['000' + nHex, 'B = N with leading zeros'],
  ])('refuses SRP_B %#: %s', async (srpBHex) => {
    const session = createSrpSession({ poolId: 'us-east-1_P', randomBytes: seededRandomBytes(1) });
    await expect(session.respondToChallenge({ ...base, srpBHex })).rejects.toThrow('SRP_B mod N is 0');
  });

  it.each([
    [{ srpBHex: 'xyz' }, 'SRP_B', 'SRP_B is not a hexadecimal string'],
    [{ srpBHex: '' }, 'SRP_B', 'SRP_B is not a hexadecimal string'],
    [{ srpBHex: '0' }, 'SRP_B', 'SRP_B mod N is 0'],
    [{ saltHex: '-01' }, 'SALT', 'SALT is not a hexadecimal string'],
    [{ saltHex: '' }, 'SALT', 'SALT is not a hexadecimal string'],
    [{ secretBlockB64: 'not base64!' }, 'SECRET_BLOCK', 'SECRET_BLOCK is not Base64'],
    // moto's placeholder SRP: the SECRET_BLOCK is its session ID, a UUID.
    [{ secretBlockB64: '9f8e7d6c-5b4a-4392-8a1b-0c9d8e7f6a5b' }, 'SECRET_BLOCK', 'SECRET_BLOCK is not Base64'],
    [{ secretBlockB64: '' }, 'SECRET_BLOCK', 'SECRET_BLOCK is empty'],
  ])('names the malformed input %#: %s', async (patch, field, message) => {
    const session = createSrpSession({ poolId: 'us-east-1_P', randomBytes: seededRandomBytes(1) });
    const error = await session.respondToChallenge({ ...base, ...patch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SrpChallengeError);
    expect(error).toMatchObject({ field, message });
  });

  it.each(['', 'us-east-1', 'us-east-1_', '_abc', 'us-east-1_ab_cd'])('rejects the pool ID %j', (poolId) => {
    expect(() => createSrpSession({ poolId, randomBytes: seededRandomBytes(1) })).toThrow(/user pool ID/);
  });

  it.each([0, 16, 127, 129])('rejects a random source that returns %i bytes', (length) => {
    expect(() => createSrpSession({ poolId: 'us-east-1_P', randomBytes: () => new Uint8Array(length) })).toThrow(/128 random bytes/);
  });

  it('never puts the password into an error', async () => {
    const session = createSrpSession({ poolId: 'us-east-1_P', randomBytes: seededRandomBytes(1) });
    const error = await session.respondToChallenge({ ...base, password: 'Hunter2!', srpBHex: '0' }).catch((e: unknown) => e);
    expect(String(error)).not.toContain('Hunter2!');
  });
});

describe('createSrpSession defaults', () => {
  it('uses WebCrypto randomness: two sessions get different A', () => {
    expect(createSrpSession({ poolId: 'us-east-1_P' }).srpA).not.toBe(createSrpSession({ poolId: 'us-east-1_P' }).srpA);
  });
});
