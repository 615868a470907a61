import { cognitoProblem, type CognitoProblem } from './cognito-problem.ts';
import type { CognitoAccountRef } from './enrollment-store.ts';
import { defaultCognitoHost } from './normalize-endpoint.ts';

/** The parts of a ref that can differ between the same user's accounts (the pool and username are the same). */
type TargetField = 'endpoint' | 'region' | 'clientId';

const PARAM: Readonly<Record<TargetField, string>> = { endpoint: 'Endpoint', region: 'Region', clientId: 'ClientId' };

/** The endpoint a ref talks to, as a URL: its custom endpoint, else the regional AWS one. */
const endpointUrl = (ref: CognitoAccountRef): string => ref.endpoint ?? `https://${defaultCognitoHost(ref.region)}`;

/**
 * Why Keystep does not answer this sign-in's SOFTWARE_TOKEN_MFA with the secret it holds for the same user: the
 * `stored-secret-other-target` notice, naming each of endpoint, region and app client that differs between where the
 * secret was enrolled and where the user signs in now (values, no secret).
 * @param enrolled the ref the stored account was enrolled with (same pool and username as `current`).
 * @param current the ref of this sign-in.
 */
export function otherTargetNotice(enrolled: CognitoAccountRef, current: CognitoAccountRef): CognitoProblem {
  const values: Readonly<Record<TargetField, readonly [string, string]>> = {
    endpoint: [endpointUrl(enrolled), endpointUrl(current)],
    region: [enrolled.region, current.region],
    clientId: [enrolled.clientId, current.clientId],
  };
  const params: Record<string, string> = { operation: 'RespondToAuthChallenge' };
  const differs: TargetField[] = [];
  for (const field of ['endpoint', 'region', 'clientId'] as const) {
    const [was, now] = values[field];
    // Endpoints compare as the refs hold them (normalized, none for AWS): an AWS endpoint typed out reads as none.
    const same = field === 'endpoint' ? enrolled.endpoint === current.endpoint : was === now;
    if (same) continue;
    differs.push(field);
    params[`enrolled${PARAM[field]}`] = was;
    params[`current${PARAM[field]}`] = now;
  }
  return cognitoProblem('stored-secret-other-target', { ...params, differs: differs.join(' ') });
}
