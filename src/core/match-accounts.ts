/**
 * Search as you type: every whitespace-separated term of the query must occur, case- and
 * accent-insensitively, in the issuer or the account name. An empty query matches all.
 */
export function matchAccounts<T extends { readonly issuer: string; readonly name: string }>(accounts: readonly T[], query: string): readonly T[] {
  const terms = fold(query).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return accounts;
  return accounts.filter((account) => {
    const haystack = fold(`${account.issuer} ${account.name}`);
    return terms.every((term) => haystack.includes(term));
  });
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
