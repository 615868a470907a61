import type { TotpGenerator } from './totp-generator.ts';
import { COGNITO_TOTP_PERIOD_MS, msUntilNextStep, totpStep } from './totp-timing.ts';

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
  /** TOTP step, ms; default 30,000. */
  readonly periodMs?: number;
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
  const period = options.periodMs ?? COGNITO_TOTP_PERIOD_MS;
  const margin = options.boundaryMarginMs ?? 3000;
  const madeAt = options.now();
  const code = await options.generateTotp(options.secret, madeAt);
  try {
    return await submit(code);
  } catch (error: unknown) {
    if (!options.isCodeRejected(error)) throw error;
    const rolledOver = totpStep(options.now(), period) !== totpStep(madeAt, period);
    const nearEnd = msUntilNextStep(madeAt, period) <= margin;
    if (!rolledOver && !nearEnd) throw error;
    if (totpStep(options.now(), period) === totpStep(madeAt, period)) {
      await options.sleep(msUntilNextStep(options.now(), period) + BOUNDARY_GUARD_MS);
    }
    return submit(await options.generateTotp(options.secret, options.now()));
  }
}
