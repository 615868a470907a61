import { describe, expect, it } from 'vitest';
import type { CognitoApi, GetUserInput } from '../../../src/cognito/cognito-api.ts';
import { CognitoNetworkError } from '../../../src/cognito/cognito-network-error.ts';
import { CognitoServiceError } from '../../../src/cognito/cognito-service-error.ts';
import { cognitoClockSample } from '../../../src/services/enrollment/cognito-clock-sample.ts';
import { fakeClock } from '../../support/fake-clock.ts';

const T = 1_700_000_000_000;

/** A GetUser that takes 200 ms on the fake clock, then answers `answer`. */
function api(answer: () => never | { serverDate?: number }, clock: ReturnType<typeof fakeClock>) {
  const inputs: GetUserInput[] = [];
  const getUser: CognitoApi['getUser'] = async (input) => {
    inputs.push(input);
    clock.advance(200);
    return Promise.resolve({ Username: 'x', UserAttributes: [], ...answer() });
  };
  return { getUser, inputs };
}

describe('cognitoClockSample', () => {
  it('reads the Date of the NotAuthorizedException Cognito answers a token it cannot accept', async () => {
    const clock = fakeClock(T);
    const fake = api(() => {
      throw new CognitoServiceError({ name: 'NotAuthorizedException', message: 'Invalid Access Token', status: 400, serverDate: T + 42_000 });
    }, clock);
    expect(await cognitoClockSample(fake, clock.now)()).toEqual({ sentAt: T, receivedAt: T + 200, serverDate: T + 42_000 });
    expect(fake.inputs).toEqual([{ AccessToken: 'keystep-clock-check' }]);
  });

  it('reads the Date of a success too', async () => {
    const clock = fakeClock(T);
    expect(await cognitoClockSample(api(() => ({ serverDate: T }), clock), clock.now)()).toEqual({ sentAt: T, receivedAt: T + 200, serverDate: T });
  });

  it.each<[string, () => never | { serverDate?: number }]>([
    ['an error answer without a readable Date', () => {
      throw new CognitoServiceError({ name: 'NotAuthorizedException', message: 'Invalid Access Token', status: 400 });
    }],
    ['a success without one', () => ({})],
  ])('gives no sample for %s', async (_, answer) => {
    const clock = fakeClock(T);
    expect(await cognitoClockSample(api(answer, clock), clock.now)()).toBeUndefined();
  });

  it('passes on a request that got no answer', async () => {
    const clock = fakeClock(T);
    const offline = new CognitoNetworkError('Failed to fetch', 'cognito-idp.us-east-1.amazonaws.com');
    await expect(cognitoClockSample(api(() => {
      throw offline;
    }, clock), clock.now)()).rejects.toBe(offline);
  });
});
