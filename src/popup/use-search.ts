import type { RefObject } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { matchAccounts } from '../core/match-accounts.ts';
import type { Account } from '../core/vault.ts';

export interface Search {
  readonly query: string;
  readonly setQuery: (query: string) => void;
  /** The accounts that match the query, in list order. */
  readonly shown: readonly Account[];
}

/**
 * The search box's query and the accounts it matches. While `shortcut` is on (no dialog open), "/" typed
 * anywhere but in a text field focuses the search box.
 */
export function useSearch(accounts: readonly Account[], searchBox: RefObject<HTMLInputElement | null>, shortcut: boolean): Search {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => matchAccounts(accounts, query), [accounts, query]);

  useEffect(() => {
    if (!shortcut) return;
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== '/') return;
      const target = event.target as HTMLElement;
      if (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA') return;
      event.preventDefault();
      searchBox.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [shortcut, searchBox]);

  return { query, setQuery, shown };
}
