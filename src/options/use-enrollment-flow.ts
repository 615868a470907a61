import { useEffect, useMemo, useState } from 'preact/hooks';
import { createAwsCognitoClient } from '../cognito/aws-cognito-client.ts';
import { cognitoAccountDraft } from '../cognito/cognito-account-draft.ts';
import type { CognitoApi } from '../cognito/cognito-api.ts';
import type { CognitoProfile } from '../cognito/cognito-profile.ts';
import { createEnrollmentFlow, type EnrollmentFlow } from '../cognito/enrollment-flow.ts';
import type { EnrollmentState } from '../cognito/enrollment-state.ts';
import { generateCode } from '../core/otp.ts';
import { sha1Hmac } from '../core/sha1-hmac.ts';
import type { AccountStore } from '../platform/account-store.ts';
import { createVaultEnrollmentStore } from '../platform/vault-enrollment-store.ts';

/**
 * The code of Cognito's TOTP (its parameters are cognitoAccountDraft's: SHA1, 6 digits, 30 s). generateCode is
 * synchronous; a secret that does not decode becomes a rejection, as the flow expects of its generator.
 */
const cognitoTotp = (secret: string, nowMs: number): Promise<string> =>
  new Promise((resolve) => resolve(generateCode(cognitoAccountDraft(secret, '', ''), nowMs, sha1Hmac)));

export interface FlowDeps {
  readonly store: AccountStore;
  readonly clock: () => number;
  /** Builds the Cognito client for a profile; default the AWS SDK adapter. */
  readonly makeApi?: (profile: CognitoProfile) => CognitoApi;
}

/** A fresh enrollment flow per profile (a changed profile starts over), and its current state. */
export function useEnrollmentFlow(profile: CognitoProfile | undefined, { store, clock, makeApi = defaultApi }: FlowDeps): { flow: EnrollmentFlow | undefined; state: EnrollmentState } {
  const flow = useMemo(
    () =>
      profile
        ? createEnrollmentFlow({
            profile,
            api: makeApi(profile),
            store: createVaultEnrollmentStore(store, { now: clock }),
            generateTotp: cognitoTotp,
            now: clock,
          })
        : undefined,
    // Keyed on the profile's content: a re-read of the saved list (from any tab) must not restart a running
    // enrollment. Sorted keys, because chrome.storage hands objects back with their keys in another order.
    [profile === undefined ? undefined : JSON.stringify(profile, Object.keys(profile).sort()), store, clock, makeApi],
  );
  const [state, setState] = useState<EnrollmentState>(() => flow?.getState() ?? { kind: 'idle' });
  useEffect(() => {
    setState(flow?.getState() ?? { kind: 'idle' });
    const unsubscribe = flow?.subscribe(setState);
    return () => {
      unsubscribe?.();
      flow?.reset();
    };
  }, [flow]);
  return { flow, state };
}

function defaultApi(profile: CognitoProfile): CognitoApi {
  return createAwsCognitoClient({ region: profile.region, ...(profile.endpoint ? { endpoint: profile.endpoint } : {}) });
}
