/**
 * The stored Cognito profile list is not a list of valid profiles (damaged, or written by something else). It is
 * refused and left as it is: no page shows or writes it until it is repaired or removed. `field` names the bad
 * part, e.g. `cognitoProfiles[2].clientId`; neither it nor the message ever holds a stored value.
 */
export class StoredProfilesError extends Error {
  readonly code = 'profiles-unreadable';
  constructor(readonly field: string) {
    super(`The stored Cognito profiles cannot be read: ${field} is not valid`);
    this.name = 'StoredProfilesError';
  }
}
