/**
 * How an account is named to people: "Issuer (name)", or whichever of the two exists.
 * Empty when both are empty; the UI substitutes its own placeholder text.
 */
export function accountLabel(account: { readonly issuer: string; readonly name: string }): string {
  const issuer = account.issuer.trim();
  const name = account.name.trim();
  if (issuer && name) return `${issuer} (${name})`;
  return issuer || name;
}
