// The server half of Cognito's SRP-6a for the flow tests' fake pool: a thin wrapper over the local
// Cognito-compatible server's (test/support/cognito-server/srp-server.ts, written with node:crypto, independently
// of src/cognito's hashing), so there is one server-side implementation to trust.
import {
  createServerEphemeral,
  createSrpCredential,
  expectedPasswordClaimSignature,
  parseClientPublicValue,
} from '../support/cognito-server/srp-server.ts';

/** One server-side SRP exchange for a user whose password the (fake) server knows. */
export interface SrpServer {
  /** SRP_B to send. */
  readonly B: bigint;
  /** The PASSWORD_CLAIM_SIGNATURE the client must send for this A, SECRET_BLOCK and TIMESTAMP. */
  expectedSignature(srpA: string, secretBlock: Buffer, timestamp: string): string;
}

/** Starts an exchange: v from the salt and password, B = k*v + g^b with b from `bBytes`. */
export function srpServer(poolName: string, userId: string, password: string, saltHex: string, bBytes: Uint8Array): SrpServer {
  const identity = { poolName, userIdForSrp: userId };
  const { verifier } = createSrpCredential(identity, password, Buffer.from(saltHex.padStart(saltHex.length + (saltHex.length % 2), '0'), 'hex'));
  const { b, B } = createServerEphemeral(verifier, Buffer.from(bBytes));
  return {
    B,
    expectedSignature: (srpA, secretBlock, timestamp) =>
      expectedPasswordClaimSignature({ ...identity, A: parseClientPublicValue(srpA), B, b, verifier, secretBlock, timestamp }).toString('base64'),
  };
}
