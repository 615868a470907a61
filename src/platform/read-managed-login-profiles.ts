import browser from 'webextension-polyfill';
import { COGNITO_PROFILES_KEY } from './cognito-profiles-key.ts';

/** What the popup's Sites dialog needs of a saved Cognito profile: which app client, and its managed-login domain. */
export interface ManagedLoginProfileFields {
  readonly region: string;
  readonly userPoolId: string;
  readonly clientId: string;
  readonly managedLoginDomain?: string;
}

/**
 * The saved Cognito profiles that name a managed-login domain, read leniently: an entry without the four text
 * fields is skipped, a damaged list reads as none (this only feeds a suggestion; the options page, which edits the
 * list, reads it strictly through cognito-profiles-item.ts). Without that module's validator, so the popup, which
 * only reads this for its Sites dialog, stays small.
 */
export async function readManagedLoginProfiles(): Promise<readonly ManagedLoginProfileFields[]> {
  const raw: unknown = (await browser.storage.local.get(COGNITO_PROFILES_KEY))[COGNITO_PROFILES_KEY];
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { region, userPoolId, clientId, managedLoginDomain } = entry as Record<string, unknown>;
    if (typeof region !== 'string' || typeof userPoolId !== 'string' || typeof clientId !== 'string' || typeof managedLoginDomain !== 'string') return [];
    return [{ region, userPoolId, clientId, managedLoginDomain }];
  });
}
