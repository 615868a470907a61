// The server half of Cognito's SRP-6a, written with node:crypto (independently of src/cognito's hashing), so
// tests can check that a verifier-holding server accepts the client's PASSWORD_CLAIM_SIGNATURE.
import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { modPow } from '../../src/cognito/mod-pow.ts';
import { SRP_G, SRP_N } from '../../src/cognito/srp-group.ts';

const H = (data: Buffer): bigint => BigInt(`0x${createHash('sha256').update(data).digest('hex')}`);
const pad = (v: bigint): Buffer => {
  let h = v.toString(16);
  if (h.length % 2) h = `0${h}`;
  if (/^[89a-f]/.test(h)) h = `00${h}`;
  return Buffer.from(h, 'hex');
};
const k = H(Buffer.concat([pad(SRP_N), pad(SRP_G)]));

/** One server-side SRP exchange for a user whose password the (fake) server knows. */
export interface SrpServer {
  /** SRP_B to send. */
  readonly B: bigint;
  /** The PASSWORD_CLAIM_SIGNATURE the client must send for this A, SECRET_BLOCK and TIMESTAMP. */
  expectedSignature(srpA: string, secretBlock: Buffer, timestamp: string): string;
}

/** Starts an exchange: v = g^x with x from the salt and password, B = k*v + g^b. */
export function srpServer(poolName: string, userId: string, password: string, saltHex: string, bBytes: Uint8Array): SrpServer {
  const inner = createHash('sha256').update(`${poolName}${userId}:${password}`).digest();
  const x = H(Buffer.concat([pad(BigInt(`0x${saltHex}`)), inner]));
  const v = modPow(SRP_G, x, SRP_N);
  const b = BigInt(`0x${Buffer.from(bBytes).toString('hex')}`);
  const B = (k * v + modPow(SRP_G, b, SRP_N)) % SRP_N;
  return {
    B,
    expectedSignature(srpA, secretBlock, timestamp) {
      const A = BigInt(`0x${srpA}`);
      const u = H(Buffer.concat([pad(A), pad(B)]));
      const S = modPow(A * modPow(v, u, SRP_N), b, SRP_N);
      const key = Buffer.from(hkdfSync('sha256', pad(S), pad(u), 'Caldera Derived Key', 16));
      const message = Buffer.concat([Buffer.from(poolName), Buffer.from(userId), secretBlock, Buffer.from(timestamp)]);
      return createHmac('sha256', key).update(message).digest('base64');
    },
  };
}
