import { createAwsCognitoClient } from '../../cognito/aws-cognito-client.ts';
import { cognitoAccountDraft } from '../../cognito/cognito-account-draft.ts';
import type { CognitoApi } from '../../cognito/cognito-api.ts';
import type { CognitoProfile } from '../../cognito/cognito-profile.ts';
import { createEnrollmentFlow, type EnrollmentFlow } from '../../cognito/enrollment-flow.ts';
import { createWebCryptoHmac, generateCode } from '../../core/otp.ts';
import type { AccountStore } from '../../platform/account-store.ts';
import { createVaultEnrollmentStore } from '../../platform/vault-enrollment-store.ts';

/** What an enrollment runs on. */
export interface EnrollmentPorts {
  /** The vault: the pending account, then the active one. */
  readonly store: AccountStore;
  /** ms since the epoch: TOTP codes and the accounts' createdAt. */
  readonly clock: () => number;
  /** The Cognito client for a profile; default the AWS SDK adapter (src/cognito/aws-cognito-client.ts). */
  readonly makeApi?: (profile: CognitoProfile) => CognitoApi;
  /** Ids of new accounts; default crypto.randomUUID. */
  readonly newId?: () => string;
}

// No cache of imported keys: the default one keeps each key's bytes (as hex) for the life of the page, which would
// outlast a lock of the vault; an enrollment makes a handful of codes.
const uncachedHmac = createWebCryptoHmac({ maxCachedKeys: 0 });

/** The code of Cognito's TOTP (its parameters are cognitoAccountDraft's: SHA1, 6 digits, 30 s). */
const cognitoTotp = (secret: string, nowMs: number): Promise<string> => generateCode(cognitoAccountDraft(secret, '', ''), nowMs, uncachedHmac);

function awsCognitoApi(profile: CognitoProfile): CognitoApi {
  return createAwsCognitoClient({ region: profile.region, ...(profile.endpoint ? { endpoint: profile.endpoint } : {}) });
}

/**
 * A fresh enrollment flow (sign-in, then one-click TOTP enrollment) for `profile`, wired to the vault: the secret
 * is saved as a pending account before Cognito verifies it, and made active after (createVaultEnrollmentStore).
 */
export function createProfileEnrollment(profile: CognitoProfile, { store, clock, makeApi = awsCognitoApi, newId }: EnrollmentPorts): EnrollmentFlow {
  return createEnrollmentFlow({
    profile,
    api: makeApi(profile),
    store: createVaultEnrollmentStore(store, { now: clock, ...(newId ? { newId } : {}) }),
    generateTotp: cognitoTotp,
    now: clock,
  });
}
