// Writes Bitwarden JSON exports for tests, from Bitwarden's public description
// (https://bitwarden.com/help/export-your-data/, https://bitwarden.com/help/encrypted-export/).

/** A login item (type 1) with a TOTP key (null for none); `overrides` replace item fields, `login` login fields. */
export function bitwardenLogin(
  name: string,
  username: string | null,
  totp: string | null,
  overrides: Record<string, unknown> = {},
  login: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: '3f4c7b8e-0000-4000-8000-000000000001',
    organizationId: null,
    folderId: null,
    type: 1,
    reprompt: 0,
    name,
    notes: null,
    favorite: false,
    login: { fido2Credentials: [], uris: [{ match: null, uri: 'https://example.com' }], username, password: 'hunter2', totp, ...login },
    collectionIds: null,
    ...overrides,
  };
}

/** A secure note (type 2): not a login, never an account. */
export const BITWARDEN_NOTE: Readonly<Record<string, unknown>> = { type: 2, name: 'Note', notes: 'text', secureNote: { type: 0 }, favorite: false };

/** A plain (unencrypted) export of `items`. */
export function bitwardenExport(items: readonly unknown[]): string {
  return JSON.stringify({ encrypted: false, folders: [], items }, null, 2);
}

/** An account-restricted encrypted export: fields are EncStrings ("2.iv|ct|mac"). */
export const BITWARDEN_ACCOUNT_ENCRYPTED = JSON.stringify({
  encrypted: true,
  encKeyValidation_DO_NOT_EDIT: '2.AAAAAAAAAAAAAAAAAAAAAA==|AAAA|AAAA',
  folders: [],
  items: [{ type: 1, name: '2.AAAAAAAAAAAAAAAAAAAAAA==|AAAA|AAAA', login: { totp: '2.AAAAAAAAAAAAAAAAAAAAAA==|AAAA|AAAA' } }],
});

/** A password-protected encrypted export. */
export const BITWARDEN_PASSWORD_ENCRYPTED = JSON.stringify({
  encrypted: true,
  passwordProtected: true,
  salt: 'c2FsdHNhbHRzYWx0',
  kdfType: 0,
  kdfIterations: 600000,
  kdfMemory: null,
  kdfParallelism: null,
  encKeyValidation_DO_NOT_EDIT: '2.AAAAAAAAAAAAAAAAAAAAAA==|AAAA|AAAA',
  data: '2.AAAAAAAAAAAAAAAAAAAAAA==|AAAA|AAAA',
});
