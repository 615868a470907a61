import { describe, expect, it } from 'vitest';
import { cognitoProblem } from '../../src/cognito/cognito-problem.ts';
import { describeCognitoProblem } from '../../src/options/describe-cognito-problem.ts';

// The wording of the problems whose message is put together from several catalogue entries (English catalogue).
describe('describeCognitoProblem', () => {
  it('names the settings to choose when the app client does not allow the one flow of the profile', () => {
    expect(describeCognitoProblem(cognitoProblem('srp-flow-not-enabled', { clientId: 'abc123', setting: 'ALLOW_USER_SRP_AUTH' }))).toBe(
      'App client abc123 does not allow SRP sign-in. Turn on ALLOW_USER_SRP_AUTH in its authentication flows, or set this profile\'s sign-in flow to ' +
        '“SRP, then password if the app client does not allow SRP” or “Password” (both send the password to the server).',
    );
    expect(describeCognitoProblem(cognitoProblem('password-flow-not-enabled', { clientId: 'abc123', setting: 'ALLOW_USER_PASSWORD_AUTH' }))).toBe(
      'App client abc123 does not allow password sign-in. Turn on ALLOW_USER_PASSWORD_AUTH in its authentication flows, or set this profile\'s sign-in flow to “SRP”.',
    );
  });

  it('says what differs where a stored secret was enrolled, one sentence per field', () => {
    const notice = cognitoProblem('stored-secret-other-target', {
      differs: 'endpoint clientId',
      enrolledEndpoint: 'https://cognito-idp.eu-west-1.amazonaws.com',
      currentEndpoint: 'https://proxy.example.com',
      enrolledClientId: 'client-a',
      currentClientId: 'client-b',
    });
    expect(describeCognitoProblem(notice)).toBe(
      'Keystep holds a secret for this user but did not use it: it answers a sign-in only through the endpoint, region and app client the secret was enrolled with. ' +
        'It was enrolled through https://cognito-idp.eu-west-1.amazonaws.com; this profile uses https://proxy.example.com. ' +
        'It was enrolled with app client client-a; this profile uses client-b. Enter the code from your authenticator app.',
    );
  });
});
