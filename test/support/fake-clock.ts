/** A clock the tests move by hand; sleep() records the wait and moves the clock, never a real timer. */
export interface FakeClock {
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly advance: (ms: number) => void;
  /** Every wait asked for, ms, in order. */
  readonly sleeps: number[];
}

/** A FakeClock starting at `startMs` (ms since the epoch). */
export function fakeClock(startMs: number): FakeClock {
  let t = startMs;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: (ms) => {
      sleeps.push(ms);
      t += ms;
      return Promise.resolve();
    },
    advance: (ms) => {
      t += ms;
    },
    sleeps,
  };
}
