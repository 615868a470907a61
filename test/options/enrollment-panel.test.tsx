import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { EnrollmentFlow } from '../../src/cognito/enrollment-flow.ts';
import type { EnrollmentState } from '../../src/cognito/enrollment-state.ts';
import { otherTargetNotice } from '../../src/cognito/other-target-notice.ts';
import { EnrollmentPanel } from '../../src/options/enrollment-panel.tsx';
import type { StoredCognitoProfile } from '../../src/platform/storage-items.ts';

// The code form of a sign-in that meets SOFTWARE_TOKEN_MFA: when Keystep holds a secret of this user enrolled through
// another endpoint, region or app client (issue 9 item 3), it says why it did not answer by itself, and does not claim
// the user has an authenticator Keystep lacks.

const PROFILE: StoredCognitoProfile = { id: 'p1', name: 'Relay', region: 'us-east-1', userPoolId: 'us-east-1_Abc123', clientId: 'client0123456789', endpoint: 'http://127.0.0.1:9300' };
const REF = { region: 'us-east-1', userPoolId: 'us-east-1_Abc123', clientId: 'client0123456789', username: 'alice@example.com' };

/** A flow that only shows `state`: the panel's buttons are not pressed here. */
function flowShowing(state: EnrollmentState): EnrollmentFlow {
  const nothing = (): Promise<void> => Promise.resolve();
  return { getState: () => state, subscribe: () => () => undefined, signIn: nothing, submitNewPassword: nothing, submitCode: nothing, enroll: nothing, retry: nothing, reset: () => undefined };
}

function renderCodeForm(state: EnrollmentState): HTMLElement {
  render(<EnrollmentPanel profile={PROFILE} flow={flowShowing(state)} state={state} sessionSecret={undefined} onSessionSecret={() => undefined} onDiscardPending={() => Promise.resolve(true)} />);
  return screen.getByRole('form', { name: 'Enter the code' });
}

describe('EnrollmentPanel: the code form', () => {
  it('says the user has an authenticator Keystep does not hold when Keystep has no secret of the user', () => {
    const form = renderCodeForm({ kind: 'needs-code', username: REF.username, challenge: 'SOFTWARE_TOKEN_MFA' });
    expect(form.textContent).toContain('This user already has an authenticator that Keystep does not hold.');
  });

  it('with a secret enrolled elsewhere: says why Keystep did not use it, naming where, and nothing about a missing authenticator', () => {
    const notice = otherTargetNotice({ ...REF, endpoint: 'http://127.0.0.1:9229' }, { ...REF, endpoint: 'http://127.0.0.1:9300' });
    const form = renderCodeForm({ kind: 'needs-code', username: REF.username, challenge: 'SOFTWARE_TOKEN_MFA', notice });
    expect(form.textContent).toContain(
      'Keystep holds a secret for this user but did not use it: it answers a sign-in only through the endpoint, region and app client the secret was enrolled with. ' +
        'It was enrolled through http://127.0.0.1:9229; this profile uses http://127.0.0.1:9300. Enter the code from your authenticator app.',
    );
    expect(form.textContent).not.toContain('Keystep does not hold');
    // A notice, not a refusal: nothing was answered wrongly.
    expect(within(form).queryByRole('alert')).toBeNull();
    within(form).getByRole('textbox', { name: 'Code from your authenticator app' });
  });
});
