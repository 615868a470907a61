// The reference SRP implementation (amazon-cognito-identity-js AuthenticationHelper, which real Cognito
// clients have used for years), wrapped with the few types the cross-check tests need.
import { createHmac } from 'node:crypto';
import * as cognitoJs from 'amazon-cognito-identity-js';

interface BigIntegerLike {
  toString(radix: number): string;
}
interface BigIntegerConstructor {
  new (hex: string, radix: number): BigIntegerLike;
}
interface AuthenticationHelperLike {
  smallAValue: BigIntegerLike;
  largeAValue: BigIntegerLike | undefined;
  getLargeAValue(callback: (error: unknown, value: BigIntegerLike) => void): void;
  getPasswordAuthenticationKey(
    username: string,
    password: string,
    serverB: BigIntegerLike,
    salt: BigIntegerLike,
    callback: (error: unknown, hkdf: Uint8Array) => void,
  ): void;
}
interface DateHelperLike {
  getNowString(): string;
}

const lib = cognitoJs as unknown as {
  AuthenticationHelper: new (poolName: string) => AuthenticationHelperLike;
  DateHelper: new () => DateHelperLike;
};

/** What CognitoUser.authenticateUser computes for USER_SRP_AUTH, given the same secret `a`. */
export interface ReferenceSrp {
  /** AuthParameters.SRP_A as CognitoUser sends it: aValue.toString(16). */
  readonly srpA: string;
  /** PASSWORD_CLAIM_SIGNATURE for the given challenge and timestamp. */
  signature(input: {
    userIdForSrp: string;
    password: string;
    saltHex: string;
    srpBHex: string;
    secretBlockB64: string;
    timestamp: string;
  }): Promise<string>;
}

/** Runs the reference with `aHex` as its small a value (the same bytes our session got from its random source). */
export function referenceSrp(poolName: string, aHex: string): ReferenceSrp {
  const helper = new lib.AuthenticationHelper(poolName);
  const BigInteger = helper.smallAValue.constructor as BigIntegerConstructor;
  helper.smallAValue = new BigInteger(aHex, 16);
  helper.largeAValue = undefined;
  let largeA: BigIntegerLike | undefined;
  helper.getLargeAValue((error, value) => {
    if (error !== null) throw error instanceof Error ? error : new Error('getLargeAValue failed');
    largeA = value;
  });
  if (largeA === undefined) throw new Error('reference did not compute A synchronously');
  return {
    srpA: largeA.toString(16),
    signature: (input) =>
      new Promise((resolve, reject) => {
        helper.getPasswordAuthenticationKey(
          input.userIdForSrp,
          input.password,
          new BigInteger(input.srpBHex, 16),
          new BigInteger(input.saltHex, 16),
          (error, hkdf) => {
            if (error !== null) {
              reject(error instanceof Error ? error : new Error('getPasswordAuthenticationKey failed'));
              return;
            }
            // Same message layout as CognitoUser.authenticateUserDefaultAuth (src/CognitoUser.js).
            const message = Buffer.concat([
              Buffer.from(poolName, 'utf8'),
              Buffer.from(input.userIdForSrp, 'utf8'),
              Buffer.from(input.secretBlockB64, 'base64'),
              Buffer.from(input.timestamp, 'utf8'),
            ]);
            resolve(createHmac('sha256', hkdf).update(message).digest('base64'));
          },
        );
      }),
  };
}

/** amazon-cognito-identity-js DateHelper().getNowString() at the current (faked) time. */
export function referenceTimestampNow(): string {
  return new lib.DateHelper().getNowString();
}
