import { codeSchedule } from '../core/code-schedule.ts';
import { COGNITO_TOTP } from './cognito-account-draft.ts';
import type { TotpGenerator } from './totp-generator.ts';

/** Options of {@link submitTotpWithRollover}. */
export interface TotpRolloverOptions {
  /** Canonical base32 secret. */
  readonly secret: string;
  readonly generateTotp: TotpGenerator;
  /** Local clock, ms since the epoch. */
  readonly now: () => number;
  /** Waits `ms` milliseconds. */
  readonly sleep: (ms: number) => Promise<void>;
  /** True when the failure is "wrong code" (the only failure worth a second code). */
  readonly isCodeRejected: (error: unknown) => boolean;
  /**
   * A code generated with this little time left in its step may have expired on the way; default 3000 ms.
   */
  readonly boundaryMarginMs?: number;
}

/** Extra wait after a step boundary so that a timer that fires a little early still lands in the new step. */
const BOUNDARY_GUARD_MS = 50;

/**
 * Generates the current code and submits it; when the code is rejected and its time step ended during the
 * call (or was within `boundaryMarginMs` of ending when the code was made), submits the NEXT step's code
 * exactly once, first waiting for that step to begin if needed. Any other rejection, and a second one, is
 * rethrown. (Cognito checks codes against its own clock; a code that straddles a boundary is the one
 * failure a retry fixes without help from the user.)
 */
export async function submitTotpWithRollover<T>(submit: (code: string) => Promise<T>, options: TotpRolloverOptions): Promise<T> {
  const margin = options.boundaryMarginMs ?? 3000;
  const at = (nowMs: number) => codeSchedule(COGNITO_TOTP, nowMs);
  const madeAt = options.now();
  const made = at(madeAt);
  const code = await options.generateTotp(options.secret, madeAt);
  try {
    return await submit(code);
  } catch (error: unknown) {
    if (!options.isCodeRejected(error)) throw error;
    const rolledOver = at(options.now()).step !== made.step;
    const nearEnd = (made.msLeft ?? 0) <= margin;
    if (!rolledOver && !nearEnd) throw error;
    const current = at(options.now());
    if (current.step === made.step) await options.sleep((current.msLeft ?? 0) + BOUNDARY_GUARD_MS);
    return submit(await options.generateTotp(options.secret, options.now()));
  }
}
