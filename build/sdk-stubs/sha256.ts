const unavailable = (): Error => new Error('Keystep bundles no SHA-256 for AWS SigV4 or checksums; see build/aws-sdk-trim.ts');

/**
 * Build-time stand-in for `@smithy/core/checksum` (see `awsSdkTrim` in build/aws-sdk-trim.ts): never
 * imported by Keystep's code, only substituted for that entry point in the extension bundle. The Cognito
 * client imports just `Sha256` from it, as the default of its `sha256` setting.
 *
 * Why it is dead code for Keystep: in the bundled SDK only the SigV4 signer uses the `sha256` setting
 * (payload hashes and signing keys), and Keystep's operations are unsigned (see ./http-auth-schemes.ts). The
 * SDK only passes the class around as a value; hashing with it means something started to sign or checksum
 * a request, and that fails here loudly. (Keystep's SRP and SECRET_HASH use WebCrypto,
 * src/cognito/crypto-primitives.ts.)
 */
export class Sha256 {
  update(): never {
    throw unavailable();
  }

  digest(): Promise<never> {
    return Promise.reject(unavailable());
  }
}
