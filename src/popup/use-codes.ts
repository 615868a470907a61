import { useMemo, useRef } from 'preact/hooks';
import { codeSchedule } from '../core/code-schedule.ts';
import type { CodeAt } from '../core/otp.ts';
import type { Account } from '../core/vault.ts';

/** Seconds before the end of a period in which the next code is shown too. */
export const NEXT_CODE_WINDOW = 5;

/** What a row shows: its code, `null` when it cannot be computed (a stored secret that does not decode). */
export interface RowCode {
  readonly code: string | null;
  /** The following code, in the last NEXT_CODE_WINDOW seconds of a TOTP period; undefined otherwise. */
  readonly next: string | null | undefined;
  /** Whole seconds left in the TOTP period (see codeSchedule); undefined for HOTP. */
  readonly secondsLeft: number | undefined;
}

export interface Codes {
  /** The rows' codes by account id, for the accounts asked for. */
  readonly rows: ReadonlyMap<string, RowCode>;
  /** The code of any account at a step, from the same cache (e.g. to copy). @throws what the generator throws. */
  codeAt(account: Account, step: number): string;
}

/** One account's generator and the codes it gave, valid while the account's secret and parameters stay. */
interface Entry {
  readonly secret: string;
  readonly algorithm: string;
  readonly digits: number;
  readonly generate: CodeAt | Error;
  /** By step; holds at most the steps the row shows (this one and the next). */
  readonly codes: Map<number, string>;
}

const matches = (entry: Entry | undefined, account: Account): entry is Entry =>
  entry !== undefined && entry.secret === account.secret && entry.algorithm === account.algorithm && entry.digits === account.digits;

function entryFor(account: Account, generatorFor: (account: Account) => CodeAt): Entry {
  let generate: CodeAt | Error;
  try {
    generate = generatorFor(account);
  } catch (error) {
    generate = error instanceof Error ? error : new Error(String(error));
  }
  return { secret: account.secret, algorithm: account.algorithm, digits: account.digits, generate, codes: new Map() };
}

function codeOf(entry: Entry, step: number): string {
  const known = entry.codes.get(step);
  if (known !== undefined) return known;
  if (entry.generate instanceof Error) throw entry.generate;
  const code = entry.generate(step);
  // Steps before this one are past for good (TOTP) or used up (HOTP): only this and the next are kept.
  for (const old of entry.codes.keys()) if (old < step - 1) entry.codes.delete(old);
  entry.codes.set(step, code);
  return code;
}

const orNull = (compute: () => string): string | null => {
  try {
    return compute();
  } catch {
    return null;
  }
};

/**
 * The codes of the accounts on screen, computed in the render that shows them: each account's secret is
 * decoded once (while its secret, algorithm and digits stay), each code is computed once per step, and
 * the accounts that leave the screen are forgotten, so memory stays flat with 5,000 accounts.
 *
 * @param visible the accounts whose rows are rendered.
 * @param now ms since the epoch (the popup's one clock).
 * @param generatorFor decodes an account's secret into its code generator (otpGenerator in the product).
 */
export function useCodes(visible: readonly Account[], now: number, generatorFor: (account: Account) => CodeAt): Codes {
  const cache = useRef(new Map<string, Entry>());
  const entry = (account: Account): Entry => {
    const known = cache.current.get(account.id);
    if (matches(known, account)) return known;
    const fresh = entryFor(account, generatorFor);
    cache.current.set(account.id, fresh);
    return fresh;
  };

  const rows = useMemo(() => {
    const shown = new Map<string, RowCode>();
    for (const account of visible) {
      const { step, secondsLeft } = codeSchedule(account, now);
      const current = entry(account);
      const next = secondsLeft !== undefined && secondsLeft <= NEXT_CODE_WINDOW ? orNull(() => codeOf(current, step + 1)) : undefined;
      shown.set(account.id, { code: orNull(() => codeOf(current, step)), next, secondsLeft });
    }
    for (const id of cache.current.keys()) if (!shown.has(id)) cache.current.delete(id);
    return shown;
    // generatorFor is fixed for the page's life (a prop default or a test's function).
  }, [visible, now]);

  return { rows, codeAt: (account, step) => codeOf(entry(account), step) };
}
