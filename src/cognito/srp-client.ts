import { base64ToBytes, bytesToBase64 } from '../core/base64.ts';
import { bigIntFromHex, bytesToHex, hexToBytes, padHex } from './big-int-hex.ts';
import { concatBytes, hkdfSha256, hmacSha256, sha256, utf8 } from './crypto-primitives.ts';
import { modPow } from './mod-pow.ts';
import { defaultRandomBytes, type RandomBytes } from '../core/random-bytes.ts';
import { SrpChallengeError, type SrpChallengeField } from './srp-challenge-error.ts';
import { SRP_G, SRP_N } from './srp-group.ts';
import { formatSrpTimestamp } from './srp-timestamp.ts';

/** Options of {@link createSrpSession}. */
export interface SrpSessionOptions {
  /** User pool ID, "<region>_<name>"; the part after "_" enters the password hash and the signature. */
  readonly poolId: string;
  /** Source of the 128 secret random bytes of `a`; default WebCrypto getRandomValues. */
  readonly randomBytes?: RandomBytes;
  /** WebCrypto for SHA-256, HMAC and HKDF; default `globalThis.crypto.subtle`. */
  readonly subtle?: SubtleCrypto;
  /** Clock for TIMESTAMP, ms since the epoch; default `Date.now`. */
  readonly now?: () => number;
}

/** The PASSWORD_VERIFIER ChallengeParameters the answer needs, plus the password. */
export interface PasswordVerifierInput {
  /** ChallengeParameters.USER_ID_FOR_SRP: the user's internal username, used in x and in the signature. */
  readonly userIdForSrp: string;
  readonly password: string;
  /** ChallengeParameters.SALT (hex). */
  readonly saltHex: string;
  /** ChallengeParameters.SRP_B (hex). */
  readonly srpBHex: string;
  /** ChallengeParameters.SECRET_BLOCK (Base64), echoed back and signed. */
  readonly secretBlockB64: string;
}

/** ChallengeResponses of a PASSWORD_VERIFIER answer (the caller adds USERNAME and SECRET_HASH). */
export interface PasswordVerifierAnswer {
  readonly PASSWORD_CLAIM_SIGNATURE: string;
  readonly PASSWORD_CLAIM_SECRET_BLOCK: string;
  readonly TIMESTAMP: string;
}

/** One USER_SRP_AUTH attempt: holds the secret `a` for the one challenge that follows InitiateAuth. */
export interface SrpSession {
  /** AuthParameters.SRP_A: A = g^a mod N as lower-case hex without padding (what amazon-cognito-identity-js sends). */
  readonly srpA: string;
  /**
   * Computes the PASSWORD_VERIFIER answer.
   * @throws {SrpChallengeError} naming the field when SRP_B or SALT is missing or not hex, SECRET_BLOCK is missing
   *   or not Base64, SRP_B mod N is 0 or u is 0.
   */
  respondToChallenge(input: PasswordVerifierInput): Promise<PasswordVerifierAnswer>;
}

const INFO = utf8('Caldera Derived Key');

/** Reads one challenge parameter with `parse`; its failure becomes a SrpChallengeError naming the field. */
function readField<T>(field: SrpChallengeField, parse: () => T): T {
  try {
    return parse();
  } catch (error: unknown) {
    throw new SrpChallengeError(field, error instanceof Error ? error.message : `${field} is malformed`, { cause: error });
  }
}

/**
 * The name part of a user pool ID ("eu-west-1_AbC123" -> "AbC123").
 * @throws {Error} when the ID has no "_" separated name.
 */
export function poolNameOf(poolId: string): string {
  const match = /^[a-z0-9-]+_([0-9a-zA-Z]+)$/.exec(poolId);
  if (match?.[1] === undefined) throw new Error(`user pool ID "${poolId}" is not "<region>_<name>"`);
  return match[1];
}

/**
 * Starts the client side of Cognito's SRP-6a (USER_SRP_AUTH) exactly as amazon-cognito-identity-js
 * AuthenticationHelper does it: a = 128 random bytes, A = g^a mod N, k = H(pad(N) | pad(g)),
 * u = H(pad(A) | pad(B)), x = H(pad(salt) | H(poolName | userId | ":" | password)),
 * S = (B - k*g^x)^(a + u*x) mod N, key = HKDF-SHA256(pad(S), salt = pad(u), "Caldera Derived Key")[0..16),
 * signature = HMAC-SHA256(key, poolName | userId | secretBlock | timestamp). H = SHA-256 over the bytes of
 * the hex strings. Takes a few tens of ms (three 3072-bit modular exponentiations on native bigint).
 * @throws {Error} when the pool ID is malformed or `randomBytes` does not return 128 bytes.
 */
export function createSrpSession(options: SrpSessionOptions): SrpSession {
  const poolName = poolNameOf(options.poolId);
  const random = (options.randomBytes ?? defaultRandomBytes)(128);
  if (random.length !== 128) throw new Error('SRP needs 128 random bytes for a');
  const a = bigIntFromHex(bytesToHex(random), 'SRP a');
  const A = modPow(SRP_G, a, SRP_N);
  // RFC 5054 section 2.5.4: the client must not use A with A mod N = 0.
  if (A % SRP_N === 0n) throw new Error('SRP A mod N is 0');

  const respondToChallenge = async (input: PasswordVerifierInput): Promise<PasswordVerifierAnswer> => {
    const subtle = options.subtle ?? globalThis.crypto.subtle;
    const hexHash = async (hex: string): Promise<bigint> => BigInt(`0x${bytesToHex(await sha256(subtle, hexToBytes(hex)))}`);

    const B = readField('SRP_B', () => bigIntFromHex(input.srpBHex, 'SRP_B'));
    // RFC 5054 section 2.6: abort when B mod N = 0 (a malicious server could otherwise force S = 0).
    if (B % SRP_N === 0n) throw new SrpChallengeError('SRP_B', 'SRP_B mod N is 0');
    const salt = readField('SALT', () => bigIntFromHex(input.saltHex, 'SALT'));
    const secretBlock = readField('SECRET_BLOCK', () => base64ToBytes(input.secretBlockB64, 'SECRET_BLOCK'));
    if (secretBlock.length === 0) throw new SrpChallengeError('SECRET_BLOCK', 'SECRET_BLOCK is empty');

    const k = await hexHash(padHex(SRP_N) + padHex(SRP_G));
    const u = await hexHash(padHex(A) + padHex(B));
    if (u === 0n) throw new SrpChallengeError('SRP_B', 'SRP u is 0');
    const userHash = bytesToHex(await sha256(subtle, utf8(`${poolName}${input.userIdForSrp}:${input.password}`)));
    const x = await hexHash(padHex(salt) + userHash);
    const base = (((B - k * modPow(SRP_G, x, SRP_N)) % SRP_N) + SRP_N) % SRP_N;
    const S = modPow(base, a + u * x, SRP_N);
    const key = await hkdfSha256(subtle, hexToBytes(padHex(S)), hexToBytes(padHex(u)), INFO, 16);

    const timestamp = formatSrpTimestamp((options.now ?? Date.now)());
    const message = concatBytes(utf8(poolName), utf8(input.userIdForSrp), secretBlock, utf8(timestamp));
    return {
      PASSWORD_CLAIM_SIGNATURE: bytesToBase64(await hmacSha256(subtle, key, message)),
      PASSWORD_CLAIM_SECRET_BLOCK: input.secretBlockB64,
      TIMESTAMP: timestamp,
    };
  };

  return { srpA: A.toString(16), respondToChallenge };
}
