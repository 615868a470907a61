// Types for the parts of amazon-cognito-identity-js that its index.d.ts leaves out; the tests use them as an
// independent SRP client to cross-check the local Cognito server (see src/AuthenticationHelper.js upstream).
export {};

declare module 'amazon-cognito-identity-js' {
  /** The library's jsbn-style BigInteger (not exported by name; reach it through a value's constructor). */
  export interface SrpBigInteger {
    toString(radix: number): string;
  }

  export class AuthenticationHelper {
    constructor(poolName: string);
    getLargeAValue(callback: (error: Error | null, largeA: SrpBigInteger) => void): void;
    getPasswordAuthenticationKey(
      username: string,
      password: string,
      serverB: SrpBigInteger,
      salt: SrpBigInteger,
      callback: (error: Error | null, key: Uint8Array) => void,
    ): void;
  }

  export class DateHelper {
    /** The current time as "EEE MMM d HH:mm:ss UTC yyyy". */
    getNowString(): string;
  }
}
