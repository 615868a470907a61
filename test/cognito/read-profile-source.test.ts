import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProfileSource } from '../../src/cognito/profile-source.ts';
import { MAX_SCRIPT_LENGTH, MAX_SOURCE_LENGTH, readProfileSource } from '../../src/cognito/read-profile-source.ts';

function sample(name: string): string {
  return readFileSync(new URL(`../support/amplify-samples/${name}`, import.meta.url), 'utf8');
}

describe('readProfileSource: Amplify config files', () => {
  it.each<[string, ProfileSource]>([
    [
      'amplify_outputs.json',
      {
        kind: 'found',
        format: 'amplify-outputs',
        syntax: 'json',
        fields: {
          region: 'ap-northeast-1',
          userPoolId: 'ap-northeast-1_AbC123xyZ',
          clientId: '1example23456789abcdefghij',
          managedLoginDomain: 'keystep-demo.auth.ap-northeast-1.amazoncognito.com',
        },
        missing: [],
        hints: { mfa: 'optional', totp: true },
      },
    ],
    ['amplify_outputs.storage-only.json', { kind: 'no-user-pool', format: 'amplify-outputs', syntax: 'json' }],
    [
      'aws-exports.js',
      {
        kind: 'found',
        format: 'amplify-cli-config',
        syntax: 'javascript',
        fields: {
          region: 'eu-central-1',
          userPoolId: 'eu-central-1_Ex4mPle12',
          clientId: '2example34567890abcdefghij',
          managedLoginDomain: 'keystep-demo-dev.auth.eu-central-1.amazoncognito.com',
        },
        missing: [],
        hints: { mfa: 'optional', totp: true },
      },
    ],
    [
      'amplifyconfiguration.json',
      {
        kind: 'found',
        format: 'amplify-cli-config',
        syntax: 'json',
        fields: { region: 'us-west-2', userPoolId: 'us-west-2_Ex4mPle34', clientId: '3example45678901abcdefghij' },
        missing: [],
        hints: { mfa: 'off', totp: false },
      },
    ],
    [
      'amplifyconfiguration.native.json',
      {
        kind: 'found',
        format: 'amplify-plugin-config',
        syntax: 'json',
        fields: { region: 'us-east-1', userPoolId: 'us-east-1_Ex4mPle56', clientId: '4example56789012abcdefghij', managedLoginDomain: 'auth.example.com' },
        missing: [],
        hints: { signInFlow: 'USER_SRP_AUTH' },
      },
    ],
    [
      'amplifyconfiguration.dart',
      {
        kind: 'found',
        format: 'amplify-plugin-config',
        syntax: 'json',
        fields: { region: 'ap-southeast-2', userPoolId: 'ap-southeast-2_Ex4mPle78', clientId: '5example67890123abcdefghij' },
        missing: [],
        hints: { signInFlow: 'USER_PASSWORD_AUTH' },
      },
    ],
    [
      'amplify-configure.js',
      {
        kind: 'found',
        format: 'amplify-configure',
        syntax: 'javascript',
        fields: {
          region: 'us-east-1',
          userPoolId: 'us-east-1_abcd1234',
          clientId: 'abcdefghij1234567890',
          managedLoginDomain: 'abcdefghij1234567890-29051e27.auth.us-east-1.amazoncognito.com',
        },
        missing: [],
        hints: {},
      },
    ],
  ])('reads %s', (name, expected) => {
    expect(readProfileSource(sample(name))).toEqual(expected);
  });

  it('reads a file that starts with a byte order mark', () => {
    expect(readProfileSource(`\uFEFF${sample('amplify_outputs.json')}`)).toMatchObject({ kind: 'found', format: 'amplify-outputs' });
  });
});

describe('readProfileSource: variants and partial configs', () => {
  const found = (fields: object, missing: readonly string[] = [], extra: object = {}) => ({ kind: 'found', fields, missing, ...extra });

  it.each<[string, string, object]>([
    [
      'amplify_outputs with the client ID only',
      '{"version": "1", "auth": {"user_pool_client_id": "abc123"}}',
      found({ clientId: 'abc123' }, ['region', 'userPoolId'], { format: 'amplify-outputs' }),
    ],
    [
      'amplify_outputs without a version',
      '{"auth": {"user_pool_id": "us-east-1_abc", "user_pool_client_id": "abc123", "aws_region": "us-east-1"}}',
      found({ region: 'us-east-1', userPoolId: 'us-east-1_abc', clientId: 'abc123' }),
    ],
    [
      'amplify_outputs naming the password flow and SMS-only MFA',
      '{"version": "1.2", "auth": {"user_pool_id": "us-east-1_abc", "authentication_flow_type": "USER_PASSWORD_AUTH", "mfa_configuration": "REQUIRED", "mfa_methods": ["SMS"]}}',
      found({ region: 'us-east-1', userPoolId: 'us-east-1_abc' }, ['clientId'], { hints: { signInFlow: 'USER_PASSWORD_AUTH', mfa: 'required', totp: false } }),
    ],
    [
      'aws-exports without aws_cognito_region: the pool ID region before the project region',
      'const awsmobile = { aws_project_region: "us-east-1", aws_user_pools_id: "eu-west-1_abc", aws_user_pools_web_client_id: "abc123" }; export default awsmobile;',
      found({ region: 'eu-west-1', userPoolId: 'eu-west-1_abc', clientId: 'abc123' }, [], { format: 'amplify-cli-config', syntax: 'javascript' }),
    ],
    [
      'an emulator pool ID with its region',
      '{"aws_project_region": "us-east-1", "aws_cognito_region": "us-east-1", "aws_user_pools_id": "local_AbC12345", "aws_user_pools_web_client_id": "abc123"}',
      found({ region: 'us-east-1', userPoolId: 'local_AbC12345', clientId: 'abc123' }),
    ],
    [
      'an emulator pool ID without a region: the region is missing',
      '{"auth": {"user_pool_id": "local_AbC12345", "user_pool_client_id": "abc123"}}',
      found({ userPoolId: 'local_AbC12345', clientId: 'abc123' }, ['region']),
    ],
    [
      'the region from the managed login domain when nothing else gives it',
      '{"auth": {"user_pool_client_id": "abc123", "oauth": {"domain": "app.auth.ca-central-1.amazoncognito.com"}}}',
      found({ region: 'ca-central-1', clientId: 'abc123', managedLoginDomain: 'app.auth.ca-central-1.amazoncognito.com' }, ['userPoolId']),
    ],
    [
      'a domain written as a URL, in capitals',
      '{"aws_user_pools_id": "us-east-1_abc", "oauth": {"domain": "https://Auth.Example.com/"}}',
      found({ region: 'us-east-1', userPoolId: 'us-east-1_abc', managedLoginDomain: 'auth.example.com' }, ['clientId']),
    ],
    [
      'values that are not strings, too long, blank or not a domain as missing',
      `{"auth": {"user_pool_id": 12, "user_pool_client_id": "${'a'.repeat(257)}", "aws_region": "  ", "oauth": {"domain": "not a domain"}}, "version": "1"}`,
      { kind: 'no-user-pool', format: 'amplify-outputs' },
    ],
    [
      'trimmed values',
      '{"auth": {"user_pool_id": " us-east-1_abc ", "user_pool_client_id": "\\tabc123\\n"}}',
      found({ region: 'us-east-1', userPoolId: 'us-east-1_abc', clientId: 'abc123' }),
    ],
    [
      'an Amplify JS v5 Auth.configure object with an expression for the region',
      `Auth.configure({ region: process.env.REGION, userPoolId: 'us-east-2_abc', userPoolWebClientId: 'abc123', authenticationFlowType: 'USER_PASSWORD_AUTH', oauth: { domain: 'login.example.org' } });`,
      found({ region: 'us-east-2', userPoolId: 'us-east-2_abc', clientId: 'abc123', managedLoginDomain: 'login.example.org' }, [], { format: 'amplify-configure', hints: { signInFlow: 'USER_PASSWORD_AUTH' } }),
    ],
    [
      'an Amplify JS v5 object under Auth',
      `export default { Auth: { region: 'us-east-1', userPoolId: 'local_AbC12345', userPoolWebClientId: 'abc123' } };`,
      found({ region: 'us-east-1', userPoolId: 'local_AbC12345', clientId: 'abc123' }, [], { format: 'amplify-configure' }),
    ],
    [
      'an Amplify JS v6 object with MFA settings',
      `Amplify.configure({ Auth: { Cognito: { userPoolId: 'us-east-1_abc', userPoolClientId: 'abc123', mfa: { status: 'on', totpEnabled: true, smsEnabled: false } } } });`,
      found({ region: 'us-east-1', userPoolId: 'us-east-1_abc', clientId: 'abc123' }, [], { hints: { mfa: 'required', totp: true } }),
    ],
    [
      'a config nested in an environment file',
      `export const environment = { production: false, amplify: { Auth: { Cognito: { userPoolId: 'eu-north-1_abc', userPoolClientId: 'abc123' } } } };`,
      found({ region: 'eu-north-1', userPoolId: 'eu-north-1_abc', clientId: 'abc123' }, [], { format: 'amplify-configure' }),
    ],
    [
      'JSON with comments and trailing commas',
      '{\n  // generated\n  "aws_user_pools_id": "us-east-1_abc",\n  "aws_user_pools_web_client_id": "abc123",\n}',
      found({ region: 'us-east-1', userPoolId: 'us-east-1_abc', clientId: 'abc123' }, [], { syntax: 'javascript' }),
    ],
    [
      'the client ID of the native OAuth section when the pool section has none',
      '{"auth": {"plugins": {"awsCognitoAuthPlugin": {"CognitoUserPool": {"Default": {"PoolId": "us-east-1_abc"}}, "Auth": {"Default": {"OAuth": {"AppClientId": "abc123"}}}}}}}',
      found({ region: 'us-east-1', userPoolId: 'us-east-1_abc', clientId: 'abc123' }, [], { format: 'amplify-plugin-config' }),
    ],
  ])('reads %s', (_, text, expected) => {
    expect(readProfileSource(text)).toMatchObject(expected);
  });

  it.each<[string, string, ProfileSource]>([
    ['Gen 1 with an API only', '{"aws_project_region": "us-east-1", "aws_appsync_region": "us-east-1"}', { kind: 'no-user-pool', format: 'amplify-cli-config', syntax: 'json' }],
    ['native config with credentials only', '{"auth": {"plugins": {"awsCognitoAuthPlugin": {"CredentialsProvider": {}}}}}', { kind: 'no-user-pool', format: 'amplify-plugin-config', syntax: 'json' }],
    [
      'Amplify JS with an identity pool only',
      `Amplify.configure({ Auth: { Cognito: { identityPoolId: 'us-east-1:1111' } } });`,
      { kind: 'no-user-pool', format: 'amplify-configure', syntax: 'javascript' },
    ],
  ])('says %s has no user pool', (_, text, expected) => {
    expect(readProfileSource(text)).toEqual(expected);
  });

  it('prefers a user pool found deeper to a config without one', () => {
    const text = JSON.stringify({ aws_project_region: 'us-east-1', backup: { aws_user_pools_id: 'us-east-1_abc' } });
    expect(readProfileSource(text)).toMatchObject({ kind: 'found', fields: { userPoolId: 'us-east-1_abc' } });
  });
});

describe('readProfileSource: URLs', () => {
  it.each<[string, string, object]>([
    [
      'a managed login /login URL',
      'https://keystep-demo.auth.ap-northeast-1.amazoncognito.com/login?client_id=1example23456789&response_type=code&scope=email+openid+phone&redirect_uri=https%3A%2F%2Fexample.com%2Fcallback',
      {
        format: 'managed-login-url',
        fields: { region: 'ap-northeast-1', clientId: '1example23456789', managedLoginDomain: 'keystep-demo.auth.ap-northeast-1.amazoncognito.com' },
        missing: ['userPoolId'],
      },
    ],
    [
      'an /oauth2/authorize URL',
      'https://keystep-demo.auth.us-east-1.amazoncognito.com/oauth2/authorize?response_type=code&client_id=abc123&redirect_uri=https://example.com/&state=STATE',
      { fields: { region: 'us-east-1', clientId: 'abc123', managedLoginDomain: 'keystep-demo.auth.us-east-1.amazoncognito.com' }, missing: ['userPoolId'] },
    ],
    [
      'a FIPS prefix domain',
      'https://keystep.auth-fips.us-gov-west-1.amazoncognito.com/login?client_id=abc123',
      { fields: { region: 'us-gov-west-1', clientId: 'abc123', managedLoginDomain: 'keystep.auth-fips.us-gov-west-1.amazoncognito.com' }, missing: ['userPoolId'] },
    ],
    [
      'a prefix domain without a client_id',
      'https://keystep-demo.auth.eu-west-1.amazoncognito.com/',
      { fields: { region: 'eu-west-1', managedLoginDomain: 'keystep-demo.auth.eu-west-1.amazoncognito.com' }, missing: ['userPoolId', 'clientId'] },
    ],
    [
      'a custom domain /oauth2/authorize URL',
      'https://auth.example.com/oauth2/authorize?client_id=abc123&response_type=code&redirect_uri=https://example.com/',
      { fields: { clientId: 'abc123', managedLoginDomain: 'auth.example.com' }, missing: ['region', 'userPoolId'] },
    ],
    ['a custom domain /login URL with a trailing slash', 'https://login.example.org/login/?client_id=abc123', { fields: { clientId: 'abc123', managedLoginDomain: 'login.example.org' } }],
    [
      'an issuer URL',
      'https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_AbC123xyZ/.well-known/openid-configuration',
      { format: 'issuer-url', fields: { region: 'ap-northeast-1', userPoolId: 'ap-northeast-1_AbC123xyZ' }, missing: ['clientId'] },
    ],
    ['a URL in angle brackets', '<https://auth.example.com/login?client_id=abc123>', { fields: { clientId: 'abc123', managedLoginDomain: 'auth.example.com' } }],
    ['a URL in quotes, with spaces around', '  "https://auth.example.com/login?client_id=abc123"\n', { fields: { clientId: 'abc123' } }],
  ])('reads %s', (_, text, expected) => {
    expect(readProfileSource(text)).toMatchObject({ kind: 'found', syntax: 'url', format: 'managed-login-url', ...expected });
  });

  it.each([
    ['another OAuth server', 'https://accounts.google.com/o/oauth2/v2/auth?client_id=abc123&response_type=code'],
    ['a custom domain without a client_id', 'https://auth.example.com/login'],
    ['a custom domain page that is not managed login', 'https://example.com/settings?client_id=abc123'],
    ['plain http', 'http://keystep-demo.auth.us-east-1.amazoncognito.com/login?client_id=abc123'],
    ['a port', 'https://auth.example.com:8443/login?client_id=abc123'],
    ['user info in the URL', 'https://user:pw@auth.example.com/login?client_id=abc123'],
    ['a URL that does not parse', 'https://exa mple.com/login'],
  ])('refuses %s', (_, text) => {
    expect(readProfileSource(text)).toEqual({ kind: 'unreadable', reason: text.includes(' ') ? 'unknown-text' : 'not-cognito-url' });
  });
});

describe('readProfileSource: unreadable text', () => {
  it.each<[string, string, string]>([
    ['empty text', '', 'empty'],
    ['white space', ' \n\t ', 'empty'],
    ['prose', 'my pool is in Tokyo', 'unknown-text'],
    ['JSON of another kind', '{"name": "keystep", "version": "0.1.0"}', 'unknown-json'],
    ['a JSON array', '[1, 2, 3]', 'unknown-json'],
    ['a JavaScript object of another kind', 'module.exports = { semi: false };', 'unknown-text'],
  ])('says why for %s', (_, text, reason) => {
    expect(readProfileSource(text)).toEqual({ kind: 'unreadable', reason });
  });

  it('refuses text over the size limits without reading it', () => {
    expect(readProfileSource(' '.repeat(MAX_SOURCE_LENGTH + 1))).toEqual({ kind: 'unreadable', reason: 'too-long' });
    const longScript = `const awsmobile = { aws_user_pools_id: "us-east-1_abc" }; // ${'x'.repeat(MAX_SCRIPT_LENGTH)}`;
    expect(readProfileSource(longScript)).toEqual({ kind: 'unreadable', reason: 'too-long' });
  });

  it('reads large JSON (an amplify_outputs.json with a data model) within the JSON limit', () => {
    const outputs = JSON.parse(sample('amplify_outputs.json')) as Record<string, unknown>;
    const model = Array.from({ length: 20_000 }, (_, index) => ({ name: `Model${index}`, fields: { id: { type: 'ID' } } }));
    const text = JSON.stringify({ ...outputs, data: { model_introspection: { models: model } } });
    expect(text.length).toBeGreaterThan(MAX_SCRIPT_LENGTH);
    expect(readProfileSource(text)).toMatchObject({ kind: 'found', fields: { userPoolId: 'ap-northeast-1_AbC123xyZ' } });
  });
});
