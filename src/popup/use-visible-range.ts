import { useCallback, useMemo, useState } from 'preact/hooks';
import type { Account } from '../core/vault.ts';
import { INITIAL_VIEWPORT_PX, visibleRange, type VisibleRange } from './account-list.tsx';

export interface Windowed {
  /** The accounts whose rows the list renders. */
  readonly visible: readonly Account[];
  /** For the list to report the rows in view (a stable function). */
  readonly onRange: (range: VisibleRange) => void;
}

/**
 * The slice of `shown` the windowed list renders, as the list reports it; until the list has measured
 * itself, the rows a popup-sized viewport shows.
 */
export function useVisibleRange(shown: readonly Account[]): Windowed {
  const [range, setRange] = useState<VisibleRange>(() => visibleRange(0, INITIAL_VIEWPORT_PX, Number.MAX_SAFE_INTEGER));
  const onRange = useCallback((next: VisibleRange) => setRange(next), []);
  const visible = useMemo(() => shown.slice(range.start, range.end), [shown, range]);
  return { visible, onRange };
}
