/** The storage key (chrome.storage.local) of the Cognito connection profile list: cognito-profiles-item.ts declares the item. */
export const COGNITO_PROFILES_KEY = 'cognitoProfiles';
