import type { SrpBigInteger } from 'amazon-cognito-identity-js';
import { AuthenticationHelper } from 'amazon-cognito-identity-js';
import { createHmac } from 'node:crypto';

/**
 * An SRP client built on amazon-cognito-identity-js's AuthenticationHelper (an implementation independent of the
 * server's), with the TIMESTAMP under the test's control.
 */
export class SrpTestClient {
  private readonly helper: AuthenticationHelper;
  private largeA: SrpBigInteger | undefined;

  constructor(private readonly poolName: string) {
    this.helper = new AuthenticationHelper(poolName);
  }

  /** SRP_A for InitiateAuth (hex). */
  async srpA(): Promise<string> {
    const largeA = await new Promise<SrpBigInteger>((resolve, reject) => {
      this.helper.getLargeAValue((error, value) => (error === null ? resolve(value) : reject(error)));
    });
    this.largeA = largeA;
    return largeA.toString(16);
  }

  /** PASSWORD_CLAIM_SIGNATURE for the PASSWORD_VERIFIER ChallengeParameters, signed over `timestamp`. */
  async signature(challenge: Readonly<Record<string, string>>, password: string, timestamp: string): Promise<string> {
    if (this.largeA === undefined) throw new Error('call srpA() first');
    const { SRP_B: srpB = '', SALT: salt = '', SECRET_BLOCK: secretBlock = '', USER_ID_FOR_SRP: userId = '' } = challenge;
    // The library's BigInteger class is not exported; every value it returns carries it as its constructor.
    const BigInteger = this.largeA.constructor as new (hex: string, radix: number) => SrpBigInteger;
    const key = await new Promise<Uint8Array>((resolve, reject) => {
      this.helper.getPasswordAuthenticationKey(userId, password, new BigInteger(srpB, 16), new BigInteger(salt, 16), (error, value) =>
        error === null ? resolve(value) : reject(error),
      );
    });
    return createHmac('sha256', key)
      .update(Buffer.concat([Buffer.from(this.poolName), Buffer.from(userId), Buffer.from(secretBlock, 'base64'), Buffer.from(timestamp)]))
      .digest('base64');
  }
}
