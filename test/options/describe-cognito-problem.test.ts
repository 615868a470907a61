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

  it('shows the type and message of a server error that named them, and suggests Password when the server has no SRP', () => {
    const params = { status: '500', name: 'Unsupported', message: 'Cognito Local unsupported feature: InitAuth with AuthFlow=USER_SRP_AUTH', host: '127.0.0.1:9229' };
    expect(describeCognitoProblem(cognitoProblem('srp-unsupported', params))).toBe(
      'The server at 127.0.0.1:9229 does not support SRP sign-in (Unsupported: Cognito Local unsupported feature: InitAuth with AuthFlow=USER_SRP_AUTH). ' +
        'If it has no SRP, as cognito-local, set this profile\'s sign-in flow to “Password” (it sends the password to that server).',
    );
    expect(describeCognitoProblem(cognitoProblem('service-error', { status: '503', name: 'ServiceUnavailableException', message: 'Back soon', host: 'proxy.example.com' }))).toBe(
      'The server at proxy.example.com answered with server error 503: ServiceUnavailableException: Back soon. Keystep retried once; try again later.',
    );
    expect(describeCognitoProblem(cognitoProblem('service-error', { status: '500', host: 'proxy.example.com' }))).toBe(
      'Cognito answered with a server error 500. Keystep retried once; try again later.',
    );
  });

  it('says how short a SecretCode is, and which SRP field is incomplete', () => {
    expect(describeCognitoProblem(cognitoProblem('secret-code-too-short', { bits: '56', characters: '12' }))).toMatch(/^The server issued a TOTP secret of only 56 bits \(12 characters\)\./);
    expect(describeCognitoProblem(cognitoProblem('srp-challenge-malformed', { field: 'SECRET_BLOCK', host: '127.0.0.1:5000' }))).toMatch(
      /^The server at 127\.0\.0\.1:5000 answered SRP sign-in with an incomplete challenge \(SECRET_BLOCK is missing or malformed\).*“Password”\.$/,
    );
  });
});
