import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { offsetClock } from '../core/clock-offset.ts';
import { clockOffsetItem } from '../platform/clock-offset-item.ts';

/**
 * The popup's clock for codes: `clock` plus this browser's clock offset (options page, Clock), followed as it
 * changes. `clock` is undefined until the offset has been read (together with the vault, in the same frame), so
 * no code is ever shown for the uncorrected time.
 */
export function useOffsetClock(clock: () => number): { readonly clock: (() => number) | undefined; readonly offsetSeconds: number } {
  const [offset, setOffset] = useState<number | undefined>(undefined);
  useLayoutEffect(() => {
    let live = true;
    clockOffsetItem.get().then(
      (value) => {
        if (live) setOffset((current) => current ?? value);
      },
      () => {
        if (live) setOffset((current) => current ?? 0);
      },
    );
    const stop = clockOffsetItem.watch(setOffset, () => setOffset(0));
    return () => {
      live = false;
      stop();
    };
  }, []);
  const corrected = useMemo(() => (offset === undefined ? undefined : offsetClock(clock, offset)), [clock, offset]);
  return { clock: corrected, offsetSeconds: offset ?? 0 };
}
