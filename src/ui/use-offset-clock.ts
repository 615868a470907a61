import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { clockOffsetItem } from '../platform/clock-offset-item.ts';

/**
 * The clock one-time codes are computed with on a page: `clock` plus this browser's clock offset (options page,
 * Fill & clock), followed as the setting changes. `clock` is undefined until the offset has been read (with the
 * vault, in the same frame), so no code is computed for the uncorrected time; from then on it is one stable
 * function (a running Cognito enrollment keeps its flow when the offset changes). `offsetSeconds` re-renders the
 * page when the offset changes.
 */
export function useOffsetClock(clock: () => number): { readonly clock: (() => number) | undefined; readonly offsetSeconds: number } {
  const [offset, setOffset] = useState<number | undefined>(undefined);
  const current = useRef(0);
  current.current = offset ?? 0;
  useLayoutEffect(() => {
    let live = true;
    clockOffsetItem.get().then(
      (value) => {
        if (live) setOffset((known) => known ?? value);
      },
      () => {
        if (live) setOffset((known) => known ?? 0);
      },
    );
    const stop = clockOffsetItem.watch(setOffset, () => setOffset(0));
    return () => {
      live = false;
      stop();
    };
  }, []);
  const loaded = offset !== undefined;
  const corrected = useMemo(() => (loaded ? () => clock() + current.current * 1000 : undefined), [clock, loaded]);
  return { clock: corrected, offsetSeconds: offset ?? 0 };
}
