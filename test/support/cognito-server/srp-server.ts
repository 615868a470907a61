import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { bigIntFromHex, modPow, padHex } from './big-int-math.ts';

// The server half of Cognito's SRP-6a variant, as amazon-cognito-identity-js (AuthenticationHelper.js) computes the
// client half: RFC 5054 3072-bit group, g = 2, H = SHA-256, k = H(pad(N) | pad(g)), HKDF "Caldera Derived Key".
// Facts: docs/cognito-facts.md ("SRP").

const N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
  'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
  'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
  '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
  'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
  '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
  'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
  'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';

/** The RFC 5054 / RFC 3526 group 15 prime. */
export const SRP_N = BigInt(`0x${N_HEX}`);
export const SRP_G = 2n;

function sha256(data: Buffer | string): Buffer {
  return createHash('sha256').update(data).digest();
}

function hashHexToBigInt(hex: string): bigint {
  return BigInt(`0x${sha256(Buffer.from(hex, 'hex')).toString('hex')}`);
}

/** k = H(pad(N) | pad(g)). */
export const SRP_K = hashHexToBigInt(padHex(SRP_N) + padHex(SRP_G));

/** What the server keeps instead of a password: the salt and v = g^x mod N. */
export interface SrpCredential {
  /** The salt as the unsigned integer the client parses from the SALT challenge parameter. */
  readonly salt: bigint;
  readonly verifier: bigint;
}

export interface SrpIdentity {
  /** The part of the user pool ID after "_". */
  readonly poolName: string;
  /** USER_ID_FOR_SRP: this server uses the user's (internal) username. */
  readonly userIdForSrp: string;
}

/** x = H(pad(salt) | H(poolName | userIdForSrp | ":" | password)). */
function privateKey(identity: SrpIdentity, password: string, salt: bigint): bigint {
  const inner = sha256(`${identity.poolName}${identity.userIdForSrp}:${password}`).toString('hex');
  return hashHexToBigInt(padHex(salt) + inner);
}

/** Computes the salt and verifier kept for a password (at password-set time). `saltBytes`: 16 random bytes. */
export function createSrpCredential(identity: SrpIdentity, password: string, saltBytes: Buffer): SrpCredential {
  const salt = BigInt(`0x${saltBytes.toString('hex')}`);
  return { salt, verifier: modPow(SRP_G, privateKey(identity, password, salt), SRP_N) };
}

/** Whether a plain password (USER_PASSWORD_AUTH) matches the stored verifier. */
export function srpPasswordMatches(identity: SrpIdentity, password: string, credential: SrpCredential): boolean {
  return modPow(SRP_G, privateKey(identity, password, credential.salt), SRP_N) === credential.verifier;
}

/** The server's ephemeral pair: b random (`randomBytes`, 128 bytes), B = (k*v + g^b) mod N, never 0 mod N. */
export function createServerEphemeral(verifier: bigint, randomBytes: Buffer): { readonly b: bigint; readonly B: bigint } {
  const b = BigInt(`0x${randomBytes.toString('hex')}`) % (SRP_N - 1n) + 1n;
  const B = (SRP_K * verifier + modPow(SRP_G, b, SRP_N)) % SRP_N;
  if (B === 0n) throw new RangeError('B mod N is 0; draw another b');
  return { b, B };
}

/** Parses SRP_A; throws a RangeError (naming SRP_A) when it is not hex or A mod N is 0. */
export function parseClientPublicValue(hex: string): bigint {
  const A = bigIntFromHex(hex, 'SRP_A');
  if (A % SRP_N === 0n) throw new RangeError('SRP_A mod N must not be 0');
  return A;
}

export interface PasswordClaimInput extends SrpIdentity {
  readonly A: bigint;
  readonly B: bigint;
  readonly b: bigint;
  readonly verifier: bigint;
  readonly secretBlock: Buffer;
  /** The canonical TIMESTAMP string (see srp-timestamp.ts). */
  readonly timestamp: string;
}

/**
 * The PASSWORD_CLAIM_SIGNATURE the client must send: S = (A * v^u)^b mod N, u = H(pad(A) | pad(B)),
 * key = HKDF-SHA256(pad(S), salt pad(u), info "Caldera Derived Key") first 16 bytes,
 * signature = HMAC-SHA256(key, poolName | userIdForSrp | secretBlock | timestamp).
 */
export function expectedPasswordClaimSignature(input: PasswordClaimInput): Buffer {
  const u = hashHexToBigInt(padHex(input.A) + padHex(input.B));
  if (u === 0n) throw new RangeError('u must not be 0');
  const S = modPow((input.A * modPow(input.verifier, u, SRP_N)) % SRP_N, input.b, SRP_N);
  const key = Buffer.from(
    hkdfSync('sha256', Buffer.from(padHex(S), 'hex'), Buffer.from(padHex(u), 'hex'), 'Caldera Derived Key', 16),
  );
  return createHmac('sha256', key)
    .update(Buffer.concat([Buffer.from(input.poolName, 'utf8'), Buffer.from(input.userIdForSrp, 'utf8'), input.secretBlock, Buffer.from(input.timestamp, 'utf8')]))
    .digest();
}

/** Constant-time comparison of a base64 signature from the client with the expected one. */
export function signatureMatches(expected: Buffer, claimedBase64: string): boolean {
  const claimed = Buffer.from(claimedBase64, 'base64');
  return claimed.length === expected.length && timingSafeEqual(claimed, expected);
}
