import { useEffect, useState } from 'preact/hooks';

/**
 * The current time, re-rendered once per whole second: the single timer that drives every
 * row's countdown and code change. Rows never run timers of their own.
 */
export function useNow(clock: () => number): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    // A new clock (the clock offset was read or changed) shows its time at once, not at the next tick.
    setNow(clock());
    let timer: ReturnType<typeof setTimeout>;
    const schedule = (): void => {
      const current = clock();
      timer = setTimeout(tick, 1000 - (current % 1000) + 5);
    };
    const tick = (): void => {
      setNow(clock());
      schedule();
    };
    schedule();
    return () => clearTimeout(timer);
  }, [clock]);
  return now;
}
