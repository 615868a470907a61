import type { AppClient } from '../server-model.ts';
import { secretHashMatches } from '../secret-hash.ts';
import { serviceErrors } from '../service-errors.ts';

/** InvalidParameterException "<FLOW> flow not enabled for this client" unless the client allows `allow`. */
export function requireAuthFlow(client: AppClient, allow: string, flowName: string): void {
  if (!client.explicitAuthFlows.includes(allow)) {
    throw serviceErrors.invalidParameter(`${flowName} flow not enabled for this client`);
  }
}

/**
 * For clients with a secret: the SECRET_HASH must be present and match one of `usernames` (the name the caller
 * sent; for refresh tokens also the internal username). Clients without a secret ignore it.
 */
export function checkSecretHash(client: AppClient, secretHash: string | undefined, usernames: readonly string[]): void {
  if (client.secret === undefined) return;
  if (secretHash === undefined) {
    throw serviceErrors.notAuthorized(`Client ${client.id} is configured for secret but secret was not received`);
  }
  const secret = client.secret;
  if (!usernames.some((name) => secretHashMatches(secretHash, secret, name, client.id))) {
    throw serviceErrors.notAuthorized(`Unable to verify secret hash for client ${client.id}`);
  }
}
