import { useEffect, useRef, useState } from 'preact/hooks';
import type { Account } from '../core/vault.ts';

/** Seconds before the end of a period in which the next code is shown too. */
export const NEXT_CODE_WINDOW = 5;

/** A code, or `null` when it could not be computed (a stored secret that does not decode). */
export type CodeMap = ReadonlyMap<string, string | null>;

export interface CodeRequest {
  readonly account: Account;
  /** TOTP time step or HOTP counter. */
  readonly step: number;
}

/**
 * Everything a code depends on. The secret is part of it because it can change under the same id
 * (a pending Cognito enrollment re-associated); the key stays in this page's memory.
 */
export const codeKey = ({ account, step }: CodeRequest): string => `${account.id}:${account.algorithm}:${account.digits}:${account.secret}:${step}`;

/**
 * Computes the codes the page needs (only the visible rows ask), caches them by account and
 * step, and drops those no longer needed, so memory stays flat with 500 accounts.
 */
export function useCodes(requests: readonly CodeRequest[], generate: (request: CodeRequest) => Promise<string>): CodeMap {
  const [codes, setCodes] = useState<CodeMap>(new Map());
  const inFlight = useRef(new Set<string>());
  const wanted = requests.map(codeKey).join('|');

  useEffect(() => {
    const keys = new Set(wanted.split('|'));
    setCodes((previous) => {
      const kept = [...previous].filter(([key]) => keys.has(key));
      return kept.length === previous.size ? previous : new Map(kept);
    });
    const missing = requests.filter((request) => {
      const key = codeKey(request);
      return !codes.has(key) && !inFlight.current.has(key);
    });
    if (missing.length === 0) return;
    for (const request of missing) inFlight.current.add(codeKey(request));
    // One state update for the whole batch, so the first paint shows every visible code at once.
    void Promise.all(
      missing.map((request) =>
        generate(request).then(
          (code): [string, string | null] => [codeKey(request), code],
          (): [string, string | null] => [codeKey(request), null],
        ),
      ),
    ).then((entries) => {
      for (const [key] of entries) inFlight.current.delete(key);
      setCodes((previous) => {
        const next = new Map(previous);
        for (const [key, code] of entries) next.set(key, code);
        return next;
      });
    });
    // `requests` is summarised by `wanted`; codes is read to skip work already done.
  }, [wanted]);
  return codes;
}
