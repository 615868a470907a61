import { describe, expect, it } from 'vitest';
import { isAwsCognitoEndpoint } from '../../src/cognito/is-aws-cognito-endpoint.ts';

// Hosts from "Amazon Cognito endpoints and quotas" (https://docs.aws.amazon.com/general/latest/gr/cognito.html) and the
// AWS SDK's endpoint rules (src/cognito/is-aws-cognito-endpoint.ts says which).
describe('isAwsCognitoEndpoint', () => {
  it.each([
    'https://cognito-idp.us-east-1.amazonaws.com',
    'https://cognito-idp.ap-northeast-1.amazonaws.com/',
    'https://COGNITO-IDP.EU-WEST-1.AMAZONAWS.COM/',
    '  https://cognito-idp.eu-central-2.amazonaws.com  ',
    'https://cognito-idp-fips.us-east-2.amazonaws.com',
    'https://cognito-idp-fips.us-gov-west-1.amazonaws.com',
    'https://cognito-idp.us-gov-east-1.amazonaws.com',
    'https://cognito-idp.cn-north-1.amazonaws.com.cn',
    'https://cognito-idp.cn-northwest-1.amazonaws.com.cn/',
    'https://cognito-idp.us-west-2.api.aws',
    'https://cognito-idp-fips.us-east-1.api.aws',
    'https://cognito-idp.cn-north-1.api.amazonwebservices.com.cn',
    'https://cognito-idp.us-east-1.amazonaws.com:443/',
  ])('accepts %s', (url) => {
    expect(isAwsCognitoEndpoint(url)).toBe(true);
  });

  it.each([
    ['a local emulator', 'http://127.0.0.1:9229'],
    ['LocalStack', 'http://localhost:4566'],
    ['a proxy', 'https://proxy.example.com/cognito'],
    ['plain http to AWS', 'http://cognito-idp.us-east-1.amazonaws.com'],
    ['another port', 'https://cognito-idp.us-east-1.amazonaws.com:8443'],
    ['credentials in the URL', 'https://user:pw@cognito-idp.us-east-1.amazonaws.com'],
    ['a look-alike domain', 'https://cognito-idp.us-east-1.amazonaws.com.example.com'],
    ['a subdomain of a look-alike', 'https://cognito-idp.us-east-1.amazonaws.co'],
    ['another AWS service', 'https://cognito-identity.us-east-1.amazonaws.com'],
    ['a managed-login domain', 'https://example.auth.us-east-1.amazoncognito.com'],
    ['a host that only contains it', 'https://evil-cognito-idp.us-east-1.amazonaws.com'],
    ['no region', 'https://cognito-idp.amazonaws.com'],
    ['a region that is not one', 'https://cognito-idp.local.amazonaws.com'],
    ['a China region under the global suffix', 'https://cognito-idp.cn-north-1.amazonaws.com'],
    ['a global region under the China suffix', 'https://cognito-idp.us-east-1.amazonaws.com.cn'],
    ['not a URL', 'cognito-idp.us-east-1.amazonaws.com'],
    ['empty', ''],
  ])('refuses %s', (_, url) => {
    expect(isAwsCognitoEndpoint(url)).toBe(false);
  });
});
