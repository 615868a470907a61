import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CognitoProfile } from '../cognito/cognito-profile.ts';
import type { EnrollmentFlow } from '../cognito/enrollment-flow.ts';
import type { EnrollmentState } from '../cognito/enrollment-state.ts';
import { createProfileEnrollment, type EnrollmentPorts } from '../services/enrollment/create-profile-enrollment.ts';

/** A fresh enrollment flow per profile (a changed profile starts over), and its current state. */
export function useEnrollmentFlow(profile: CognitoProfile | undefined, { store, clock, makeApi, newId }: EnrollmentPorts): { flow: EnrollmentFlow | undefined; state: EnrollmentState } {
  const flow = useMemo(
    () => (profile ? createProfileEnrollment(profile, { store, clock, ...(makeApi ? { makeApi } : {}), ...(newId ? { newId } : {}) }) : undefined),
    // Keyed on the profile's content: a re-read of the saved list (from any tab) must not restart a running
    // enrollment. Sorted keys, because chrome.storage hands objects back with their keys in another order.
    [profile === undefined ? undefined : JSON.stringify(profile, Object.keys(profile).sort()), store, clock, makeApi, newId],
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
