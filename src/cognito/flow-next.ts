import type { AuthResponse } from './cognito-api.ts';

/**
 * What the enrollment flow does next. Every step returns one; driveFlow runs them until the flow settles.
 * - `sign-in`: InitiateAuth with the remembered credentials;
 * - `answer`: handle an InitiateAuth / RespondToAuthChallenge response (tokens or a challenge);
 * - `enroll`: run the enrollment's next step;
 * - `settled`: the flow is in a state that needs the user, or a final one.
 */
export type FlowNext =
  | { readonly kind: 'sign-in' }
  | { readonly kind: 'answer'; readonly response: AuthResponse }
  | { readonly kind: 'enroll' }
  | { readonly kind: 'settled' };

/** Sign in with the remembered credentials next. */
export const SIGN_IN: FlowNext = { kind: 'sign-in' };
/** Run the enrollment's next step. */
export const ENROLL: FlowNext = { kind: 'enroll' };
/** Stop: the state shown needs the user, or is final. */
export const SETTLED: FlowNext = { kind: 'settled' };

/** Handle `response` next. */
export const answerWith = (response: AuthResponse): FlowNext => ({ kind: 'answer', response });
