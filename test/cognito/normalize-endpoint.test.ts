import { describe, expect, it } from 'vitest';
import { defaultCognitoHost, normalizeEndpoint } from '../../src/cognito/normalize-endpoint.ts';

describe('normalizeEndpoint', () => {
  it.each<[string, string | undefined, string, string | undefined]>([
    ['no endpoint', undefined, 'us-east-1', undefined],
    ['a blank endpoint', '  ', 'us-east-1', undefined],
    ['the default AWS endpoint of the region', 'https://cognito-idp.us-east-1.amazonaws.com/', 'us-east-1', undefined],
    ['the default endpoint in upper case, without a slash', 'HTTPS://COGNITO-IDP.US-EAST-1.AMAZONAWS.COM', 'us-east-1', undefined],
    ['the default endpoint of a China region', 'https://cognito-idp.cn-north-1.amazonaws.com.cn', 'cn-north-1', undefined],
    ['the AWS endpoint of another region', 'https://cognito-idp.eu-west-1.amazonaws.com', 'us-east-1', 'https://cognito-idp.eu-west-1.amazonaws.com'],
    ['a FIPS endpoint', 'https://cognito-idp-fips.us-east-1.amazonaws.com/', 'us-east-1', 'https://cognito-idp-fips.us-east-1.amazonaws.com'],
    ['an emulator', 'http://127.0.0.1:9229', 'us-east-1', 'http://127.0.0.1:9229'],
    ['an emulator with a trailing slash', 'http://127.0.0.1:9229/', 'us-east-1', 'http://127.0.0.1:9229'],
    ['an upper-case host and the default port', 'HTTPS://Proxy.Example.COM:443/', 'us-east-1', 'https://proxy.example.com'],
    ['a path, slashes trimmed', 'https://proxy.example.com/cognito//', 'us-east-1', 'https://proxy.example.com/cognito'],
    ['a query kept, a fragment dropped', 'https://proxy.example.com/c?stage=dev#top', 'us-east-1', 'https://proxy.example.com/c?stage=dev'],
    ['text that is not a URL', ' not a url ', 'us-east-1', 'not a url'],
  ])('%s', (_, endpoint, region, expected) => {
    expect(normalizeEndpoint(endpoint, region)).toBe(expected);
  });

  it('names the host the SDK calls by default', () => {
    expect(defaultCognitoHost('ap-northeast-1')).toBe('cognito-idp.ap-northeast-1.amazonaws.com');
    expect(defaultCognitoHost('cn-northwest-1')).toBe('cognito-idp.cn-northwest-1.amazonaws.com.cn');
  });
});
