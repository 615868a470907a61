/** A source of random bytes, e.g. node:crypto randomBytes (the default at the edge, in start-cognito-server.ts). */
export type RandomBytes = (length: number) => Buffer;

const ALNUM_MIXED = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ALNUM_LOWER = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Identifiers shaped like Cognito's, drawn from an injected random source. */
export class IdGenerator {
  constructor(readonly random: RandomBytes) {}

  private chars(alphabet: string, length: number): string {
    // Modulo bias is irrelevant for test identifiers.
    return [...this.random(length)].map((byte) => alphabet.charAt(byte % alphabet.length)).join('');
  }

  /** e.g. "us-east-1_AbC123xyZ". */
  userPoolId(region: string): string {
    return `${region}_${this.chars(ALNUM_MIXED, 9)}`;
  }

  /** 26 lowercase alphanumerics. */
  clientId(): string {
    return this.chars(ALNUM_LOWER, 26);
  }

  /** 51 lowercase alphanumerics. */
  clientSecret(): string {
    return this.chars(ALNUM_LOWER, 51);
  }

  /** A version 4 UUID (user sub, request id, jti). */
  uuid(): string {
    const bytes = Buffer.from(this.random(16));
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /** An opaque auth session, long like Cognito's. */
  session(): string {
    return this.random(192).toString('base64');
  }

  /** An opaque SRP SECRET_BLOCK (base64). */
  secretBlock(): string {
    return this.random(128).toString('base64');
  }

  /** An opaque refresh token shaped like Cognito's JWE (five base64url parts). */
  refreshToken(): string {
    const header = Buffer.from('{"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}').toString('base64url');
    const parts = [256, 12, 384, 16].map((n) => this.random(n).toString('base64url'));
    return [header, ...parts].join('.');
  }

  /** A numeric one-time code (SMS / e-mail MFA, confirmation codes). */
  numericCode(digits = 6): string {
    return [...this.random(digits)].map((byte) => String(byte % 10)).join('');
  }

  /** A temporary password that satisfies the default password policy. */
  temporaryPassword(): string {
    return `Tmp-${this.chars(ALNUM_MIXED, 8)}a1`;
  }
}
