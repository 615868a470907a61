import type { OtpParameters } from './account.ts';
import { codeSchedule } from './code-schedule.ts';

/**
 * A TOTP code with less than this left is not filled: by the time the user submits it, and the server checks it,
 * it may have expired. Keystep waits for the next one instead.
 */
export const MIN_FILL_MS_LEFT = 3000;

/**
 * Periods this short or shorter are filled at once: waiting up to 3 s would cost half the period or more.
 */
export const MAX_PERIOD_WITHOUT_WAIT_SECONDS = 6;

/** Which code to fill, and when. */
export type FillStep =
  /** Fill the code of this step (TOTP time step, or the HOTP counter) now. */
  | { readonly kind: 'now'; readonly step: number }
  /** Wait until `at` (ms since the epoch, the same clock as `nowMs`), then fill the code of `step`: the next period's. */
  | { readonly kind: 'wait'; readonly at: number; readonly step: number };

/**
 * Which code to fill at `nowMs`: the HOTP counter's (the caller saves counter + 1 before filling), or the TOTP
 * code of now, unless less than MIN_FILL_MS_LEFT remain of a period longer than MAX_PERIOD_WITHOUT_WAIT_SECONDS:
 * then the next period's code, once it starts. Uses codeSchedule, the one place time steps are computed.
 * @param nowMs Unix time in ms, with the user's clock offset applied.
 */
export function fillStep(params: Pick<OtpParameters, 'type' | 'period' | 'counter'>, nowMs: number): FillStep {
  const { step, msLeft, nextDueAt } = codeSchedule(params, nowMs);
  if (msLeft === undefined || nextDueAt === undefined) return { kind: 'now', step };
  if (msLeft < MIN_FILL_MS_LEFT && params.period > MAX_PERIOD_WITHOUT_WAIT_SECONDS) return { kind: 'wait', at: nextDueAt, step: step + 1 };
  return { kind: 'now', step };
}
