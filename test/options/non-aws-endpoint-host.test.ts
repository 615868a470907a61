import { describe, expect, it } from 'vitest';
import { nonAwsEndpointHost } from '../../src/options/non-aws-endpoint-host.ts';

describe('nonAwsEndpointHost', () => {
  it.each<[string, string | undefined, string | undefined]>([
    ['no endpoint (AWS)', undefined, undefined],
    ['an empty one', '  ', undefined],
    ['the AWS endpoint typed out', 'https://cognito-idp.ap-northeast-1.amazonaws.com/', undefined],
    ['a FIPS endpoint', 'https://cognito-idp-fips.us-east-1.amazonaws.com', undefined],
    ['a local emulator, with its port', 'http://127.0.0.1:9229', '127.0.0.1:9229'],
    ['localhost', ' http://localhost:4566 ', 'localhost:4566'],
    ['a proxy', 'https://proxy.example.com/cognito', 'proxy.example.com'],
    ['a look-alike of AWS', 'https://cognito-idp.us-east-1.amazonaws.com.example.net', 'cognito-idp.us-east-1.amazonaws.com.example.net'],
    ['AWS on another port', 'https://cognito-idp.us-east-1.amazonaws.com:8443', 'cognito-idp.us-east-1.amazonaws.com:8443'],
    ['AWS over plain http', 'http://cognito-idp.us-east-1.amazonaws.com', 'cognito-idp.us-east-1.amazonaws.com'],
    ['text that is not a URL yet', 'cognito.local', undefined],
  ])('%s', (_, endpoint, host) => {
    expect(nonAwsEndpointHost(endpoint)).toBe(host);
  });
});
